/* record.c — parsing and writing the typed records of anon-stream 1. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "stream.h"

int
record_is(const struct record *r, const char *t)
{
	const char	*f = r->field[0];
	size_t		 i;

	/* Called for every record by every stage, with a short t: the
	 * first byte decides most of them. */
	for (i = 0; t[i] != '\0'; i++)
		if (f[i] != t[i])
			return 0;
	return f[i] == '\0';
}

/* Parses a decimal field into *v: digits only, no overflow.  Returns 0 or
 * -1. */
static int
num(const struct record *r, size_t i, unsigned long *v)
{
	const char	*p;
	unsigned long	 x = 0, d;
	size_t		 k, n;

	if (i >= r->nfield || (n = r->fieldlen[i]) == 0)
		return -1;
	p = r->field[i];
	/* Up to 9 digits cannot overflow; longer numbers are checked. */
	for (k = 0; k < n; k++) {
		d = (unsigned long)((unsigned char)p[k] - '0');
		if (d > 9 || (n > 9 && x > (ULONG_MAX - d) / 10))
			return -1;
		x = x * 10 + d;
	}
	*v = x;
	return 0;
}

/* Writes v in decimal at buf (room for 20 digits); returns the length. */
static size_t
utoa(char *buf, unsigned long v)
{
	char	 tmp[24];
	size_t	 n = 0, i;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return n;
}

/* Parses TEXT-ID START END at fields 1..3. */
static int
span(const struct record *r, unsigned long *text, size_t *start, size_t *end)
{
	unsigned long	 s, e;

	if (num(r, 1, text) == -1 || num(r, 2, &s) == -1 ||
	    num(r, 3, &e) == -1 || s > e)
		return -1;
	*start = s;
	*end = e;
	return 0;
}

int
record_text(const struct record *r, struct text_unit *t)
{
	if (!record_is(r, "text") || r->nfield < 5 || num(r, 1, &t->id) == -1)
		return -1;
	t->where = r->field[2];
	t->eol = r->field[3];
	t->text = r->field[4];
	t->len = r->fieldlen[4];
	return 0;
}

int
record_replacement(const struct record *r, struct replacement *p)
{
	if (!record_is(r, "replace") || r->nfield < 6 ||
	    span(r, &p->text, &p->start, &p->end) == -1)
		return -1;
	p->entity = r->field[4];
	p->repl = r->field[5];
	return 0;
}

int
record_flag(const struct record *r, struct flag *f)
{
	if (!record_is(r, "flag") || r->nfield < 7 ||
	    span(r, &f->text, &f->start, &f->end) == -1)
		return -1;
	f->category = r->field[4];
	f->severity = r->field[5];
	f->reason = r->field[6];
	return 0;
}

int
record_mention_view(const struct record *r, struct mention *m)
{
	unsigned long	 conf;

	if (!record_is(r, "mention") || r->nfield < 10 ||
	    span(r, &m->text, &m->start, &m->end) == -1 ||
	    num(r, 7, &conf) == -1 || conf > 100)
		return -1;
	m->type = r->field[4];
	m->subtype = r->field[5];
	m->rule = r->field[6];
	m->conf = (int)conf;
	m->key = r->field[8];
	m->hint = r->field[9];
	return 0;
}

static int	addn(struct mention_list *, unsigned long, size_t, size_t,
		    int, const char *const [5], const size_t [5]);

static char	*keep(struct mention_list *, const char *, size_t);

