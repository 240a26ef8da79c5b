/*
 * pseudo_hash.h — a string-keyed multimap of small integers (entity
 * indexes) for anon-pseudo's lookups.  Keys are copied; lists keep
 * insertion order and hold each value once.  The table is never iterated
 * in slot order, so hash order cannot leak into any output.  A key costs
 * its bytes, a 48-byte entry and two to four 4-byte slots.
 */
#ifndef PSEUDO_HASH_H
#define PSEUDO_HASH_H

#include <stddef.h>

struct phash;

/* Returns an empty table, or NULL when out of memory.  Free with phash_free(). */
struct phash	*phash_new(void);
void		 phash_free(struct phash *);

/*
 * Adds value v under key (len bytes).  Returns 1 when added, 0 when the key
 * already held v, -1 when out of memory.
 */
int		 phash_add(struct phash *, const char *key, size_t len, size_t v);

/*
 * Returns the values under key and sets *n to their number, or returns
 * NULL with *n = 0.  Valid until the next phash_add().
 */
const size_t	*phash_get(const struct phash *, const char *key, size_t len,
		    size_t *n);

#endif /* PSEUDO_HASH_H */
