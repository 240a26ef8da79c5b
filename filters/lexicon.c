/*
 * lexicon.c — word lists as open-addressing hash tables.
 *
 * Keys and values live in one arena per table.  A text lexicon is read
 * whole and cut into keys and values in place, with the table sized once
 * from its line count.  A compiled lexicon (NAME.lxb beside NAME, made by
 * lexicon_compile()) is the table and arena exactly as they lie in memory:
 * lexicon_load() maps it read-only instead of parsing, when its header
 * names the size and hash of the text file it was built from.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon.h"
#include "sbuf.h"

#ifndef ANON_DATADIR
#define ANON_DATADIR "/usr/local/share/anonymise"
#endif

/*
 * A slot of the open-addressing table.  Offsets are 32-bit (an arena of up
 * to 4 GB), so a slot is 16 bytes and a table of 2^19 slots fits in 8 MB.
 */
struct slot {
	uint32_t key;		/* offset into arena, or EMPTY */
	uint32_t keylen;
	uint32_t value;		/* offset into arena */
	uint32_t hash;
};

#define EMPTY	UINT32_MAX
#define ARENA_MAX ((size_t)UINT32_MAX - 1)

struct lexicon {
	struct slot	*slot;
	size_t		 cap;		/* power of two */
	size_t		 n;
	const char	*base;		/* the arena: arena.buf, or in map */
	size_t		 alen;		/* its length */
	struct sbuf	 arena;		/* owned keys and values */
	void		*map;		/* a compiled lexicon's mapping */
	size_t		 maplen;
};

/* The header of a compiled lexicon; slots and arena follow. */
#define LXB_MAGIC	"anonlxb"
#define LXB_VERSION	1u
struct lxb_header {
	char		 magic[8];
	uint32_t	 version;
	uint32_t	 slotsize;	/* sizeof(struct slot), 16 */
	uint64_t	 textsize;	/* the text lexicon it was made from */
	uint64_t	 texthash;
	uint64_t	 cap;
	uint64_t	 n;
	uint64_t	 alen;
	uint64_t	 pad;		/* to 64 bytes */
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

/* Returns the smallest power of two >= 64 holding n keys at 3/4 load. */
static size_t
capfor(size_t n)
{
	size_t	 cap = 64;

	while ((n + 1) * 4 > cap * 3)
		cap *= 2;
	return cap;
}

static struct lexicon *
newcap(size_t cap)
{
	struct lexicon	*l;

	if ((l = calloc(1, sizeof(*l))) == NULL)
		return NULL;
	l->cap = cap;
	if ((l->slot = malloc(l->cap * sizeof(*l->slot))) == NULL) {
		free(l);
		return NULL;
	}
	memset(l->slot, 0xFF, l->cap * sizeof(*l->slot));	/* all EMPTY */
	return l;
}

struct lexicon *
lexicon_new(void)
{
	return newcap(64);
}

void
lexicon_free(struct lexicon *l)
{
	if (l == NULL)
		return;
	if (l->map != NULL)
		munmap(l->map, l->maplen);
	else
		free(l->slot);
	sbuf_release(&l->arena);
	free(l);
}

size_t
lexicon_size(const struct lexicon *l)
{
	return l->n;
}

int
lexicon_each(const struct lexicon *l, int (*fn)(void *, const char *, size_t,
    const char *), void *arg)
{
	size_t	 i;
	int	 r;

	for (i = 0; i < l->cap; i++) {
		if (l->slot[i].key == EMPTY ||
		    (size_t)l->slot[i].key + l->slot[i].keylen >= l->alen ||
		    l->slot[i].value >= l->alen)
			continue;
		if ((r = fn(arg, l->base + l->slot[i].key, l->slot[i].keylen,
		    l->base + l->slot[i].value)) != 0)
			return r;
	}
	return 0;
}

static struct slot *
find(const struct lexicon *l, const char *key, size_t len, uint32_t h)
{
	size_t		 i = h & (l->cap - 1);
	struct slot	*s;

	for (;;) {
		s = &l->slot[i];
		if (s->key == EMPTY)
			return s;
		if (s->hash == h && s->keylen == len &&
		    (size_t)s->key + len < l->alen &&
		    memcmp(l->base + s->key, key, len) == 0)
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
	memset(l->slot, 0xFF, l->cap * sizeof(*l->slot));
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == EMPTY)
			continue;
		s = find(l, l->base + old[i].key, old[i].keylen,
		    old[i].hash);
		*s = old[i];
	}
	free(old);
	return 0;
}

/* Copies a mapped table into memory of its own, so it can grow. */
static int
unmap(struct lexicon *l)
{
	struct slot	*slot;

	if ((slot = malloc(l->cap * sizeof(*slot))) == NULL)
		return -1;
	memcpy(slot, l->slot, l->cap * sizeof(*slot));
	sbuf_reset(&l->arena);
	if (sbuf_add(&l->arena, l->base, l->alen) == -1) {
		free(slot);
		return -1;
	}
	munmap(l->map, l->maplen);
	l->map = NULL;
	l->slot = slot;
	l->base = l->arena.buf;
	return 0;
}

