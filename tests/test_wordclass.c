/*
 * Unit tests of wordclass: the precomputed table gives hunspell's answers,
 * for the words the detectors ask about and for the forms only hunspell's
 * rules make (numbers, ordinals, hyphenated words, ’).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wordclass.h"

#define EN_GB	"/usr/share/hunspell/en_GB"

static struct wordclass	*table, *hun;

static int
setup(void **state)
{
	char	 dir[PATH_MAX], err[256];

	(void)state;
	if (realpath("lexicons", dir) == NULL)
		return -1;
	setenv("ANON_LEXICONS", dir, 1);
	if ((table = wordclass_open(NULL, err, sizeof(err))) == NULL ||
	    (hun = wordclass_open(EN_GB, err, sizeof(err))) == NULL) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	wordclass_free(table);
	wordclass_free(hun);
	return 0;
}

static int
of(struct wordclass *wc, const char *w)
{
	return wordclass_of(wc, w, strlen(w));
}

static void
classes(void **state)
{
	static const struct {
		const char	*w;
		int		 cl;
	} t[] = {
		{ "hope", 'o' }, { "Hope", 'o' }, { "HOPE", 'o' },
		{ "reading", 'o' }, { "Reading", 'o' }, { "will", 'o' },
		{ "Sarah", 'p' }, { "sarah", 'p' }, { "Oldham", 'p' },
		{ "London", 'p' }, { "Kayden", 'u' }, { "Okafor", 'u' },
		{ "well-known", 'o' },
		{ "London-based", 'p' }, { "Okafor-Smith", 'u' },
		{ "1,000", 'o' }, { "12-14", 'o' }, { "3.5", 'o' },
		{ "21st", 'o' }, { "12th", 'o' }, { "11st", 'u' },
		{ "22th", 'u' }, { "don\xe2\x80\x99t", 'o' }, { "don't", 'o' },
		{ "\xc3\x89mile", 'p' }, { "caf\xc3\xa9", 'o' },
		{ "", 'u' }, { "xqzt", 'u' }, { "1,,0", 'u' },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (of(table, t[i].w) != t[i].cl)
			fail_msg("%s: table says %c, expected %c", t[i].w,
			    of(table, t[i].w), t[i].cl);
		if (of(hun, t[i].w) != t[i].cl)
			fail_msg("%s: hunspell says %c, expected %c", t[i].w,
			    of(hun, t[i].w), t[i].cl);
	}
}

/* Compares the table with hunspell on word, and on word-word2. */
static int
same(const char *w, const char *w2)
{
	char	 buf[512];
	int	 a, b;

	a = of(table, w);
	b = of(hun, w);
	if (a != b) {
		fprintf(stderr, "%s: table %c, hunspell %c\n", w, a, b);
		return 0;
	}
	snprintf(buf, sizeof(buf), "%s-%s", w, w2);
	a = of(table, buf);
	b = of(hun, buf);
	if (a != b) {
		fprintf(stderr, "%s: table %c, hunspell %c\n", buf, a, b);
		return 0;
	}
	return 1;
}

/*
 * Every 13th name and place of the lexicons, in the case written and
 * capitalised, and joined by a hyphen: the table answers as hunspell.
 */
static void
agrees_with_hunspell(void **state)
{
	static const char *files[] = { "lexicons/names/names.txt",
	    "lexicons/places/gazetteer.txt", "lexicons/places/stopwords.txt" };
	char	 line[512], prev[512] = "x", cap[512];
	size_t	 f, n = 0, bad = 0, k;
	FILE	*fp;

	(void)state;
	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		assert_non_null(fp = fopen(files[f], "r"));
		while (fgets(line, sizeof(line), fp) != NULL) {
			if (line[0] == '#' || n++ % 13 != 0)
				continue;
			line[strcspn(line, "\t\r\n")] = '\0';
			for (k = 0; line[k] != '\0'; k++)
				if (line[k] == ' ')
					line[k] = '-';
			snprintf(cap, sizeof(cap), "%s", line);
			if (cap[0] >= 'a' && cap[0] <= 'z')
				cap[0] -= 32;
			bad += !same(line, prev) + !same(cap, line);
			snprintf(prev, sizeof(prev), "%s", line);
		}
		fclose(fp);
	}
	if (bad != 0)
		fail_msg("%zu of %zu words differ from hunspell: rebuild "
		    "lexicons/wordclass/en_GB.txt (tools/build-wordclass.sh)",
		    bad, n / 13 * 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(classes),
		cmocka_unit_test(agrees_with_hunspell),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
