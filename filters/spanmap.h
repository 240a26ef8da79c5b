/*
 * spanmap.h — does a span overlap any of a set of mentions?  In O(log n)
 * a question, where mention_list_overlaps() is a pass over the list that
 * makes a scan quadratic on a long paragraph.
 *
 * spanmap_hit() answers exactly what mention_list_overlaps() answers for
 * the spans added.  The map owns its array; spanmap_release() frees it.
 * Nothing here prints or exits.
 */
#ifndef SPANMAP_H
#define SPANMAP_H

#include <stddef.h>

#include "record.h"

struct span_s {
	size_t	 s, e;		/* [s, e) */
	size_t	 maxe;		/* the largest e of this span and those before */
};

struct spanmap {
	struct span_s	*v;	/* sorted by start */
	size_t		 n;
	size_t		 cap;
};

#define SPANMAP_INIT { NULL, 0, 0 }

/* Empties the map (len, the text's length, is not needed).  Returns 0. */
int	spanmap_reset(struct spanmap *, size_t len);
/* Adds [start, end) in O(n).  Returns 0 or -1 (ENOMEM). */
int	spanmap_add(struct spanmap *, size_t start, size_t end);
/* Adds every mention of l (or none when l is NULL) in O(n log n).
 * Returns 0 or -1 (ENOMEM). */
int	spanmap_add_list(struct spanmap *, const struct mention_list *l);
/* Returns 1 when [start, end) overlaps a mention added, else 0. */
int	spanmap_hit(const struct spanmap *, size_t start, size_t end);
void	spanmap_release(struct spanmap *);

#endif /* SPANMAP_H */
