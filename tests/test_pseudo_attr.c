/*
 * Unit tests of anon-pseudo's attribution of ambiguous short forms: who
 * an initial + surname, a title + surname or a bare forename names when
 * several people fit (docs/pseudonyms.md, step 4).  Invented names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "lexicon.h"
#include "mapfile.h"
#include "pseudo.h"
#include "pseudo_context.h"
#include "pseudo_name.h"
#include "record.h"
#include "sbuf.h"

#include "pseudo_doc.h"

static struct casefile *
casefile(const char *csv)
{
	char		 err[128];
	struct casefile	*cf;

	cf = casefile_parse(csv, strlen(csv), "case.csv", err, sizeof(err));
	assert_non_null(cf);
	return cf;
}

static const char shared_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Tamsin Okoro,mother,,1990-02-03,,,\n"
    "Theo Okoro,subject-child,,2014-06-07,,,\n"
    "Gwen Okoro,grandmother,,1962-01-01,,,\n";

/*
 * An initial + surname that fits a parent and a child of the case file
 * ("T. Okoro") is the adult, whatever the detector's KEY said.
 */
static void
initial_surname_adult(void **state)
{
	struct casefile	*cf = casefile(shared_csv);
	struct doc	 d = { 0 };
	unsigned long	 a;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Tamsin Okoro and Theo Okoro moved. T. Okoro rang; "
	    "T Okoro wrote.");
	person(&d, a, "Tamsin Okoro", 0, "mother", "case:1");
	person(&d, a, "Theo Okoro", 0, "subject-child", "case:2");
	person(&d, a, "T. Okoro", 0, "subject-child", "case:2");
	person(&d, a, "T Okoro", 0, "subject-child", "case:2");
	resolve(&d);
	assert_string_equal(got(&d, a, "Theo Okoro", 0), "Child F1");
	assert_string_equal(got(&d, a, "T. Okoro", 0), "Mother");
	assert_string_equal(got(&d, a, "T Okoro", 0), "Mother");
	pseudo_free(d.p);
	casefile_free(cf);
}

static const char alias_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Nadia Brook,mother,Nadia Vance,1988-02-03,,,\n"
    "Ellis Brook,subject-child,,2012-06-07,,,\n"
    "Irma Vance,grandmother,,1960-01-01,,,\n";

/*
 * A title + surname that the case file gives one woman as her name and
 * another as a former name (an alias) is the first: "Mrs Vance" is the
 * grandmother Irma Vance, even though the mother, once Nadia Vance, is
 * mentioned far more.
 */
