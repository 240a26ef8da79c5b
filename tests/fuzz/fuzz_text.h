/*
 * fuzz_text.h — shared by the detector fuzz targets (not a target itself).
 *
 * An input is a small header, then text:
 *
 *   byte 0		number of upstream mentions (low 2 bits) and a
 *			variant the target may use (the rest)
 *   3 bytes each	per mention: start (scaled to the unit), length,
 *			type
 *   the rest		the text, cut into units at each '\n' as anon-read
 *			does; NUL bytes become spaces (a stream cannot hold
 *			them)
 *
 * The upstream mentions are given to every unit, clamped to it and moved
 * to code point boundaries, as detect_run() delivers them.  When the text
 * is not valid UTF-8 the target scans it as it is (a hostile stream can
 * carry such bytes) and then once more with each invalid byte made '?'.
 */
#ifndef FUZZ_TEXT_H
#define FUZZ_TEXT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "utf8.h"

struct fuzz_in {
	unsigned	 variant;
	int		 nprior;
	unsigned char	 pr[3][3];
	char		*text;		/* NUL-ended copy */
	size_t		 len;
};

static const char *const fuzz_types[8] = {
	"person", "address", "postcode", "place", "institution", "date",
	"identifier", "person"
};

/* Returns 0, or -1 when the input is too short or out of memory. */
static inline int
fuzz_in_parse(struct fuzz_in *in, const uint8_t *data, size_t size)
{
	size_t	 i, hl;

	memset(in, 0, sizeof(*in));
	if (size < 1)
		return -1;
	in->nprior = data[0] & 3;
	in->variant = data[0] >> 2;
	hl = 1 + 3 * (size_t)in->nprior;
	if (size < hl)
		return -1;
	for (i = 0; i < (size_t)in->nprior; i++)
		memcpy(in->pr[i], data + 1 + 3 * i, 3);
	in->len = size - hl;
	if ((in->text = malloc(in->len + 1)) == NULL)
		return -1;
	memcpy(in->text, data + hl, in->len);
	in->text[in->len] = '\0';
	for (i = 0; i < in->len; i++)
		if (in->text[i] == '\0')
			in->text[i] = ' ';
	return 0;
}

/* Moves off back to the start of the code point holding it. */
static inline size_t
fuzz_boundary(const char *s, size_t len, size_t off)
{
	while (off > 0 && off < len && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}

/* Fills prior with the header's mentions for the unit s[0..len). */
static inline int
fuzz_prior(const struct fuzz_in *in, unsigned long id, const char *s,
    size_t len, struct mention_list *prior)
{
	size_t	 st, en;
	int	 i;

	mention_list_clear(prior);
	if (len == 0)
		return 0;
	for (i = 0; i < in->nprior; i++) {
		st = fuzz_boundary(s, len, in->pr[i][0] * len / 256);
		en = st + (in->pr[i][1] & 31) + 1;
		if (en > len)
			en = len;
		en = fuzz_boundary(s, len, en);
		if (en <= st)
			continue;
		if (mention_list_add(prior, id, st, en,
		    fuzz_types[in->pr[i][2] & 7], "", "fuzz/prior", 90,
		    "", "") == -1)
			return -1;
	}
	return 0;
}

/* Replaces every invalid UTF-8 sequence's first byte by '?'; 1 if any. */
static inline int
fuzz_repair(char *s, size_t len)
{
	size_t	 bad, off = 0;
	int	 changed = 0;

	while (off < len && !utf8_valid(s + off, len - off, &bad)) {
		s[off + bad] = '?';
		off += bad + 1;
		changed = 1;
	}
	return changed;
}

/*
 * Calls scan on every unit of the input (split at '\n'), twice when the
 * text is not valid UTF-8 (as is, then repaired).
 */
typedef void (*fuzz_unit_fn)(void *ctx, const struct text_unit *,
    const struct mention_list *prior);

static inline void
fuzz_units(struct fuzz_in *in, fuzz_unit_fn fn, void *ctx)
{
	struct mention_list	 prior = MENTION_LIST_INIT;
	struct text_unit	 t;
	size_t			 off, nl;
	char			*copy;
	int			 pass;

	for (pass = 0; pass < 2; pass++) {
		if (pass == 1 && !fuzz_repair(in->text, in->len))
			break;
		t.id = 0;
		for (off = 0; off <= in->len; off = nl + 1) {
			for (nl = off; nl < in->len && in->text[nl] != '\n';
			    nl++)
				;
			t.id++;
			t.where = "L1";
			t.eol = nl < in->len ? "lf" : "";
			/* Its own buffer, NUL-ended as detect_run()'s, so
			 * that reading past it is caught. */
			t.len = nl - off;
			if ((copy = malloc(t.len + 1)) == NULL)
				break;
			memcpy(copy, in->text + off, t.len);
			copy[t.len] = '\0';
			t.text = copy;
			if (fuzz_prior(in, t.id, t.text, t.len, &prior) == 0)
				fn(ctx, &t, &prior);
			free(copy);
		}
	}
	mention_list_release(&prior);
}

/* Checks what a scan found: each mention inside its unit, in order. */
static inline void
fuzz_check_found(const struct text_unit *t, const struct mention_list *f)
{
	size_t	 i;

	for (i = 0; i < f->n; i++)
		if (f->v[i].start > f->v[i].end || f->v[i].end > t->len)
			abort();
}

#endif /* FUZZ_TEXT_H */
