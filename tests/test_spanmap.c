/*
 * test_spanmap.c — spanmap_hit() answers what mention_list_overlaps()
 * answers, for random lists (overlapping, nested, touching, empty and
 * out-of-range mentions) and every question over the text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "record.h"
#include "spanmap.h"

static unsigned long rnd = 12345;

static size_t
next(size_t n)
{
	rnd = rnd * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t)(rnd >> 33) % n;
}

static void
same_as_list(void **state)
{
	struct mention_list	 l = MENTION_LIST_INIT;
	struct spanmap		 m = SPANMAP_INIT;
	size_t			 len, s, e, k, nm;
	int			 round, one;

	(void)state;
	for (round = 0; round < 400; round++) {
		len = next(40);
		nm = next(8);
		mention_list_clear(&l);
		one = round % 2;
		assert_int_equal(spanmap_reset(&m, len), 0);
		for (k = 0; k < nm; k++) {
			s = next(len + 3);
			e = s + next(6);
			if (next(10) == 0)
				e = s;
			assert_int_equal(mention_list_add(&l, 1, s, e, "person",
			    "", "t", 50, "", ""), 0);
			if (one)
				spanmap_add(&m, s, e);
		}
		if (!one)
			assert_int_equal(spanmap_add_list(&m, &l), 0);
		for (s = 0; s <= len; s++)
			for (e = s; e <= len; e++)
				assert_int_equal(spanmap_hit(&m, s, e),
				    mention_list_overlaps(&l, s, e));
	}
	mention_list_release(&l);
	spanmap_release(&m);
}

static void
empty(void **state)
{
	struct spanmap	 m = SPANMAP_INIT;

	(void)state;
	assert_int_equal(spanmap_reset(&m, 0), 0);
	assert_int_equal(spanmap_hit(&m, 0, 0), 0);
	assert_int_equal(spanmap_add_list(&m, NULL), 0);
	spanmap_release(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_as_list),
		cmocka_unit_test(empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
