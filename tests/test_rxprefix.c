/* Unit tests for filters/rxprefix.c. */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pcre2.h>

#include "rxprefix.h"

static int
may(const char *pat, int ci, const char *text)
{
	struct rxprefix	*p = rxprefix_make(pat, ci);
	int		 r;

	assert_non_null(p);
	r = rxprefix_may(p, (const unsigned char *)text, strlen(text));
	rxprefix_free(p);
	return r;
}

static void
test_literals(void **state)
{
	(void)state;
	assert_int_equal(may("the abuse", 1, "The abuse began"), 1);
	assert_int_equal(may("the abuse", 1, "the review"), 0);
	assert_int_equal(may("the abuse", 1, "the ab"), 1);	/* text ends */
	assert_int_equal(may("the abuse", 0, "The abuse"), 0);
	assert_int_equal(may("(?:to|on|of) (?:the|his) (?:\\w+ )?face", 1,
	    "on his"), 1);
	assert_int_equal(may("(?:to|on|of) (?:the|his) (?:\\w+ )?face", 1,
	    "on her"), 0);
	assert_int_equal(may("(?:to|on|of) (?:the|his) (?:\\w+ )?face", 1,
	    "in the"), 0);
	assert_int_equal(may("was (?:sexually )?abused", 1, "was sexu"), 1);
	assert_int_equal(may("was (?:sexually )?abused", 1, "was told"), 0);
	assert_int_equal(may("(?-i:[A-Z]{1,2}\\d)", 1, "ab1"), 0);
	assert_int_equal(may("(?-i:[A-Z]{1,2}\\d)", 1, "AB1"), 1);
	assert_int_equal(may("\\d+ tablets", 1, "12 tablets"), 1);
	assert_int_equal(may("\\d+ tablets", 1, "x2 tablets"), 0);
}

static void
test_after(void **state)
{
	struct rxprefix	*p;

	(void)state;
	assert_non_null(p = rxprefix_make("(?<![\\p{L}\\p{N}_@$])\\d+", 0));
	assert_int_equal(rxprefix_after(p, 'a'), 0);
	assert_int_equal(rxprefix_after(p, '7'), 0);
	assert_int_equal(rxprefix_after(p, '$'), 0);
	assert_int_equal(rxprefix_after(p, ' '), 1);
	assert_int_equal(rxprefix_after(p, 0xa3), 1);	/* not known */
	rxprefix_free(p);
	/* Only a leading lookbehind of one class counts. */
	assert_non_null(p = rxprefix_make("(?<![a-z]x)\\d", 0));
	assert_int_equal(rxprefix_after(p, 'a'), 1);
	rxprefix_free(p);
	assert_non_null(p = rxprefix_make("(?<![a-z])\\d|x", 0));
	assert_int_equal(rxprefix_after(p, 'a'), 1);
	rxprefix_free(p);
	assert_non_null(p = rxprefix_make("(?<![a-z])?\\d", 0));
	assert_int_equal(rxprefix_after(p, 'a'), 1);
	rxprefix_free(p);
	assert_non_null(p = rxprefix_make("(?<![a-z])(?:\\d|x)", 0));
	assert_int_equal(rxprefix_after(p, 'a'), 0);
	rxprefix_free(p);
	assert_non_null(p = rxprefix_make("(?<![^a])\\d", 0));
	assert_int_equal(rxprefix_after(p, 'b'), 1);
	rxprefix_free(p);
}

