/*
 * flag_fx.h — what the anon-flag unit tests share (test_flag.c,
 * test_flag_lex.c): the shipped rules loaded once per group, and a scan
 * of one passage with person mentions given as "ROLE:WORD" pairs.
 * Included after cmocka.h, flag.h and record.h.
 */
#ifndef TESTS_FLAG_FX_H
#define TESTS_FLAG_FX_H

static struct flag_ctx *ctx;

static int
setup(void **state)
{
	char	 err[512];

	(void)state;
	if ((ctx = flag_ctx_load("lexicons/flags", err, sizeof(err))) ==
	    NULL) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	flag_ctx_free(ctx);
	return 0;
}

static int
catno(const char *name)
{
	int	 i;

	for (i = 0; i < FLAG_NCAT; i++)
		if (strcmp(flag_categories[i], name) == 0)
			return i;
	fail_msg("unknown category %s", name);
	return -1;
}

/*
 * Scans text with person mentions given as "ROLE:WORD" pairs (the first
 * occurrence of WORD gets SUBTYPE ROLE) and returns the flags.
 */
static void
scan(const char *text, const char *const *people, struct flag_list *out)
{
	struct mention_list	 ml = MENTION_LIST_INIT;
	char			 err[256], role[64];
	const char		*colon, *p;
	size_t			 i;

	for (i = 0; people != NULL && people[i] != NULL; i++) {
		colon = strchr(people[i], ':');
		assert_non_null(colon);
		snprintf(role, sizeof(role), "%.*s",
		    (int)(colon - people[i]), people[i]);
		p = strstr(text, colon + 1);
		assert_non_null(p);
		assert_int_equal(mention_list_add(&ml, 1, p - text,
		    p - text + strlen(colon + 1), "person", role, "test", 90,
		    "", ""), 0);
	}
	assert_int_equal(flag_scan(ctx, text, strlen(text), &ml, out, err,
	    sizeof(err)), 0);
	mention_list_release(&ml);
}

/* Returns 1 when text (with people) gets a flag of category cat. */
static int
flags(const char *text, const char *const *people, const char *cat)
{
	struct flag_list	 fl = FLAG_LIST_INIT;
	size_t			 i;
	int			 k = catno(cat), found = 0;

	scan(text, people, &fl);
	for (i = 0; i < fl.n; i++)
		if (fl.v[i].cat == k)
			found = 1;
	flag_list_release(&fl);
	return found;
}

#endif
