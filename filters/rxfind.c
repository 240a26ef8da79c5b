/*
 * rxfind.c — a search that runs PCRE2 only where a match may begin
 * (see rxfind.h).
 */
#include <stdlib.h>
#include <string.h>

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
	/* The anchored twin is JIT-compiled when code is. */
	f->jit = pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &jitsize) == 0 &&
	    jitsize > 0;
	f->plain = 0;
	return 0;
}

int
rxfind_match(struct rxfind *f, const char *s, size_t len, size_t off,
    uint32_t mopts, pcre2_match_data *md)
{
	const unsigned char *t = (const unsigned char *)s;
	size_t		 p;

	if (f->plain)
		return pcre2_match(f->code, (PCRE2_SPTR)s, len, off, mopts,
		    md, NULL);
	/*
	 * No match begins before the first position the test passes: the
	 * search starts there, and finds what it would have found from
	 * off.
	 */
	for (p = off; p <= len; p++) {
		if (p > 0 && !f->after[t[p - 1]])
			continue;
		if (p < len) {
			if (!f->first[t[p]] || (t[p] & 0xc0) == 0x80 ||
			    !rxprefix_may(f->pfx, t + p, len - p))
				continue;
		} else if (!f->empty)
			break;
		return pcre2_match(f->code, (PCRE2_SPTR)s, len, p, mopts, md,
		    NULL);
	}
	return PCRE2_ERROR_NOMATCH;
}

void
rxfind_release(struct rxfind *f)
{
	pcre2_code_free(f->anch);
	rxprefix_free(f->pfx);
	free(f->src);
	memset(f, 0, sizeof(*f));
}
