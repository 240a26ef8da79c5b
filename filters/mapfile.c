/*
 * mapfile.c — reading and writing the pseudonym map (docs/anon-map.5).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mapfile.h"
#include "sbuf.h"
#include "stream.h"

#define MAP_MAXFIELDS	8
#define MAP_MAXSIZE	(64L * 1024 * 1024)

static char *
dupstr(const char *s)
{
	return strdup(s == NULL ? "" : s);
}

void
anon_map_release(struct anon_map *m)
{
	size_t	 i, j;

	for (i = 0; i < m->nent; i++) {
		struct map_entity *e = &m->ent[i];

		free(e->id);
		free(e->type);
		free(e->role);
		free(e->pseudonym);
		free(e->canonical);
		for (j = 0; j < e->nkey; j++) {
			free(e->key[j].kind);
			free(e->key[j].value);
		}
		free(e->key);
	}
	free(m->ent);
	m->ent = NULL;
	m->nent = m->capent = 0;
	m->has_shift = 0;
	m->date_shift = 0;
}

struct map_entity *
anon_map_find(const struct anon_map *m, const char *id)
{
	size_t	 i;

	for (i = 0; i < m->nent; i++)
		if (strcmp(m->ent[i].id, id) == 0)
			return &m->ent[i];
	return NULL;
}

struct map_entity *
anon_map_add_entity(struct anon_map *m, const char *id, const char *type,
    const char *role, const char *pseudonym, const char *canonical)
{
	struct map_entity	*e, *v;
	size_t			 cap;

	if (id == NULL || *id == '\0' || anon_map_find(m, id) != NULL)
		return NULL;
	if (m->nent == m->capent) {
		cap = m->capent ? m->capent * 2 : 16;
		if ((v = reallocarray(m->ent, cap, sizeof(*v))) == NULL)
			return NULL;
		m->ent = v;
		m->capent = cap;
	}
	e = &m->ent[m->nent];
	memset(e, 0, sizeof(*e));
	e->id = dupstr(id);
	e->type = dupstr(type);
	e->role = dupstr(role);
	e->pseudonym = dupstr(pseudonym);
	e->canonical = dupstr(canonical);
	m->nent++;
	if (e->id == NULL || e->type == NULL || e->role == NULL ||
	    e->pseudonym == NULL || e->canonical == NULL)
		return NULL;	/* freed by anon_map_release() */
	return e;
}

int
anon_map_add_key(struct map_entity *e, const char *kind, const char *value)
{
	struct map_key	*v;
	size_t		 i, cap;

	for (i = 0; i < e->nkey; i++)
		if (strcmp(e->key[i].kind, kind) == 0 &&
		    strcmp(e->key[i].value, value) == 0)
			return 0;
	if (e->nkey == e->capkey) {
		cap = e->capkey ? e->capkey * 2 : 8;
		if ((v = reallocarray(e->key, cap, sizeof(*v))) == NULL)
			return -1;
		e->key = v;
		e->capkey = cap;
	}
	v = &e->key[e->nkey];
	v->kind = strdup(kind);
	v->value = strdup(value);
	if (v->kind == NULL || v->value == NULL) {
		free(v->kind);
		free(v->value);
		return -1;
	}
	e->nkey++;
	return 0;
}

/*
 * Splits line (modified in place) at TABs and unescapes each field.
 * Returns the number of fields, or -1 on a bad escape or too many fields.
 */
static long
split(char *line, size_t len, char **f, size_t max)
{
	size_t	 n = 0, i, start = 0;
	long	 l;

	for (i = 0; i <= len; i++) {
		if (i < len && line[i] != '\t')
			continue;
		if (n == max)
			return -1;
		l = stream_unescape(line + start, line + start, i - start);
		if (l < 0)
			return -1;
		line[start + l] = '\0';
		f[n++] = line + start;
		start = i + 1;
	}
	return (long)n;
}

