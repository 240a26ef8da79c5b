/*
 * test_names.c — the person detector: each signal and context rule with a
 * positive case and a near miss.  The lexicon is built here, so the tests
 * do not depend on lexicons/names/names.txt; the word classes are en_GB's
 * (lexicons/wordclass/, from $ANON_LEXICONS or lexicons/ here).
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
	{ "sarah", "f" }, { "kayden", "m" }, { "kerry", "fm" },
	{ "terry", "m" }, { "okafor", "s" }, { "phillips", "s" },
	{ "smith", "s" }, { "dawn", "f" }, { "hope", "f" }, { "clare", "f" },
	{ "morag", "f" }, { "barker", "s" }, { "james", "m" },
	{ "kowalska", "s" }, { "o'brien", "s" }, { "hassan", "s" },
	{ "april", "f" }, { "grace", "f" }, { "harwood", "s" },
	{ "lim", "s" }, { "nneka", "f" }, { "obi", "s" }, { "eze", "s" },
	{ "fiona", "f" }, { "white", "s" }, { "green", "s" },
	{ "ciaran", "m" }, { "maughan", "s" }, { "wiktoria", "f" },
	{ "patrick", "m" }, { "joyce", "fs" }, { "tariq", "m" },
	{ "mahmood", "s" }, { "rajesh", "p" }, { "amber", "f" },
	{ "hurst", "s" }, { "lane", "s" }, { "olamide", "f" },
	{ "adeyemi", "s" }, { "mcginley", "s" }, { "warsame", "s" },
	{ "rowan", "p" }, { "bogdan", "m" }, { "zielinski", "s" },
	{ "abdirahman", "m" }, { "chukwuemeka", "m" }, { "nwosu", "s" },
	{ "siobhan", "f" }, { "mcdonagh", "s" },
	{ NULL, NULL }
};

static const char casecsv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Kayden Smith,subject-child,Kay,2015-03-07,,,\n"
    "Dawn Smith,mother,,1991-04-03,,,\n"
    "Glenn Smith,father,,1990-01-01,,,\n"
    "Crystal Żurek,grandmother,,1960-01-01,,,\n"
    "Hope Barker,sibling,,2012-01-01,,,\n"
    "Terry Price,grandfather,,1950-01-01,,,\n"
    "Clare Dobson,mother-partner,,1988-01-01,,,\n";

/* Invented people of several origins for the rules of short forms,
 * initials and other surnames. */