static void
test_conservative(void **state)
{
	(void)state;
	/* Text outside ASCII: the Kelvin sign matches k, the long s s,
	 * nothing else an ASCII letter. */
	assert_int_equal(may("knife", 1, "\xe2\x84\xaanife"), 1);
	assert_int_equal(may("knife", 0, "\xe2\x84\xaanife"), 0);
	assert_int_equal(may("said", 1, "\xc5\xbf" "aid"), 1);
	assert_int_equal(may("the", 1, "\xe2\x80\x99the"), 0);
	/* k and s stand for the Kelvin sign and the long s only. */
	assert_int_equal(may("said", 1, "\xe2\x80\x9csaid"), 0);
	assert_int_equal(may("[a-z]+ x", 1, "ab\xc3\xa9 x"), 0);
	assert_int_equal(may("[a-z]+ x", 1, "ab\xc5\xbf x"), 1);
	assert_int_equal(may("[^a]x", 1, "\xe2\x80\x9cx"), 1);
	assert_int_equal(may("[^a]", 1, "\xe2\x80\x99"), 1);
	assert_int_equal(may("\\w+", 1, "\xc3\xa9"), 0);
	assert_int_equal(may("\\W", 1, "\xc3\xa9"), 1);
	assert_int_equal(may("x.y", 1, "x\xc3\xa9y"), 1);
	assert_int_equal(may("x[a-z]", 1, "x\xc5\xbf"), 1);
	assert_int_equal(may("a[^\\x{201c}]", 1, "ab"), 1);
	/* \p{L}, \p{N}: ASCII letters and digits, and more. */
	assert_int_equal(may("[\\p{L}]x", 0, "bx"), 1);
	assert_int_equal(may("[\\p{L}]x", 0, "1x"), 0);
	assert_int_equal(may("\\p{N}x", 0, "1x"), 1);
	assert_int_equal(may("[^\\p{N}]x", 0, "1x"), 0);
	assert_int_equal(may("[^\\p{N}]x", 0, "\xc3\xa9x"), 1);
	assert_int_equal(may("a[^\\x{212a}]", 1, "ak"), 1);
	/* What is not understood passes everything. */
	assert_int_equal(may("(a)\\1", 1, "zz"), 1);
	assert_int_equal(may("a)|(b", 1, "b"), 1);
	assert_int_equal(may("(?x) a", 1, "zz"), 1);
	/* Lookarounds constrain nothing. */
	assert_int_equal(may("(?<!non-)accidental", 1, "accidental"), 1);
	assert_int_equal(may("(?<!non-)accidental", 1, "non-accidental"), 0);
	/* Optional and repeated parts. */
	assert_int_equal(may("a?b", 1, "b"), 1);
	assert_int_equal(may("a*b", 1, "aaab"), 1);
	assert_int_equal(may("a*b", 1, "c"), 0);
	assert_int_equal(may("[^a]b", 1, "Ab"), 0);
	assert_int_equal(may("[^a]b", 1, "cb"), 1);
	assert_int_equal(may("x{2}y", 1, "xxy"), 1);
	assert_int_equal(may("a{,2}", 1, "a{,2}"), 1);	/* a literal { */
	/* An open sequence never stands for a longer one it covers. */
	assert_int_equal(may("(?:a|ab)c", 1, "abc"), 1);
	assert_int_equal(may("(?:a|ab)c", 1, "ax"), 0);
	/* Repeats of one byte set: any number, backtracking. */
	assert_int_equal(may("\\d+ tablets", 1, "123 tablets"), 1);
	assert_int_equal(may("\\d+ tablets", 1, "123x"), 0);
	assert_int_equal(may("a+ab", 1, "aaab"), 1);
	assert_int_equal(may("[ab]*b c", 1, "abab c"), 1);
	/* Too many sequences: cut short, never wrong. */
	assert_int_equal(may("(?:the |his |her |a |an )?(?:mother|father|"
	    "mum|dad|aunt|uncle|gran|grandad|sister|brother|cousin|nan|"
	    "stepmother|stepfather|partner|parents?)", 1, "his partner"), 1);
	assert_int_equal(may("(?:the |his |her |a |an )?(?:mother|father|"
	    "mum|dad|aunt|uncle|gran|grandad|sister|brother|cousin|nan|"
	    "stepmother|stepfather|partner|parents?)", 1, "the review"), 0);
}

/* A random pattern over a small alphabet, at most depth deep. */
static void
gen(char *out, size_t cap, unsigned long *seed, int depth)
{
	static const char *const atoms[] = {
		"a", "b", "c", " ", "A", "[ab]", "[^a]", "s", "[^k]", "\\w", "\\d", "1",
		".", "\\b", "(?!a)", "(?<=a)", "[a-c]", "(?-i:a)", "\\s",
		"k", "\\W", "[^\\d]", "\xc3\xa9", "[\xc3\xa9x]", "\\S",
		"[^\xc3\xa9]", "[^\\x{212a}b]", "[^a-\\x{ff}]", "\\x{17f}",
		"\\p{L}", "[^\\p{N}a]", "[\\p{L}1]",
	};
	int	 n, i, r;

	n = 1 + (int)((*seed >> 40) % 4);
	for (i = 0; i < n; i++) {
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		r = (int)((*seed >> 33) % 10);
		if (r < 2 && depth > 0) {
			strncat(out, "(?:", cap - strlen(out) - 1);
			gen(out, cap, seed, depth - 1);
			strncat(out, "|", cap - strlen(out) - 1);
			gen(out, cap, seed, depth - 1);
			strncat(out, ")", cap - strlen(out) - 1);
		} else
			strncat(out, atoms[(*seed >> 20) %
			    (sizeof(atoms) / sizeof(atoms[0]))],
			    cap - strlen(out) - 1);
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		r = (int)((*seed >> 33) % 12);
		strncat(out, r == 0 ? "?" : r == 1 ? "*" : r == 2 ? "+" :
		    r == 3 ? "{0,2}" : r == 4 ? "{2}" : r == 5 ? "+?" : "",
		    cap - strlen(out) - 1);
	}
}