int
record_mention(const struct record *r, struct mention_list *l)
{
	struct mention	 m, *v;
	const char	*str[5];
	size_t		 len[5], k, cap;
	char		*p;

	if (record_mention_view(r, &m) == -1)
		return -1;
	/*
	 * As the reader leaves them, fields 4 to 9 follow one another, each
	 * ended by its NUL: one copy of them all (the confidence between
	 * them is harmless).
	 */
	for (k = 4; k < 9; k++)
		if (r->field[k] + r->fieldlen[k] + 1 != r->field[k + 1])
			break;
	if (k == 9 && m.start <= m.end) {
		if (l->n == l->cap) {
			cap = l->cap ? l->cap * 2 : 16;
			if ((v = reallocarray(l->v, cap, sizeof(*v))) == NULL)
				return -1;
			l->v = v;
			l->cap = cap;
		}
		if ((p = keep(l, r->field[4], (size_t)(r->field[9] -
		    r->field[4]) + r->fieldlen[9])) == NULL)
			return -1;
		m.type = p;
		m.subtype = p + (r->field[5] - r->field[4]);
		m.rule = p + (r->field[6] - r->field[4]);
		m.key = p + (r->field[8] - r->field[4]);
		m.hint = p + (r->field[9] - r->field[4]);
		l->v[l->n++] = m;
		return 0;
	}
	/* The fields' lengths are known: no strlen() of each. */
	str[0] = m.type, len[0] = r->fieldlen[4];
	str[1] = m.subtype, len[1] = r->fieldlen[5];
	str[2] = m.rule, len[2] = r->fieldlen[6];
	str[3] = m.key, len[3] = r->fieldlen[8];
	str[4] = m.hint, len[4] = r->fieldlen[9];
	return addn(l, m.text, m.start, m.end, m.conf, str, len);
}

int
write_text(struct stream_writer *w, const struct text_unit *t)
{
	char		 id[24];
	const char	*f[5];
	size_t		 len[5];

	f[0] = "text", f[1] = id, f[2] = t->where, f[3] = t->eol, f[4] = t->text;
	len[0] = 4, len[1] = utoa(id, t->id), len[2] = strlen(t->where);
	len[3] = strlen(t->eol), len[4] = t->len;
	return stream_writen(w, 5, f, len);
}

int
write_mention(struct stream_writer *w, const struct mention *m,
    const char *text)
{
	char		 id[24], s[24], e[24], c[24];
	const char	*f[11];
	size_t		 len[11];

	f[0] = "mention", f[1] = id, f[2] = s, f[3] = e, f[4] = m->type;
	f[5] = m->subtype, f[6] = m->rule, f[7] = c, f[8] = m->key;
	f[9] = m->hint, f[10] = text != NULL ? text + m->start : "";
	len[0] = 7;
	len[1] = utoa(id, m->text);
	len[2] = utoa(s, m->start);
	len[3] = utoa(e, m->end);
	if (m->conf < 0) {
		c[0] = '-';
		len[7] = 1 + utoa(c + 1, (unsigned long)-(long)m->conf);
	} else
		len[7] = utoa(c, (unsigned long)m->conf);
	len[4] = strlen(m->type), len[5] = strlen(m->subtype);
	len[6] = strlen(m->rule), len[8] = strlen(m->key);
	len[9] = strlen(m->hint);
	len[10] = text != NULL ? m->end - m->start : 0;
	return stream_writen(w, 11, f, len);
}

int
write_replacement(struct stream_writer *w, const struct replacement *p)
{
	char		 id[24], s[24], e[24];
	const char	*f[6];
	size_t		 len[6];

	f[0] = "replace", f[1] = id, f[2] = s, f[3] = e;
	f[4] = p->entity, f[5] = p->repl;
	len[0] = 7;
	len[1] = utoa(id, p->text);
	len[2] = utoa(s, p->start);
	len[3] = utoa(e, p->end);
	len[4] = p->entity != NULL ? strlen(p->entity) : 0;
	len[5] = p->repl != NULL ? strlen(p->repl) : 0;
	return stream_writen(w, 6, f, len);
}

