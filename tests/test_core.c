/* Unit tests of utf8, lexicon, casefile, apply, record and findings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "apply.h"
#include "casefile.h"
#include "findings.h"
#include "lexicon.h"
#include "record.h"
#include "sbuf.h"
#include "utf8.h"

static void
utf8_checks(void **state)
{
	size_t	 bad = 99;

	(void)state;
	assert_true(utf8_valid("caf\xc3\xa9", 5, &bad));
	assert_false(utf8_valid("ab\xc3", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("a\xc0\xaf", 3, &bad));	/* overlong */
	assert_int_equal(bad, 1);
	assert_false(utf8_valid("\xed\xa0\x80", 3, &bad));	/* surrogate */
	assert_int_equal(bad, 0);
	assert_false(utf8_valid("x\xf4\x90\x80\x80", 5, &bad));	/* > U+10FFFF */
	assert_int_equal(bad, 1);
	assert_int_equal(utf8_count("a\xe2\x80\x99" "b", 5), 3);
	assert_int_equal(utf8_back("a\xe2\x80\x99", 3), 1);
}

static void
lexicon_basics(void **state)
{
	struct lexicon	*l = lexicon_new();
	char		 key[32], fold[64];
	int		 i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_int_equal(lexicon_put(l, key, strlen(key),
		    i % 2 ? "odd" : NULL), 0);
	}
	assert_int_equal(lexicon_size(l), 5000);
	assert_true(lexicon_has(l, "k4999", 5));
	assert_false(lexicon_has(l, "k5000", 5));
	assert_string_equal(lexicon_get(l, "k3", 2), "odd");
	assert_string_equal(lexicon_get(l, "k4", 2), "");
	lexicon_put(l, "k4", 2, "new");
	assert_string_equal(lexicon_get(l, "k4", 2), "new");
	assert_int_equal(lexicon_size(l), 5000);
	lexicon_free(l);
	lexicon_fold(fold, "\xc5\x81ukasz \xc3\x89LODIE O'BRIEN", 23);
	assert_string_equal(fold, "\xc5\x82ukasz \xc3\xa9lodie o'brien");
}

static void
lexicon_file(void **state)
{
	struct lexicon	*l;
	char		 dir[] = "/tmp/lexXXXXXX", path[64], err[256];
	FILE		*fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.txt", dir);
	fp = fopen(path, "w");
	fputs("# comment\n\nalpha\nbeta\tvalue\r\n", fp);
	fclose(fp);
	setenv("ANON_LEXICONS", dir, 1);
	assert_non_null(l = lexicon_load("t.txt", err, sizeof(err)));
	assert_int_equal(lexicon_size(l), 2);
	assert_string_equal(lexicon_get(l, "beta", 4), "value");
	lexicon_free(l);
	assert_null(lexicon_load("missing.txt", err, sizeof(err)));
	assert_non_null(strstr(err, "missing.txt: No such file"));
	remove(path);
	rmdir(dir);
}

static void
casefile_good(void **state)
{
	const char *csv = "\xef\xbb\xbfname,role,aliases,dob,address,postcode,"
	    "pseudonym\r\nKayden Smith,subject-child,Kay; K ,2015-03-07,"
	    "\"23 Linden Grove, Oldham\",OL8 2JD,\r\n\"O'Brien, \"\"Dee\"\"\","
	    "mother,,,,,Mum\r\n";
	struct casefile	*cf;
	char		 err[256];

	(void)state;
	cf = casefile_parse(csv, strlen(csv), "c.csv", err, sizeof(err));
	if (cf == NULL)
		fail_msg("%s", err);
	assert_int_equal(cf->nperson, 2);
	assert_string_equal(cf->person[0].name, "Kayden Smith");
	assert_int_equal(cf->person[0].role, ROLE_SUBJECT_CHILD);
	assert_int_equal(cf->person[0].nalias, 2);
	assert_string_equal(cf->person[0].alias[1], "K");
	assert_string_equal(cf->person[0].address, "23 Linden Grove, Oldham");
	assert_string_equal(cf->person[1].name, "O'Brien, \"Dee\"");
	assert_string_equal(cf->person[1].pseudonym, "Mum");
	assert_int_equal(cf->person[1].line, 3);
	casefile_free(cf);
}

