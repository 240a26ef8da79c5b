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
mkfx(void **state, int withcase)
{
	struct names_config cfg;
	struct fx *fx = calloc(1, sizeof(*fx));
	struct lexicon *l;
	char err[256];
	size_t i;

	assert_non_null(fx);
	memset(&cfg, 0, sizeof(cfg));
	if (withcase) {
		fx->cf = casefile_parse(casecsv, sizeof(casecsv) - 1,
		    "case.csv", err, sizeof(err));
		assert_non_null(fx->cf);
		cfg.casefile = fx->cf;
	}
	l = lexicon_new();
	assert_non_null(l);
	for (i = 0; lexwords[i][0] != NULL; i++)
		assert_int_equal(lexicon_put(l, lexwords[i][0],
		    strlen(lexwords[i][0]), lexwords[i][1]), 0);
	cfg.lex = l;
	fx->nm = names_new(&cfg, err, sizeof(err));
	assert_non_null(fx->nm);
	*state = fx;
	return 0;
}

static int
setup_case(void **state)
{
	return mkfx(state, 1);
}

static int
setup_nocase(void **state)
{
	return mkfx(state, 0);
}


/* Scans one paragraph of a new document. */
static void
scan_new(struct fx *fx, const char *s)
{
	struct text_unit t;
	char err[128];

	names_reset(fx->nm);
	snprintf(fx->text, sizeof(fx->text), "%s", s);
	memset(&t, 0, sizeof(t));
	t.id = 1;
	t.text = fx->text;
	t.len = strlen(fx->text);
	mention_list_clear(&fx->found);
	assert_int_equal(names_scan(fx->nm, &t, &fx->prior, &fx->found, err,
	    sizeof(err)), 0);
}



static const struct mention *
expect(const struct fx *fx, const char *surf)
{
	const struct mention *m = find(fx, surf);

	if (m == NULL)
		fail_msg("no mention \"%s\" in \"%s\"", surf, fx->text);
	assert_string_equal(m->type, "person");
	return m;
}

static void
test_caps_title_line(void **state)
{
	struct fx *fx = *state;

	/* A lexicon forename and a surname no list knows. */
	scan_new(fx, "SERIOUS CASE REVIEW: TOMASZ OKWUDILI Final Report");
	expect(fx, "TOMASZ OKWUDILI");
	/* Neither word known to anything: a name only in a title line. */
	scan_new(fx, "CHILD SAFEGUARDING PRACTICE REVIEW: ZELMAR OKWUDILI");
	assert_string_equal(expect(fx, "ZELMAR OKWUDILI")->rule,
	    "names/caps-heading");
	scan_new(fx, "The panel read the ZELMAR OKWUDILI papers at length "
	    "before it met, and then it wrote to every agency about them.");
	assert_false(touched(fx, "ZELMAR"));
	/* Acronyms and dictionary words in a title are no name. */
	scan_new(fx, "REVIEW: NSPCC LSCB Final Report");
	assert_int_equal(fx->found.n, 0);
	scan_new(fx, "APPENDIX: LOCAL AUTHORITY RESPONSE");
	assert_int_equal(fx->found.n, 0);
}

static void
test_caps_surname(void **state)
{
	struct fx *fx = *state;

	scan_new(fx, "Later Ingrid OKWUDILI had taken an overdose.");
	expect(fx, "Ingrid OKWUDILI");
	/* A dictionary word or an abbreviation in capitals is not hers. */
	scan_new(fx, "Later Ingrid RISK was assessed.");
	assert_null(find(fx, "Ingrid RISK"));
	scan_new(fx, "Later Ingrid NHS staff came.");
	assert_null(find(fx, "Ingrid NHS"));
}

