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
#include "mapfile.h"
#include "pseudo.h"
#include "pseudo_name.h"
#include "record.h"
#include "sbuf.h"

/* A document under test: paragraphs are kept to find replacements. */
struct doc {
	struct pseudo	*p;
	const char	*para[32];
	size_t		 npara;
};

/* Offset of the nth (from 0) occurrence of s in text. */
static size_t
offset(const char *text, const char *s, int nth)
{
	const char	*q = text;

	for (;;) {
		q = strstr(q, s);
		assert_non_null(q);
		if (nth-- == 0)
			return (size_t)(q - text);
		q++;
	}
}

static unsigned long
para(struct doc *d, const char *text)
{
	d->para[d->npara++] = text;
	return d->npara;
}

static void
add(struct doc *d, unsigned long id, const char *s, int nth, const char *type,
    const char *subtype, int conf, const char *key, const char *hint)
{
	struct mention_list	 ml = MENTION_LIST_INIT;
	const char		*text = d->para[id - 1];
	size_t			 off = offset(text, s, nth);
	char			 err[128];

	assert_int_equal(mention_list_add(&ml, id, off, off + strlen(s), type,
	    subtype, "test/rule", conf, key, hint), 0);
	assert_int_equal(pseudo_add(d->p, &ml.v[0], text, strlen(text), err,
	    sizeof(err)), 0);
	mention_list_release(&ml);
}

static void
person(struct doc *d, unsigned long id, const char *s, int nth,
    const char *subtype, const char *key)
{
	add(d, id, s, nth, "person", subtype, 90, key, "");
}

/* Returns the replacement covering the nth occurrence of s, or NULL. */
static const char *
got(struct doc *d, unsigned long id, const char *s, int nth)
{
	const struct pseudo_repl *r;
	size_t		 off = offset(d->para[id - 1], s, nth), i;

	for (i = 0; i < pseudo_nrepl(d->p); i++) {
		r = pseudo_repl(d->p, i);
		if (r->text == id && r->start <= off && off < r->end)
			return r->repl;
	}
	return NULL;
}

static void
resolve(struct doc *d)
{
	char	 err[128];

	assert_int_equal(pseudo_resolve(d->p, err, sizeof(err)), 0);
}

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
		cmocka_unit_test(doctor_title),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
