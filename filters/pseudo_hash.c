/*
 * pseudo_hash.c — open-addressing string multimap (see pseudo_hash.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pseudo_hash.h"

struct slot {
	char	*key;
	size_t	 len;
	uint64_t h;
	size_t	*v;
	size_t	 n;
	size_t	 cap;
	size_t	 one;	/* storage for the first value: most keys hold one */
};

struct phash {
	struct slot	*slot;
	size_t		 cap;	/* power of two */
	size_t		 n;
};

static uint64_t
fnv(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t	 i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

struct phash *
phash_new(void)
{
	struct phash	*t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->cap = 64;
	if ((t->slot = calloc(t->cap, sizeof(*t->slot))) == NULL) {
		free(t);
		return NULL;
	}
	return t;
}

void
phash_free(struct phash *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->cap; i++) {
		free(t->slot[i].key);
		if (t->slot[i].v != &t->slot[i].one)
			free(t->slot[i].v);
	}
	free(t->slot);
	free(t);
}

static struct slot *
find(const struct phash *t, const char *key, size_t len, uint64_t h)
{
	size_t	 i = (size_t)h & (t->cap - 1);

	while (t->slot[i].key != NULL) {
		if (t->slot[i].h == h && t->slot[i].len == len &&
		    memcmp(t->slot[i].key, key, len) == 0)
			return &t->slot[i];
		i = (i + 1) & (t->cap - 1);
	}
	return &t->slot[i];
}

static int
grow(struct phash *t)
{
	struct slot	*old = t->slot, *s;
	size_t		 oldcap = t->cap, i;

	if ((t->slot = calloc(oldcap * 2, sizeof(*t->slot))) == NULL) {
		t->slot = old;
		return -1;
	}
	t->cap = oldcap * 2;
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		s = find(t, old[i].key, old[i].len, old[i].h);
		*s = old[i];
		if (old[i].v == &old[i].one)
			s->v = &s->one;
	}
	free(old);
	return 0;
}

int
phash_add(struct phash *t, const char *key, size_t len, size_t v)
{
	struct slot	*s;
	uint64_t	 h = fnv(key, len);
	size_t		 i, *nv, cap;

	s = find(t, key, len, h);
	if (s->key == NULL) {
		if ((t->n + 1) * 2 > t->cap) {
			if (grow(t) == -1)
				return -1;
			s = find(t, key, len, h);
		}
		if ((s->key = malloc(len + 1)) == NULL)
			return -1;
		memcpy(s->key, key, len);
		s->key[len] = '\0';
		s->len = len;
		s->h = h;
		s->one = v;
		s->v = &s->one;
		s->n = 1;
		s->cap = 1;
		t->n++;
		return 1;
	}
	for (i = 0; i < s->n; i++)
		if (s->v[i] == v)
			return 0;
	if (s->n == s->cap) {
		cap = s->cap * 4;
		if (s->v == &s->one) {
			if ((nv = malloc(cap * sizeof(*nv))) == NULL)
				return -1;
			nv[0] = s->one;
		} else if ((nv = realloc(s->v, cap * sizeof(*nv))) == NULL)
			return -1;
		s->v = nv;
		s->cap = cap;
	}
	s->v[s->n++] = v;
	return 1;
}

const size_t *
phash_get(const struct phash *t, const char *key, size_t len, size_t *n)
{
	struct slot	*s = find(t, key, len, fnv(key, len));

	if (s->key == NULL) {
		*n = 0;
		return NULL;
	}
	*n = s->n;
	return s->v;
}