static int
parse_long(const char *s, long *out)
{
	char	*end;
	long	 v;

	if (*s == '\0')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

int
anon_map_parse(struct anon_map *m, const char *buf, size_t len,
    const char *name, char *err, size_t errlen)
{
	struct map_entity	*e;
	char			*copy, *line, *f[MAP_MAXFIELDS];
	size_t			 pos = 0, eol, lineno = 0;
	long			 nf, v;
	int			 rc = -1;

	if ((copy = malloc(len + 1)) == NULL) {
		snprintf(err, errlen, "%s: %s", name, strerror(ENOMEM));
		return -1;
	}
	memcpy(copy, buf, len);
	copy[len] = '\0';

	while (pos < len) {
		lineno++;
		eol = pos;
		while (eol < len && copy[eol] != '\n')
			eol++;
		line = copy + pos;
		if (memchr(line, '\0', eol - pos) != NULL) {
			snprintf(err, errlen, "%s:%zu: NUL byte in line", name,
			    lineno);
			goto out;
		}
		copy[eol] = '\0';
		if (eol > pos && copy[eol - 1] == '\r')
			copy[eol - 1] = '\0';
		pos = eol + 1;
		if (lineno == 1) {
			nf = split(line, strlen(line), f, MAP_MAXFIELDS);
			if (nf < 2 || strcmp(f[0], ANON_MAP_MAGIC) != 0) {
				snprintf(err, errlen, "%s:1: not an anon-map "
				    "file (no \"anon-map 1\" header)", name);
				goto out;
			}
			if (parse_long(f[1], &v) == -1 || v != ANON_MAP_VERSION) {
				snprintf(err, errlen, "%s:1: unsupported map "
				    "version %s", name, f[1]);
				goto out;
			}
			continue;
		}
		if (*line == '\0' || *line == '#')
			continue;
		if ((nf = split(line, strlen(line), f, MAP_MAXFIELDS)) < 0) {
			snprintf(err, errlen, "%s:%zu: bad escape or too many "
			    "fields", name, lineno);
			goto out;
		}
		if (strcmp(f[0], "date-shift") == 0) {
			if (nf < 2 || parse_long(f[1], &v) == -1) {
				snprintf(err, errlen, "%s:%zu: date-shift needs "
				    "a number of days", name, lineno);
				goto out;
			}
			m->has_shift = 1;
			m->date_shift = v;
		} else if (strcmp(f[0], "entity") == 0) {
			if (nf < 6 || *f[1] == '\0' || *f[2] == '\0' ||
			    *f[4] == '\0') {
				snprintf(err, errlen, "%s:%zu: entity needs ID, "
				    "TYPE, ROLE, PSEUDONYM and CANONICAL", name,
				    lineno);
				goto out;
			}
			if (anon_map_find(m, f[1]) != NULL) {
				snprintf(err, errlen, "%s:%zu: entity %s "
				    "defined twice", name, lineno, f[1]);
				goto out;
			}
			if (anon_map_add_entity(m, f[1], f[2], f[3], f[4],
			    f[5]) == NULL) {
				snprintf(err, errlen, "%s: %s", name,
				    strerror(ENOMEM));
				goto out;
			}
		} else if (strcmp(f[0], "key") == 0) {
			if (nf < 4 || *f[2] == '\0' || *f[3] == '\0') {
				snprintf(err, errlen, "%s:%zu: key needs ID, "
				    "KIND and VALUE", name, lineno);
				goto out;
			}
			if ((e = anon_map_find(m, f[1])) == NULL) {
				snprintf(err, errlen, "%s:%zu: key for unknown "
				    "entity %s", name, lineno, f[1]);
				goto out;
			}
			if (anon_map_add_key(e, f[2], f[3]) == -1) {
				snprintf(err, errlen, "%s: %s", name,
				    strerror(ENOMEM));
				goto out;
			}
		}
		/* Other record types are ignored: later versions may add some. */
	}
	if (lineno == 0) {
		snprintf(err, errlen, "%s: empty map file", name);
		goto out;
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

int
anon_map_load(struct anon_map *m, const char *path, char *err,
    size_t errlen)
{
	struct stat	 st;
	char		*buf = NULL;
	size_t		 len = 0;
	ssize_t		 r;
	int		 fd, rc = -1;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		if (errno == ENOENT)
			return 1;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: map file is not a regular file",
		    path);
		goto out;
	}
	if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		snprintf(err, errlen, "%s: map file is accessible by other "
		    "users (mode %04o); it holds the real names: chmod 600 it",
		    path, (unsigned)(st.st_mode & 07777));
		goto out;
	}
	if (st.st_size > MAP_MAXSIZE) {
		snprintf(err, errlen, "%s: map file too large", path);
		goto out;
	}
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(ENOMEM));
		goto out;
	}
	while (len < (size_t)st.st_size) {
		r = read(fd, buf + len, (size_t)st.st_size - len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	rc = anon_map_parse(m, buf, len, path, err, errlen);
out:
	free(buf);
	close(fd);
	return rc;
}

static int
field(struct sbuf *sb, const char *s, int last)
{
	if (stream_escape(sb, s, strlen(s)) == -1)
		return -1;
	return sbuf_addc(sb, last ? '\n' : '\t');
}

int
anon_map_format(const struct anon_map *m, struct sbuf *sb)
{
	const struct map_entity	*e;
	size_t			 i, j;

	if (sbuf_printf(sb, "%s\t%d\n", ANON_MAP_MAGIC, ANON_MAP_VERSION) == -1)
		return -1;
	if (sbuf_adds(sb, "# anonymise pseudonym map: it holds real names; "
	    "keep it private (see anon-map(5))\n") == -1)
		return -1;
	if (m->has_shift &&
	    sbuf_printf(sb, "date-shift\t%ld\n", m->date_shift) == -1)
		return -1;
	for (i = 0; i < m->nent; i++) {
		e = &m->ent[i];
		if (field(sb, "entity", 0) == -1 || field(sb, e->id, 0) == -1 ||
		    field(sb, e->type, 0) == -1 ||
		    field(sb, e->role, 0) == -1 ||
		    field(sb, e->pseudonym, 0) == -1 ||
		    field(sb, e->canonical, 1) == -1)
			return -1;
		for (j = 0; j < e->nkey; j++)
			if (field(sb, "key", 0) == -1 ||
			    field(sb, e->id, 0) == -1 ||
			    field(sb, e->key[j].kind, 0) == -1 ||
			    field(sb, e->key[j].value, 1) == -1)
				return -1;
	}
	return 0;
}

int
anon_map_save(const struct anon_map *m, const char *path, char *err,
    size_t errlen)
{
	struct sbuf	 sb = SBUF_INIT;
	char		*tmp = NULL;
	size_t		 off = 0, n;
	ssize_t		 w;
	int		 fd = -1, rc = -1;

	if (anon_map_format(m, &sb) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(ENOMEM));
		goto out;
	}
	n = strlen(path) + sizeof(".XXXXXX");
	if ((tmp = malloc(n)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(ENOMEM));
		goto out;
	}
	snprintf(tmp, n, "%s.XXXXXX", path);
	/* mkstemp(3) creates the file with mode 0600 whatever the umask. */
	if ((fd = mkstemp(tmp)) == -1) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	if (fchmod(fd, S_IRUSR | S_IWUSR) == -1) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	while (off < sb.len) {
		w = write(fd, sb.buf + off, sb.len - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1) {
			snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
			goto out;
		}
		off += (size_t)w;
	}
	if (fsync(fd) == -1) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	if (close(fd) == -1) {
		fd = -1;
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	rc = 0;
out:
	if (fd != -1)
		close(fd);
	if (tmp != NULL) {
		unlink(tmp);
		free(tmp);
	}
	sbuf_release(&sb);
	return rc;
}
