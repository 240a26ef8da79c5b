/*
 * Unit tests of the context reading of anon-pseudo
 * (filters/pseudo_context.c) and of pn_title(): the per-text answers
 * (pctx_text_*) must be those of the per-mention functions on any text,
 * and titles are found whatever their first letter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "pseudo_context.h"
#include "pseudo_name.h"

static void
titles(void **state)
{
	static const struct {
		const char	*w;
		int		 gender;
	} tab[] = {
		{ "Chief", 0 }, { "Cllr", 0 }, { "Constable", 0 },
		{ "Councillor", 0 }, { "Dame", 'f' }, { "DC", 0 },
		{ "DCI", 0 }, { "Detective", 0 }, { "DI", 0 },
		{ "Doctor", 0 }, { "Dr", 0 }, { "Dr.", 0 }, { "DS", 0 },
		{ "DSI", 0 }, { "Insp", 0 }, { "Inspector", 0 },
		{ "Lady", 'f' }, { "Lord", 'm' }, { "Master", 'm' },
		{ "Miss", 'f' }, { "Mr", 'm' }, { "MR.", 'm' },
		{ "Mrs", 'f' }, { "Ms", 'f' }, { "Mx", 0 }, { "PC", 0 },
		{ "PCSO", 0 }, { "Police", 0 }, { "PS", 0 }, { "Prof", 0 },
		{ "Professor", 0 }, { "Rev", 0 }, { "Revd", 0 },
		{ "Reverend", 0 }, { "Sergeant", 0 }, { "Sgt", 0 },
		{ "Sir", 'm' }, { "Superintendent", 0 }, { "Supt", 0 },
		{ "WPC", 'f' },
		/* Not titles. */
		{ "", -1 }, { ".", -1 }, { "M", -1 }, { "Mrs..", -1 },
		{ "Mrsx", -1 }, { "Sirs", -1 }, { "Mr1", -1 }, { "Ma", -1 },
		{ "Zed", -1 }, { "Aunt", -1 }, { "Wp", -1 }, { "Sa", -1 },
		{ "M\xc3\xa9", -1 }, { "Superintendents", -1 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (pn_title(tab[i].w, strlen(tab[i].w)) != tab[i].gender)
			fail_msg("pn_title(\"%s\") != %d", tab[i].w,
			    tab[i].gender);
}

/* The per-text answers against the per-mention ones on text t. */
static void
same_answers(const char *t, size_t len)
{
	struct pctx_text ct = { 0 };
	size_t		 s, e;
	unsigned	 r, want;

	assert_int_equal(pctx_text_load(&ct, t, len), 0);
	for (s = 0; s <= len; s++) {
		assert_int_equal(pctx_text_clause_start(&ct, s),
		    pctx_clause_start(t, len, s));
		for (e = s; e <= len && e <= s + 12; e++) {
			r = pctx_text_roles_apart(&ct, s, e);
			want = (pctx_role_apart(t, len, s, e, "mother") ?
			    PCTX_NOT_MOTHER : 0) | (pctx_role_apart(t, len,
			    s, e, "father") ? PCTX_NOT_FATHER : 0);
			if (r != want)
				fail_msg("\"%.*s\" %zu-%zu: %u, want %u",
				    (int)len, t, s, e, r, want);
		}
	}
	pctx_text_free(&ct);
}

static void
roles_examples(void **state)
{
	static const char *const ex[] = {
		"Mother and Kay were living with Ms Jones.",
		"The mother, Ms Jones, said so.",
		"Mother's partner Mr Hale visited.",
		"the mother and baby unit saw Ms Ray on the ward",
		"Her Mother took Amy to the GP; the father did not. Ms Ray",
		"Kay told the father that the Mother had left\tMs Ray came",
		"MOTHER stepmother grandmother the motherly Father\xe2\x80\x99s"
		    " the father",
		"x. the mother\nof Ann Lee and his Father. J. Lee went home!",
		"mother",
		"",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++)
		same_answers(ex[i], strlen(ex[i]));
}

/* Random texts of words that matter, a fixed seed. */
static void
roles_random(void **state)
{
	static const char *const w[] = {
		"the ", "The ", "mother", "Mother", "MOTHER", "father",
		"Father", "her ", "his ", " and baby", "'", "\xe2\x80\x99",
		". ", ".", "? ", "!", "\t", "\n", ", ", ";", " ", "Ms ",
		"Jones", "x", "grand", "ly", " and ",
	};
	char		 t[200];
	size_t		 len, k, n;
	unsigned long	 seed = 12345;
	int		 round;

	(void)state;
	for (round = 0; round < 600; round++) {
		len = 0;
		for (;;) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			k = (seed >> 33) % (sizeof(w) / sizeof(w[0]));
			n = strlen(w[k]);
			if (len + n > 120)
				break;
			memcpy(t + len, w[k], n);
			len += n;
		}
		same_answers(t, len);
	}
}

/* Clauses longer than the bound start at the mention itself. */
static void
clause_bound(void **state)
{
	struct pctx_text ct = { 0 };
	char		*t;
	size_t		 len = 5000, s;

	(void)state;
	t = malloc(len);
	assert_non_null(t);
	memset(t, 'a', len);
	t[100] = ',';
	t[3000] = '.';
	t[3001] = ' ';
	assert_int_equal(pctx_text_load(&ct, t, len), 0);
	for (s = 0; s <= len; s++)
		assert_int_equal(pctx_text_clause_start(&ct, s),
		    pctx_clause_start(t, len, s));
	assert_int_equal(pctx_text_clause_start(&ct, 1124), 101);
	assert_int_equal(pctx_text_clause_start(&ct, 1125), 1125);
	assert_int_equal(pctx_text_clause_start(&ct, 3002), 3001);
	assert_int_equal(pctx_text_clause_start(&ct, 3500), 3001);
	pctx_text_free(&ct);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(titles),
		cmocka_unit_test(roles_examples),
		cmocka_unit_test(roles_random),
		cmocka_unit_test(clause_bound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
