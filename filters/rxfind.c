/*
 * rxfind.c — a search that runs PCRE2 only where a match may begin
 * (see rxfind.h).
 */
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "rxfind.h"
#include "rxprefix.h"

#ifndef RXFIND_JIT_AFTER
#define RXFIND_JIT_AFTER	32
#endif

/* 1 when src holds something whose meaning depends on where a search
 * starts: \G, a verb other than MARK, a callout. */
static int
start_bound(const char *src)
{
	const char	*p;

	for (p = src; *p != '\0'; p++) {
		if (*p == '\\') {
			if (p[1] == 'G')
				return 1;
			if (p[1] != '\0')
				p++;
			continue;
		}
		if (p[0] == '(' && p[1] == '*' && strncmp(p, "(*MARK:", 7) != 0 &&
		    strncmp(p, "(*:", 3) != 0)
			return 1;
		if (p[0] == '(' && p[1] == '?' && p[2] == 'C')
			return 1;
	}
	return 0;
}

/*
 * Makes f->pair: which two ASCII bytes a match may begin with, asked of
 * the test once for each pair whose first byte it allows.  Most
 * positions the first byte lets through fail by the second ("The" for
 * [A-Z]{1,4}/), and a look-up is cheaper than the walk.  Returns 0 or
 * -1.
 */
static int
make_pairs(struct rxfind *f)
{
	unsigned char	 b[2];
	unsigned	 i, j;

	if ((f->pair = calloc(128 * 128 / 8, 1)) == NULL)
		return -1;
	for (i = 0; i < 128; i++) {
		if (!f->first[i])
			continue;
		b[0] = (unsigned char)i;
		for (j = 0; j < 128; j++) {
			b[1] = (unsigned char)j;
			if (rxprefix_may(f->pfx, b, 2))
				f->pair[(i * 128 + j) >> 3] |=
				    (unsigned char)(1u << (j & 7));
		}
	}
	return 0;
}

int
rxfind_init(struct rxfind *f, pcre2_code *code, const char *src,
    uint32_t opts)
{
	unsigned char	 b;
	unsigned	 i;
	size_t		 jitsize;

	memset(f, 0, sizeof(*f));
	f->code = code;
	f->opts = opts;
	f->plain = 1;
	if (src == NULL || start_bound(src) || (opts & (PCRE2_ANCHORED | PCRE2_FIRSTLINE |
	    PCRE2_EXTENDED | PCRE2_EXTENDED_MORE | PCRE2_UCP | PCRE2_DOTALL |
	    PCRE2_MULTILINE | PCRE2_LITERAL | PCRE2_UNGREEDY |
	    PCRE2_ALT_BSUX)) != 0)
		return 0;
	if ((f->src = strdup(src)) == NULL ||
	    (f->pfx = rxprefix_make(src, (opts & PCRE2_CASELESS) != 0)) ==
	    NULL) {
		rxfind_release(f);
		return -1;
	}
	if (rxprefix_count(f->pfx) == 0)
		return 0;	/* it passes everything: no use */
	for (i = 0; i < 256; i++) {
		b = (unsigned char)i;
		f->first[i] = (unsigned char)rxprefix_may(f->pfx, &b, 1);
		f->after[i] = (unsigned char)rxprefix_after(f->pfx, b);
	}
	f->empty = rxprefix_empty(f->pfx);
	f->wordstart = 1;
	for (i = 0; i < 256; i++)
		if (f->after[i] && ((i >= '0' && i <= '9') ||
		    ((i | 0x20) >= 'a' && (i | 0x20) <= 'z')))
			f->wordstart = 0;
	if (make_pairs(f) == -1) {
		rxfind_release(f);
		return -1;
	}
	/* The anchored twin is JIT-compiled when code is. */
	f->jit = pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &jitsize) == 0 &&
	    jitsize > 0;
	f->plain = 0;
	return 0;
}

/* 1 when a match may begin at t[p] of t[0..len), by the test. */
static inline int
may_begin(const struct rxfind *f, const unsigned char *t, size_t len,
    size_t p)
{
	if (p > 0 && !f->after[t[p - 1]])
		return 0;
	if (p == len)
		return f->empty;
	if (!f->first[t[p]] || (t[p] & 0xc0) == 0x80)
		return 0;
	/* Two ASCII bytes: the table says. */
	if (p + 2 <= len && (t[p] | t[p + 1]) < 0x80 &&
	    !((f->pair[(t[p] * 128 + t[p + 1]) >> 3] >> (t[p + 1] & 7)) & 1))
		return 0;
	return rxprefix_may(f->pfx, t + p, len - p);
}

#ifdef __SSE2__
/* Bit i set when x[i] is an ASCII letter or digit. */
static inline unsigned
alnum16(__m128i x)
{
	__m128i	 l = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)),
		    _mm_set1_epi8('a'));
	__m128i	 d = _mm_sub_epi8(x, _mm_set1_epi8('0'));

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(25)), l),
	    _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d)));
}
#endif

int
rxfind_match(struct rxfind *f, const char *s, size_t len, size_t off,
    uint32_t mopts, pcre2_match_data *md)
{
	const unsigned char *t = (const unsigned char *)s;
	size_t		 p = off;
#ifdef __SSE2__
	unsigned	 m;
#endif

	if (f->plain)
		return pcre2_match(f->code, (PCRE2_SPTR)s, len, off, mopts,
		    md, NULL);
	/*
	 * No match begins before the first position the test passes: the
	 * search starts there, and finds what it would have found from
	 * off.
	 */
#ifdef __SSE2__
	/*
	 * When no match begins after an ASCII letter or digit, sixteen
	 * positions are ruled out at a time by the bytes before them
	 * (t[p - 1 .. p + 14]); most positions are inside words.
	 */
	if (f->wordstart) {
		if (p == 0) {
			if (may_begin(f, t, len, 0))
				goto found;
			p = 1;
		}
		for (; p + 15 <= len; p += 16) {
			m = ~alnum16(_mm_loadu_si128((const __m128i *)
			    (const void *)(t + p - 1))) & 0xFFFFu;
			for (; m != 0; m &= m - 1)
				if (may_begin(f, t, len, p +
				    (size_t)__builtin_ctz(m))) {
					p += (size_t)__builtin_ctz(m);
					goto found;
				}
		}
	}
#endif
	for (; p <= len; p++)
		if (may_begin(f, t, len, p))
			goto found;
	return PCRE2_ERROR_NOMATCH;
found:
	return pcre2_match(f->code, (PCRE2_SPTR)s, len, p, mopts, md, NULL);
}

void
rxfind_release(struct rxfind *f)
{
	pcre2_code_free(f->anch);
	rxprefix_free(f->pfx);
	free(f->pair);
	free(f->src);
	memset(f, 0, sizeof(*f));
}
