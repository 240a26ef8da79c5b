/*
 * test_names2.c — the person detector on names its lexicon does not
 * know or knows only as words: ALL CAPS names in title lines, capitals
 * after a forename, forenames and surnames that are ordinary words,
 * initials that spell an abbreviation, misspellings that make a word,
 * and titles (ranks, a title and initials, couples, "J.-P.").  Every
 * name here is invented; each rule has a positive case and a near miss.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "casefile.h"
#include "lexicon.h"
#include "names.h"
#include "record.h"

static const char *const lexwords[][2] = {
	{ "tomasz", "m" }, { "ingrid", "f" }, { "may", "fs" },
	{ "mercy", "fn" }, { "hamish", "m" }, { "pickle", "h" },
	{ "abbot", "s" }, { "adebanjo", "s" }, { "kendra", "f" },
	{ "coyle", "s" }, { "lionel", "m" }, { "dray", "s" },
	{ "heather", "f" }, { "fenwick", "s" }, { "pellow", "s" },
	{ "brosseau", "s" }, { "sarah", "f" },
	{ NULL, NULL }
};

static const char casecsv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Heather Pennock,subject-child,,2015-03-07,,,\n"
    "Kendra Coyle,mother,,1991-04-03,,,\n"
    "Lionel Dray,father,,1990-01-01,,,\n"
    "Ingrid Pennock,grandmother,,1960-01-01,,,\n";

#include "names_fx.h"

static int
setup_case(void **state)
{
	return fx_new(state, casecsv, sizeof(casecsv) - 1, lexwords);
}

static int
setup_nocase(void **state)
{
	return fx_new(state, NULL, 0, lexwords);
}


static void
test_caps_title_line(void **state)
{
	struct fx *fx = *state;

	/* A lexicon forename and a surname no list knows. */
	fx_scan(fx, "SERIOUS CASE REVIEW: TOMASZ OKWUDILI Final Report");
	fx_person(fx, "TOMASZ OKWUDILI");
	/* Neither word known to anything: a name only in a title line. */
	fx_scan(fx, "CHILD SAFEGUARDING PRACTICE REVIEW: ZELMAR OKWUDILI");
	assert_string_equal(fx_person(fx, "ZELMAR OKWUDILI")->rule,
	    "names/caps-heading");
	fx_scan(fx, "The panel read the ZELMAR OKWUDILI papers at length "
	    "before it met, and then it wrote to every agency about them.");
	assert_false(touched(fx, "ZELMAR"));
	/* Acronyms and dictionary words in a title are no name. */
	fx_scan(fx, "REVIEW: NSPCC LSCB Final Report");
	assert_int_equal(fx->found.n, 0);
	fx_scan(fx, "APPENDIX: LOCAL AUTHORITY RESPONSE");
	assert_int_equal(fx->found.n, 0);
}

static void
test_caps_surname(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "Later Ingrid OKWUDILI had taken an overdose.");
	fx_person(fx, "Ingrid OKWUDILI");
	/* A dictionary word or an abbreviation in capitals is not hers. */
	fx_scan(fx, "Later Ingrid RISK was assessed.");
	assert_null(find(fx, "Ingrid RISK"));
	fx_scan(fx, "Later Ingrid NHS staff came.");
	assert_null(find(fx, "Ingrid NHS"));
}

