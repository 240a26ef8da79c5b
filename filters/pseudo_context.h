/*
 * pseudo_context.h — the context of a person mention, read from the text
 * of its paragraph (filters/pseudo_context.c).
 */
#ifndef PSEUDO_CONTEXT_H
#define PSEUDO_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Where the clause holding text[i] starts: after the end of a sentence or
 * cell, a comma or a semicolon, looking back a bounded number of bytes.
 */
size_t		pctx_clause_start(const char *text, size_t len, size_t i);

/*
 * Returns 1 when the sentence around text[start..end) speaks of "the
 * mother" or "Mother" (word "mother"; likewise "father") apart from the
 * mention, so that the mention names someone else.
 */
int		pctx_role_apart(const char *text, size_t len, size_t start,
		    size_t end, const char *word);

/*
 * The same two answers for every mention of one text, at a cost of one
 * pass over the text: pctx_text_load() notes where its sentences and
 * clauses end and where "mother" and "father" stand, and the questions
 * then search those lists (pctx_role_apart() walks the sentence out to
 * its ends for each mention and word, quadratic in a paragraph without
 * full stops).  The answers are those of the functions above.
 */
struct pctx_text {
	const char	*text;
	size_t		 len;
	size_t		*send;		/* offsets of sentence ends */
	size_t		 nsend, capsend;
	size_t		*brk;		/* ... of sentence ends, ',' and ';' */
	size_t		 nbrk, capbrk;
	size_t		*role;		/* role words: offset * 2 + father */
	size_t		 nrole, caprole;
	struct pctx_word *word;		/* content words (pctx_text_topic()), */
	size_t		 nword, capword;
	size_t		 ws0, ws1;	/* ... of text[ws0..ws1), */
	int		 words_ok;	/* ... once listed */
};

struct pctx_word {
	size_t		 off, end;
	uint32_t	 h;
};

#define PCTX_NOT_MOTHER	0x1	/* the sentence names "the mother" apart */
#define PCTX_NOT_FATHER	0x2	/* ... "the father" */

/* Reads text[0..len) (kept, not copied) into t; -1 when out of memory. */
int		pctx_text_load(struct pctx_text *t, const char *text,
		    size_t len);
void		pctx_text_free(struct pctx_text *t);
/* pctx_clause_start() of t's text. */
size_t		pctx_text_clause_start(const struct pctx_text *t, size_t i);
/* The PCTX_NOT_* marks: pctx_role_apart() for both words. */
unsigned	pctx_text_roles_apart(const struct pctx_text *t, size_t start,
		    size_t end);

/*
 * What the sentence around text[start..end) speaks of: up to
 * PCTX_TOPIC_N of its content words outside the mention (words of four
 * or more letters in lower case, not common ones; acronyms such as
 * "MARAC"), nearest first, as distinct non-zero hashes of the word in
 * lower case.  Returns how many were written to out, the rest are 0; or
 * -1 when out of memory.  Names and places are capitalised and so stay
 * out.  The text's content words are listed on the first call.
 */
#define PCTX_TOPIC_N	8
int		pctx_text_topic(struct pctx_text *t, size_t start,
		    size_t end, uint32_t out[PCTX_TOPIC_N]);

#define PCTX_AT_WORK	0x1	/* "Ms Lowe completed an assessment" */
#define PCTX_AT_HOME	0x2	/* "placed with Ms Lowe", "Ms Lowe's mobile" */
#define PCTX_CARER	0x4	/* "left with Ms Lowe": a carer, not a parent;
				   "at the request of Ms Lowe": ditto */

/* The PCTX_* marks of a title + surname at text[from..end), or 0. */
unsigned	pctx_work_or_home(const char *text, size_t len, size_t from,
		    size_t end);

/*
 * The gender a personal pronoun gives the person mention at
 * text[from..end) (a title included): 'f' or 'm' when the mention is
 * the subject of its clause (at the clause's start or after a
 * conjunction, followed by a verb) and the first personal pronoun after
 * it in the sentence, a few words on, is "she"/"her" or "he"/"his"
 * ("J.S. reported that he was"); else 0 (a plural pronoun, none, a
 * possessive mention, an object).
 */
int		pctx_pronoun(const char *text, size_t len, size_t from,
		    size_t end);

#endif /* PSEUDO_CONTEXT_H */
