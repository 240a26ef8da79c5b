/*
 * pseudo_name.h — what anon-pseudo needs to compare names: a folding that
 * ignores case and Latin diacritics, a parser that splits a person mention
 * into title, tokens and initials, an edit distance and a few surface
 * tests.  No allocation: every result goes into caller-provided storage.
 */
#ifndef PSEUDO_NAME_H
#define PSEUDO_NAME_H

#include <stddef.h>

struct lexicon;

#define PN_MAXTOK	8	/* name tokens kept (extra middle ones dropped) */
#define PN_BUFSZ	256	/* bytes of folded token text kept */

/*
 * Writes into dst the comparison form of src: ASCII lower case, Latin-1
 * and Latin Extended-A letters reduced to their base letter (ß → ss,
 * æ → ae, œ → oe), combining marks dropped, curly apostrophes turned into
 * '\'' and Unicode hyphens into '-'; other bytes copied.  dst must hold
 * len + 1 bytes.  Returns the length written (never more than len).
 */
size_t	pn_fold(char *dst, const char *src, size_t len);

/* A person mention taken apart. */
struct pname {
	int		 gender;	/* 'm', 'f' (from the title) or 0 */
	int		 titled;	/* a title (Mr, Ms, Dr, PC...) was present */
	int		 initials;	/* the name is initials only ("K.S.", "KS") */
	int		 caps;		/* the surface is ALL CAPS */
	char		 title[16];	/* the first title, folded, or "" */
	size_t		 ntok;		/* folded tokens, in reading order */
	const char	*tok[PN_MAXTOK];
	size_t		 toklen[PN_MAXTOK];
	unsigned	 isinit;	/* bit i: tok[i] is a single initial */
	char		 buf[PN_BUFSZ];
};

/*
 * Parses a person surface: drops a possessive ('s, ’s), reorders
 * "SMITH, Kayden", removes leading titles (remembering their gender) and
 * folds each token.  Initials-only names get one token per letter.
 * Returns the number of tokens (0 when nothing name-like is left).
 */
size_t	pn_parse(struct pname *, const char *s, size_t len);

/*
 * Returns the gender implied by title t ('m', 'f'), 0 for a
 * gender-neutral title (Dr, PC), or -1 when t is not a title.  Case and a
 * trailing dot are ignored.
 */
int	pn_title(const char *t, size_t len);

/*
 * Returns the Levenshtein distance between a and b, or max + 1 as soon as
 * it must exceed max (max < 16).
 */
size_t	pn_edit(const char *a, size_t alen, const char *b, size_t blen,
	    size_t max);

/*
 * Returns 1 when s is ALL CAPS: no lower-case ASCII letter and a run of at
 * least three upper-case letters ("PRECIOUS MOSS", not "K.S." or "SB").
 */
int	pn_is_caps(const char *s, size_t len);

/*
 * Returns the length of a possessive suffix at the end of s ("'s", "’s",
 * or a lone apostrophe after s), or 0.
 */
size_t	pn_possessive(const char *s, size_t len);

/*
 * Returns the length of a title immediately before text[start] ("Ms "),
 * i.e. how far a person span can be widened to the left, or 0.
 */
size_t	pn_title_before(const char *text, size_t start);

/*
 * Returns 1 when position start of text begins a sentence or a cell: only
 * spaces, quotes and brackets lie between it and the start of the text, a
 * TAB, or a '.', '!', '?' or ':'.
 */
int	pn_sentence_start(const char *text, size_t start);

/*
 * Returns the sex of folded forename tok by lexicon lx
 * (lexicons/names/forename-gender.txt, KEY<TAB>f|m): 'f', 'm', or 0 when
 * lx is NULL, tok is an initial or the forename is absent (unknown, or
 * given to both sexes).
 */
int	pn_forename_gender(const struct lexicon *lx, const char *tok,
	    size_t len);

#endif /* PSEUDO_NAME_H */
