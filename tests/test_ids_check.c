/*
 * test_ids_check.c — the check digit and allocation rules of filters/
 * ids_check.c, each with passing values and near misses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ids.h"

#define S(s)	(s), strlen(s)

static void
test_nhs(void **state)
{
	(void)state;
	assert_true(ids_nhs_valid(S("9434765919")));
	assert_true(ids_nhs_valid(S("943 476 5919")));
	assert_true(ids_nhs_valid(S("943-476-5919")));
	assert_true(ids_nhs_valid(S("4010232137")));
	/* check digit 0 after a remainder of 0 (11 - 0 = 11 -> 0) */
	assert_true(ids_nhs_valid(S("7000000015")));
	/* near misses: one digit changed, two transposed, wrong length */
	assert_false(ids_nhs_valid(S("9434765918")));
	assert_false(ids_nhs_valid(S("9434765991")));
	assert_false(ids_nhs_valid(S("4934765919")));
	assert_false(ids_nhs_valid(S("943476591")));
	assert_false(ids_nhs_valid(S("94347659190")));
	assert_false(ids_nhs_valid(S("943.476.5919")));
	/* a remainder giving check value 10 is never valid */
	assert_false(ids_nhs_valid(S("1234567890")));
	assert_false(ids_nhs_valid(S("")));
}

static void
test_ni_prefix(void **state)
{
	(void)state;
	assert_true(ids_ni_prefix_valid('A', 'B'));
	assert_true(ids_ni_prefix_valid('w', 't'));
	assert_true(ids_ni_prefix_valid('Z', 'T'));
	/* D F I Q U V never first; D F I O Q U V never second */
	assert_false(ids_ni_prefix_valid('D', 'A'));
	assert_false(ids_ni_prefix_valid('Q', 'Q'));
	assert_false(ids_ni_prefix_valid('V', 'A'));
	assert_false(ids_ni_prefix_valid('A', 'O'));
	assert_true(ids_ni_prefix_valid('O', 'M'));
	/* prefixes never allocated */
	assert_false(ids_ni_prefix_valid('B', 'G'));
	assert_false(ids_ni_prefix_valid('G', 'B'));
	assert_false(ids_ni_prefix_valid('N', 'K'));
	assert_false(ids_ni_prefix_valid('K', 'N'));
	assert_false(ids_ni_prefix_valid('T', 'N'));
	assert_false(ids_ni_prefix_valid('N', 'T'));
	assert_false(ids_ni_prefix_valid('Z', 'Z'));
	assert_false(ids_ni_prefix_valid('1', 'A'));
}

static void
test_upn(void **state)
{
	(void)state;
	assert_int_equal(ids_upn_check_letter(S("?820200112001")), 'P');
	assert_true(ids_upn_valid(S("P820200112001")));
	assert_true(ids_upn_valid(S("J938456714123")));
	/* temporary UPN: the last character is a letter */
	assert_true(ids_upn_valid(S("F30120151900A")));
	/* near misses */
	assert_false(ids_upn_valid(S("Q820200112001")));
	assert_false(ids_upn_valid(S("P820200112002")));
	assert_false(ids_upn_valid(S("P82020011200")));
	assert_false(ids_upn_valid(S("P8202001120011")));
	assert_false(ids_upn_valid(S("P82020011200I")));	/* I unused */
	assert_false(ids_upn_valid(S("P8202A0112001")));
}

static void
test_vrm_age(void **state)
{
	(void)state;
	assert_true(ids_vrm_age_valid(0, 2));
	assert_true(ids_vrm_age_valid(5, 1));
	assert_true(ids_vrm_age_valid(2, 4));
	assert_true(ids_vrm_age_valid(7, 4));
	assert_false(ids_vrm_age_valid(0, 0));
	assert_false(ids_vrm_age_valid(0, 1));
	assert_false(ids_vrm_age_valid(5, 0));
	assert_false(ids_vrm_age_valid(10, 0));
}

static void
test_phone_national(void **state)
{
	char	 out[20];

	(void)state;
	assert_int_equal(ids_phone_national(S("+44 (0)7568 482 692"), out), 10);
	assert_string_equal(out, "07568482692");
	assert_int_equal(ids_phone_national(S("+447568482692"), out), 10);
	assert_string_equal(out, "07568482692");
	assert_int_equal(ids_phone_national(S("0044 20 7946 0000"), out), 10);
	assert_string_equal(out, "02079460000");
	assert_int_equal(ids_phone_national(S("(0116) 921 9216"), out), 10);
	assert_string_equal(out, "01169219216");
	assert_int_equal(ids_phone_national(S("0161-954-4097"), out), 10);
	assert_int_equal(ids_phone_national(S("0800 123 456"), out), 9);
	/* near misses: other characters, too many digits */
	assert_int_equal(ids_phone_national(S("0161.954.4097"), out), -1);
	assert_int_equal(ids_phone_national(S("07568 482 692 x2"), out), -1);
	assert_int_equal(ids_phone_national(S("07568 482 692 2017"), out), 14);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nhs),
		cmocka_unit_test(test_ni_prefix),
		cmocka_unit_test(test_upn),
		cmocka_unit_test(test_vrm_age),
		cmocka_unit_test(test_phone_national),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
