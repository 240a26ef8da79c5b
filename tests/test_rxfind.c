/* Unit tests for filters/rxfind.c: the same first match as PCRE2. */
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

#include "rxfind.h"

static unsigned long
next(unsigned long *seed)
{
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	return *seed >> 33;
}

/* Searches text from every offset with f and with PCRE2 and compares. */
static void
compare(const char *pat, uint32_t opts, const char *text)
{
	pcre2_code	*re;
	pcre2_match_data *m1, *m2;
	struct rxfind	 f;
	size_t		 len = strlen(text), off;
	int		 ec, r1, r2;
	PCRE2_SIZE	 eo;

	if ((re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts,
	    &ec, &eo, NULL)) == NULL)
		return;
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	assert_int_equal(rxfind_init(&f, re, pat, opts), 0);
	m1 = pcre2_match_data_create(4, NULL);
	m2 = pcre2_match_data_create(4, NULL);
	for (off = 0; off <= len; off++) {
		if (((unsigned char)text[off] & 0xc0) == 0x80)
			continue;
		r1 = pcre2_match(re, (PCRE2_SPTR)text, len, off, 0, m1, NULL);
		r2 = rxfind_match(&f, text, len, off, 0, m2);
		if (r1 != r2 || (r1 >= 0 &&
		    (pcre2_get_ovector_pointer(m1)[0] !=
		    pcre2_get_ovector_pointer(m2)[0] ||
		    pcre2_get_ovector_pointer(m1)[1] !=
		    pcre2_get_ovector_pointer(m2)[1])))
			fail_msg("'%s' on '%s' from %zu: %d and %d", pat, text,
			    off, r1, r2);
	}
	pcre2_match_data_free(m1);
	pcre2_match_data_free(m2);
	rxfind_release(&f);
	pcre2_code_free(re);
}

static void
test_fixed(void **state)
{
	(void)state;
	compare("(?<![\\p{L}\\p{N}_@])\\d{2}/\\d{5,7}", PCRE2_UTF,
	    "ab12/12345 x12/123456 12/1234567 (12/12345)");
	compare("(?i)(?<![\\p{L}\\p{N}])(?:case|crime)\\s+\\K\\d+", PCRE2_UTF,
	    "Case 12, showcase 13, CRIME 14 crime\xc2\xa0" "15");
	compare("(?i:[A-PR-UWYZ][0-9])", PCRE2_UTF, " \xc5\xbf" "0 S0 k9");
	compare("(*MARK:a)x|(*MARK:b)y", PCRE2_UTF, "zzyx");
	compare("\\Gab", PCRE2_UTF, "abab cab");
	compare("a(*SKIP)(*FAIL)|b", PCRE2_UTF, "aabb");
}

static void
test_random(void **state)
{
	static const char *const atoms[] = {
		"a", "b", "1", " ", "[ab]", "\\d", "\\w", "(?<![a1])",
		"(?<!\\p{L})", "\\b", "(?=b)", "\\K", "[^a]", "(?i:a)",
		"\xc3\xa9", ".",
	};
	static const char *const alpha[] = {
		"a", "b", "1", " ", "A", "\xc3\xa9", "\xc5\xbf",
	};
	unsigned long	 seed = 7, k;
	char		 pat[256], text[64];
	int		 i, n, j;

	(void)state;
	for (k = 0; k < 5000; k++) {
		pat[0] = '\0';
		if (next(&seed) % 2)
			strcat(pat, "(?<![\\p{L}\\p{N}_])");
		n = 1 + (int)(next(&seed) % 4);
		for (i = 0; i < n; i++) {
			strcat(pat, atoms[next(&seed) % 16]);
			j = (int)(next(&seed) % 8);
			strcat(pat, j == 0 ? "+" : j == 1 ? "*" : j == 2 ? "?" :
			    "");
			if (next(&seed) % 6 == 0)
				strcat(pat, "|");
		}
		text[0] = '\0';
		n = (int)(next(&seed) % 10);
		for (i = 0; i < n; i++)
			strcat(text, alpha[next(&seed) % 7]);
		compare(pat, PCRE2_UTF | (k % 3 == 0 ? PCRE2_CASELESS : 0),
		    text);
	}
}

/*
 * Texts long enough for the sixteen-position steps of a pattern that
 * begins only at word starts, and patterns whose first two bytes rule
 * out most positions (the pair table).
 */
static void
test_long(void **state)
{
	static const char *const heads[] = {
		"(?<![\\p{L}\\p{N}_])", "(?<![\\p{L}\\p{N}])(?i)",
		"(?<![\\p{L}\\p{N}_@])", "(?<![a1])",
	};
	static const char *const atoms[] = {
		"ab", "[A-Z]{1,3}", "\\d{2}", "/", " ", "[ab]", "\\d", "\\w",
		"(?:ba|1a)", "\\s+", "(?i:ab)", "\\K", "[^a]", "b?",
		"\xc3\xa9", ".",
	};
	static const char *const alpha[] = {
		"a", "b", "1", " ", "A", "\xc3\xa9", "\xc5\xbf", "/", "ab ",
		"12", "Ab", "\t",
	};
	unsigned long	 seed = 11, k;
	char		 pat[256], text[256];
	int		 i, n, j;

	(void)state;
	for (k = 0; k < 1500; k++) {
		strcpy(pat, heads[next(&seed) % 4]);
		n = 1 + (int)(next(&seed) % 4);
		for (i = 0; i < n; i++) {
			strcat(pat, atoms[next(&seed) % 16]);
			j = (int)(next(&seed) % 8);
			strcat(pat, j == 0 ? "+" : j == 1 ? "*" : j == 2 ? "?" :
			    "");
			if (next(&seed) % 8 == 0)
				strcat(pat, "|");
		}
		text[0] = '\0';
		n = 10 + (int)(next(&seed) % 50);
		for (i = 0; i < n; i++)
			strcat(text, alpha[next(&seed) % 12]);
		compare(pat, PCRE2_UTF | (k % 3 == 0 ? PCRE2_CASELESS : 0),
		    text);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
