/*
 * spanmap.h — which bytes of a paragraph mentions cover, for overlap
 * tests in time proportional to the span asked about rather than to the
 * number of mentions (mention_list_overlaps() is a pass over the list,
 * which makes a scan quadratic on a long paragraph).
 *
 * spanmap_hit() answers exactly what mention_list_overlaps() answers for
 * the mentions added, for any start <= end <= the length given to
 * spanmap_reset().  Nothing here prints or exits.
 */
#ifndef SPANMAP_H
#define SPANMAP_H

#include <stddef.h>

#include "record.h"

struct spanmap {
	unsigned char	*b;	/* one byte per text byte, and one more */
	size_t		 len;	/* the text's length */
	size_t		 cap;
};

#define SPANMAP_INIT { NULL, 0, 0 }

/* Empties the map for a text of len bytes.  Returns 0 or -1 (ENOMEM). */
int	spanmap_reset(struct spanmap *, size_t len);
/* Adds [start, end), in time proportional to its length. */
void	spanmap_add(struct spanmap *, size_t start, size_t end);
/*
 * Adds every mention of l, in time proportional to the number of mentions
 * times its logarithm plus the text's length, however they overlap.
 * Returns 0 or -1 (ENOMEM).
 */
int	spanmap_add_list(struct spanmap *, const struct mention_list *l);
/* Returns 1 when [start, end) overlaps a mention added, else 0. */
int	spanmap_hit(const struct spanmap *, size_t start, size_t end);
void	spanmap_release(struct spanmap *);

#endif /* SPANMAP_H */
