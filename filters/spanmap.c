/*
 * spanmap.c — byte coverage of mentions (spanmap.h).
 *
 * Overlap, as mention_list_overlaps() defines it: [s, e) and [ms, me)
 * overlap when ms < e and s < me.  For a non-empty question that is "a
 * byte of [s, e) lies in a non-empty mention, or an empty mention sits
 * strictly inside (s, e)"; for an empty one (s == e) it is "s lies
 * strictly inside a mention".  Three bits per byte keep those facts.
 */
#include <stdlib.h>
#include <string.h>

#include "spanmap.h"

#define COVER	 0x01	/* ms <= i < me, a non-empty mention */
#define INSIDE	 0x02	/* ms < i < me */
#define POINT	 0x04	/* an empty mention at i */

int
spanmap_reset(struct spanmap *m, size_t len)
{
	unsigned char	*nb;

	if (len + 1 > m->cap) {
		if ((nb = realloc(m->b, len + 1)) == NULL)
			return -1;
		m->b = nb;
		m->cap = len + 1;
	}
	m->len = len;
	memset(m->b, 0, len + 1);
	return 0;
}

/* Paints bit over [from, to) clamped to the map, starting at *done. */
static void
paint(struct spanmap *m, size_t from, size_t to, unsigned char bit,
    size_t *done)
{
	size_t	 i;

	if (to > m->len + 1)
		to = m->len + 1;
	if (done != NULL) {
		if (from < *done)
			from = *done;
		if (to > *done)
			*done = to;
	}
	for (i = from; i < to; i++)
		m->b[i] |= bit;
}

void
spanmap_add(struct spanmap *m, size_t start, size_t end)
{
	if (start > m->len)
		return;		/* overlaps no question about the text */
	if (start == end) {
		m->b[start] |= POINT;
		return;
	}
	if (start > end)
		return;
	paint(m, start, end, COVER, NULL);
	paint(m, start + 1, end, INSIDE, NULL);
}

struct pair {
	size_t	 s, e;
};

static int
cmppair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

int
spanmap_add_list(struct spanmap *m, const struct mention_list *l)
{
	struct pair	*p;
	size_t		 i, n = 0, dc = 0, di = 0;

	if (l == NULL || l->n == 0)
		return 0;
	if ((p = malloc(l->n * sizeof(*p))) == NULL)
		return -1;
	for (i = 0; i < l->n; i++) {
		if (l->v[i].start > m->len || l->v[i].start > l->v[i].end)
			continue;
		if (l->v[i].start == l->v[i].end) {
			m->b[l->v[i].start] |= POINT;
			continue;
		}
		p[n].s = l->v[i].start;
		p[n].e = l->v[i].end;
		n++;
	}
	/* In order of start, each byte is painted once per bit. */
	if (n > 1)
		qsort(p, n, sizeof(*p), cmppair);
	for (i = 0; i < n; i++) {
		paint(m, p[i].s, p[i].e, COVER, &dc);
		paint(m, p[i].s + 1, p[i].e, INSIDE, &di);
	}
	free(p);
	return 0;
}

int
spanmap_hit(const struct spanmap *m, size_t start, size_t end)
{
	size_t	 i;

	if (start > m->len)
		return 0;
	if (end > m->len)
		end = m->len;	/* outside the contract; stay in bounds */
	if (start >= end)
		return (m->b[start] & INSIDE) != 0;
	for (i = start; i < end; i++)
		if ((m->b[i] & COVER) || (i > start && (m->b[i] & POINT)))
			return 1;
	return 0;
}

void
spanmap_release(struct spanmap *m)
{
	free(m->b);
	m->b = NULL;
	m->len = m->cap = 0;
}