static void
test_trap_forenames(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "Present were Mrs Abbot, May Kettridge (community "
	    "midwife) and the chair.");
	fx_person(fx, "May Kettridge");
	/* The month. */
	fx_scan(fx, "In May Kettridge visited the family.");
	assert_false(touched(fx, "May"));
	fx_scan(fx, "On 3 May Kettridge visited the family.");
	assert_false(touched(fx, "May"));
	/* A weak forename that is also a word, before a surname. */
	fx_scan(fx, "The team manager Mercy Adebanjo said so.");
	fx_person(fx, "Mercy Adebanjo");
	fx_scan(fx, "Mercy Orkwell stands as a theme of the report.");
	assert_null(find(fx, "Mercy Orkwell"));
	/* A verb before whose object is a person, or one after. */
	fx_scan(fx, "Later the aunt described Mercy Orkwell as her rock.");
	fx_person(fx, "Mercy Orkwell");
	fx_scan(fx, "Mercy Orkwell grew up nearby.");
	fx_person(fx, "Mercy Orkwell");
	fx_scan(fx, "The aunt described Mercy Orkwell Trust as generous.");
	assert_null(find(fx, "Mercy Orkwell"));
	/* A table cell with the name, the next with a relation. */
	fx_scan(fx, "Yes\tMercy Orkwell\tMaternal grandmother\t1960");
	fx_person(fx, "Mercy Orkwell");
	fx_scan(fx, "Yes\tMercy Orkwell\t2019\tClosed");
	assert_null(find(fx, "Mercy Orkwell"));
	/* One word: a role after "was the". */
	fx_scan(fx, "Mercy was the health visitor for the family.");
	fx_person(fx, "Mercy");
	fx_scan(fx, "Mercy was the theme of the sermon.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_word_surnames(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "The review was led by Hamish Pantry, an independent "
	    "author.");
	fx_person(fx, "Hamish Pantry");
	/* More capitals after it: the start of something else. */
	fx_scan(fx, "The review was led by Hamish Pantry Services.");
	assert_null(find(fx, "Hamish Pantry"));
	/* A role is not a surname. */
	fx_scan(fx, "The review spoke to Hamish Manager about it.");
	assert_null(find(fx, "Hamish Manager"));
}

static void
test_abbreviation_initials(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "The hub heard about KC's third attendance.");
	assert_string_equal(fx_person(fx, "KC")->key, "case:2");
	fx_scan(fx, "LD said he was frightened.");
	assert_string_equal(fx_person(fx, "LD")->key, "case:3");
	/* The abbreviation: a determiner, or no person's context. */
	fx_scan(fx, "The KC's opinion was sought.");
	assert_int_equal(fx->found.n, 0);
	fx_scan(fx, "Parents with LD need support.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_word_misspellings(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "The school worried about Heater's behaviour.");
	assert_string_equal(fx_person(fx, "Heater")->key, "case:1");
	/* The word itself. */
	fx_scan(fx, "The heater's thermostat failed and a Heater was "
	    "bought.");
	assert_int_equal(fx->found.n, 0);
	/* Strong context: the family named in the same sentence. */
	fx_scan(fx, "Ingrid Pennock was told that Heater would stay.");
	assert_string_equal(fx_person(fx, "Heater")->key, "case:1");
}

static void
test_titles(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "Sergeant Pickle and four other officers searched.");
	assert_string_equal(fx_person(fx, "Sergeant Pickle")->subtype,
	    "police-officer");
	fx_scan(fx, "The Sergeant Major was not named.");
	assert_int_equal(fx->found.n, 0);
	fx_scan(fx, "HHJ Pellow gave judgment.");
	fx_person(fx, "HHJ Pellow");
	fx_scan(fx, "When Mrs G. was called to give evidence, she cried.");
	fx_person(fx, "Mrs G.");
	fx_scan(fx, "Ms S.D. was appointed as receiver.");
	fx_person(fx, "Ms S.D.");
	/* A couple: two people, the word "and" left. */
	fx_scan(fx, "The neighbours, Mr and Mrs T., sued.");
	fx_person(fx, "Mrs T.");
	assert_string_equal(fx_person(fx, "Mr")->rule, "names/title-couple");
	assert_false(touched(fx, "and"));
	fx_scan(fx, "The applicants, Mr and Mrs Fenwick, were born in 1942.");
	fx_person(fx, "Mrs Fenwick");
	assert_string_equal(fx_person(fx, "Mr")->key, "mr fenwick");
	fx_scan(fx, "The President, Mr J.-P. Brosseau, sat.");
	fx_person(fx, "Mr J.-P. Brosseau");
	/* A title alone, or before a lower-case word, names nobody. */
	fx_scan(fx, "Mr and Mrs are titles; Mr or Mrs is asked.");
	assert_int_equal(fx->found.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_caps_title_line,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_caps_surname,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_trap_forenames,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_word_surnames,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_abbreviation_initials,
		    setup_case, teardown),
		cmocka_unit_test_setup_teardown(test_word_misspellings,
		    setup_case, teardown),
		cmocka_unit_test_setup_teardown(test_titles, setup_nocase,
		    teardown),
	};
	char dir[4096];

	if (getenv("ANON_LEXICONS") == NULL && realpath("lexicons", dir) != NULL)
		setenv("ANON_LEXICONS", dir, 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
