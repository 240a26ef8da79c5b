/*
 * Unit tests of lexicon loading: text lexicons, compiled lexicons
 * (lexicon_compile()) and the rules that make a compiled form safe to use:
 * one made from another text is ignored, a damaged one is ignored, and a
 * mapped table still takes lexicon_put().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon.h"

static char	 dir[] = "/tmp/lexcXXXXXX";

static void
writefile(const char *name, const char *text)
{
	char	 path[128];
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static void
compile(const char *name)
{
	char	 path[128], out[160], err[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	snprintf(out, sizeof(out), "%s.lxb", path);
	if (lexicon_compile(path, out, err, sizeof(err)) == -1)
		fail_msg("%s", err);
}

/* The same lookups, whether the table was parsed or mapped. */
static void
check_small(const struct lexicon *l)
{
	assert_int_equal(lexicon_size(l), 4);
	assert_string_equal(lexicon_get(l, "alpha", 5), "");
	assert_string_equal(lexicon_get(l, "beta", 4), "value");
	assert_string_equal(lexicon_get(l, "gamma", 5), "second");
	assert_string_equal(lexicon_get(l, "d\xc3\xa9j\xc3\xa0", 6), "vu");
	assert_null(lexicon_get(l, "alph", 4));
	assert_null(lexicon_get(l, "alphas", 6));
	assert_null(lexicon_get(l, "# comment", 9));
	assert_false(lexicon_has(l, "", 0));
}

static const char small[] = "# comment\n\nalpha\nbeta\tvalue\r\n"
    "gamma\tfirst\ngamma\tsecond\nd\xc3\xa9j\xc3\xa0\tvu";	/* no final \n */

static void
text_and_compiled_agree(void **state)
{
	struct lexicon	*l;
	char		 err[256];
	struct stat	 st;
	char		 bin[128];

	(void)state;
	writefile("small.txt", small);
	assert_non_null(l = lexicon_load("small.txt", err, sizeof(err)));
	check_small(l);
	lexicon_free(l);
	compile("small.txt");
	snprintf(bin, sizeof(bin), "%s/small.txt.lxb", dir);
	assert_int_equal(stat(bin, &st), 0);
	assert_true(st.st_size > 64);
	assert_non_null(l = lexicon_load("small.txt", err, sizeof(err)));
	check_small(l);
	/* A mapped table takes new keys and replaced values. */
	assert_int_equal(lexicon_put(l, "delta", 5, "new"), 0);
	assert_int_equal(lexicon_put(l, "beta", 4, "changed"), 0);
	assert_int_equal(lexicon_size(l), 5);
	assert_string_equal(lexicon_get(l, "delta", 5), "new");
	assert_string_equal(lexicon_get(l, "beta", 4), "changed");
	assert_string_equal(lexicon_get(l, "gamma", 5), "second");
	lexicon_free(l);
}

static void
large_compiled(void **state)
{
	struct lexicon	*l;
	char		 err[256], key[32], val[32];
	FILE		*fp;
	char		 path[128];
	int		 i;

	(void)state;
	snprintf(path, sizeof(path), "%s/large.txt", dir);
	assert_non_null(fp = fopen(path, "w"));
	for (i = 0; i < 30000; i++)
		fprintf(fp, "w%d\t%d\n", i, i * 7);
	assert_int_equal(fclose(fp), 0);
	compile("large.txt");
	assert_non_null(l = lexicon_load("large.txt", err, sizeof(err)));
	assert_int_equal(lexicon_size(l), 30000);
	for (i = 0; i < 30000; i += 7) {
		snprintf(key, sizeof(key), "w%d", i);
		snprintf(val, sizeof(val), "%d", i * 7);
		assert_string_equal(lexicon_get(l, key, strlen(key)), val);
	}
	assert_false(lexicon_has(l, "w30000", 6));
	lexicon_free(l);
}

/* A compiled form of another text, or a damaged one, is not used. */
static void
stale_or_damaged_ignored(void **state)
{
	struct lexicon	*l;
	char		 err[256], bin[128];
	FILE		*fp;

	(void)state;
	writefile("s.txt", "one\t1\ntwo\t2\n");
	compile("s.txt");
	writefile("s.txt", "one\t1\ntwo\t3\n");	/* same size, new text */
	assert_non_null(l = lexicon_load("s.txt", err, sizeof(err)));
	assert_string_equal(lexicon_get(l, "two", 3), "3");
	lexicon_free(l);
	compile("s.txt");
	snprintf(bin, sizeof(bin), "%s/s.txt.lxb", dir);
	assert_int_equal(truncate(bin, 100), 0);	/* cut short */
	assert_non_null(l = lexicon_load("s.txt", err, sizeof(err)));
	assert_string_equal(lexicon_get(l, "two", 3), "3");
	assert_int_equal(lexicon_size(l), 2);
	lexicon_free(l);
	assert_non_null(fp = fopen(bin, "w"));		/* not a lexicon */
	fputs("garbage", fp);
	fclose(fp);
	assert_non_null(l = lexicon_load("s.txt", err, sizeof(err)));
	assert_string_equal(lexicon_get(l, "one", 3), "1");
	lexicon_free(l);
}

static int
count(void *arg, const char *key, size_t len, const char *value)
{
	size_t	*n = arg;

	assert_int_equal(strlen(key), len);
	assert_non_null(value);
	if (len == 4 && memcmp(key, "beta", 4) == 0)
		assert_string_equal(value, "value");
	(*n)++;
	return 0;
}

static int
stop(void *arg, const char *key, size_t len, const char *value)
{
	(void)arg;
	(void)key;
	(void)len;
	(void)value;
	return 7;
}

/* lexicon_each() visits every entry once, parsed or mapped. */
static void
each_entry(void **state)
{
	struct lexicon	*l;
	char		 err[256];
	size_t		 n = 0;

	(void)state;
	writefile("e.txt", small);
	assert_non_null(l = lexicon_load("e.txt", err, sizeof(err)));
	assert_int_equal(lexicon_each(l, count, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(lexicon_each(l, stop, NULL), 7);
	lexicon_free(l);
	compile("e.txt");
	assert_non_null(l = lexicon_load("e.txt", err, sizeof(err)));
	n = 0;
	assert_int_equal(lexicon_each(l, count, &n), 0);
	assert_int_equal(n, 4);
	lexicon_free(l);
}

static void
errors(void **state)
{
	char	 err[256], out[160];

	(void)state;
	assert_null(lexicon_load("missing.txt", err, sizeof(err)));
	assert_non_null(strstr(err, "missing.txt: No such file"));
	snprintf(out, sizeof(out), "%s/missing.txt.lxb", dir);
	assert_int_equal(lexicon_compile("/nonexistent/x.txt", out, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent/x.txt"));
	writefile("empty.txt", "");
	compile("empty.txt");
	{
		struct lexicon *l = lexicon_load("empty.txt", err,
		    sizeof(err));

		assert_non_null(l);
		assert_int_equal(lexicon_size(l), 0);
		assert_null(lexicon_get(l, "a", 1));
		lexicon_free(l);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_and_compiled_agree),
		cmocka_unit_test(large_compiled),
		cmocka_unit_test(stale_or_damaged_ignored),
		cmocka_unit_test(each_entry),
		cmocka_unit_test(errors),
	};
	char	 cmd[64];
	int	 rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	setenv("ANON_LEXICONS", dir, 1);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