static void
current_name_first(void **state)
{
	struct casefile	*cf = casefile(alias_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Nadia Brook, Nadia and Nadia and Irma Vance met.");
	person(&d, a, "Nadia Brook", 0, "mother", "case:1");
	person(&d, a, "Nadia", 0, "mother", "case:1");
	person(&d, a, "Nadia", 1, "mother", "case:1");
	person(&d, a, "Irma Vance", 0, "grandmother", "case:3");
	b = para(&d, "Later Mrs Vance rang.");
	person(&d, b, "Mrs Vance", 0, "mother", "case:1");
	resolve(&d);
	assert_string_equal(got(&d, b, "Mrs Vance", 0), got(&d, a,
	    "Irma Vance", 0));
	assert_string_not_equal(got(&d, b, "Mrs Vance", 0), "Mother");
	pseudo_free(d.p);
	casefile_free(cf);
}

static const char generations_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Carys Hale,mother,,1995-02-03,,,\n"
    "Alfie Hale,subject-child,,2016-06-07,,,\n"
    "Bronwen Hale,grandmother,,1966-01-01,,,\n";

/* Two women of the family share a surname: "Miss" never names the grandmother. */
static void
miss_not_grandmother(void **state)
{
	struct casefile	*cf = casefile(generations_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b;

	(void)state;
	d.p = pseudo_new(cf, "F");
	/* The grandmother is mentioned more, and last. */
	a = para(&d, "Carys Hale; Bronwen Hale, Bronwen Hale, Bronwen.");
	person(&d, a, "Carys Hale", 0, "mother", "case:1");
	person(&d, a, "Bronwen Hale", 0, "grandmother", "case:3");
	person(&d, a, "Bronwen Hale", 1, "grandmother", "case:3");
	person(&d, a, "Bronwen", 0, "grandmother", "case:3");
	b = para(&d, "Bronwen Hale said that Miss Hale was out.");
	person(&d, b, "Bronwen Hale", 0, "grandmother", "case:3");
	person(&d, b, "Miss Hale", 0, "grandmother", "case:3");
	resolve(&d);
	assert_string_equal(got(&d, b, "Bronwen Hale", 0),
	    "Maternal grandmother");
	assert_string_equal(got(&d, b, "Miss Hale", 0), "Mother");
	pseudo_free(d.p);
	casefile_free(cf);
}

/*
 * A sentence that speaks of "the mother" (or "Mother") apart from "Ms
 * Hale" means Ms Hale is not the mother; next to the mention ("the mother,
 * Ms Hale") the role word is no evidence against her.
 */
static void
role_word_apart(void **state)
{
	struct casefile	*cf = casefile(generations_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, c, e;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Bronwen Hale called. Carys Hale, Carys Hale, Carys.");
	person(&d, a, "Bronwen Hale", 0, "grandmother", "case:3");
	person(&d, a, "Carys Hale", 0, "mother", "case:1");
	person(&d, a, "Carys Hale", 1, "mother", "case:1");
	person(&d, a, "Carys", 0, "mother", "case:1");
	c = para(&d, "Mother and Alfie were living with Ms Hale then.");
	person(&d, c, "Alfie", 0, "subject-child", "case:2");
	person(&d, c, "Ms Hale", 0, "mother", "case:1");
	e = para(&d, "The health visitor saw the mother, Ms Hale, at home.");
	person(&d, e, "Ms Hale", 0, "mother", "case:1");
	resolve(&d);
	assert_string_equal(got(&d, c, "Ms Hale", 0), "Maternal grandmother");
	assert_string_equal(got(&d, e, "Ms Hale", 0), "Mother");
	pseudo_free(d.p);
	casefile_free(cf);
}

/*
 * Miss and Mrs with one surname: two women, the younger Miss.  The first
 * "Mrs Hale" comes before any "Miss Hale" and is still the grandmother,
 * though the mother is mentioned more; Ms and Mrs alone decide nothing.
 */
static void
two_titles_two_women(void **state)
{
	struct casefile	*cf = casefile(generations_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b, c;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Carys Hale, Carys Hale and Bronwen Hale.");
	person(&d, a, "Carys Hale", 0, "mother", "case:1");
	person(&d, a, "Carys Hale", 1, "mother", "case:1");
	person(&d, a, "Bronwen Hale", 0, "grandmother", "case:3");
	b = para(&d, "Alfie was taken to the GP by Mrs Hale.");
	person(&d, b, "Mrs Hale", 0, "mother", "case:1");
	c = para(&d, "Later Miss Hale rang; Mrs Hale wrote.");
	person(&d, c, "Miss Hale", 0, "grandmother", "case:3");
	person(&d, c, "Mrs Hale", 0, "mother", "case:1");
	resolve(&d);
	assert_string_equal(got(&d, b, "Mrs Hale", 0), "Maternal grandmother");
	assert_string_equal(got(&d, c, "Mrs Hale", 0), "Maternal grandmother");
	assert_string_equal(got(&d, c, "Miss Hale", 0), "Mother");
	pseudo_free(d.p);
	casefile_free(cf);
}

static const char middle_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Mira Quill,subject-child,Mira Odette Quill,2013-02-03,,,\n"
    "Odette Marsh,grandmother,,1958-01-01,,,\n";

/*
 * A bare forename is the person who has it as forename, not one who has it
 * as a middle name, whatever the detector's KEY said.
 */
static void
forename_before_middle_name(void **state)
{
	struct casefile	*cf = casefile(middle_csv);
	struct doc	 d = { 0 };
	unsigned long	 a;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Mira Quill was taken to the GP by Odette.");
	person(&d, a, "Mira Quill", 0, "subject-child", "case:1");
	person(&d, a, "Odette", 0, "subject-child", "case:1");
	resolve(&d);
	assert_string_equal(got(&d, a, "Mira Quill", 0), "Child F1");
	assert_string_equal(got(&d, a, "Odette", 0), "Grandmother");
	pseudo_free(d.p);
	casefile_free(cf);
}

static const char sibling_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Nell Brack,mother,,1985-01-01,,,\n"
    "Cody Brack,subject-child,Cody Rufus Brack,2014-01-03,,,\n"
    "Rufus Brack,sibling,,2008-12-27,,,\n";

/*
 * The detector tied the sibling's full name and forename to the child
 * whose middle name it is: both are the sibling's.
 */
static void
full_name_before_middle_name(void **state)
{
	struct casefile	*cf = casefile(sibling_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Cody Rufus Brack lives with Rufus Brack.");
	b = para(&d, "Cody and Rufus were seen.");
	person(&d, a, "Cody Rufus Brack", 0, "subject-child", "case:2");
	person(&d, a, "Rufus Brack", 1, "subject-child", "case:2");
	person(&d, b, "Cody", 0, "subject-child", "case:2");
	person(&d, b, "Rufus", 0, "subject-child", "case:2");
	resolve(&d);
	assert_string_equal(got(&d, a, "Cody Rufus Brack", 0), "Child F1");
	assert_string_equal(got(&d, a, "Rufus Brack", 1), "Child F2");
	assert_string_equal(got(&d, b, "Cody", 0), "Child F1");
	assert_string_equal(got(&d, b, "Rufus", 0), "Child F2");
	pseudo_free(d.p);
	casefile_free(cf);
}

/*
 * "Dr Penrose" is the Penrose called Dr or known as a doctor, not another
 * professional with that surname mentioned more often.
 */
static void
doctor_title(void **state)
{
	struct doc	 d = { 0 };
	unsigned long	 a, b;

	(void)state;
	d.p = pseudo_new(NULL, NULL);
	a = para(&d, "Dr Ivo Penrose and Lorna Penrose, Lorna Penrose, "
	    "Lorna Penrose and the GP Ada Vell met.");
	person(&d, a, "Dr Ivo Penrose", 0, "", "");
	person(&d, a, "Lorna Penrose", 0, "professional", "");
	person(&d, a, "Lorna Penrose", 1, "professional", "");
	person(&d, a, "Lorna Penrose", 2, "professional", "");
	person(&d, a, "Ada Vell", 0, "gp", "");
	b = para(&d, "Later Dr Penrose rang. Ada Vell and Bo Vell, Bo Vell, "
	    "Bo Vell; Dr Vell wrote.");
	person(&d, b, "Dr Penrose", 0, "", "");
	person(&d, b, "Ada Vell", 0, "", "");
	person(&d, b, "Bo Vell", 0, "", "");
	person(&d, b, "Bo Vell", 1, "", "");
	person(&d, b, "Bo Vell", 2, "", "");
	person(&d, b, "Dr Vell", 0, "", "");
	resolve(&d);
	assert_string_equal(got(&d, b, "Dr Penrose", 0),
	    got(&d, a, "Dr Ivo Penrose", 0));
	assert_string_equal(got(&d, b, "Dr Vell", 0), "GP 1");
	pseudo_free(d.p);
}

static const char namesake_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Nia Farrow,mother,,1991-02-03,,,\n"
    "Tam Farrow,subject-child,,2015-06-07,,,\n"
    "Ron Farrow,grandfather,,1960-01-01,,,\n";

/* The paragraphs of the namesake tests; with_officer adds Dev Farrow. */
static void
farrows(struct doc *d, int with_officer, unsigned long *pa)
{
	static const char *const text[] = {
		"Ron Farrow is the maternal grandfather.",
		"Dev Farrow (housing officer) came.",
		"Mr Farrow completed a tenancy visit.",
		"On the same day Mr Farrow rang the school.",
		"The children were placed with Mr Farrow.",
		"Ron Farrow said that he was worried.",
		"Later Mr Farrow rang the school again.",
		"Ms Farrow rang the school.",
		"Mr Farrow served a notice seeking possession.",
	};
	size_t	 i;

	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		if (i == 1 && !with_officer) {
			pa[i] = 0;
			continue;
		}
		pa[i] = para(d, text[i]);
	}
	person(d, pa[0], "Ron Farrow", 0, "grandfather", "case:3");
	if (with_officer)
		person(d, pa[1], "Dev Farrow", 0, "housing-officer", "");
	/* The detector ties every "Mr Farrow" to the case file. */
	person(d, pa[2], "Mr Farrow", 0, "grandfather", "case:3");
	person(d, pa[3], "Mr Farrow", 0, "grandfather", "case:3");
	person(d, pa[4], "Mr Farrow", 0, "grandfather", "case:3");
	person(d, pa[5], "Ron Farrow", 0, "grandfather", "case:3");
	person(d, pa[6], "Mr Farrow", 0, "grandfather", "case:3");
	person(d, pa[7], "Ms Farrow", 0, "mother", "case:1");
	person(d, pa[8], "Mr Farrow", 0, "grandfather", "case:3");
}

/*
 * A professional the case file does not list shares a surname with the
 * grandfather.  "Mr Farrow" doing a practitioner's work is the officer;
 * with no such words, the one whose full name was read last (the officer,
 * seen at work as a Mr); spoken of as family, the grandfather; after the
 * grandfather's full name again, the grandfather, unless at work.  "Ms
 * Farrow" cannot be the officer, known only as a Mr.
 */
static void
namesake_by_context(void **state)
{
	struct casefile	*cf = casefile(namesake_csv);
	struct doc	 d = { 0 };
	unsigned long	 pa[9];

	(void)state;
	d.p = pseudo_new(cf, "F");
	farrows(&d, 1, pa);
	resolve(&d);
	assert_string_equal(got(&d, pa[0], "Ron Farrow", 0),
	    "Maternal grandfather");
	assert_string_equal(got(&d, pa[1], "Dev Farrow", 0),
	    "Housing Officer 1");
	assert_string_equal(got(&d, pa[2], "Mr Farrow", 0),
	    "Housing Officer 1");
	assert_string_equal(got(&d, pa[3], "Mr Farrow", 0),
	    "Housing Officer 1");
	assert_string_equal(got(&d, pa[4], "Mr Farrow", 0),
	    "Maternal grandfather");
	assert_string_equal(got(&d, pa[6], "Mr Farrow", 0),
	    "Maternal grandfather");
	assert_string_equal(got(&d, pa[7], "Ms Farrow", 0), "Mother");
	assert_string_equal(got(&d, pa[8], "Mr Farrow", 0),
	    "Housing Officer 1");
	pseudo_free(d.p);
	casefile_free(cf);
}

/* Without anyone else of that surname, every "Mr Farrow" is family. */
static void
namesake_none(void **state)
{
	struct casefile	*cf = casefile(namesake_csv);
	struct doc	 d = { 0 };
	unsigned long	 pa[9];

	(void)state;
	d.p = pseudo_new(cf, "F");
	farrows(&d, 0, pa);
	resolve(&d);
	assert_string_equal(got(&d, pa[2], "Mr Farrow", 0),
	    "Maternal grandfather");
	assert_string_equal(got(&d, pa[3], "Mr Farrow", 0),
	    "Maternal grandfather");
	pseudo_free(d.p);
	casefile_free(cf);
}

/*
 * Whose full name was read last decides only for a practitioner of the
 * title's gender: "Mr Farrow" after "Ada Farrow (social worker)" -- who
 * may be a woman, and was never seen at work as a Mr -- stays the
 * grandfather.
 */
static void
namesake_gender_unknown(void **state)
{
	struct casefile	*cf = casefile(namesake_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b, c;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Ron Farrow is the maternal grandfather.");
	b = para(&d, "Ada Farrow (social worker) came.");
	c = para(&d, "Mr Farrow rang the school.");
	person(&d, a, "Ron Farrow", 0, "grandfather", "case:3");
	person(&d, b, "Ada Farrow", 0, "social-worker", "");
	person(&d, c, "Mr Farrow", 0, "grandfather", "case:3");
	resolve(&d);
	assert_string_equal(got(&d, c, "Mr Farrow", 0),
	    "Maternal grandfather");
	assert_string_equal(got(&d, b, "Ada Farrow", 0), "Social Worker 1");
	pseudo_free(d.p);
	casefile_free(cf);
}

/*
 * Two short forms of one surname in one clause are two people ("Ms Okoro
 * attended with Ms Okoro"), and so is a short form after a forename of
 * one of them ("Tamsin rang Ms Okoro").  A full name earlier in the
 * clause does not set its owner aside ("Gwen Okoro rang and Ms Okoro
 * said"), nor does a comma.
 */
static void
clause_apart(void **state)
{
	struct casefile	*cf = casefile(shared_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e, f, g;
	const char	*x, *y;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Tamsin Okoro is the mother of Theo.");
	b = para(&d, "Gwen Okoro is the grandmother. Gwen Okoro helped.");
	c = para(&d, "Ms Okoro attended with Ms Okoro.");
	e = para(&d, "Tamsin rang Ms Okoro about the visit.");
	f = para(&d, "Gwen Okoro rang and Ms Okoro said she was worried.");
	g = para(&d, "Tamsin was out, Ms Okoro said.");
	person(&d, a, "Tamsin Okoro", 0, "mother", "case:1");
	person(&d, b, "Gwen Okoro", 0, "grandmother", "case:3");
	person(&d, b, "Gwen Okoro", 1, "grandmother", "case:3");
	person(&d, c, "Ms Okoro", 0, "mother", "case:1");
	person(&d, c, "Ms Okoro", 1, "mother", "case:1");
	person(&d, e, "Tamsin", 0, "mother", "case:1");
	person(&d, e, "Ms Okoro", 0, "mother", "case:1");
	person(&d, f, "Gwen Okoro", 0, "grandmother", "case:3");
	person(&d, f, "Ms Okoro", 0, "grandmother", "case:3");
	person(&d, g, "Tamsin", 0, "mother", "case:1");
	person(&d, g, "Ms Okoro", 0, "grandmother", "case:3");
	resolve(&d);
	x = got(&d, c, "Ms Okoro", 0);
	y = got(&d, c, "Ms Okoro", 1);
	assert_non_null(x);
	assert_non_null(y);
	assert_string_not_equal(x, y);
	assert_true(strcmp(x, "Mother") == 0 ||
	    strcmp(x, "Maternal grandmother") == 0);
	assert_true(strcmp(y, "Mother") == 0 ||
	    strcmp(y, "Maternal grandmother") == 0);
	assert_string_equal(got(&d, e, "Ms Okoro", 0), "Maternal grandmother");
	assert_string_equal(got(&d, f, "Ms Okoro", 0), "Maternal grandmother");
	assert_string_equal(got(&d, g, "Ms Okoro", 0), "Maternal grandmother");
	pseudo_free(d.p);
	casefile_free(cf);
}

/*
 * Two people outside the case file share a surname: a title + surname is
 * the one whose full name was read last, not the one with more mentions
 * further on (the nurse named three times later); a title once used for
 * one then keeps them apart.
 */
static void
namesakes_by_recency(void **state)
{
	struct doc	 d = { 0 };
	unsigned long	 pa[7];
	const char	*bea, *ava;
	static const char *const text[] = {
		"The IDVA (Bea Quill) was to contact the mother.",
		"Miss Quill telephoned the mother.",
		"The school nurse (Ava Quill) saw Theo.",
		"Ms Quill completed a health assessment.",
		"Ava Quill saw Theo at a drop-in session.",
		"Miss Quill wrote to the mother.",
		"Ava Quill saw Theo again.",
	};
	size_t	 i;

	(void)state;
	d.p = pseudo_new(NULL, "F");
	for (i = 0; i < 7; i++)
		pa[i] = para(&d, text[i]);
	person(&d, pa[0], "Bea Quill", 0, "", "");
	person(&d, pa[1], "Miss Quill", 0, "", "");
	person(&d, pa[2], "Ava Quill", 0, "nurse", "");
	person(&d, pa[3], "Ms Quill", 0, "", "");
	person(&d, pa[4], "Ava Quill", 0, "nurse", "");
	person(&d, pa[5], "Miss Quill", 0, "", "");
	person(&d, pa[6], "Ava Quill", 0, "nurse", "");
	resolve(&d);
	bea = got(&d, pa[0], "Bea Quill", 0);
	ava = got(&d, pa[2], "Ava Quill", 0);
	assert_string_equal(ava, "Nurse 1");
	assert_string_not_equal(bea, ava);
	assert_string_equal(got(&d, pa[1], "Miss Quill", 0), bea);
	assert_string_equal(got(&d, pa[3], "Ms Quill", 0), ava);
	assert_string_equal(got(&d, pa[5], "Miss Quill", 0), bea);
	pseudo_free(d.p);
}

/*
 * Among namesakes outside the case file, a title + surname at work is
 * the practitioner even when the neighbour's full name was read last;
 * so is the same title + surname elsewhere (one title per person: "Mrs
 * Quill" did the nurse's work); another title is the other woman.
 */
static void
namesakes_at_work(void **state)
{
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e, f, g;
	const char	*cora;

	(void)state;
	d.p = pseudo_new(NULL, "F");
	a = para(&d, "The school nurse Ava Quill saw Theo.");
	b = para(&d, "Cora Quill, who lived next door, rang the police.");
	c = para(&d, "Mrs Quill completed a health assessment with Theo.");
	e = para(&d, "Cora Quill rang again.");
	f = para(&d, "The plan was discussed with Mrs Quill.");
	g = para(&d, "Ms Quill said that the children were noisy.");
	person(&d, a, "Ava Quill", 0, "nurse", "");
	person(&d, b, "Cora Quill", 0, "", "");
	person(&d, c, "Mrs Quill", 0, "", "");
	person(&d, e, "Cora Quill", 0, "", "");
	person(&d, f, "Mrs Quill", 0, "", "");
	person(&d, g, "Ms Quill", 0, "", "");
	resolve(&d);
	cora = got(&d, b, "Cora Quill", 0);
	assert_string_equal(got(&d, c, "Mrs Quill", 0), "Nurse 1");
	assert_string_not_equal(cora, "Nurse 1");
	assert_string_equal(got(&d, f, "Mrs Quill", 0), "Nurse 1");
	assert_string_equal(got(&d, g, "Ms Quill", 0), cora);
	pseudo_free(d.p);
}

/*
 * Two practitioners outside the case file with one title and surname: a
 * title + surname at work is the one whose full names were read among
 * the same words ("following the MARAC", "rent arrears"), even when the
 * other's full name was read last; with no shared word, the older rules
 * (the full name read last).
 */
static void
namesakes_by_topic(void **state)
{
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e, f;
	const char	*nell, *ivy;

	(void)state;
	d.p = pseudo_new(NULL, "F");
	a = para(&d, "The advocate Nell Quarry met Ms Dove following the "
	    "MARAC.");
	b = para(&d, "The tenancy officer Ivy Quarry served a notice about "
	    "rent arrears.");
	c = para(&d, "Ms Quarry wrote to Ms Dove following the MARAC.");
	e = para(&d, "Ms Quarry wrote to Ms Dove about rent arrears.");
	f = para(&d, "Ms Quarry wrote to Ms Dove.");
	person(&d, a, "Nell Quarry", 0, "", "");
	person(&d, a, "Ms Dove", 0, "", "");
	person(&d, b, "Ivy Quarry", 0, "", "");
	person(&d, c, "Ms Quarry", 0, "", "");
	person(&d, c, "Ms Dove", 0, "", "");
	person(&d, e, "Ms Quarry", 0, "", "");
	person(&d, e, "Ms Dove", 0, "", "");
	person(&d, f, "Ms Quarry", 0, "", "");
	person(&d, f, "Ms Dove", 0, "", "");
	resolve(&d);
	nell = got(&d, a, "Nell Quarry", 0);
	ivy = got(&d, b, "Ivy Quarry", 0);
	assert_string_not_equal(nell, ivy);
	assert_string_equal(got(&d, c, "Ms Quarry", 0), nell);
	assert_string_equal(got(&d, e, "Ms Quarry", 0), ivy);
	assert_string_equal(got(&d, f, "Ms Quarry", 0), ivy);
	pseudo_free(d.p);
}

/*
 * Whom a child is placed with, left with or in the care of is not a
 * parent: "placed with Ms Okoro" is the grandmother even though the
 * mother, mentioned more, shares the surname; "lived with" decides nothing.
 */
static void
carer_not_parent(void **state)
{
	struct casefile	*cf = casefile(shared_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Tamsin Okoro and Gwen Okoro. Tamsin Okoro, Tamsin Okoro.");
	b = para(&d, "Theo was placed with Ms Okoro.");
	c = para(&d, "Theo was discharged to the care of Ms Okoro.");
	e = para(&d, "Theo lived with Ms Okoro.");
	person(&d, a, "Tamsin Okoro", 0, "mother", "case:1");
	person(&d, a, "Gwen Okoro", 0, "grandmother", "case:3");
	person(&d, a, "Tamsin Okoro", 1, "mother", "case:1");
	person(&d, a, "Tamsin Okoro", 2, "mother", "case:1");
	person(&d, b, "Ms Okoro", 0, "mother", "case:1");
	person(&d, c, "Ms Okoro", 0, "mother", "case:1");
	person(&d, e, "Ms Okoro", 0, "mother", "case:1");
	resolve(&d);
	assert_string_equal(got(&d, b, "Ms Okoro", 0), "Maternal grandmother");
	assert_string_equal(got(&d, c, "Ms Okoro", 0), "Maternal grandmother");
	assert_string_equal(got(&d, e, "Ms Okoro", 0), "Mother");
	pseudo_free(d.p);
	casefile_free(cf);
}

static const char twins_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Ivy Dunn,subject-child,,2016-01-01,,,\n"
    "Ivy Dunn,sibling,Ivy Rose Dunn,2012-01-01,,,\n";

/*
 * Two children of the case file share a forename; the detector ties every
 * "Ivy" and the misspelt "Ivey" to the sibling.  Next to the sibling's full
 * name "Ivy" is the sibling; further on, the one mentioned most (the
 * subject), not whoever the last bare "Ivy" went to.
 */
static void
same_forename_two_children(void **state)
{
	struct casefile	*cf = casefile(twins_csv);
	struct doc	 d = { 0 };
	unsigned long	 pa[8];
	size_t		 i;
	static const char *const text[] = {
		"This review concerns Ivy Dunn. Ivy Dunn was nine.",
		"Ivy Dunn, Ivy Dunn.",
		"The sibling Ivy Rose Dunn was twelve.",
		"Ivy was at school.",
		"A gap.",
		"Another gap.",
		"Yet another gap.",
		"Ivy was seen. Ivey said nothing.",
	};

	(void)state;
	d.p = pseudo_new(cf, "F");
	for (i = 0; i < 8; i++)
		pa[i] = para(&d, text[i]);
	person(&d, pa[0], "Ivy Dunn", 0, "subject-child", "case:1");
	person(&d, pa[0], "Ivy Dunn", 1, "subject-child", "case:1");
	person(&d, pa[1], "Ivy Dunn", 0, "subject-child", "case:1");
	person(&d, pa[1], "Ivy Dunn", 1, "subject-child", "case:1");
	person(&d, pa[2], "Ivy Rose Dunn", 0, "sibling", "case:2");
	person(&d, pa[3], "Ivy", 0, "sibling", "case:2");
	person(&d, pa[7], "Ivy", 0, "sibling", "case:2");
	person(&d, pa[7], "Ivey", 0, "sibling", "case:2");
	resolve(&d);
	assert_string_equal(got(&d, pa[0], "Ivy Dunn", 0), "Child F1");
	assert_string_equal(got(&d, pa[2], "Ivy Rose Dunn", 0), "Child F2");
	assert_string_equal(got(&d, pa[3], "Ivy", 0), "Child F2");
	assert_string_equal(got(&d, pa[7], "Ivy", 0), "Child F1");
	assert_string_equal(got(&d, pa[7], "Ivey", 0), "Child F1");
	pseudo_free(d.p);
	casefile_free(cf);
}

/* A forename lexicon of invented names (lexicons/names/forename-gender.txt). */
static struct lexicon *
sexes(void)
{
	struct lexicon	*lx = lexicon_new();

	assert_non_null(lx);
	assert_int_equal(lexicon_put(lx, "tobin", 5, "m"), 0);
	assert_int_equal(lexicon_put(lx, "tessaly", 7, "f"), 0);
	assert_int_equal(lexicon_put(lx, "bram", 4, "m"), 0);
	assert_int_equal(lexicon_put(lx, "wenna", 5, "f"), 0);
	return lx;
}

/* Returns pctx_pronoun() of the mention s in text. */
static int
pron_of(const char *text, const char *s)
{
	const char	*q = strstr(text, s);

	assert_non_null(q);
	return pctx_pronoun(text, strlen(text), (size_t)(q - text),
	    (size_t)(q - text) + strlen(s));
}

/*
 * A pronoun gives the sex of the subject it refers back to in its
 * sentence; not of an object, a possessive, a list, nor when another
 * person's pronoun ("him", "her", "they") comes first.
 */
static void
pronoun_of_subject(void **state)
{
	(void)state;
	assert_int_equal(pron_of("Visits stopped because T.V. reported "
	    "that he was homeless.", "T.V."), 'm');
	assert_int_equal(pron_of("That evening, T.V. told Ms Lark that she "
	    "was moving.", "T.V."), 'f');
	assert_int_equal(pron_of("Mr Orr said he would call.", "Mr Orr"),
	    'm');
	/* An object, a possessive, a list: no answer. */
	assert_int_equal(pron_of("Ms Lark told T.V. that she was moving.",
	    "T.V."), 0);
	assert_int_equal(pron_of("T.V.'s teacher said that he was late.",
	    "T.V."), 0);
	assert_int_equal(pron_of("T.V. and Ms Lark said that she was ill.",
	    "T.V."), 0);
	/* Another person's pronoun first, or none in the sentence. */
	assert_int_equal(pron_of("Ms Lark spoke to him and said he was "
	    "late.", "Ms Lark"), 0);
	assert_int_equal(pron_of("T.V. was guarded. He said nothing.",
	    "T.V."), 0);
	assert_int_equal(pron_of("T.V. said they were fine.", "T.V."), 0);
}

static const char tv_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Tessaly Vorn,mother,,1985-02-03,,,\n"
    "Tobin Vorn,subject-child,,2010-06-07,,,\n";

/*
 * Initials that the mother and her son share ("T.V.") are the one whose
 * sex the subject's pronoun gives: the son by his forename (lexicon), the
 * mother by her case role.  Without the lexicon the son's sex is unknown
 * and "he" decides nothing.
 */
static void
pronoun_decides_initials(void **state)
{
	struct casefile	*cf = casefile(tv_csv);
	struct lexicon	*lx = sexes();
	struct doc	 d = { 0 };
	unsigned long	 a, b, c;
	int		 with;

	(void)state;
	for (with = 1; with >= 0; with--) {
		memset(&d, 0, sizeof(d));
		d.p = pseudo_new(cf, "F");
		if (with)
			pseudo_set_forenames(d.p, lx);
		a = para(&d, "Tessaly Vorn and Tobin Vorn moved. Tessaly "
		    "Vorn rang.");
		b = para(&d, "Visits stopped because T.V. reported that he "
		    "was homeless.");
		c = para(&d, "That evening, T.V. told Ms Lark that she was "
		    "moving.");
		person(&d, a, "Tessaly Vorn", 0, "mother", "case:1");
		person(&d, a, "Tobin Vorn", 0, "subject-child", "case:2");
		person(&d, a, "Tessaly Vorn", 1, "mother", "case:1");
		person(&d, b, "T.V.", 0, "subject-child", "case:2");
		person(&d, c, "T.V.", 0, "subject-child", "case:2");
		person(&d, c, "Ms Lark", 0, "", "");
		resolve(&d);
		assert_string_equal(got(&d, b, "T.V.", 0), with ? "Child F1" :
		    "Mother");
		assert_string_equal(got(&d, c, "T.V.", 0), "Mother");
		pseudo_free(d.p);
	}
	lexicon_free(lx);
	casefile_free(cf);
}

/*
 * Initials two people of the case file share, after one of them was
 * named in the same paragraph, are that one, even when the other's full
 * name was read more recently; elsewhere bare initials are the adult's
 * and possessive ones the child's (initials_age()).
 */
static void
initials_named_in_paragraph(void **state)
{
	struct casefile	*cf = casefile(tv_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e, f;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Tessaly Vorn and Tobin Vorn moved.");
	para(&d, "A gap.");
	para(&d, "Another gap.");
	para(&d, "Yet another gap.");
	b = para(&d, "Tobin Vorn was ill.");
	c = para(&d, "The team closed Tessaly's case. The visit was "
	    "described by T.V. as useless.");
	e = para(&d, "The visit was described by T.V. as useless.");
	f = para(&d, "The school noted T.V.'s absence.");
	person(&d, a, "Tessaly Vorn", 0, "mother", "case:1");
	person(&d, a, "Tobin Vorn", 0, "subject-child", "case:2");
	person(&d, b, "Tobin Vorn", 0, "subject-child", "case:2");
	person(&d, c, "Tessaly", 0, "mother", "case:1");
	person(&d, c, "T.V.", 0, "subject-child", "case:2");
	person(&d, e, "T.V.", 0, "subject-child", "case:2");
	person(&d, f, "T.V.", 0, "subject-child", "case:2");
	resolve(&d);
	assert_string_equal(got(&d, c, "T.V.", 0), "Mother");
	assert_string_equal(got(&d, e, "T.V.", 0), "Mother");
	assert_string_equal(got(&d, f, "T.V.", 0), "Child F1");
	pseudo_free(d.p);
	casefile_free(cf);
}

static const char fenn_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Orla Fenn,mother,,1985-02-03,,,\n"
    "Kit Fenn,subject-child,,2010-06-07,,,\n"
    "Marit Fenn,grandmother,,1960-01-01,,,\n";

/*
 * A title + surname of two women of the family is not the one the rest
 * of its clause names by a short form ("... that Orla had relied on");
 * that title then stays with the grandmother, and the other one ("Ms
 * Fenn") goes to the mother.
 */
static void
named_later_in_clause(void **state)
{
	struct casefile	*cf = casefile(fenn_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Orla Fenn and Marit Fenn. Orla Fenn, Orla Fenn.");
	b = para(&d, "Mrs Fenn could no longer give the care that Orla had "
	    "relied on.");
	c = para(&d, "Ms Fenn was seen by the GP.");
	e = para(&d, "Mrs Fenn rang.");
	person(&d, a, "Orla Fenn", 0, "mother", "case:1");
	person(&d, a, "Marit Fenn", 0, "grandmother", "case:3");
	person(&d, a, "Orla Fenn", 1, "mother", "case:1");
	person(&d, a, "Orla Fenn", 2, "mother", "case:1");
	person(&d, b, "Mrs Fenn", 0, "mother", "case:1");
	person(&d, b, "Orla", 0, "mother", "case:1");
	person(&d, c, "Ms Fenn", 0, "mother", "case:1");
	person(&d, e, "Mrs Fenn", 0, "mother", "case:1");
	resolve(&d);
	assert_string_equal(got(&d, b, "Mrs Fenn", 0), "Maternal grandmother");
	assert_string_equal(got(&d, b, "Orla", 0), "Mother");
	assert_string_equal(got(&d, c, "Ms Fenn", 0), "Mother");
	assert_string_equal(got(&d, e, "Mrs Fenn", 0), "Maternal grandmother");
	pseudo_free(d.p);
	casefile_free(cf);
}

static const char reeve_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Rhona Reeve,mother,,1985-02-03,,,\n"
    "Kit Reeve,subject-child,,2010-06-07,,,\n"
    "Ruth Rafter,grandmother,,1960-01-01,,,\n";

/*
 * Initials are not someone their clause already named in full ("Ruth
 * Rafter looked after Kit while RR attended"), unless in apposition
 * ("Ruth Rafter (RR)").
 */
static void
initials_after_full_name(void **state)
{
	struct casefile	*cf = casefile(reeve_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b, c;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Rhona Reeve is Kit Reeve's mother.");
	b = para(&d, "Ruth Rafter looked after Kit overnight while RR "
	    "attended a hospital appointment.");
	c = para(&d, "Ruth Rafter (RR) visited.");
	person(&d, a, "Rhona Reeve", 0, "mother", "case:1");
	person(&d, a, "Kit Reeve", 0, "subject-child", "case:2");
	person(&d, b, "Ruth Rafter", 0, "grandmother", "case:3");
	person(&d, b, "Kit", 0, "subject-child", "case:2");
	person(&d, b, "RR", 0, "grandmother", "case:3");
	person(&d, c, "Ruth Rafter", 0, "grandmother", "case:3");
	person(&d, c, "RR", 0, "grandmother", "case:3");
	resolve(&d);
	assert_string_equal(got(&d, b, "RR", 0), "Mother");
	assert_string_equal(got(&d, c, "RR", 0), "Grandmother");
	pseudo_free(d.p);
	casefile_free(cf);
}

/*
 * Whoever asks for a check on the family or raises concerns about it is
 * not its mother: of two women called Ms Fenn, the grandmother.
 */
static void
concerns_from_outside(void **state)
{
	struct casefile	*cf = casefile(fenn_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Orla Fenn and Marit Fenn. Orla Fenn, Orla Fenn.");
	b = para(&d, "Police made a welfare check at the request of Ms Fenn.");
	c = para(&d, "Ms Fenn raised concerns with the school.");
	e = para(&d, "Ms Fenn was seen by the GP.");
	person(&d, a, "Orla Fenn", 0, "mother", "case:1");
	person(&d, a, "Marit Fenn", 0, "grandmother", "case:3");
	person(&d, a, "Orla Fenn", 1, "mother", "case:1");
	person(&d, a, "Orla Fenn", 2, "mother", "case:1");
	person(&d, b, "Ms Fenn", 0, "mother", "case:1");
	person(&d, c, "Ms Fenn", 0, "mother", "case:1");
	person(&d, e, "Ms Fenn", 0, "mother", "case:1");
	resolve(&d);
	assert_string_equal(got(&d, b, "Ms Fenn", 0), "Maternal grandmother");
	assert_string_equal(got(&d, c, "Ms Fenn", 0), "Maternal grandmother");
	assert_string_equal(got(&d, e, "Ms Fenn", 0), "Mother");
	pseudo_free(d.p);
	casefile_free(cf);
}

static const char tamm_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Wenna Tamm,mother,,1985-02-03,,,\n"
    "Osric Tamm,grandfather,,1950-01-01,,,\n";

/*
 * Someone outside the case file shares the grandfather's surname: "Mr
 * Tamm" right after his full name is him when his forename is a man's
 * (lexicon) and the grandfather was never called Mr Tamm; once the
 * grandfather has been, it stays the grandfather's.
 */
static void
namesake_by_forename_sex(void **state)
{
	struct casefile	*cf = casefile(tamm_csv);
	struct lexicon	*lx = sexes();
	struct doc	 d = { 0 };
	unsigned long	 a, b, c;
	const char	*bram;

	(void)state;
	d.p = pseudo_new(cf, "F");
	pseudo_set_forenames(d.p, lx);
	a = para(&d, "Osric Tamm and Wenna Tamm.");
	b = para(&d, "The children were left with Bram Tamm overnight.");
	c = para(&d, "The children were left with Mr Tamm again.");
	person(&d, a, "Osric Tamm", 0, "grandfather", "case:2");
	person(&d, a, "Wenna Tamm", 0, "mother", "case:1");
	person(&d, b, "Bram Tamm", 0, "", "");
	person(&d, c, "Mr Tamm", 0, "grandfather", "case:2");
	resolve(&d);
	bram = got(&d, b, "Bram Tamm", 0);
	assert_string_not_equal(bram, "Maternal grandfather");
	assert_string_equal(got(&d, c, "Mr Tamm", 0), bram);
	pseudo_free(d.p);
	lexicon_free(lx);
	casefile_free(cf);
}

static const char lask_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Corin Lask,father,,1980-02-03,,,\n"
    "Ede Lask,subject-child,,2010-06-07,,,\n";

/*
 * A man outside the case file shares the father's surname and no role
 * was written for him, but a short form of his name was seen at work
 * ("Mr Lask visited the home"): after his full name, "Mr Lask" is him,
 * though the father too was called Mr ("Mr Corin Lask").
 */
static void
namesake_seen_at_work(void **state)
{
	struct casefile	*cf = casefile(lask_csv);
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e;
	const char	*pell;

	(void)state;
	d.p = pseudo_new(cf, "F");
	a = para(&d, "Mr Corin Lask and Pell Lask.");
	b = para(&d, "Mr Lask visited the home.");
	c = para(&d, "Pell Lask moved the case to a new team.");
	e = para(&d, "Mr Lask described feeling overwhelmed.");
	person(&d, a, "Mr Corin Lask", 0, "father", "case:1");
	person(&d, a, "Pell Lask", 0, "", "");
	person(&d, b, "Mr Lask", 0, "father", "case:1");
	person(&d, c, "Pell Lask", 0, "", "");
	person(&d, e, "Mr Lask", 0, "father", "case:1");
	resolve(&d);
	pell = got(&d, a, "Pell Lask", 0);
	assert_string_not_equal(pell, "Father");
	assert_string_equal(got(&d, a, "Mr Corin Lask", 0), "Father");
	assert_string_equal(got(&d, b, "Mr Lask", 0), pell);
	assert_string_equal(got(&d, e, "Mr Lask", 0), pell);
	pseudo_free(d.p);
	casefile_free(cf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(initial_surname_adult),
		cmocka_unit_test(current_name_first),
		cmocka_unit_test(miss_not_grandmother),
		cmocka_unit_test(role_word_apart),
		cmocka_unit_test(two_titles_two_women),
		cmocka_unit_test(forename_before_middle_name),
		cmocka_unit_test(full_name_before_middle_name),
		cmocka_unit_test(doctor_title),
		cmocka_unit_test(namesake_by_context),
		cmocka_unit_test(namesake_none),
		cmocka_unit_test(namesake_gender_unknown),
		cmocka_unit_test(clause_apart),
		cmocka_unit_test(namesakes_by_recency),
		cmocka_unit_test(namesakes_at_work),
		cmocka_unit_test(namesakes_by_topic),
		cmocka_unit_test(carer_not_parent),
		cmocka_unit_test(same_forename_two_children),
		cmocka_unit_test(pronoun_of_subject),
		cmocka_unit_test(pronoun_decides_initials),
		cmocka_unit_test(initials_named_in_paragraph),
		cmocka_unit_test(named_later_in_clause),
		cmocka_unit_test(initials_after_full_name),
		cmocka_unit_test(concerns_from_outside),
		cmocka_unit_test(namesake_by_forename_sex),
		cmocka_unit_test(namesake_seen_at_work),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
