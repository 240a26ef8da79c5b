/*
 * casefile.c — the case file parser (RFC 4180 CSV, as Excel writes it).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "casefile.h"
#include "sbuf.h"
#include "utf8.h"

static const char *const role_names[ROLE__COUNT] = {
	"subject-child", "sibling", "half-sibling", "mother", "father",
	"mother-partner", "father-partner", "grandmother", "grandfather",
	"other-child", "other-adult", "professional"
};

enum column { COL_NAME, COL_ROLE, COL_ALIASES, COL_DOB, COL_ADDRESS,
	COL_POSTCODE, COL_PSEUDONYM, COL__COUNT };

static const char *const column_names[COL__COUNT] = {
	"name", "role", "aliases", "dob", "address", "postcode", "pseudonym"
};

#define MAXCOLS 64

const char *
case_role_name(enum case_role r)
{
	return r >= 0 && r < ROLE__COUNT ? role_names[r] : "?";
}

int
case_role_parse(const char *s, size_t len)
{
	int	 i;

	for (i = 0; i < ROLE__COUNT; i++)
		if (strlen(role_names[i]) == len &&
		    strncmp(role_names[i], s, len) == 0)
			return i;
	return -1;
}

int
case_role_gender(int role)
{
	switch (role) {
	case ROLE_MOTHER:
	case ROLE_GRANDMOTHER:
		return 'f';
	case ROLE_FATHER:
	case ROLE_GRANDFATHER:
		return 'm';
	default:
		return 0;
	}
}

int
case_role_is_child(int role)
{
	return role == ROLE_SUBJECT_CHILD || role == ROLE_SIBLING ||
	    role == ROLE_HALF_SIBLING || role == ROLE_OTHER_CHILD;
}

/* One CSV record being parsed: fields as offsets into buf. */
struct row {
	struct sbuf	 buf;
	size_t		 off[MAXCOLS];
	size_t		 n;
	size_t		 line;
};

struct parser {
	const char	*p, *end;
	size_t		 line;
	const char	*name;
	char		*err;
	size_t		 errlen;
};

static int
perr(struct parser *ps, size_t line, const char *msg)
{
	snprintf(ps->err, ps->errlen, "%s:%zu: %s", ps->name, line, msg);
	return -1;
}

/* Reads one record.  Returns 1, 0 at end of input, -1 on error. */
static int
read_row(struct parser *ps, struct row *r)
{
	int	 quoted;
	char	 c;

	sbuf_reset(&r->buf);
	r->n = 0;
	if (ps->p >= ps->end)
		return 0;
	r->line = ps->line;
	for (;;) {
		if (r->n == MAXCOLS)
			return perr(ps, r->line, "too many columns");
		r->off[r->n++] = r->buf.len;
		quoted = 0;
		if (ps->p < ps->end && *ps->p == '"') {
			quoted = 1;
			ps->p++;
		}
		for (;;) {
			if (ps->p >= ps->end) {
				if (quoted)
					return perr(ps, r->line,
					    "unterminated quoted field");
				break;
			}
			c = *ps->p;
			if (quoted) {
				if (c == '"') {
					if (ps->p + 1 < ps->end &&
					    ps->p[1] == '"') {
						ps->p += 2;
						if (sbuf_addc(&r->buf, '"') == -1)
							goto oom;
						continue;
					}
					ps->p++;
					quoted = 0;
					if (ps->p < ps->end && *ps->p != ',' &&
					    *ps->p != '\n' && *ps->p != '\r')
						return perr(ps, ps->line,
						    "text after a closing quote");
					continue;
				}
				if (c == '\n')
					ps->line++;
			} else if (c == ',' || c == '\n' || c == '\r')
				break;
			else if (c == '"')
				return perr(ps, ps->line,
				    "quote inside an unquoted field");
			if (sbuf_addc(&r->buf, c) == -1)
				goto oom;
			ps->p++;
		}
		if (sbuf_addc(&r->buf, '\0') == -1)
			goto oom;
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == '\r')
			ps->p++;
		if (ps->p < ps->end && *ps->p == '\n')
			ps->p++;
		ps->line++;
		return 1;
	}
oom:
	return perr(ps, r->line, "out of memory");
}

static const char *
field(const struct row *r, int col)
{
	if (col < 0 || (size_t)col >= r->n)
		return "";
	return r->buf.buf + r->off[col];
}

/* Returns a copy of s with leading and trailing spaces removed. */
static char *
trimdup(const char *s)
{
	size_t	 len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return strndup(s, len);
}

static int
valid_dob(const char *s)
{
	int	 i;

	if (*s == '\0')
		return 1;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	return s[10] == '\0' && strncmp(s + 5, "13", 2) < 0 &&
	    strncmp(s + 5, "00", 2) > 0 && strncmp(s + 8, "32", 2) < 0 &&
	    strncmp(s + 8, "00", 2) > 0;
}

static int
split_aliases(struct case_person *p, const char *s)
{
	const char	*semi;
	char		*a, **v;

	for (;;) {
		semi = strchr(s, ';');
		if ((a = strndup(s, semi ? (size_t)(semi - s) : strlen(s))) ==
		    NULL)
			return -1;
		{
			char *t = trimdup(a);

			free(a);
			if ((a = t) == NULL)
				return -1;
		}
		if (*a != '\0') {
			v = reallocarray(p->alias, p->nalias + 1, sizeof(*v));
			if (v == NULL) {
				free(a);
				return -1;
			}
			p->alias = v;
			p->alias[p->nalias++] = a;
		} else
			free(a);
		if (semi == NULL)
			return 0;
		s = semi + 1;
	}
}

