/*
 * rxprefix.h — a cheap test of the first bytes a regular expression can
 * match.
 *
 * rxprefix_make() reads a PCRE2 pattern (UTF mode, case-blind or not,
 * no UCP) and derives the sequences of ASCII byte sets that any match
 * anchored at a position must begin with, e.g. "(?:to|in) the" gives
 * {t,T}{o,O}{ }{t,T}{h,H}{e,E} and {i,I}{n,N}{ }{t,T}....  The
 * derivation is conservative: whatever it does not understand (an
 * escape it does not know, a back-reference, a verb, an inline option
 * other than i, a quantifier after its first repeat) ends a sequence
 * there; a character outside ASCII in the text passes every set that
 * may match one (a negated class, '.', \W, a letter k or s when
 * case-blind for the Kelvin sign and the long s...) and ends the test
 * there.  So rxprefix_may() never rules out a text the pattern could
 * match; it only saves asking PCRE2 about texts it cannot.
 *
 * The sequences are kept as a trie of byte sets, and rxprefix_may()
 * walks it over the text: a few dozen instructions.
 */
#ifndef ANON_RXPREFIX_H
#define ANON_RXPREFIX_H

#include <stddef.h>
#include <stdint.h>

struct rxprefix;

/*
 * Returns the prefix test of pattern src (NUL-terminated), case-blind
 * when caseless is set; NULL only when out of memory.  A pattern it
 * cannot read gives a test that passes every text.
 */
struct rxprefix	*rxprefix_make(const char *src, int caseless);

/*
 * The same for src followed by (?!\w), as a pattern matched between
 * word boundaries: a whole match must be followed by a non-word
 * character or the end of the text.
 */
struct rxprefix	*rxprefix_make_word(const char *src, int caseless);

/*
 * Returns 0 when no match of the pattern anchored at t[0] can exist in a
 * text that begins with t[0..n) (the text may go on past n), else 1.
 * p NULL passes everything.
 */
int	rxprefix_may(const struct rxprefix *p, const unsigned char *t,
	    size_t n);

/*
 * Where the test stands after t[0..n) (which must have been given to
 * rxprefix_may() as the first n bytes of a text): a state for
 * rxprefix_may_at(), or RXP_PASS (the test passes whatever follows),
 * RXP_FAIL (it fails whatever follows), RXP_ROOT (no single state: test
 * the whole text with rxprefix_may()).
 */
#define RXP_PASS	(-1)
#define RXP_FAIL	(-2)
#define RXP_ROOT	(-3)
int	rxprefix_step(const struct rxprefix *p, const unsigned char *t,
	    size_t n);

/* rxprefix_may() for the text after the n bytes that led to state, a
 * value rxprefix_step() returned that is 0 or more. */
int	rxprefix_may_at(const struct rxprefix *p, int state,
	    const unsigned char *t, size_t n);

/*
 * Fills m with the ASCII bytes that can come next in state (a value
 * rxprefix_step() returned that is 0 or more): rxprefix_may_at() fails
 * on a text whose first byte is ASCII and not in m.
 */
void	rxprefix_next(const struct rxprefix *p, int state, uint64_t m[2]);

/*
 * Adds to out[b0][b1] (a set of bytes, as m of rxprefix_next()) every
 * ASCII byte b2 for which rxprefix_may() may pass a text that begins
 * with b0 b1 b2 (it fails on every text not marked).
 */
void	rxprefix_first3(const struct rxprefix *p, uint64_t (*out)[128][2]);

/*
 * Returns 0 when no match can begin right after the byte b, by a
 * "(?<![...])" that opens the pattern (b outside ASCII: 1).
 */
int	rxprefix_after(const struct rxprefix *p, unsigned char b);

/* Returns 1 when a match of no characters may exist (or the pattern
 * was not understood), else 0. */
int	rxprefix_empty(const struct rxprefix *p);

/* Number of sequences the test holds (for tests), 0 when it passes
 * everything. */
size_t	rxprefix_count(const struct rxprefix *p);

void	rxprefix_free(struct rxprefix *);

#endif
