/*
 * pseudo_hash.c — open-addressing string multimap (see pseudo_hash.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pseudo_hash.h"

/*
 * The keys live in chunks and the entries in blocks that never move; the
 * open-addressing table holds only entry numbers (4 bytes a slot), so a
 * key costs its bytes, one entry and two or three table slots.
 */
#define PH_BLOCK	1024		/* entries a block */
#define PH_CHUNK	65536		/* key bytes a chunk (or one long key) */

struct ent {
	const char	*key;
	uint64_t	 h;
	size_t		 one;	/* the first value: most keys hold one */
	size_t		*v;	/* all the values when more than one */
	uint32_t	 len;
	uint32_t	 n;
	uint32_t	 cap;
	uint32_t	 unsorted;	/* v is not increasing (then look through it) */
};

struct kchunk {
	struct kchunk	*next;
	size_t		 used, cap;
	char		 data[];
};

struct phash {
	uint32_t	*tab;	/* entry + 1, or 0 */
	size_t		 cap;	/* power of two */
	size_t		 n;	/* entries */
	struct ent	**blk;
	size_t		 nblk;
	struct kchunk	*kc;
};

/* Eight bytes a step, mixed so that the low bits the table uses depend
 * on all of them. */
static uint64_t
hkey(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL ^ len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	w = 0;
	if (len > 0)
		memcpy(&w, s, len);
	h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
	return h ^ h >> 32;
}

#define ENT(t, i)	(&(t)->blk[(i) / PH_BLOCK][(i) % PH_BLOCK])

struct phash *
phash_new(void)
{
	struct phash	*t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->cap = 64;
	if ((t->tab = calloc(t->cap, sizeof(*t->tab))) == NULL) {
		free(t);
		return NULL;
	}
	return t;
}

void
phash_free(struct phash *t)
{
	struct kchunk	*c, *next;
	size_t		 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(ENT(t, i)->v);
	for (i = 0; i < t->nblk; i++)
		free(t->blk[i]);
	for (c = t->kc; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(t->blk);
	free(t->tab);
	free(t);
}

/* Returns the slot of key: its entry's, or the empty one it would take. */
static size_t
find(const struct phash *t, const char *key, size_t len, uint64_t h)
{
	size_t		 i = (size_t)h & (t->cap - 1);
	const struct ent *e;

	while (t->tab[i] != 0) {
		e = ENT(t, t->tab[i] - 1);
		if (e->h == h && e->len == len && memcmp(e->key, key, len) == 0)
			return i;
		i = (i + 1) & (t->cap - 1);
	}
	return i;
}

static int
grow(struct phash *t)
{
	uint32_t	*tab;
	size_t		 cap = t->cap * 2, i, j;

	if ((tab = calloc(cap, sizeof(*tab))) == NULL)
		return -1;
	for (i = 0; i < t->n; i++) {
		for (j = (size_t)ENT(t, i)->h & (cap - 1); tab[j] != 0;
		    j = (j + 1) & (cap - 1))
			;
		tab[j] = (uint32_t)i + 1;
	}
	free(t->tab);
	t->tab = tab;
	t->cap = cap;
	return 0;
}

/* Copies key into the chunks; returns the copy or NULL. */
static const char *
keycopy(struct phash *t, const char *key, size_t len)
{
	struct kchunk	*c = t->kc;
	size_t		 cap;
	char		*d;

	if (c == NULL || c->cap - c->used < len + 1) {
		cap = len + 1 > PH_CHUNK ? len + 1 : PH_CHUNK;
		if ((c = malloc(sizeof(*c) + cap)) == NULL)
			return NULL;
		c->cap = cap;
		c->used = 0;
		c->next = t->kc;
		t->kc = c;
	}
	d = c->data + c->used;
	c->used += len + 1;
	memcpy(d, key, len);
	d[len] = '\0';
	return d;
}

/* Makes a new entry; returns it or NULL. */
static struct ent *
newent(struct phash *t)
{
	struct ent	**nb;

	if (t->n >= UINT32_MAX - 1)
		return NULL;
	if (t->n == t->nblk * PH_BLOCK) {
		if ((nb = reallocarray(t->blk, t->nblk + 1, sizeof(*nb))) ==
		    NULL)
			return NULL;
		t->blk = nb;
		if ((t->blk[t->nblk] = malloc(PH_BLOCK *
		    sizeof(struct ent))) == NULL)
			return NULL;
		t->nblk++;
	}
	return ENT(t, t->n);
}

int
phash_add(struct phash *t, const char *key, size_t len, size_t v)
{
	struct ent	*e;
	uint64_t	 h = hkey(key, len);
	size_t		 i, *nv, cap;

	if (len >= UINT32_MAX)
		return -1;
	i = find(t, key, len, h);
	if (t->tab[i] == 0) {
		if ((t->n + 1) * 2 > t->cap) {
			if (grow(t) == -1)
				return -1;
			i = find(t, key, len, h);
		}
		if ((e = newent(t)) == NULL ||
		    (e->key = keycopy(t, key, len)) == NULL)
			return -1;
		e->len = (uint32_t)len;
		e->h = h;
		e->one = v;
		e->v = NULL;
		e->n = 1;
		e->cap = 1;
		e->unsorted = 0;
		t->tab[i] = (uint32_t)++t->n;
		return 1;
	}
	e = ENT(t, t->tab[i] - 1);
	nv = e->v != NULL ? e->v : &e->one;
	/* Values mostly come in increasing order: then only the last can
	 * equal v, and a key met 100,000 times costs no pass over them. */
	if (!e->unsorted && v == nv[e->n - 1])
		return 0;
	if (e->unsorted || v < nv[e->n - 1]) {
		for (i = 0; i < e->n; i++)
			if (nv[i] == v)
				return 0;
		e->unsorted = 1;
	}
	if (e->n == e->cap) {
		if (e->cap > UINT32_MAX / 4)
			return -1;
		cap = (size_t)e->cap * 4;
		if (e->v == NULL) {
			if ((nv = malloc(cap * sizeof(*nv))) == NULL)
				return -1;
			nv[0] = e->one;
		} else if ((nv = reallocarray(e->v, cap, sizeof(*nv))) == NULL)
			return -1;
		e->v = nv;
		e->cap = (uint32_t)cap;
	}
	e->v[e->n++] = v;
	return 1;
}

const size_t *
phash_get(const struct phash *t, const char *key, size_t len, size_t *n)
{
	size_t		 i = find(t, key, len, hkey(key, len));
	const struct ent *e;

	if (t->tab[i] == 0) {
		*n = 0;
		return NULL;
	}
	e = ENT(t, t->tab[i] - 1);
	*n = e->n;
	return e->v != NULL ? e->v : &e->one;
}
