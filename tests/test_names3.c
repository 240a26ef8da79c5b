/*
 * test_names3.c — the person detector on names from other traditions
 * and wording: surnames with particles (Welsh ap/ab, Gaelic Mac an t-,
 * Dutch van der, Portuguese de), in case files and without, after a
 * title and alone.  Every name here is invented.
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
	{ "iestyn", "m" }, { "emrys", "m" }, { "lachlann", "m" },
	{ "fenna", "f" }, { "mostert", "s" }, { "teixeira", "s" },
	{ "brochwel", "m" }, { "sorcha", "f" }, { "clemency", "fh" },
	{ "bramble", "f" }, { "ember", "f" }, { "carver", "s" }, { "will", "m" },
	{ "heather", "fhp" }, { "lane", "gp" }, { "nerys", "f" },
	{ "tolley", "s" }, { "imogen", "f" },
	{ NULL, NULL }
};

/* Invented people whose surnames hold particles. */
static const char casecsv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Iestyn ap Gruffydd,subject-child,,2018-02-03,,,\n"
    "Gruffydd ap Emrys,father,,1988-05-06,,,\n"
    "Lachlann Mac an t-Sealgair,sibling,,2016-04-01,,,\n"
    "Sorcha Ní Dhubhthaigh,mother,,1990-07-08,,,\n"
    "Reed Carthew,mother-partner,,1989-01-02,,,\n"
    "Tamsin Carthew,half-sibling,Tamsy,2014-03-04,,,\n"
    "Md Rafiqul Hossain,grandfather,,1950-05-06,,,\n"
    "Bedwyr Hossain,other-adult,,1985-05-06,,,\n";
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


/* Case-file surnames with particles are matched whole. */
static void
test_case_particles(void **state)
{
	struct fx *fx = *state;
	const char *k;

	fx_scan(fx, "Iestyn ap Gruffydd started nursery in May.");
	k = fx_person(fx, "Iestyn ap Gruffydd")->key;
	assert_string_equal(k, "case:1");
	/* The patronymic alone is the child's, not the father's forename. */
	fx_scan(fx, "The letter was addressed to ap Gruffydd at home.");
	assert_string_equal(fx_person(fx, "ap Gruffydd")->key, "case:1");
	/* A title and a particle. */
	fx_scan(fx, "Mr ap Emrys did not attend.");
	assert_string_equal(fx_person(fx, "Mr ap Emrys")->key, "case:2");
	/* Gaelic "Mac an t-" and its capitals in a title line. */
	fx_scan(fx, "Lachlann Mac an t-Sealgair was seen at school.");
	assert_string_equal(fx_person(fx, "Lachlann Mac an t-Sealgair")->key,
	    "case:3");
	fx_scan(fx, "REVIEW CONCERNING LACHLANN MAC AN T-SEALGAIR");
	assert_string_equal(fx_person(fx, "LACHLANN MAC AN T-SEALGAIR")->key,
	    "case:3");
	fx_scan(fx, "Ms Ní Dhubhthaigh phoned.");
	assert_string_equal(fx_person(fx, "Ms Ní Dhubhthaigh")->key, "case:4");
	/* The particles alone are nobody. */
	fx_scan(fx, "An assessment by Mac the caretaker found an ap error.");
	assert_false(touched(fx, "Mac"));
	assert_int_equal(fx->found.n, 0);
	fx_scan(fx, "Ní is a word the review discussed.");
	assert_int_equal(fx->found.n, 0);
}

/* Initials written apart before a known surname. */
static void
test_case_initials(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "The form was signed by M. R. Hossain in 2019.");
	assert_string_equal(fx_person(fx, "M. R. Hossain")->key, "case:7");
	/* Not his forename's initial: the initials stay outside. */
	fx_scan(fx, "The form was signed by K. R. Hossain in 2019.");
	assert_null(find(fx, "K. R. Hossain"));
}