int
write_flag(struct stream_writer *w, const struct flag *fl)
{
	char		 id[24], s[24], e[24];
	const char	*f[7];
	size_t		 len[7];

	f[0] = "flag", f[1] = id, f[2] = s, f[3] = e, f[4] = fl->category;
	f[5] = fl->severity, f[6] = fl->reason;
	len[0] = 4;
	len[1] = utoa(id, fl->text);
	len[2] = utoa(s, fl->start);
	len[3] = utoa(e, fl->end);
	len[4] = fl->category != NULL ? strlen(fl->category) : 0;
	len[5] = fl->severity != NULL ? strlen(fl->severity) : 0;
	len[6] = fl->reason != NULL ? strlen(fl->reason) : 0;
	return stream_writen(w, 7, f, len);
}

int
write_meta(struct stream_writer *w, const char *key, const char *value)
{
	const char	*f[2] = { key, value };

	return stream_write(w, "meta", 2, f);
}

struct mention_block {
	struct mention_block	*next;
	size_t			 len, cap;
	char			 data[];
};

#define MENTION_BLOCK	4096

/* Copies s (n bytes; NULL = "") into the list's blocks, NUL-terminated.
 * Returns the copy or NULL. */
static char *
keep(struct mention_list *l, const char *s, size_t n)
{
	struct mention_block	*b = l->blocks;
	size_t			 cap;
	char			*p;

	if (s == NULL)
		n = 0;
	if (n == (size_t)-1)
		return NULL;
	if (b == NULL || b->cap - b->len < n + 1) {
		cap = b != NULL ? b->cap * 2 : MENTION_BLOCK;
		if (cap < n + 1)
			cap = n + 1;
		if ((b = malloc(sizeof(*b) + cap)) == NULL)
			return NULL;
		b->next = l->blocks;
		b->len = 0;
		b->cap = cap;
		l->blocks = b;
	}
	p = b->data + b->len;
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	b->len += n + 1;
	return p;
}

/* mention_list_add() with the lengths of the strings known. */
static int
addn(struct mention_list *l, unsigned long text, size_t start, size_t end,
    int conf, const char *const str[5], const size_t len[5])
{
	struct mention	*m, *v;
	size_t		 cap;

	if (start > end) {
		errno = EINVAL;
		return -1;
	}
	if (l->n == l->cap) {
		cap = l->cap ? l->cap * 2 : 16;
		if ((v = reallocarray(l->v, cap, sizeof(*v))) == NULL)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	m = &l->v[l->n];
	m->text = text;
	m->start = start;
	m->end = end;
	m->conf = conf;
	if ((m->type = keep(l, str[0], len[0])) == NULL ||
	    (m->subtype = keep(l, str[1], len[1])) == NULL ||
	    (m->rule = keep(l, str[2], len[2])) == NULL ||
	    (m->key = keep(l, str[3], len[3])) == NULL ||
	    (m->hint = keep(l, str[4], len[4])) == NULL)
		return -1;
	l->n++;
	return 0;
}

int
mention_list_add(struct mention_list *l, unsigned long text, size_t start,
    size_t end, const char *type, const char *subtype, const char *rule,
    int conf, const char *key, const char *hint)
{
	const char	*str[5] = { type, subtype, rule, key, hint };
	size_t		 len[5], i;

	for (i = 0; i < 5; i++)
		len[i] = str[i] != NULL ? strlen(str[i]) : 0;
	return addn(l, text, start, end, conf, str, len);
}

int
mention_list_overlaps(const struct mention_list *l, size_t start, size_t end)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].start < end && start < l->v[i].end)
			return 1;
	return 0;
}

/* Keeps the newest (largest) block, emptied, and frees the others. */
void
mention_list_clear(struct mention_list *l)
{
	struct mention_block	*b, *next;

	if (l->blocks != NULL) {
		for (b = l->blocks->next; b != NULL; b = next) {
			next = b->next;
			free(b);
		}
		l->blocks->next = NULL;
		l->blocks->len = 0;
	}
	l->n = 0;
}

void
mention_list_release(struct mention_list *l)
{
	mention_list_clear(l);
	free(l->blocks);
	l->blocks = NULL;
	free(l->v);
	l->v = NULL;
	l->cap = 0;
}