static void
casefile_errors(void **state)
{
	static const struct { const char *csv, *msg; } bad[] = {
		{ "name,role\nA,aunt\n", "c.csv:2: unknown role 'aunt'" },
		{ "name,role\nA,mother\nB,father,x\n\"C,mother\n",
		    "c.csv:4: unterminated quoted field" },
		{ "name,dob\n", "c.csv:1: header row lacks" },
		{ "", "c.csv:1: empty file" },
		{ "name,role,dob\nA,mother,03/04/1990\n", "c.csv:2: bad date" },
		{ "name,role\n,mother\n", "c.csv:2: empty name" },
		{ "name,role\nA\xff,mother\n", "c.csv:2: invalid UTF-8" },
		{ "name,role\nA,mo\"ther\n", "c.csv:2: quote inside" },
	};
	char	 err[256];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (casefile_parse(bad[i].csv, strlen(bad[i].csv), "c.csv",
		    err, sizeof(err)) != NULL)
			fail_msg("case %zu accepted", i);
		if (strncmp(err, bad[i].msg, strlen(bad[i].msg)) != 0)
			fail_msg("case %zu: '%s' is not '%s...'", i, err,
			    bad[i].msg);
	}
	assert_int_equal(case_role_parse("mother-partner", 14),
	    ROLE_MOTHER_PARTNER);
	assert_int_equal(case_role_parse("mother", 5), -1);
}

static void
apply_spans_rules(void **state)
{
	struct sbuf	 out = SBUF_INIT;
	struct span_repl v[2] = { { 6, 11, "B" }, { 0, 5, "A" } };
	struct span_repl bad[2] = { { 0, 5, "A" }, { 3, 8, "B" } };
	struct span_repl mid[1] = { { 1, 2, "X" } };
	char		 err[128];

	(void)state;
	assert_int_equal(apply_spans(&out, "hello world!", 12, v, 2, err,
	    sizeof(err)), 0);
	assert_string_equal(out.buf, "A B!");
	sbuf_reset(&out);
	assert_int_equal(apply_spans(&out, "hello world!", 12, bad, 2, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "overlaps"));
	assert_int_equal(apply_spans(&out, "\xc3\xa9t\xc3\xa9", 5, mid, 1,
	    err, sizeof(err)), -1);
	sbuf_release(&out);
}

static void
findings_columns(void **state)
{
	struct findings	 f = FINDINGS_INIT;
	struct text_unit t = { 3, "L12", "lf", "\xe2\x80\x9cJo\xc3\xa9\xe2\x80\x9d said", 13 };

	(void)state;
	/* "Joé" is bytes 3..7, code points 2..4. */
	assert_int_equal(findings_add(&f, &t, 3, 7, "person", "warning",
	    "possible name"), 0);
	assert_int_equal(f.v[0].line, 12);
	assert_int_equal(f.v[0].col, 2);
	assert_int_equal(f.v[0].endcol, 5);
	assert_string_equal(f.v[0].surface, "Jo\xc3\xa9");
	assert_true(findings_is_flag("child-voice"));
	assert_false(findings_is_flag("person"));
	findings_release(&f);
}

static void
mention_list_ops(void **state)
{
	struct mention_list l = MENTION_LIST_INIT;

	(void)state;
	assert_int_equal(mention_list_add(&l, 1, 4, 9, "person", NULL,
	    "r", 80, NULL, NULL), 0);
	assert_int_equal(mention_list_add(&l, 1, 9, 4, "person", NULL,
	    "r", 80, NULL, NULL), -1);
	assert_string_equal(l.v[0].subtype, "");
	assert_true(mention_list_overlaps(&l, 8, 12));
	assert_false(mention_list_overlaps(&l, 9, 12));
	assert_false(mention_list_overlaps(&l, 0, 4));
	mention_list_release(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_checks),
		cmocka_unit_test(lexicon_basics),
		cmocka_unit_test(lexicon_file),
		cmocka_unit_test(casefile_good),
		cmocka_unit_test(casefile_errors),
		cmocka_unit_test(apply_spans_rules),
		cmocka_unit_test(findings_columns),
		cmocka_unit_test(mention_list_ops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