static void
test_trap_forenames(void **state)
{
	struct fx *fx = *state;

	scan_new(fx, "Present were Mrs Abbot, May Kettridge (community "
	    "midwife) and the chair.");
	expect(fx, "May Kettridge");
	/* The month. */
	scan_new(fx, "In May Kettridge visited the family.");
	assert_false(touched(fx, "May"));
	scan_new(fx, "On 3 May Kettridge visited the family.");
	assert_false(touched(fx, "May"));
	/* A weak forename that is also a word, before a surname. */
	scan_new(fx, "The team manager Mercy Adebanjo said so.");
	expect(fx, "Mercy Adebanjo");
	scan_new(fx, "Mercy Orkwell stands as a theme of the report.");
	assert_null(find(fx, "Mercy Orkwell"));
	/* A verb before whose object is a person, or one after. */
	scan_new(fx, "Later the aunt described Mercy Orkwell as her rock.");
	expect(fx, "Mercy Orkwell");
	scan_new(fx, "Mercy Orkwell grew up nearby.");
	expect(fx, "Mercy Orkwell");
	scan_new(fx, "The aunt described Mercy Orkwell Trust as generous.");
	assert_null(find(fx, "Mercy Orkwell"));
	/* A table cell with the name, the next with a relation. */
	scan_new(fx, "Yes\tMercy Orkwell\tMaternal grandmother\t1960");
	expect(fx, "Mercy Orkwell");
	scan_new(fx, "Yes\tMercy Orkwell\t2019\tClosed");
	assert_null(find(fx, "Mercy Orkwell"));
	/* One word: a role after "was the". */
	scan_new(fx, "Mercy was the health visitor for the family.");
	expect(fx, "Mercy");
	scan_new(fx, "Mercy was the theme of the sermon.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_word_surnames(void **state)
{
	struct fx *fx = *state;

	scan_new(fx, "The review was led by Hamish Pantry, an independent "
	    "author.");
	expect(fx, "Hamish Pantry");
	/* More capitals after it: the start of something else. */
	scan_new(fx, "The review was led by Hamish Pantry Services.");
	assert_null(find(fx, "Hamish Pantry"));
	/* A role is not a surname. */
	scan_new(fx, "The review spoke to Hamish Manager about it.");
	assert_null(find(fx, "Hamish Manager"));
}

static void
test_abbreviation_initials(void **state)
{
	struct fx *fx = *state;

	scan_new(fx, "The hub heard about KC's third attendance.");
	assert_string_equal(expect(fx, "KC")->key, "case:2");
	scan_new(fx, "LD said he was frightened.");
	assert_string_equal(expect(fx, "LD")->key, "case:3");
	/* The abbreviation: a determiner, or no person's context. */
	scan_new(fx, "The KC's opinion was sought.");
	assert_int_equal(fx->found.n, 0);
	scan_new(fx, "Parents with LD need support.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_word_misspellings(void **state)
{
	struct fx *fx = *state;

	scan_new(fx, "The school worried about Heater's behaviour.");
	assert_string_equal(expect(fx, "Heater")->key, "case:1");
	/* The word itself. */
	scan_new(fx, "The heater's thermostat failed and a Heater was "
	    "bought.");
	assert_int_equal(fx->found.n, 0);
	/* Strong context: the family named in the same sentence. */
	scan_new(fx, "Ingrid Pennock was told that Heater would stay.");
	assert_string_equal(expect(fx, "Heater")->key, "case:1");
}

static void
test_titles(void **state)
{
	struct fx *fx = *state;

	scan_new(fx, "Sergeant Pickle and four other officers searched.");
	assert_string_equal(expect(fx, "Sergeant Pickle")->subtype,
	    "police-officer");
	scan_new(fx, "The Sergeant Major was not named.");
	assert_int_equal(fx->found.n, 0);
	scan_new(fx, "HHJ Pellow gave judgment.");
	expect(fx, "HHJ Pellow");
	scan_new(fx, "When Mrs G. was called to give evidence, she cried.");
	expect(fx, "Mrs G.");
	scan_new(fx, "Ms S.D. was appointed as receiver.");
	expect(fx, "Ms S.D.");
	/* A couple: two people, the word "and" left. */
	scan_new(fx, "The neighbours, Mr and Mrs T., sued.");
	expect(fx, "Mrs T.");
	assert_string_equal(expect(fx, "Mr")->rule, "names/title-couple");
	assert_false(touched(fx, "and"));
	scan_new(fx, "The applicants, Mr and Mrs Fenwick, were born in 1942.");
	expect(fx, "Mrs Fenwick");
	assert_string_equal(expect(fx, "Mr")->key, "mr fenwick");
	scan_new(fx, "The President, Mr J.-P. Brosseau, sat.");
	expect(fx, "Mr J.-P. Brosseau");
	/* A title alone, or before a lower-case word, names nobody. */
	scan_new(fx, "Mr and Mrs are titles; Mr or Mrs is asked.");
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