/* Known forenames in lower case inside quoted messages. */
static void
test_case_lower(void **state)
{
	struct fx *fx = *state;

	/* Not a word: the name wherever it is quoted. */
	fx_scan(fx, "The text read \"tamsy wont come in from the yard\".");
	assert_string_equal(fx_person(fx, "tamsy")->key, "case:6");
	/* An ordinary word: only with a verb of a person after it. */
	fx_scan(fx, "She wrote \"reed said he would fix the door\".");
	assert_string_equal(fx_person(fx, "reed")->key, "case:5");
	fx_scan(fx, "She wrote \"the reed said nothing\" and \"reed "
	    "beds flood\".");
	assert_int_equal(fx->found.n, 0);
	/* Outside quotes lower case is never a name. */
	fx_scan(fx, "The tamsy form was filed.");
	assert_int_equal(fx->found.n, 0);
}

/* Welsh mutated forms of known names, only where Welsh mutates them. */
static void
test_case_mutated(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "She texted \"Wyt ti wedi gweld Fedwyr heddiw?\"");
	assert_string_equal(fx_person(fx, "Fedwyr")->key, "case:8");
	fx_scan(fx, "A note said the letter went i Fedwyr last week.");
	assert_string_equal(fx_person(fx, "Fedwyr")->key, "case:8");
	/* No Welsh word before, not quoted: not his. */
	fx_scan(fx, "The Fedwyr estate was mentioned.");
	assert_null(find(fx, "Fedwyr"));
}

/* A forename that is a word, at a sentence start, then an apposition. */
static void
test_case_apposition(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "Reed, who is 31, works nights.");
	assert_string_equal(fx_person(fx, "Reed")->key, "case:5");
	fx_scan(fx, "Reed, however, grew by the water.");
	assert_null(find(fx, "Reed"));
}

/* Without a case file: a title, then particles, then the surname. */
static void
test_title_particles(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "Dr van der Mostert examined the baby.");
	fx_person(fx, "Dr van der Mostert");
	fx_scan(fx, "The plan was agreed by Mr de Teixeira on the ward.");
	fx_person(fx, "Mr de Teixeira");
	fx_scan(fx, "Later Brochwel ap Emrys moved in.");
	fx_person(fx, "Brochwel ap Emrys");
	/* A particle before a name found alone joins it. */
	fx_scan(fx, "Fenna Mostert visited; the register listed her son "
	    "as ap Mostert.");
	fx_person(fx, "ap Mostert");
	/* In capitals, the particles inside a title line's name. */
	fx_scan(fx, "Child: LACHLANN MAC AN T-SEALGAIR (aged six)");
	fx_person(fx, "LACHLANN MAC AN T-SEALGAIR");
	fx_scan(fx, "REVIEW OF AN INCIDENT AT SCHOOL");
	assert_int_equal(fx->found.n, 0);
	/* Not a name after the particle: nothing. */
	fx_scan(fx, "Dr de facto led the case.");
	assert_null(find(fx, "Dr de facto"));
}

/* Without a case file: forenames that are ordinary words, in context. */
static void
test_word_forenames(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "She lived with her younger sister Clemency in a flat.");
	fx_person(fx, "Clemency");
	/* Remembered for the rest of the document. */
	fx_scan(fx, "Her sister Clemency moved in. The police met Clemency "
	    "twice.");
	fx_person(fx, "Clemency");
	assert_int_equal(fx->found.n, 2);
	fx_scan(fx, "On the next day Bramble, aged six, was seen.");
	fx_person(fx, "Bramble");
	fx_scan(fx, "Ember told the teacher about the fire.");
	fx_person(fx, "Ember");
	fx_scan(fx, "Bramble's mother phoned.");
	fx_person(fx, "Bramble");
	/* The words as words. */
	fx_scan(fx, "Bramble, however, grew over the fence; Ember glowed. "
	    "Clemency was shown by the court with respect to the sentence.");
	assert_int_equal(fx->found.n, 0);
	fx_scan(fx, "The court showed Clemency to the father.");
	assert_int_equal(fx->found.n, 0);
}

