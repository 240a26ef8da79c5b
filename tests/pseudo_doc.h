/*
 * pseudo_doc.h — the harness of anon-pseudo's unit tests (test_pseudo.c,
 * test_pseudo_attr.c): a document of paragraphs, mentions added by their
 * text, and the replacement that covers a given occurrence.  Included
 * after cmocka.h, pseudo.h and record.h.
 */
#ifndef TESTS_PSEUDO_DOC_H
#define TESTS_PSEUDO_DOC_H

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

#endif