/*
 * What the test assumes of PCRE2 (UTF, no UCP): of the characters outside
 * ASCII, a case-blind ASCII letter matches only the Kelvin sign (k) and
 * the long s (s), and \d, \s, \w match none.
 */
static void
test_pcre2_assumptions(void **state)
{
	static const char *const pats[] = { "\\d", "\\s", "\\w" };
	pcre2_match_data *md = pcre2_match_data_create(2, NULL);
	pcre2_code	*re;
	unsigned char	 buf[8];
	char		 pat[4];
	uint32_t	 cp;
	size_t		 n;
	int		 ec, c, i;
	PCRE2_SIZE	 eo;

	(void)state;
	for (c = 0; c < 26 + 3; c++) {
		if (c < 26) {
			pat[0] = (char)('a' + c);
			pat[1] = '\0';
		} else
			snprintf(pat, sizeof(pat), "%s", pats[c - 26]);
		assert_non_null(re = pcre2_compile((PCRE2_SPTR)pat,
		    PCRE2_ZERO_TERMINATED, PCRE2_ANCHORED | PCRE2_CASELESS |
		    PCRE2_UTF, &ec, &eo, NULL));
		for (cp = 0x80; cp < 0x30000; cp++) {
			if (cp >= 0xd800 && cp < 0xe000)
				continue;
			if (cp < 0x800) {
				buf[0] = (unsigned char)(0xc0 | cp >> 6);
				buf[1] = (unsigned char)(0x80 | (cp & 0x3f));
				n = 2;
			} else if (cp < 0x10000) {
				buf[0] = (unsigned char)(0xe0 | cp >> 12);
				buf[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
				buf[2] = (unsigned char)(0x80 | (cp & 0x3f));
				n = 3;
			} else {
				buf[0] = (unsigned char)(0xf0 | cp >> 18);
				buf[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
				buf[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
				buf[3] = (unsigned char)(0x80 | (cp & 0x3f));
				n = 4;
			}
			if (pcre2_match(re, buf, n, 0, 0, md, NULL) < 0)
				continue;
			i = c < 26 && ((c == 'k' - 'a' && cp == 0x212a) ||
			    (c == 's' - 'a' && cp == 0x17f));
			if (!i)
				fail_msg("'%s' matches U+%04X", pat, cp);
		}
		pcre2_code_free(re);
	}
	pcre2_match_data_free(md);
}

/* Random patterns and texts: PCRE2 never matches what the test rules
 * out. */
static void
test_random(void **state)
{
	static const char *const alpha[] = {
		"a", "b", "c", "A", "k", "1", " ", "\xc3\xa9", "\xe2\x84\xaa",
		"\xc5\xbf", "s",
	};
	unsigned long	 seed = 99, npat, k;
	char		 pat[512], text[40];
	size_t		 i, n;

	(void)state;
	for (npat = 0; npat < 3000; npat++) {
		pcre2_code *re;
		pcre2_match_data *md;
		struct rxprefix *p;
		int ec;
		PCRE2_SIZE eo;

		pat[0] = '\0';
		gen(pat, sizeof(pat), &seed, 2);
		if ((re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
		    PCRE2_ANCHORED | PCRE2_CASELESS | PCRE2_UTF, &ec, &eo,
		    NULL)) == NULL)
			continue;
		md = pcre2_match_data_create(2, NULL);
		assert_non_null(p = rxprefix_make(pat, 1));
		for (k = 0; k < 200; k++) {
			seed = seed * 6364136223846793005UL +
			    1442695040888963407UL;
			text[0] = '\0';
			n = (seed >> 40) % 8;
			for (i = 0; i < n; i++)
				strcat(text, alpha[(seed >> (i * 4 + 3)) % 11]);
			n = strlen(text);
			if (pcre2_match(re, (PCRE2_SPTR)text, n, 0, 0, md,
			    NULL) >= 0 && !rxprefix_may(p,
			    (unsigned char *)text, n))
				fail_msg("'%s' matches '%s'", pat, text);
		}
		rxprefix_free(p);
		pcre2_match_data_free(md);
		pcre2_code_free(re);
	}
}

/*
 * For every pattern of lexicons/flags, and for texts made of the words
 * that begin its branches and of random words: whenever PCRE2 matches
 * anchored at the start, rxprefix_may() must say 1.
 */
static void
test_against_pcre2(void **state)
{
	static const char *const files[] = {
		"sexual-abuse-detail", "injury-detail", "self-harm-method",
		"health-of-named-family", "child-voice",
		"current-whereabouts", "jigsaw-identifier",
		"third-party-history", "context",
	};
	static const char *const words[] = {
		"the", "The", "was", "were", "in", "on", "a", "an", "to",
		"of", "his", "her", "their", "had", "has", "have", "been",
		"only", "abuse", "court", "mother", "father", "sexually",
		"abused", "by", "as", "child", "face", "arm", "cut", "self",
		"harm", "-", "'", "’", "“", "K", "\xe2\x84\xaa", "12", "3",
		"AB1", "2CD", "not", "no", "at", "risk", "time", "said",
		"told", "x-rays", "post-mortem", "per", "cent", "stab",
		"wounds", "living", "with", "moved", "now", "lives",
	};
	char		 path[512], line[4096], text[256];
	unsigned long	 seed = 12345, tried = 0, ruled = 0;
	size_t		 nf, i, k, n;
	FILE		*fp;

	(void)state;
	for (nf = 0; nf < sizeof(files) / sizeof(files[0]); nf++) {
		snprintf(path, sizeof(path), "lexicons/flags/%s.txt",
		    files[nf]);
		assert_non_null(fp = fopen(path, "r"));
		while (fgets(line, sizeof(line), fp) != NULL) {
			char *pat, *tab;
			pcre2_code *re;
			pcre2_match_data *md;
			struct rxprefix *p;
			int ec;
			PCRE2_SIZE eo;

			line[strcspn(line, "\r\n")] = '\0';
			if (line[0] == '#' || line[0] == '@' || line[0] == '\0')
				continue;
			/* The pattern is the last field for context.txt,
			 * the second for the categories. */
			pat = strchr(line, '\t') + 1;
			if (nf == 8) {
				while ((tab = strchr(pat, '\t')) != NULL)
					pat = tab + 1;
			} else if ((tab = strchr(pat, '\t')) != NULL)
				*tab = '\0';
			re = pcre2_compile((PCRE2_SPTR)pat,
			    PCRE2_ZERO_TERMINATED, PCRE2_ANCHORED |
			    PCRE2_CASELESS | PCRE2_UTF, &ec, &eo, NULL);
			assert_non_null(re);
			md = pcre2_match_data_create(2, NULL);
			assert_non_null(p = rxprefix_make(pat, 1));
			for (i = 0; i < 3000; i++) {
				text[0] = '\0';
				n = 1 + (i % 4);
				for (k = 0; k < n; k++) {
					seed = seed * 6364136223846793005UL +
					    1442695040888963407UL;
					strcat(text, words[(seed >> 33) %
					    (sizeof(words) / sizeof(words[0]))]);
					strcat(text, (seed >> 20) % 5 ? " " :
					    ", ");
				}
				tried++;
				if (pcre2_match(re, (PCRE2_SPTR)text,
				    strlen(text), 0, 0, md, NULL) >= 0 &&
				    !rxprefix_may(p, (unsigned char *)text,
				    strlen(text)))
					fail_msg("%s: '%s' matches '%s'", path,
					    pat, text);
				if (!rxprefix_may(p, (unsigned char *)text,
				    strlen(text)))
					ruled++;
			}
			rxprefix_free(p);
			pcre2_match_data_free(md);
			pcre2_code_free(re);
		}
		fclose(fp);
	}
	/* It must also be of some use. */
	assert_true(ruled > tried / 2);
}

/*
 * Checks every use anon-flag makes of a test p of pattern re on text
 * (n bytes) that re matches: the walk, the state after each prefix
 * (rxprefix_step(), rxprefix_may_at(), rxprefix_next()) and the first
 * three bytes (rxprefix_first3(), in f3).
 */
static void
check_match(const struct rxprefix *p, uint64_t (*f3)[128][2],
    const char *pat, const unsigned char *t, size_t n)
{
	uint64_t	 m[2];
	size_t		 k;
	int		 st;

	if (!rxprefix_may(p, t, n))
		fail_msg("'%s' matches '%s'", pat, t);
	for (k = 1; k <= n; k++) {
		st = rxprefix_step(p, t, k);
		if (st == RXP_FAIL)
			fail_msg("'%s': step fails on '%s' at %zu", pat, t, k);
		if (st < 0)
			continue;
		if (!rxprefix_may_at(p, st, t + k, n - k))
			fail_msg("'%s': state %d fails '%s' at %zu", pat, st,
			    t, k);
		rxprefix_next(p, st, m);
		if (k < n && t[k] < 0x80 && !((m[t[k] >> 6] >> (t[k] & 63)) &
		    1))
			fail_msg("'%s': next after %zu of '%s'", pat, k, t);
	}
	if (n >= 3 && t[0] < 0x80 && t[1] < 0x80 && t[2] < 0x80 &&
	    !((f3[t[0]][t[1]][t[2] >> 6] >> (t[2] & 63)) & 1))
		fail_msg("'%s': first3 rules out '%s'", pat, t);
}

/*
 * rxprefix_make_word(): random patterns matched as anon-flag matches
 * them, followed by (?!\w); the states and the first three bytes
 * agree with every match too.
 */
static void
test_random_word(void **state)
{
	static const char *const alpha[] = {
		"a", "b", "c", "A", "k", "1", " ", "\xc3\xa9", "\xe2\x84\xaa",
		"\xc5\xbf", "s", "_", ",", "12",
	};
	static uint64_t	 f3[128][128][2];
	unsigned long	 seed = 7, npat, k;
	char		 pat[512], src[600], text[40];
	size_t		 i, n;

	(void)state;
	for (npat = 0; npat < 3000; npat++) {
		pcre2_code *re;
		pcre2_match_data *md;
		struct rxprefix *p;
		int ec;
		PCRE2_SIZE eo;

		pat[0] = '\0';
		gen(pat, sizeof(pat), &seed, 2);
		snprintf(src, sizeof(src), "(?:%s)(?!\\w)", pat);
		if ((re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
		    PCRE2_ANCHORED | PCRE2_CASELESS | PCRE2_UTF, &ec, &eo,
		    NULL)) == NULL)
			continue;
		md = pcre2_match_data_create(2, NULL);
		assert_non_null(p = rxprefix_make_word(pat, 1));
		memset(f3, 0, sizeof(f3));
		rxprefix_first3(p, f3);
		for (k = 0; k < 200; k++) {
			seed = seed * 6364136223846793005UL +
			    1442695040888963407UL;
			text[0] = '\0';
			n = (seed >> 40) % 7;
			for (i = 0; i < n; i++)
				strcat(text, alpha[(seed >> (i * 4 + 3)) % 14]);
			n = strlen(text);
			if (pcre2_match(re, (PCRE2_SPTR)text, n, 0, 0, md,
			    NULL) >= 0)
				check_match(p, f3, src, (unsigned char *)text,
				    n);
		}
		rxprefix_free(p);
		pcre2_match_data_free(md);
		pcre2_code_free(re);
	}
}

/* The word end rules out what the plain test cannot. */
static void
test_word_end(void **state)
{
	struct rxprefix	*p;
	uint64_t	 m[2];
	int		 st;

	(void)state;
	assert_non_null(p = rxprefix_make_word("I|me|my", 1));
	assert_int_equal(rxprefix_may(p, (const unsigned char *)"in", 2), 0);
	assert_int_equal(rxprefix_may(p, (const unsigned char *)"I'm", 3),
	    1);
	assert_int_equal(rxprefix_may(p, (const unsigned char *)"my", 2), 1);
	assert_int_equal(rxprefix_may(p, (const unsigned char *)"myself", 6),
	    0);
	assert_int_equal(rxprefix_empty(p), 0);
	rxprefix_free(p);
	assert_non_null(p = rxprefix_make("I|me|my", 1));
	assert_int_equal(rxprefix_may(p, (const unsigned char *)"in", 2), 1);
	rxprefix_free(p);
	/* A pattern that may match nothing still may at the end. */
	assert_non_null(p = rxprefix_make_word("a?", 1));
	assert_int_equal(rxprefix_empty(p), 1);
	rxprefix_free(p);
	/* A state inside a repeat: "15 " leaves \d+ for the space. */
	assert_non_null(p = rxprefix_make_word("\\d+ (?:tablets|pills)", 1));
	st = rxprefix_step(p, (const unsigned char *)"15 ", 3);
	assert_true(st >= 0);
	rxprefix_next(p, st, m);
	assert_true((m['t' >> 6] >> ('t' & 63)) & 1);
	assert_false((m['m' >> 6] >> ('m' & 63)) & 1);
	assert_int_equal(rxprefix_may_at(p, st, (const unsigned char *)"pills",
	    5), 1);
	assert_int_equal(rxprefix_step(p, (const unsigned char *)"15x", 3),
	    RXP_FAIL);
	rxprefix_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literals),
		cmocka_unit_test(test_conservative),
		cmocka_unit_test(test_after),
		cmocka_unit_test(test_against_pcre2),
		cmocka_unit_test(test_pcre2_assumptions),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_random_word),
		cmocka_unit_test(test_word_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