/* Maiden names and quoted nicknames. */
static void
test_nee_nick(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "The mother (née Carver) was born in 1990.");
	fx_person(fx, "Carver");
	/* The maiden name is the woman's named just before it. */
	fx_scan(fx, "Her mother Fenna Mostert (née Carver) and Ember Carver.");
	assert_string_equal(fx_person(fx, "Carver")->key,
	    fx_person(fx, "Fenna Mostert")->key);
	fx_scan(fx, "The boy, known as \"Pip\", was three.");
	fx_person(fx, "Pip");
	fx_scan(fx, "Everyone calls him \"Tiggs\" at home.");
	fx_person(fx, "Tiggs");
	/* A report in the present tense: "Name looks after". */
	fx_scan(fx, "She says that Tiarzan looks after her at weekends.");
	fx_person(fx, "Tiarzan");
	/* A quoted word that does not close after one word is not one. */
	fx_scan(fx, "The service is known as \"Early Help\" locally.");
	assert_int_equal(fx->found.n, 0);
}

/* Languages, modal questions and Gaelic prefixes are not names. */
static void
test_precision(void **state)
{
	struct fx *fx = *state;

	fx_scan(fx, "The meeting was held in Hausa and Tigrinya, with an "
	    "interpreter who spoke Amharic.");
	assert_int_equal(fx->found.n, 0);
	/* Will the forename, then Will the modal starting a question. */
	fx_scan(fx, "Will Carver chaired. Will a plan be enough? Will we "
	    "know?");
	fx_person(fx, "Will Carver");
	assert_int_equal(fx->found.n, 1);
	/* "Mac" of a name met before is no name on its own. */
	fx_scan(fx, "Her uncle Brochwel Mac Teixeira came. The prefix Mac was "
	    "dropped.");
	fx_person(fx, "Brochwel Mac Teixeira");
	assert_int_equal(fx->found.n, 1);
}

/*
 * A role in apposition after a name, with words that qualify it ("the
 * family support worker"), gives the person and its role; it also keeps
 * a name word that heads streets ("Lane") in the name.  Without the role
 * the street word still ends it.
 */
static void
test_role_apposition(void **state)
{
	struct fx *fx = *state;
	const struct mention *m;

	fx_scan(fx, "At the meeting Nerys Tolley, the family support worker, "
	    "spoke.");
	m = fx_person(fx, "Nerys Tolley");
	assert_string_equal(m->subtype, "professional");
	fx_scan(fx, "Heather Lane, the family support worker, visited.");
	fx_person(fx, "Heather Lane");
	fx_scan(fx, "Later Heather Lane, the tenancy officer, wrote.");
	fx_person(fx, "Heather Lane");
	fx_scan(fx, "They walked down Heather Lane to the shop.");
	assert_false(touched(fx, "Heather Lane"));
	/* No "the", no determiner: still an apposition, and the role
	 * keeps a word surname after a forename at a sentence start. */
	fx_scan(fx, "Author: Imogen Stride, independent reviewer.");
	fx_person(fx, "Imogen Stride");
	fx_scan(fx, "Nerys Tolley, told the health visitor, that it was "
	    "fine.");
	assert_string_equal(fx_person(fx, "Nerys Tolley")->subtype, "");
	/* No role: ", the family home," is a place's apposition. */
	fx_scan(fx, "Heather Lane, the family home, was cold.");
	assert_false(touched(fx, "Heather Lane"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_case_particles,
		    setup_case, teardown),
		cmocka_unit_test_setup_teardown(test_case_initials,
		    setup_case, teardown),
		cmocka_unit_test_setup_teardown(test_case_lower,
		    setup_case, teardown),
		cmocka_unit_test_setup_teardown(test_case_mutated,
		    setup_case, teardown),
		cmocka_unit_test_setup_teardown(test_case_apposition,
		    setup_case, teardown),
		cmocka_unit_test_setup_teardown(test_word_forenames,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_nee_nick,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_precision,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_title_particles,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_role_apposition,
		    setup_nocase, teardown),
	};
	char dir[4096];

	if (getenv("ANON_LEXICONS") == NULL && realpath("lexicons", dir) != NULL)
		setenv("ANON_LEXICONS", dir, 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