static const char casecsv2[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Amara Okonkwo-Bello,subject-child,,2016-01-01,,,\n"
    "Nneka Obi,mother,,1990-01-01,,,\n"
    "Bilal Chaudhry,father,Bilal Tariq Chaudhry,1988-01-01,,,\n"
    "Wiktoria Zielinska,sibling,,2014-01-01,,,\n"
    "Patrick Joyce,mother-partner,,1985-01-01,,,\n"
    "Isa Warsame,other-child,,2013-01-01,,,\n"
    "Declan Connors,grandfather,,1960-01-01,,,\n";

#include "names_fx.h"

static struct lexicon *
mklex(void)
{
	struct lexicon *l = lexicon_new();
	size_t i;

	assert_non_null(l);
	for (i = 0; lexwords[i][0] != NULL; i++)
		assert_int_equal(lexicon_put(l, lexwords[i][0],
		    strlen(lexwords[i][0]), lexwords[i][1]), 0);
	return l;
}

static int
setup(void **state)
{
	struct names_config cfg;
	struct fx *fx = calloc(1, sizeof(*fx));
	char err[256];

	assert_non_null(fx);
	fx->cf = casefile_parse(casecsv, sizeof(casecsv) - 1, "case.csv", err,
	    sizeof(err));
	assert_non_null(fx->cf);
	memset(&cfg, 0, sizeof(cfg));
	cfg.casefile = fx->cf;
	cfg.lex = mklex();
	fx->nm = names_new(&cfg, err, sizeof(err));
	assert_non_null(fx->nm);
	*state = fx;
	return 0;
}

static int
setup2(void **state)
{
	struct names_config cfg;
	struct fx *fx = calloc(1, sizeof(*fx));
	char err[256];

	assert_non_null(fx);
	fx->cf = casefile_parse(casecsv2, sizeof(casecsv2) - 1, "case.csv",
	    err, sizeof(err));
	assert_non_null(fx->cf);
	memset(&cfg, 0, sizeof(cfg));
	cfg.casefile = fx->cf;
	cfg.lex = mklex();
	fx->nm = names_new(&cfg, err, sizeof(err));
	assert_non_null(fx->nm);
	*state = fx;
	return 0;
}

static int
setup_nocase(void **state)
{
	struct names_config cfg;
	struct fx *fx = calloc(1, sizeof(*fx));
	char err[256];

	assert_non_null(fx);
	memset(&cfg, 0, sizeof(cfg));
	cfg.lex = mklex();
	fx->nm = names_new(&cfg, err, sizeof(err));
	assert_non_null(fx->nm);
	*state = fx;
	return 0;
}


/* Scans one paragraph (the document goes on: memory is kept). */
static void
scan(struct fx *fx, const char *s)
{
	struct text_unit t;
	char err[128];

	snprintf(fx->text, sizeof(fx->text), "%s", s);
	memset(&t, 0, sizeof(t));
	t.id = 1;
	t.text = fx->text;
	t.len = strlen(fx->text);
	mention_list_clear(&fx->found);
	assert_int_equal(names_scan(fx->nm, &t, &fx->prior, &fx->found, err,
	    sizeof(err)), 0);
}



static void
expect(const struct fx *fx, const char *surf, const char *key,
    const char *sub)
{
	const struct mention *m = find(fx, surf);

	if (m == NULL)
		fail_msg("no mention \"%s\" in \"%s\"", surf, fx->text);
	assert_string_equal(m->type, "person");
	if (key != NULL)
		assert_string_equal(m->key, key);
	if (sub != NULL)
		assert_string_equal(m->subtype, sub);
}

static void
test_edit_distance(void **state)
{
	assert_int_equal(names_edit_distance("kaydon", 6, "kayden", 6, 2), 1);
	assert_int_equal(names_edit_distance("kayedn", 6, "kayden", 6, 2), 1);
	assert_int_equal(names_edit_distance("keveen", 6, "kevin", 5, 2), 2);
	assert_int_equal(names_edit_distance("abcdef", 6, "uvwxyz", 6, 2), 3);
}

static void
test_plain(void **state)
{
	char buf[32];

	assert_int_equal(names_plain(buf, "Żurek", strlen("Żurek")), 5);
	assert_string_equal(buf, "zurek");
	names_plain(buf, "O’Brien", strlen("O’Brien"));
	assert_string_equal(buf, "o'brien");
	names_plain(buf, "Elżbieta", strlen("Elżbieta"));
	assert_string_equal(buf, "elzbieta");
}

static void
test_word_class(void **state)
{
	struct fx *fx = *state;

	assert_int_equal(names_word_class(fx->nm, "Hope", 4), WC_COMMON);
	assert_int_equal(names_word_class(fx->nm, "Sarah", 5), WC_PROPER);
	assert_int_equal(names_word_class(fx->nm, "Okafor", 6), WC_UNKNOWN);
	/* Capitals ask for the capitalised form, as hunspell did. */
	assert_int_equal(names_word_class(fx->nm, "SARAH", 5), WC_PROPER);
	assert_int_equal(names_word_class(fx->nm, "HOPE", 4), WC_COMMON);
	/* A proper noun written in lower case is no word at all. */
	assert_int_equal(names_word_class(fx->nm, "sarah", 5), WC_UNKNOWN);
	assert_int_equal(names_word_class(fx->nm, "oldham", 6), WC_UNKNOWN);
	assert_int_equal(names_word_class(fx->nm, "Oldham", 6), WC_PROPER);
	assert_int_equal(names_word_class(fx->nm, "hope", 4), WC_COMMON);
	assert_int_equal(names_word_class(fx->nm, "", 0), WC_UNKNOWN);
	assert_true(names_wordclass_load_time(fx->nm) > 0);
}

/* Hunspell itself through ANON_HUNSPELL_AFF/DIC: the same verdicts. */
static void
test_word_class_hunspell(void **state)
{
	struct names_config cfg;
	struct names *nm;
	char err[256];

	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	cfg.aff = "/usr/share/hunspell/en_GB.aff";
	cfg.dic = "/usr/share/hunspell/en_GB.dic";
	nm = names_new(&cfg, err, sizeof(err));
	assert_non_null(nm);
	assert_int_equal(names_word_class(nm, "Hope", 4), WC_COMMON);
	assert_int_equal(names_word_class(nm, "Sarah", 5), WC_PROPER);
	assert_int_equal(names_word_class(nm, "sarah", 5), WC_UNKNOWN);
	assert_int_equal(names_word_class(nm, "Okafor", 6), WC_UNKNOWN);
	names_free(nm);
	/* Two different dictionaries, or a missing one, are refused. */
	cfg.dic = "/usr/share/hunspell/en_US.dic";
	assert_null(names_new(&cfg, err, sizeof(err)));
	assert_non_null(strstr(err, "one hunspell dictionary"));
	cfg.aff = "/nonexistent/xx.aff";
	cfg.dic = "/nonexistent/xx.dic";
	assert_null(names_new(&cfg, err, sizeof(err)));
	assert_non_null(strstr(err, "cannot read"));
}

static void
test_known_full_and_parts(void **state)
{
	struct fx *fx = *state;

	scan(fx, "Kayden Smith was seen by the GP with his mother.");
	expect(fx, "Kayden Smith", "case:1", "subject-child");
	scan(fx, "Later Kayden cried.");
	expect(fx, "Kayden", "case:1", NULL);
	scan(fx, "SERIOUS CASE REVIEW: KAYDEN SMITH");
	expect(fx, "KAYDEN SMITH", "case:1", NULL);
	scan(fx, "Records list SMITH, Kayden as the child.");
	expect(fx, "SMITH, Kayden", "case:1", NULL);
	scan(fx, "Kay was at school.");
	expect(fx, "Kay", "case:1", NULL);
	/* Near miss: the lower-case word is not the name. */
	scan(fx, "The smith worked at the forge.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_known_possessive(void **state)
{
	struct fx *fx = *state;

	scan(fx, "Kayden's cot and Kayden’s bottle.");
	assert_int_equal(fx->found.n, 2);
	assert_int_equal(fx->found.v[0].start, 0);
	assert_int_equal(fx->found.v[0].end, 6);
	/* The curly one: "Kayden" at the second place, without ’s. */
	assert_int_equal(fx->found.v[1].start, strstr(fx->text, "Kayden’s") -
	    fx->text);
	assert_int_equal(fx->found.v[1].end, fx->found.v[1].start + 6);
}

static void
test_known_title_gender(void **state)
{
	struct fx *fx = *state;

	scan(fx, "Mrs Smith said that Mr Smith was at work.");
	expect(fx, "Mrs Smith", "case:2", "mother");
	expect(fx, "Mr Smith", "case:3", "father");
}

static void
test_known_initials(void **state)
{
	struct fx *fx = *state;

	scan(fx, "K.S. was weighed and KS was well.");
	expect(fx, "K.S.", "case:1", NULL);
	expect(fx, "KS", "case:1", NULL);
	/* Near miss: a role abbreviation is not someone's initials. */
	scan(fx, "The GP and the HV met.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_known_misspelt(void **state)
{
	struct fx *fx = *state;

	scan(fx, "The nurse saw Kaydon at home.");
	expect(fx, "Kaydon", "case:1", NULL);
	assert_string_equal(find(fx, "Kaydon")->rule, "names/case-misspelt");
	/* Near miss: another name one letter away, another first letter. */
	scan(fx, "The nurse, Kerry Phillips, visited.");
	assert_null(find(fx, "Kerry"));
	expect(fx, "Kerry Phillips", "kerry phillips", "nurse");
}

static void
test_known_diacritic_free(void **state)
{
	struct fx *fx = *state;

	scan(fx, "Crystal Zurek and Mrs Żurek attended.");
	expect(fx, "Crystal Zurek", "case:4", "grandmother");
	expect(fx, "Mrs Żurek", "case:4", NULL);
}

static void
test_trap_words(void **state)
{
	struct fx *fx = *state;

	scan(fx, "Hope was expressed that things would improve.");
	assert_int_equal(fx->found.n, 0);
	scan(fx, "Hope was seen at school.");
	expect(fx, "Hope", "case:5", "sibling");
	scan(fx, "The family said that Hope liked school.");
	expect(fx, "Hope", "case:5", NULL);
	scan(fx, "Hope and relief were mentioned.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_eponyms(void **state)
{
	struct fx *fx = *state;

	scan(fx, "A disclosure under Clare's Law was made.");
	assert_false(touched(fx, "Clare"));
	scan(fx, "As Harwood and Lim (2016) found, this matters.");
	assert_int_equal(fx->found.n, 0);
	/* Conditions named after people, written in lower case. */
	scan(fx, "She was treated for Nakamura\u2019s disease and Kowalczyk syndrome.");
	assert_false(touched(fx, "Nakamura"));
	assert_false(touched(fx, "Kowalczyk"));
	/* The known Clare is still found as a person. */
	scan(fx, "The worker spoke to Clare about it.");
	expect(fx, "Clare", "case:7", NULL);
}

static void
test_prior(void **state)
{
	struct fx *fx = *state;

	/* An institution found upstream keeps its name. */
	mention_list_add(&fx->prior, 1, 0, 22, "institution", "gp", "t", 90,
	    "", "");
	scan(fx, "Dr Okafor and Partners saw him.");
	assert_int_equal(fx->found.n, 0);
	mention_list_clear(&fx->prior);
	scan(fx, "Dr Okafor saw him.");
	expect(fx, "Dr Okafor", NULL, "professional");
}

static void
test_unknown_title_and_role(void **state)
{
	struct fx *fx = *state;

	scan(fx, "On 3 May the health visitor, Sarah Okafor, visited.");
	expect(fx, "Sarah Okafor", "sarah okafor", "health-visitor");
	scan(fx, "Ms Okafor recorded the visit and Sarah left.");
	expect(fx, "Ms Okafor", "sarah okafor", "health-visitor");
	expect(fx, "Sarah", "sarah okafor", NULL);
	scan(fx, "PC Nowakowski attended.");
	expect(fx, "PC Nowakowski", NULL, "police-officer");
	scan(fx, "Detective Constable Rich took a statement.");
	expect(fx, "Detective Constable Rich", NULL, NULL);
}

static void
test_unknown_signals(void **state)
{
	struct fx *fx = *state;

	/* Both words unknown to hunspell: a name. */
	scan(fx, "The referral came from Chizoba Ehigiator yesterday.");
	expect(fx, "Chizoba Ehigiator", NULL, NULL);
	/* Near miss: capitals of ordinary words after a full stop. */
	scan(fx, "Early Help was offered. Social Care closed the case.");
	assert_int_equal(fx->found.n, 0);
	/* A month is not a forename. */
	scan(fx, "In April the family moved.");
	assert_int_equal(fx->found.n, 0);
	/* A relation before an unknown word: "known as". */
	scan(fx, "Her friend, known as Zuzanka, stayed.");
	expect(fx, "Zuzanka", NULL, NULL);
}

static void
test_particles(void **state)
{
	struct fx *fx = *state;

	scan(fx, "The neighbour Ahmed al-Hassan and Pieter van der Berg spoke.");
	expect(fx, "Ahmed al-Hassan", NULL, NULL);
	expect(fx, "Pieter van der Berg", NULL, NULL);
}

/*
 * The tokenizer and the context windows read ASCII eight bytes at a time:
 * words and roles across those blocks, in capitals, and beside letters
 * outside ASCII.
 */
static void
test_blocks_and_windows(void **state)
{
	struct fx *fx = *state;

	scan(fx, "THE CONSULTANT PAEDIATRICIAN, Chizoba Ehigiator, examined "
	    "her.");
	expect(fx, "Chizoba Ehigiator", NULL, "paediatrician");
	scan(fx, "Notwithstanding safeguarding considerations, Chizoba "
	    "Ehigiator's concerns grew.");
	expect(fx, "Chizoba Ehigiator", NULL, NULL);
	assert_false(touched(fx, "Notwithstanding"));
	/* A letter outside ASCII in the window: lexicon_fold() reads it. */
	scan(fx, "Après the consultant paediatrician, Ngozi Ehigiator, "
	    "called.");
	expect(fx, "Ngozi Ehigiator", NULL, "paediatrician");
	/* A name after a long run of lower-case letters and one in it. */
	scan(fx, "counterproductively\tAdaeze Ehigiator\tmaternal aunt");
	expect(fx, "Adaeze Ehigiator", NULL, NULL);
	scan(fx, "Żaneta Wójcikówna said so.");
	expect(fx, "Żaneta Wójcikówna", NULL, NULL);
}

static void
test_shared_surname_neighbour(void **state)
{
	struct fx *fx = *state;

	/* Hope Barker is known; Morag Barker is someone else. */
	scan(fx, "The noise was reported by Morag Barker, a neighbour.");
	expect(fx, "Morag Barker", "morag barker", NULL);
}


static void
test_known_initials_hyphen(void **state)
{
	struct fx *fx = *state;

	/* The parts of a hyphenated surname give initials too. */
	scan(fx, "The letter about A.O.B.’s attendance and AOB’s weight.");
	expect(fx, "A.O.B.", "case:1", "subject-child");
	expect(fx, "AOB", "case:1", NULL);
	scan(fx, "The nurse weighed AO on Monday.");
	expect(fx, "AO", "case:1", NULL);
	/* A middle initial nobody listed: only where a person is meant. */
	scan(fx, "The school said that WKZ's mother had called.");
	expect(fx, "WKZ", "case:4", "sibling");
	scan(fx, "W.K.Z. was seen at home.");
	expect(fx, "W.K.Z.", "case:4", NULL);
	scan(fx, "The WKZ form was used.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_known_short_forms(void **state)
{
	struct fx *fx = *state;

	/* Pat is an ordinary word: a possessive or a verb of a person. */
	scan(fx, "The plan was agreed to support Pat's recovery.");
	expect(fx, "Pat", "case:5", "mother-partner");
	assert_string_equal(find(fx, "Pat")->rule, "names/case-short");
	/* Learnt for the rest of the document. */
	scan(fx, "Later that week Pat attended.");
	expect(fx, "Pat", "case:5", NULL);
	names_reset(fx->nm);
	scan(fx, "Pat the dog gently.");
	assert_int_equal(fx->found.n, 0);
	/* A three-letter forename misspelt, where a person is meant. */
	scan(fx, "The review considered Ise's death.");
	expect(fx, "Ise", "case:6", "other-child");
	names_reset(fx->nm);
	scan(fx, "Ise heads the list.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_known_other_surname(void **state)
{
	struct fx *fx = *state;

	/* The known forename with another surname: her previous name. */
	scan(fx, "Records were held under her previous name, Nneka Eze, too.");
	expect(fx, "Nneka Eze", "case:2", "mother");
	/* A middle name and another surname: someone else. */
	scan(fx, "Dr Tariq Mahmood wrote to the GP.");
	assert_null(find(fx, "Tariq"));
	expect(fx, "Dr Tariq Mahmood", "tariq mahmood", NULL);
	/* Nor the start of a street. */
	scan(fx, "Nneka Road was closed.");
	assert_null(find(fx, "Nneka Road"));
}

static void
test_known_over_place(void **state)
{
	struct fx *fx = *state;

	/* A town found upstream inside a known person's initial+surname. */
	mention_list_add(&fx->prior, 1, 3, 10, "place", "town", "t", 70,
	    "connors", "");
	scan(fx, "D. Connors gave a statement.");
	expect(fx, "D. Connors", "case:7", "grandfather");
	/* Alone, the place stays a place. */
	mention_list_clear(&fx->prior);
	mention_list_add(&fx->prior, 1, 10, 17, "place", "town", "t", 70,
	    "connors", "");
	scan(fx, "He moved Connors lately.");
	assert_int_equal(fx->found.n, 0);
	mention_list_clear(&fx->prior);
}

static void
test_unknown_surname_forms(void **state)
{
	struct fx *fx = *state;

	/* A surname in capitals, a surname that is also a colour word. */
	scan(fx, "She was accompanied by Ciaran MAUGHAN and left.");
	expect(fx, "Ciaran MAUGHAN", "ciaran maughan", NULL);
	scan(fx, "The midwife (Fiona White) carried out the check.");
	expect(fx, "Fiona White", NULL, "midwife");
	scan(fx, "Her ethnicity was recorded as White British.");
	assert_int_equal(fx->found.n, 0);
	/* A surname that is also a street word, ending the name. */
	scan(fx, "On 3 May Rajesh Green wrote to the school.");
	expect(fx, "Rajesh Green", NULL, NULL);
	scan(fx, "They lived at Rajesh Green Lane.");
	assert_null(find(fx, "Rajesh Green"));
	/* Abbreviations in capitals are not surnames. */
	scan(fx, "Fiona NHS records were read.");
	assert_null(find(fx, "Fiona NHS"));
}

static void
test_unknown_initials_and_hyphens(void **state)
{
	struct fx *fx = *state;

	/* A hyphenated surname of two lexicon names, then the forename
	 * alone, though it is an ordinary word. */
	scan(fx, "The review met Amber Hurst-Lane and her father.");
	expect(fx, "Amber Hurst-Lane", "amber hurst-lane", NULL);
	scan(fx, "The school said that Amber attended.");
	expect(fx, "Amber", "amber hurst-lane", NULL);
	/* An initial and a surname: from memory or the lexicon. */
	scan(fx, "Olamide Adeyemi called. Later O. Adeyemi wrote again.");
	expect(fx, "O. Adeyemi", "olamide adeyemi", NULL);
	scan(fx, "The notes of T McGinley were read.");
	expect(fx, "T McGinley", "mcginley", NULL);
	/* Near misses: the article, the pronoun. */
	scan(fx, "A Warsame family member called; I Said no.");
	assert_null(find(fx, "I Said"));
	/* The first cell of a table row is not a sentence start. */
	scan(fx, "Rowan Warsame\tMother\t1990");
	expect(fx, "Rowan Warsame", NULL, NULL);
	/* Function words are never forenames. */
	scan(fx, "The Child Safeguarding Practice Review Panel met.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_unknown_memory_initials(void **state)
{
	struct fx *fx = *state;

	/* Initials of a person met earlier: dotted, undotted, hyphenated. */
	scan(fx, "The health visitor met Olamide Adeyemi-Warsame at home.");
	expect(fx, "Olamide Adeyemi-Warsame", "olamide adeyemi-warsame",
	    NULL);
	scan(fx, "Later O.A.W. declined and OA agreed; OAW's flat was cold.");
	expect(fx, "O.A.W.", "olamide adeyemi-warsame", NULL);
	expect(fx, "OA", "olamide adeyemi-warsame", NULL);
	expect(fx, "OAW", "olamide adeyemi-warsame", NULL);
	/* Dotted initials of someone not met, doing what people do. */
	scan(fx, "On the same day T.McG. rang and P.D. attended the clinic.");
	expect(fx, "P.D.", NULL, NULL);
	/* Near misses: abbreviations, initials of nobody met. */
	scan(fx, "The GP wrote to the UK office about the ZQ form.");
	assert_int_equal(fx->found.n, 0);
}

static void
test_unknown_caps_and_variants(void **state)
{
	struct fx *fx = *state;

	/* A name in capitals in a heading, then its forename alone. */
	scan(fx, "SERIOUS CASE REVIEW: BOGDAN ZIELINSKI");
	expect(fx, "BOGDAN ZIELINSKI", "bogdan zielinski", NULL);
	scan(fx, "THE LIVED EXPERIENCE OF BOGDAN");
	expect(fx, "BOGDAN", "bogdan zielinski", NULL);
	/* Near miss: a heading of ordinary words. */
	scan(fx, "EXECUTIVE SUMMARY AND CHILD PROTECTION PLAN");
	assert_int_equal(fx->found.n, 0);
	/* Misspellings and short forms of forenames met before. */
	scan(fx, "Chukwuemeka Nwosu and Siobhan McDonagh attended.");
	scan(fx, "Later Chukwuemika said that Chuk had left.");
	expect(fx, "Chukwuemika", "chukwuemeka nwosu", NULL);
	expect(fx, "Chuk", "chukwuemeka nwosu", NULL);
	scan(fx, "A complaint came from Shiobhan, who was upset.");
	expect(fx, "Shiobhan", "siobhan mcdonagh", NULL);
	/* Near misses: another first letter; a pronoun before a verb. */
	scan(fx, "The notes of Biobhan were read. She said so.");
	assert_null(find(fx, "Biobhan"));
	assert_null(find(fx, "She"));
}

static void
test_titles_and_letters(void **state)
{
	struct fx *fx = *state;

	/* Titles that are also nouns need a name after them. */
	scan(fx, "The Lord Chief Justice heard the appeal.");
	assert_int_equal(fx->found.n, 0);
	scan(fx, "Sir Abdirahman Warsame chaired the panel.");
	expect(fx, "Sir Abdirahman Warsame", "abdirahman warsame", NULL);
	/* A list letter before a title is not an initial. */
	scan(fx, "B. Dr Nwosu gave evidence.");
	expect(fx, "Dr Nwosu", NULL, "professional");
	/* Initials that spell a word: only in a person's context. */
	scan(fx, "Then Tariq Olamide arrived; TO's coat was wet.");
	expect(fx, "TO", "tariq olamide", NULL);
	scan(fx, "AS TO THE LAW");
	assert_int_equal(fx->found.n, 0);
}

int
main(void)
{
	char dir[PATH_MAX];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_plain),
		cmocka_unit_test_setup_teardown(test_word_class, setup, teardown),
		cmocka_unit_test(test_word_class_hunspell),
		cmocka_unit_test_setup_teardown(test_known_full_and_parts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_known_possessive, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_known_title_gender, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_known_initials, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_known_misspelt, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_known_diacritic_free, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_trap_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_eponyms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prior, setup_nocase,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unknown_title_and_role,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_signals,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_particles, setup_nocase,
		    teardown),
		cmocka_unit_test_setup_teardown(test_blocks_and_windows,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_shared_surname_neighbour,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_known_initials_hyphen,
		    setup2, teardown),
		cmocka_unit_test_setup_teardown(test_known_short_forms, setup2,
		    teardown),
		cmocka_unit_test_setup_teardown(test_known_other_surname,
		    setup2, teardown),
		cmocka_unit_test_setup_teardown(test_known_over_place, setup2,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unknown_surname_forms,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(
		    test_unknown_initials_and_hyphens, setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_memory_initials,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_caps_and_variants,
		    setup_nocase, teardown),
		cmocka_unit_test_setup_teardown(test_titles_and_letters,
		    setup_nocase, teardown),
	};

	if (getenv("ANON_LEXICONS") == NULL && realpath("lexicons", dir) != NULL)
		setenv("ANON_LEXICONS", dir, 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
