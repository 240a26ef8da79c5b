/* record.c — parsing and writing the typed records of anon-stream 1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "stream.h"

int
record_is(const struct record *r, const char *t)
{
	return strcmp(r->field[0], t) == 0;
}

/* Parses a decimal field into *v.  Returns 0 or -1. */
static int
num(const struct record *r, size_t i, unsigned long *v)
{
	char	*e;

	if (i >= r->nfield || r->fieldlen[i] == 0 ||
	    r->field[i][0] < '0' || r->field[i][0] > '9')
		return -1;
	errno = 0;
	*v = strtoul(r->field[i], &e, 10);
	return *e != '\0' || errno != 0 ? -1 : 0;
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
record_mention(const struct record *r, struct mention_list *l)
{
	unsigned long	 text, conf;
	size_t		 start, end;

	if (!record_is(r, "mention") || r->nfield < 10 ||
	    span(r, &text, &start, &end) == -1 || num(r, 7, &conf) == -1 ||
	    conf > 100)
		return -1;
	return mention_list_add(l, text, start, end, r->field[4],
	    r->field[5], r->field[6], (int)conf, r->field[8], r->field[9]);
}

int
write_text(struct stream_writer *w, const struct text_unit *t)
{
	char		 id[24];
	const char	*f[5];
	size_t		 len[5];

	snprintf(id, sizeof(id), "%lu", t->id);
	f[0] = "text", f[1] = id, f[2] = t->where, f[3] = t->eol, f[4] = t->text;
	len[0] = 4, len[1] = strlen(id), len[2] = strlen(t->where);
	len[3] = strlen(t->eol), len[4] = t->len;
	return stream_writen(w, 5, f, len);
}

int
write_mention(struct stream_writer *w, const struct mention *m,
    const char *text)
{
	char		 id[24], s[24], e[24], c[8];
	const char	*f[11];
	size_t		 len[11], i;

	snprintf(id, sizeof(id), "%lu", m->text);
	snprintf(s, sizeof(s), "%zu", m->start);
	snprintf(e, sizeof(e), "%zu", m->end);
	snprintf(c, sizeof(c), "%d", m->conf);
	f[0] = "mention", f[1] = id, f[2] = s, f[3] = e, f[4] = m->type;
	f[5] = m->subtype, f[6] = m->rule, f[7] = c, f[8] = m->key;
	f[9] = m->hint, f[10] = text != NULL ? text + m->start : "";
	for (i = 0; i < 10; i++)
		len[i] = strlen(f[i]);
	len[10] = text != NULL ? m->end - m->start : 0;
	return stream_writen(w, 11, f, len);
}

int
write_replacement(struct stream_writer *w, const struct replacement *p)
{
	char		 id[24], s[24], e[24];
	const char	*f[5];

	snprintf(id, sizeof(id), "%lu", p->text);
	snprintf(s, sizeof(s), "%zu", p->start);
	snprintf(e, sizeof(e), "%zu", p->end);
	f[0] = id, f[1] = s, f[2] = e, f[3] = p->entity, f[4] = p->repl;
	return stream_write(w, "replace", 5, f);
}

int
write_flag(struct stream_writer *w, const struct flag *fl)
{
	char		 id[24], s[24], e[24];
	const char	*f[6];

	snprintf(id, sizeof(id), "%lu", fl->text);
	snprintf(s, sizeof(s), "%zu", fl->start);
	snprintf(e, sizeof(e), "%zu", fl->end);
	f[0] = id, f[1] = s, f[2] = e, f[3] = fl->category;
	f[4] = fl->severity, f[5] = fl->reason;
	return stream_write(w, "flag", 6, f);
}

int
write_meta(struct stream_writer *w, const char *key, const char *value)
{
	const char	*f[2] = { key, value };

	return stream_write(w, "meta", 2, f);
}

static char *
dup0(const char *s)
{
	return strdup(s != NULL ? s : "");
}

int
mention_list_add(struct mention_list *l, unsigned long text, size_t start,
    size_t end, const char *type, const char *subtype, const char *rule,
    int conf, const char *key, const char *hint)
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
	m->type = dup0(type);
	m->subtype = dup0(subtype);
	m->rule = dup0(rule);
	m->key = dup0(key);
	m->hint = dup0(hint);
	if (m->type == NULL || m->subtype == NULL || m->rule == NULL ||
	    m->key == NULL || m->hint == NULL) {
		free(m->type), free(m->subtype), free(m->rule);
		free(m->key), free(m->hint);
		return -1;
	}
	l->n++;
	return 0;
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

void
mention_list_clear(struct mention_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].type);
		free(l->v[i].subtype);
		free(l->v[i].rule);
		free(l->v[i].key);
		free(l->v[i].hint);
	}
	l->n = 0;
}

void
mention_list_release(struct mention_list *l)
{
	mention_list_clear(l);
	free(l->v);
	l->v = NULL;
	l->cap = 0;
}
