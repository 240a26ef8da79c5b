/*
 * names_fx.h — what the anon-names unit tests share (test_names.c,
 * test_names2.c): the fixture, its teardown, and the mentions a scan
 * found looked up by surface.  Included after cmocka.h, casefile.h,
 * names.h and record.h; each test file makes its own fixture.
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

#endif