int
lexicon_put(struct lexicon *l, const char *key, size_t len, const char *value)
{
	uint32_t	 h = hash(key, len);
	struct slot	*s;
	size_t		 koff, voff, vlen;

	vlen = value != NULL ? strlen(value) : 0;
	if (l->map != NULL && unmap(l) == -1)
		return -1;
	if (l->arena.len + len + vlen + 2 > ARENA_MAX)
		return -1;
	if ((l->n + 1) * 4 > l->cap * 3 && grow(l) == -1)
		return -1;
	s = find(l, key, len, h);
	koff = l->arena.len;
	if (s->key == EMPTY) {
		if (sbuf_add(&l->arena, key, len) == -1 ||
		    sbuf_addc(&l->arena, '\0') == -1)
			return -1;
	} else
		koff = s->key;
	voff = l->arena.len;
	if (sbuf_add(&l->arena, value != NULL ? value : "", vlen) == -1 ||
	    sbuf_addc(&l->arena, '\0') == -1)
		return -1;
	l->base = l->arena.buf;
	l->alen = l->arena.len;
	if (s->key == EMPTY)
		l->n++;
	s->key = (uint32_t)koff;
	s->keylen = (uint32_t)len;
	s->value = (uint32_t)voff;
	s->hash = h;
	return 0;
}

const char *
lexicon_get(const struct lexicon *l, const char *key, size_t len)
{
	const struct slot *s = find(l, key, len, hash(key, len));

	if (s->key == EMPTY || s->value >= l->alen)
		return NULL;
	return l->base + s->value;
}

int
lexicon_has(const struct lexicon *l, const char *key, size_t len)
{
	return lexicon_get(l, key, len) != NULL;
}

/*
 * A 64-bit hash of a whole text lexicon, eight bytes a step, to tell
 * whether a compiled lexicon was made from it.
 */
static uint64_t
texthash(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ len, w;
	size_t	 i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 29;
	}
	w = 0;
	if (len > i)
		memcpy(&w, s + i, len - i);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 32);
}

/*
 * Maps the file at path read-only into *map (NULL for an empty file).
 * Returns 0, or -1 with errno set.
 */
static int
mapfile(const char *path, void **map, size_t *len)
{
	struct stat	 st;
	int		 fd, e;

	*map = NULL;
	*len = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		goto fail;
	}
	if ((uintmax_t)st.st_size > ARENA_MAX - 1) {
		errno = EFBIG;
		goto fail;
	}
	*len = (size_t)st.st_size;
	if (*len > 0 && (*map = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd,
	    0)) == MAP_FAILED) {
		*map = NULL;
		goto fail;
	}
	close(fd);
	return 0;
fail:
	e = errno;
	close(fd);
	errno = e;
	return -1;
}

/*
 * Uses the compiled form path.lxb when it was made from a text of this
 * size and hash.  Returns 1 when l now maps it, 0 when there is none or
 * it does not match (the caller parses the text).
 */
static int
loadbin(struct lexicon *l, const char *path, size_t textsize, uint64_t th)
{
	struct lxb_header	 h;
	char			 bin[PATH_MAX];
	void			*map;
	size_t			 len;

	if ((size_t)snprintf(bin, sizeof(bin), "%s.lxb", path) >= sizeof(bin))
		return 0;
	if (mapfile(bin, &map, &len) == -1 || map == NULL)
		return 0;
	if (len < sizeof(h))
		goto stale;
	memcpy(&h, map, sizeof(h));
	if (memcmp(h.magic, LXB_MAGIC, sizeof(h.magic)) != 0 ||
	    h.version != LXB_VERSION || h.slotsize != sizeof(struct slot) ||
	    h.textsize != textsize || h.texthash != th ||
	    h.cap < 64 || (h.cap & (h.cap - 1)) != 0 || h.n >= h.cap ||
	    h.cap > (len - sizeof(h)) / sizeof(struct slot) ||
	    h.alen == 0 || h.alen != len - sizeof(h) - h.cap *
	    sizeof(struct slot))
		goto stale;
	l->map = map;
	l->maplen = len;
	l->cap = (size_t)h.cap;
	l->n = (size_t)h.n;
	l->slot = (struct slot *)((char *)map + sizeof(h));
	l->base = (const char *)(l->slot + l->cap);
	l->alen = (size_t)h.alen;
	if (l->base[l->alen - 1] != '\0') {	/* every string ends */
		l->map = NULL;
		l->slot = NULL;
		l->base = NULL;
		goto stale;
	}
	return 1;
stale:
	munmap(map, len);
	return 0;
}