static void
person_release(struct case_person *p)
{
	size_t	 i;

	free(p->name);
	for (i = 0; i < p->nalias; i++)
		free(p->alias[i]);
	free(p->alias);
	free(p->dob);
	free(p->address);
	free(p->postcode);
	free(p->pseudonym);
}

void
casefile_free(struct casefile *cf)
{
	size_t	 i;

	if (cf == NULL)
		return;
	for (i = 0; i < cf->nperson; i++)
		person_release(&cf->person[i]);
	free(cf->person);
	free(cf);
}

struct casefile *
casefile_parse(const char *buf, size_t len, const char *name, char *err,
    size_t errlen)
{
	struct parser	 ps;
	struct row	 row;
	struct casefile	*cf;
	struct case_person *p, *v;
	int		 col[COL__COUNT], rc, role, c;
	size_t		 i, bad, line;
	char		 msg[160];

	memset(&row, 0, sizeof(row));
	ps.p = buf, ps.end = buf + len, ps.line = 1;
	ps.name = name, ps.err = err, ps.errlen = errlen;
	if (!utf8_valid(buf, len, &bad)) {
		for (line = 1, i = 0; i < bad; i++)
			line += buf[i] == '\n';
		perr(&ps, line, "invalid UTF-8");
		return NULL;
	}
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		ps.p += 3;		/* Excel's byte order mark */
	if ((cf = calloc(1, sizeof(*cf))) == NULL) {
		perr(&ps, 1, "out of memory");
		return NULL;
	}
	if ((rc = read_row(&ps, &row)) <= 0) {
		if (rc == 0)
			perr(&ps, 1, "empty file: no header row");
		goto fail;
	}
	for (c = 0; c < COL__COUNT; c++)
		col[c] = -1;
	for (i = 0; i < row.n; i++) {
		char *h = trimdup(field(&row, (int)i));

		if (h == NULL)
			goto oom;
		for (c = 0; c < COL__COUNT; c++)
			if (strcasecmp(h, column_names[c]) == 0 && col[c] < 0)
				col[c] = (int)i;
		free(h);
	}
	if (col[COL_NAME] < 0 || col[COL_ROLE] < 0) {
		perr(&ps, 1, "header row lacks a name or role column");
		goto fail;
	}
	while ((rc = read_row(&ps, &row)) == 1) {
		if (row.n == 1 && *field(&row, 0) == '\0')
			continue;		/* blank line */
		v = reallocarray(cf->person, cf->nperson + 1, sizeof(*v));
		if (v == NULL)
			goto oom;
		cf->person = v;
		p = &cf->person[cf->nperson];
		memset(p, 0, sizeof(*p));
		cf->nperson++;
		p->line = row.line;
		if ((p->name = trimdup(field(&row, col[COL_NAME]))) == NULL ||
		    (p->dob = trimdup(field(&row, col[COL_DOB]))) == NULL ||
		    (p->address = trimdup(field(&row, col[COL_ADDRESS]))) ==
		    NULL ||
		    (p->postcode = trimdup(field(&row, col[COL_POSTCODE]))) ==
		    NULL ||
		    (p->pseudonym = trimdup(field(&row, col[COL_PSEUDONYM]))) ==
		    NULL || split_aliases(p, field(&row, col[COL_ALIASES])) == -1)
			goto oom;
		if (*p->name == '\0') {
			perr(&ps, row.line, "empty name");
			goto fail;
		}
		{
			char *r = trimdup(field(&row, col[COL_ROLE]));

			if (r == NULL)
				goto oom;
			role = case_role_parse(r, strlen(r));
			if (role < 0) {
				snprintf(msg, sizeof(msg), "unknown role '%.60s'",
				    r);
				free(r);
				perr(&ps, row.line, msg);
				goto fail;
			}
			free(r);
		}
		p->role = (enum case_role)role;
		if (!valid_dob(p->dob)) {
			snprintf(msg, sizeof(msg), "bad date of birth '%.40s' "
			    "(want YYYY-MM-DD)", p->dob);
			perr(&ps, row.line, msg);
			goto fail;
		}
	}
	if (rc < 0)
		goto fail;
	sbuf_release(&row.buf);
	return cf;
oom:
	perr(&ps, ps.line, "out of memory");
fail:
	sbuf_release(&row.buf);
	casefile_free(cf);
	return NULL;
}

struct casefile *
casefile_load(const char *path, char *err, size_t errlen)
{
	struct casefile	*cf;
	struct sbuf	 b = SBUF_INIT;
	FILE		*fp;
	char		 chunk[8192];
	size_t		 n;

	if ((fp = fopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (sbuf_add(&b, chunk, n) == -1) {
			snprintf(err, errlen, "%s: out of memory", path);
			fclose(fp);
			sbuf_release(&b);
			return NULL;
		}
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		fclose(fp);
		sbuf_release(&b);
		return NULL;
	}
	fclose(fp);
	cf = casefile_parse(b.buf != NULL ? b.buf : "", b.len, path, err,
	    errlen);
	sbuf_release(&b);
	return cf;
}
