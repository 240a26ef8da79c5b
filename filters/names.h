/*
 * names.h — the person detector behind anon-names(1).
 *
 * Finds people in a paragraph: the people of the case file (full names,
 * parts, aliases, initials, misspellings, ALL CAPS, "SMITH, Kayden") and
 * people nobody listed (titles, forename and surname lexicons, hunspell's
 * view of a word, role and relation context).  The detector remembers the
 * people it has seen earlier in the document, so it must see the text
 * units of one document in order (detect_run() does).
 *
 * Ownership: names_new() takes over the lexicons it is given; the case
 * file stays the caller's and must outlive the detector.
 */
#ifndef NAMES_H
#define NAMES_H

#include <stddef.h>

#include "record.h"

struct casefile;
struct lexicon;
struct names;

struct names_config {
	const struct casefile	*casefile;	/* NULL = no known people */
	struct lexicon		*lex;		/* names/names.txt; taken over */
	struct lexicon		*allow;		/* phrases never claimed, or NULL;
						 * taken over */
	const char		*aff;		/* hunspell files of one
						 * dictionary (X.aff, X.dic);
						 * both NULL = the precomputed
						 * en_GB table (wordclass.h) */
	const char		*dic;
};

/*
 * Returns a detector, or NULL with a message in err (word class table or
 * hunspell files missing, out of memory).  Free with names_free(), which also frees the
 * lexicons of the configuration, even after a failure.
 */
struct names	*names_new(const struct names_config *, char *err,
		    size_t errlen);
void		 names_free(struct names *);

/* Forgets the people seen so far (a new document starts). */
void		 names_reset(struct names *);

/*
 * The scan function (detect.h's detect_fn) over one text unit; ctx is a
 * struct names.  Appends person mentions to found.  Returns 0, or -1 with
 * a message in err when out of memory.
 */
int		 names_scan(void *ctx, const struct text_unit *,
		    const struct mention_list *prior, struct mention_list *found,
		    char *err, size_t errlen);

/*
 * Returns the Damerau-Levenshtein distance of a[0..al) and b[0..bl),
 * counting bytes, or max + 1 as soon as it must exceed max (max < 8).
 */
int		 names_edit_distance(const char *a, size_t al, const char *b,
		    size_t bl, int max);

/*
 * Writes the lower-case, diacritic-free form of src[0..len) into dst
 * ("Żurek" -> "zurek"); dst holds len + 1 bytes.  Returns the length.
 */
size_t		 names_plain(char *dst, const char *src, size_t len);

/*
 * Hunspell classes of a word as written (names_word_class()), answered
 * from wordclass.h: a word written with a lower-case first letter is
 * never WC_PROPER.
 */
enum names_wclass {
	WC_COMMON = 1,		/* accepted in lower case: "hope", "will" */
	WC_PROPER = 2,		/* accepted only capitalised: "Sarah", "Oldham" */
	WC_UNKNOWN = 3		/* rejected in every case: "Okafor" */
};

/* Returns the hunspell class of word[0..len). */
enum names_wclass names_word_class(struct names *, const char *word,
		    size_t len);

/* Returns the seconds names_new() spent loading the word classes. */
double		 names_wordclass_load_time(const struct names *);

#endif /* NAMES_H */
