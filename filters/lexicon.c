/*
 * lexicon.c — word lists as open-addressing hash tables.
 *
 * Keys and values live in one arena per table, so loading a list of a few
 * hundred thousand names costs two allocations per growth, not one per line.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon.h"
#include "sbuf.h"

#ifndef ANON_DATADIR
#define ANON_DATADIR "/usr/local/share/anonymise"
#endif

struct slot {
	size_t	 key;		/* offset into arena, or (size_t)-1 = empty */
	size_t	 keylen;
	size_t	 value;		/* offset into arena */
	uint32_t hash;
};

struct lexicon {
	struct slot	*slot;
	size_t		 cap;		/* power of two */
	size_t		 n;
	struct sbuf	 arena;
};

static uint32_t
hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	size_t	 i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int
isdir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
lexicon_dir(void)
{
	static char	 dir[PATH_MAX];
	char		 exe[PATH_MAX - 64], *slash;
	const char	*env;
	ssize_t		 n;

	if (dir[0] != '\0')
		return dir;
	if ((env = getenv("ANON_LEXICONS")) != NULL && *env != '\0') {
		snprintf(dir, sizeof(dir), "%s", env);
		return dir;
	}
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';		/* .../bin */
			if ((slash = strrchr(exe, '/')) != NULL)
				*slash = '\0';	/* its parent */
			snprintf(dir, sizeof(dir), "%s/lexicons", exe);
			if (isdir(dir))
				return dir;
			snprintf(dir, sizeof(dir),
			    "%s/share/anonymise/lexicons", exe);
			if (isdir(dir))
				return dir;
		}
	}
	snprintf(dir, sizeof(dir), "%s/lexicons", ANON_DATADIR);
	return dir;
}

struct lexicon *
lexicon_new(void)
{
	struct lexicon	*l;
	size_t		 i;

	if ((l = calloc(1, sizeof(*l))) == NULL)
		return NULL;
	l->cap = 64;
	if ((l->slot = malloc(l->cap * sizeof(*l->slot))) == NULL) {
		free(l);
		return NULL;
	}
	for (i = 0; i < l->cap; i++)
		l->slot[i].key = (size_t)-1;
	return l;
}

void
lexicon_free(struct lexicon *l)
{
	if (l == NULL)
		return;
	free(l->slot);
	sbuf_release(&l->arena);
	free(l);
}

size_t
lexicon_size(const struct lexicon *l)
{
	return l->n;
}

static struct slot *
find(const struct lexicon *l, const char *key, size_t len, uint32_t h)
{
	size_t		 i = h & (l->cap - 1);
	struct slot	*s;

	for (;;) {
		s = &l->slot[i];
		if (s->key == (size_t)-1)
			return s;
		if (s->hash == h && s->keylen == len &&
		    memcmp(l->arena.buf + s->key, key, len) == 0)
			return s;
		i = (i + 1) & (l->cap - 1);
	}
}

static int
grow(struct lexicon *l)
{
	struct slot	*old = l->slot, *s;
	size_t		 oldcap = l->cap, i;

	l->cap *= 2;
	if ((l->slot = malloc(l->cap * sizeof(*l->slot))) == NULL) {
		l->slot = old;
		l->cap = oldcap;
		return -1;
	}
	for (i = 0; i < l->cap; i++)
		l->slot[i].key = (size_t)-1;
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == (size_t)-1)
			continue;
		s = find(l, l->arena.buf + old[i].key, old[i].keylen,
		    old[i].hash);
		*s = old[i];
	}
	free(old);
	return 0;
}

int
lexicon_put(struct lexicon *l, const char *key, size_t len, const char *value)
{
	uint32_t	 h = hash(key, len);
	struct slot	*s;
	size_t		 koff, voff;

	if ((l->n + 1) * 4 > l->cap * 3 && grow(l) == -1)
		return -1;
	s = find(l, key, len, h);
	koff = l->arena.len;
	if (s->key == (size_t)-1) {
		if (sbuf_add(&l->arena, key, len) == -1 ||
		    sbuf_addc(&l->arena, '\0') == -1)
			return -1;
	} else
		koff = s->key;
	voff = l->arena.len;
	if (sbuf_adds(&l->arena, value != NULL ? value : "") == -1 ||
	    sbuf_addc(&l->arena, '\0') == -1)
		return -1;
	if (s->key == (size_t)-1)
		l->n++;
	s->key = koff;
	s->keylen = len;
	s->value = voff;
	s->hash = h;
	return 0;
}

const char *
lexicon_get(const struct lexicon *l, const char *key, size_t len)
{
	const struct slot *s = find(l, key, len, hash(key, len));

	return s->key == (size_t)-1 ? NULL : l->arena.buf + s->value;
}

int
lexicon_has(const struct lexicon *l, const char *key, size_t len)
{
	return lexicon_get(l, key, len) != NULL;
}

struct lexicon *
lexicon_load(const char *name, char *err, size_t errlen)
{
	struct lexicon	*l;
	FILE		*fp;
	char		 path[PATH_MAX], *line = NULL, *tab;
	size_t		 cap = 0;
	ssize_t		 n;
	unsigned long	 lineno = 0;

	snprintf(path, sizeof(path), "%s/%s", lexicon_dir(), name);
	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((l = lexicon_new()) == NULL) {
		fclose(fp);
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	while ((n = getline(&line, &cap, fp)) > 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		if ((tab = memchr(line, '\t', (size_t)n)) != NULL)
			*tab++ = '\0';
		if (lexicon_put(l, line, tab != NULL ? (size_t)(tab - 1 - line) :
		    (size_t)n, tab) == -1) {
			snprintf(err, errlen, "%s:%lu: out of memory", path,
			    lineno);
			goto fail;
		}
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	free(line);
	fclose(fp);
	return l;
fail:
	free(line);
	fclose(fp);
	lexicon_free(l);
	return NULL;
}

size_t
lexicon_fold(char *dst, const char *src, size_t len)
{
	const unsigned char *s = (const unsigned char *)src;
	unsigned char	*d = (unsigned char *)dst;
	size_t		 i;
	unsigned	 cp;

	for (i = 0; i < len; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z') {
			d[i] = s[i] + 32;
			continue;
		}
		d[i] = s[i];
		if (i + 1 >= len)
			continue;
		if (s[i] == 0xC3 && s[i + 1] >= 0x80 && s[i + 1] <= 0x9E &&
		    s[i + 1] != 0x97) {		/* À..Þ except × */
			d[i + 1] = s[i + 1] + 0x20;
			i++;
		} else if (s[i] == 0xC4 || s[i] == 0xC5) {
			cp = ((s[i] & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
			if ((cp <= 0x137 && cp % 2 == 0) ||
			    (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1) ||
			    (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) ||
			    (cp >= 0x179 && cp <= 0x17E && cp % 2 == 1))
				cp++;
			d[i] = (unsigned char)(0xC0 | (cp >> 6));
			d[i + 1] = (unsigned char)(0x80 | (cp & 0x3F));
			i++;
		}
	}
	d[len] = '\0';
	return len;
}
