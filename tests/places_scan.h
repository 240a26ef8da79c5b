/*
 * places_scan.h — the harness of anon-places' unit tests (test_places.c,
 * test_places_unseen.c): one scan context for the file, a paragraph
 * scanned at a time, and the mentions it found looked up by surface.
 * Included after cmocka.h, places.h and record.h.
 */
#ifndef TESTS_PLACES_SCAN_H
#define TESTS_PLACES_SCAN_H

static struct places_ctx *ctx;
static struct mention_list ml = MENTION_LIST_INIT;
static const char *cur;

/* Scans s as text unit 1 (the context keeps its document memory). */
static void
scan(const char *s)
{
	struct text_unit t = { 1, "L1", "lf", s, strlen(s) };
	char	 err[256];

	mention_list_clear(&ml);
	cur = s;
	assert_int_equal(places_scan(ctx, &t, NULL, &ml, err, sizeof(err)), 0);
}

/* Returns the mention whose surface is exactly surf, or NULL. */
static const struct mention *
find(const char *surf)
{
	size_t	 i, n = strlen(surf);

	for (i = 0; i < ml.n; i++)
		if (ml.v[i].end - ml.v[i].start == n &&
		    memcmp(cur + ml.v[i].start, surf, n) == 0)
			return &ml.v[i];
	return NULL;
}

static void
expect(const char *surf, const char *type, const char *sub, const char *key)
{
	const struct mention *m = find(surf);

	if (m == NULL)
		fail_msg("no mention \"%s\" in \"%s\"", surf, cur);
	assert_string_equal(m->type, type);
	if (sub != NULL)
		assert_string_equal(m->subtype, sub);
	if (key != NULL)
		assert_string_equal(m->key, key);
}

/* Asserts that nothing overlapping the substring sub was reported. */
static void
untouched(const char *sub)
{
	const char *p = strstr(cur, sub);
	size_t	 s, e, i;

	assert_non_null(p);
	s = (size_t)(p - cur);
	e = s + strlen(sub);
	for (i = 0; i < ml.n; i++)
		if (ml.v[i].start < e && ml.v[i].end > s)
			fail_msg("\"%s\" was touched in \"%s\"", sub, cur);
}

static int
setup(void **state)
{
	char	 dir[PATH_MAX], err[256];

	(void)state;
	if (realpath("lexicons", dir) == NULL)
		return -1;
	setenv("ANON_LEXICONS", dir, 1);
	if ((ctx = places_new(NULL, err, sizeof(err))) == NULL) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	places_free(ctx);
	mention_list_release(&ml);
	return 0;
}

#endif
