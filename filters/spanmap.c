/*
 * spanmap.c — overlap tests against a set of mentions (spanmap.h).
 *
 * The spans are kept sorted by start, each with the largest end among it
 * and those before it.  [s, e) overlaps a span [ms, me) when ms < e and
 * s < me (mention_list_overlaps()); so it overlaps one of the set exactly
 * when, among the spans starting before e, the largest end exceeds s.  A
 * binary search finds those spans, so a test costs O(log n) and the map
 * O(n) memory, whatever the paragraph's length.
 */
#include <stdlib.h>
#include <string.h>

#include "spanmap.h"

int
spanmap_reset(struct spanmap *m, size_t len)
{
	(void)len;
	m->n = 0;
	return 0;
}

static int
grow(struct spanmap *m, size_t want)
{
	struct span_s	*v;
	size_t		 cap;

	if (want <= m->cap)
		return 0;
	cap = m->cap ? m->cap : 16;
	while (cap < want)
		cap *= 2;
	if ((v = reallocarray(m->v, cap, sizeof(*v))) == NULL)
		return -1;
	m->v = v;
	m->cap = cap;
	return 0;
}

/* Recomputes the running largest end from index i on. */
static void
runmax(struct spanmap *m, size_t i)
{
	for (; i < m->n; i++)
		m->v[i].maxe = i > 0 && m->v[i - 1].maxe > m->v[i].e ?
		    m->v[i - 1].maxe : m->v[i].e;
}

/* The number of spans that start before e. */
static size_t
before(const struct spanmap *m, size_t e)
{
	size_t	 lo = 0, hi = m->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (m->v[mid].s < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
spanmap_add(struct spanmap *m, size_t start, size_t end)
{
	size_t	 k;

	if (grow(m, m->n + 1) == -1)
		return -1;
	k = before(m, start + 1);	/* after every span starting at start */
	memmove(m->v + k + 1, m->v + k, (m->n - k) * sizeof(*m->v));
	m->v[k].s = start;
	m->v[k].e = end;
	m->n++;
	runmax(m, k);
	return 0;
}

static int
bystart(const void *a, const void *b)
{
	const struct span_s *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

int
spanmap_add_list(struct spanmap *m, const struct mention_list *l)
{
	size_t	 i;

	if (l == NULL || l->n == 0)
		return 0;
	if (grow(m, m->n + l->n) == -1)
		return -1;
	for (i = 0; i < l->n; i++) {
		m->v[m->n].s = l->v[i].start;
		m->v[m->n].e = l->v[i].end;
		m->n++;
	}
	if (m->n > 1)
		qsort(m->v, m->n, sizeof(*m->v), bystart);
	runmax(m, 0);
	return 0;
}

int
spanmap_hit(const struct spanmap *m, size_t start, size_t end)
{
	size_t	 k = before(m, end);

	return k > 0 && m->v[k - 1].maxe > start;
}

void
spanmap_release(struct spanmap *m)
{
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}
