/*
 * Unit tests of anon-places' towns abroad (lexicons/places/abroad.txt):
 * a town outside the UK is a place only in a strong context ("moved from
 * X", "born in X", "relatives in X", "X, <country>"), never an ordinary
 * word, a nation or a forename after a bare preposition.  Every sentence
 * is invented.
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

#include "places.h"
#include "record.h"

#include "places_scan.h"

/* The mention of surf was found by the rule for towns abroad. */
static void
abroad_town(const char *surf, const char *key)
{
	const struct mention *m;

	expect(surf, "place", "town", key);
	m = find(surf);
	assert_string_equal(m->rule, "places/abroad");
}

static void
strong_contexts(void **state)
{
	(void)state;
	scan("The family moved from Bydgoszcz when Amelka was two.");
	abroad_town("Bydgoszcz", "bydgoszcz");
	scan("Her father was born in Sylhet and came here in 2004.");
	abroad_town("Sylhet", "sylhet");
	scan("His grandmother still lives in Gujranwala with an uncle.");
	abroad_town("Gujranwala", "gujranwala");
	scan("They fled Kampala after the threats began.");
	abroad_town("Kampala", "kampala");
	scan("The mother travelled to Kuala Lumpur for a funeral.");
	abroad_town("Kuala Lumpur", "kuala lumpur");
	/* A bare preposition is enough for a name no one bears. */
	scan("A letter from Tartu reached the school in March.");
	abroad_town("Tartu", "tartu");
}

static void
country_after(void **state)
{
	(void)state;
	scan("Papers listed Cluj-Napoca, Romania as the child's birthplace.");
	abroad_town("Cluj-Napoca", "cluj-napoca");
}

static void
near_misses(void **state)
{
	(void)state;
	/* An ordinary English word (hunspell accepts "nice"). */
	scan("They sat out in Nice weather on the last day.");
	untouched("Nice");
	/* A forename after a bare "to" or "from" is a person. */
	scan("The social worker spoke to Florence about the move.");
	untouched("Florence");
	scan("A card from Victoria arrived the next week.");
	untouched("Victoria");
	/* After a move the same word is a town. */
	scan("The aunt moved to Florence in 2020.");
	abroad_town("Florence", "florence");
	/* A nation is not a place that locates anyone. */
	scan("The father was born in Pakistan.");
	untouched("Pakistan");
	/* A UK town is the gazetteer's, not this rule's. */
	scan("They moved from Reading in the summer.");
	expect("Reading", "place", NULL, NULL);
	assert_string_not_equal(find("Reading")->rule, "places/abroad");
	/* Without any context a town abroad is left alone. */
	scan("Tartu was mentioned once.");
	untouched("Tartu");
	/* Part of a longer capitalised name. */
	scan("A call from Sylhet Begum was logged.");
	assert_null(find("Sylhet"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strong_contexts),
		cmocka_unit_test(country_after),
		cmocka_unit_test(near_misses),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
