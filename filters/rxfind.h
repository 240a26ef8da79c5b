/*
 * rxfind.h — pcre2_match() from a start offset, faster where matches
 * are rare.
 *
 * An unanchored search tries the pattern at every character from the
 * offset on.  rxfind_match() first asks the pattern's prefix test
 * (rxprefix.h) at each position, by a table of the bytes a match can
 * begin with and then a walk of the test, and runs PCRE2 anchored only
 * where the test passes.  The first match found is the one the
 * unanchored search finds: the test never rules out a position where a
 * match begins, and positions are tried in the same order.  Patterns
 * whose meaning depends on where the search started (\G, verbs other
 * than MARK, callouts) are searched the ordinary way.
 */
#ifndef ANON_RXFIND_H
#define ANON_RXFIND_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stddef.h>

struct rxprefix;

struct rxfind {
	pcre2_code	*code;		/* as compiled by the caller */
	pcre2_code	*anch;		/* the same, anchored; made on use */
	char		*src;
	uint32_t	 opts;		/* compile options of code */
	struct rxprefix	*pfx;
	unsigned char	 first[256];	/* 1: a match may begin with it */
	unsigned char	 after[256];	/* 1: a match may begin after it */
	unsigned char	*pair;		/* bits [128 * 128]: a match may */
					/* begin with these two bytes */
	int		 empty;		/* a match may be empty */
	int		 wordstart;	/* none begins after [0-9A-Za-z] */
	int		 plain;		/* search the ordinary way */
	int		 jit;		/* code is JIT-compiled */
	unsigned	 uses;		/* matches with anch */
};

/*
 * Prepares f for code, compiled by the caller from src with the options
 * opts (PCRE2_UTF expected; PCRE2_CASELESS honoured); src NULL: search
 * the ordinary way.  code stays the caller's.  Returns 0, or -1 when out
 * of memory.
 */
int	rxfind_init(struct rxfind *f, pcre2_code *code, const char *src,
	    uint32_t opts);

/* pcre2_match(f->code, s, len, off, mopts, md, NULL), as it returns. */
int	rxfind_match(struct rxfind *f, const char *s, size_t len, size_t off,
	    uint32_t mopts, pcre2_match_data *md);

void	rxfind_release(struct rxfind *f);

#endif