/*
 * Parses the text lexicon t[0..len) into l: the text is copied into the
 * arena once and cut into NUL-terminated keys and values in place; the
 * table is sized once from the line count.  A line without a value points
 * its value at its key's terminating NUL.  Returns 0 or -1 (ENOMEM).
 */
static int
parse(struct lexicon *l, const char *t, size_t len)
{
	struct slot	*s;
	char		*p, *end, *nl, *tab, *eol;
	size_t		 lines = 0, klen;
	uint32_t	 h;

	if (sbuf_add(&l->arena, t, len) == -1 ||
	    sbuf_addc(&l->arena, '\n') == -1)
		return -1;
	end = l->arena.buf + l->arena.len;
	for (p = l->arena.buf; p < end && (nl = memchr(p, '\n', (size_t)(end -
	    p))) != NULL; p = nl + 1)
		lines++;
	l->cap = capfor(lines);
	if ((l->slot = malloc(l->cap * sizeof(*l->slot))) == NULL)
		return -1;
	memset(l->slot, 0xFF, l->cap * sizeof(*l->slot));
	l->base = l->arena.buf;
	l->alen = l->arena.len;
	for (p = l->arena.buf; p < end; p = eol + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));	/* never NULL */
		eol = nl;
		*nl = '\0';
		while (nl > p && nl[-1] == '\r')
			*--nl = '\0';
		if (nl == p || *p == '#')
			continue;
		if ((tab = memchr(p, '\t', (size_t)(nl - p))) != NULL)
			*tab++ = '\0';
		klen = (tab != NULL ? (size_t)(tab - 1 - p) : (size_t)(nl - p));
		h = hash(p, klen);
		s = find(l, p, klen, h);
		if (s->key == EMPTY) {
			l->n++;
			s->key = (uint32_t)(p - l->arena.buf);
			s->keylen = (uint32_t)klen;
			s->hash = h;
		}
		s->value = (uint32_t)((tab != NULL ? tab : p + klen) -
		    l->arena.buf);
	}
	return 0;
}

/* Loads the text lexicon at path, through its compiled form if current. */
static struct lexicon *
loadpath(const char *path, int usebin, char *err, size_t errlen)
{
	struct lexicon	*l;
	void		*text;
	size_t		 len;

	if (mapfile(path, &text, &len) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((l = calloc(1, sizeof(*l))) == NULL) {
		if (text != NULL)
			munmap(text, len);
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	if ((usebin && loadbin(l, path, len, texthash(text, len))) ||
	    parse(l, text, len) == 0) {
		if (text != NULL)
			munmap(text, len);
		return l;
	}
	if (text != NULL)
		munmap(text, len);
	lexicon_free(l);
	snprintf(err, errlen, "%s: out of memory", path);
	return NULL;
}

struct lexicon *
lexicon_load(const char *name, char *err, size_t errlen)
{
	char	 path[PATH_MAX];

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", lexicon_dir(),
	    name) >= sizeof(path)) {
		snprintf(err, errlen, "%s/%s: %s", lexicon_dir(), name,
		    strerror(ENAMETOOLONG));
		return NULL;
	}
	return loadpath(path, 1, err, errlen);
}

int
lexicon_compile(const char *path, const char *out, char *err, size_t errlen)
{
	struct lexicon		*l;
	struct lxb_header	 h;
	char			 tmp[PATH_MAX];
	void			*text;
	size_t			 len;
	FILE			*fp;
	int			 fd;

	if (mapfile(path, &text, &len) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, LXB_MAGIC, sizeof(h.magic));
	h.version = LXB_VERSION;
	h.slotsize = sizeof(struct slot);
	h.textsize = len;
	h.texthash = texthash(text, len);
	if (text != NULL)
		munmap(text, len);
	if ((l = loadpath(path, 0, err, errlen)) == NULL)
		return -1;
	h.cap = l->cap;
	h.n = l->n;
	h.alen = l->alen;
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.XXXXXX", out) >=
	    sizeof(tmp)) {
		snprintf(err, errlen, "%s: %s", out, strerror(ENAMETOOLONG));
		lexicon_free(l);
		return -1;
	}
	if ((fd = mkstemp(tmp)) == -1 || (fp = fdopen(fd, "wb")) == NULL) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(tmp);
		}
		lexicon_free(l);
		return -1;
	}
	if (fchmod(fd, 0644) == -1 ||
	    fwrite(&h, sizeof(h), 1, fp) != 1 ||
	    fwrite(l->slot, sizeof(*l->slot), l->cap, fp) != l->cap ||
	    fwrite(l->base, 1, l->alen, fp) != l->alen ||
	    fclose(fp) == EOF) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		unlink(tmp);
		lexicon_free(l);
		return -1;
	}
	lexicon_free(l);
	if (rename(tmp, out) == -1) {
		snprintf(err, errlen, "%s: %s", out, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
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
