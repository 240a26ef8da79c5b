/* Unit tests for filters/sentence.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sentence.h"

/* Splits s and checks the sentences against want[0..n). */
static void
check(const char *s, const char *const *want, size_t n)
{
	struct sentence_list	 l = SENTENCE_LIST_INIT;
	long			 got;
	size_t			 i;

	got = sentence_split(s, strlen(s), &l);
	for (i = 0; i < (size_t)got && i < n; i++) {
		size_t len = l.v[i].end - l.v[i].start;

		if (len != strlen(want[i]) ||
		    memcmp(s + l.v[i].start, want[i], len) != 0)
			fail_msg("sentence %zu: got '%.*s', want '%s'", i,
			    (int)len, s + l.v[i].start, want[i]);
	}
	assert_int_equal(got, (long)n);
	sentence_list_release(&l);
}

static void
test_paragraph_number(void **state)
{
	const char *w[] = { "On 4 May the GP saw the baby.",
	    "Nothing was recorded." };

	(void)state;
	check("7.23 On 4 May the GP saw the baby. Nothing was recorded.",
	    w, 2);
}

static void
test_titles_and_initials(void **state)
{
	const char *w[] = { "Mr. Price met Dr. J. R. Hale and Ms. Ode at "
	    "St. Anne's.", "They agreed a plan." };

	(void)state;
	check("Mr. Price met Dr. J. R. Hale and Ms. Ode at St. Anne's. "
	    "They agreed a plan.", w, 2);
}

static void
test_dotted_initials(void **state)
{
	const char *w[] = { "The nurse told K.T. about the clinic.",
	    "K.T. did not attend." };

	(void)state;
	check("The nurse told K.T. about the clinic. K.T. did not attend.",
	    w, 2);
}

static void
test_decimal(void **state)
{
	const char *w[] = { "Her weight was on the 0.4th centile.",
	    "She was admitted." };

	(void)state;
	check("Her weight was on the 0.4th centile. She was admitted.", w,
	    2);
}

static void
test_quote_kept_whole(void **state)
{
	const char *w[] = { "He wrote: \xe2\x80\x9cI am scared. Please "
	    "help me.\xe2\x80\x9d", "The note was kept." };

	(void)state;
	check("He wrote: \xe2\x80\x9cI am scared. Please help me.\xe2\x80\x9d"
	    " The note was kept.", w, 2);
}

static void
test_quote_ends_sentence(void **state)
{
	const char *w[] = { "She said, \"It hurts.\"", "Staff noted it." };

	(void)state;
	check("She said, \"It hurts.\" Staff noted it.", w, 2);
}

static void
test_question_inside_quote(void **state)
{
	const char *w[] = { "\"Why me?\" she asked the worker." };

	(void)state;
	check("\"Why me?\" she asked the worker.", w, 1);
}

static void
test_table_cells(void **state)
{
	const char *w[] = { "March 2016", "Home visit made.",
	    "No concerns." };

	(void)state;
	check("5\tMarch 2016\tHome visit made. No concerns.", w, 3);
}

static void
test_unclosed_quote(void **state)
{
	const char *w[] = { "He said \"we left.", "Then it rained." };

	(void)state;
	check("He said \"we left. Then it rained.", w, 2);
}

static void
test_empty(void **state)
{
	struct sentence_list l = SENTENCE_LIST_INIT;

	(void)state;
	assert_int_equal(sentence_split("", 0, &l), 0);
	assert_int_equal(sentence_split("   ", 3, &l), 0);
	sentence_list_release(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paragraph_number),
		cmocka_unit_test(test_titles_and_initials),
		cmocka_unit_test(test_dotted_initials),
		cmocka_unit_test(test_decimal),
		cmocka_unit_test(test_quote_kept_whole),
		cmocka_unit_test(test_quote_ends_sentence),
		cmocka_unit_test(test_question_inside_quote),
		cmocka_unit_test(test_table_cells),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
