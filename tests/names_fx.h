/*
 * names_fx.h — what the anon-names unit tests share (test_names.c,
 * test_names2.c, test_names3.c): the fixture, its teardown, and the
 * mentions a scan found looked up by surface.  Included after cmocka.h,
 * casefile.h, lexicon.h, names.h and record.h; test_names.c makes its
 * own fixture, the others use fx_new(), fx_scan() and fx_person().
 */
#ifndef TESTS_NAMES_FX_H
#define TESTS_NAMES_FX_H

struct fx {
	struct casefile		*cf;
	struct names		*nm;
	struct mention_list	 found;
	struct mention_list	 prior;
	char			 text[1024];
};

static int
teardown(void **state)
{
	struct fx *fx = *state;

	names_free(fx->nm);
	casefile_free(fx->cf);
	mention_list_release(&fx->found);
	mention_list_release(&fx->prior);
	free(fx);
	return 0;
}

/* The mention whose surface is exactly surf, or NULL. */
static const struct mention *
find(const struct fx *fx, const char *surf)
{
	size_t i, n = strlen(surf);
	const char *p;

	for (p = fx->text; (p = strstr(p, surf)) != NULL; p++)
		for (i = 0; i < fx->found.n; i++)
			if (fx->found.v[i].start == (size_t)(p - fx->text) &&
			    fx->found.v[i].end == fx->found.v[i].start + n)
				return &fx->found.v[i];
	return NULL;
}

/* Does any mention overlap the first occurrence of surf? */
static int
touched(const struct fx *fx, const char *surf)
{
	const char *p = strstr(fx->text, surf);
	size_t i, b, e;

	assert_non_null(p);
	b = (size_t)(p - fx->text);
	e = b + strlen(surf);
	for (i = 0; i < fx->found.n; i++)
		if (fx->found.v[i].start < e && fx->found.v[i].end > b)
			return 1;
	return 0;
}

/*
 * A fixture over a small lexicon of words (word, lexicon tags) and, when
 * csv is not NULL, a case file; for the test files that need no more.
 */
static inline int
fx_new(void **state, const char *csv, size_t csvlen,
    const char *const words[][2])
{
	struct names_config cfg;
	struct fx *fx = calloc(1, sizeof(*fx));
	struct lexicon *l;
	char err[256];
	size_t i;

	assert_non_null(fx);
	memset(&cfg, 0, sizeof(cfg));
	if (csv != NULL) {
		fx->cf = casefile_parse(csv, csvlen, "case.csv", err,
		    sizeof(err));
		if (fx->cf == NULL)
			fail_msg("casefile: %s", err);
		cfg.casefile = fx->cf;
	}
	l = lexicon_new();
	assert_non_null(l);
	for (i = 0; words[i][0] != NULL; i++)
		assert_int_equal(lexicon_put(l, words[i][0],
		    strlen(words[i][0]), words[i][1]), 0);
	cfg.lex = l;
	fx->nm = names_new(&cfg, err, sizeof(err));
	if (fx->nm == NULL)
		fail_msg("names_new: %s", err);
	*state = fx;
	return 0;
}

/* Scans one paragraph of a new document. */
static inline void
fx_scan(struct fx *fx, const char *s)
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

/* The person mention whose surface is exactly surf; fails without one. */
static inline const struct mention *
fx_person(const struct fx *fx, const char *surf)
{
	const struct mention *m = find(fx, surf);

	if (m == NULL)
		fail_msg("no mention \"%s\" in \"%s\"", surf, fx->text);
	assert_string_equal(m->type, "person");
	return m;
}

#endif
