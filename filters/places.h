/*
 * places.h — the detector of anon-places: street addresses, places
 * (towns, localities, estates, parks) and institutions (schools, GP
 * practices, hospitals, ...), see anon-places(1).
 *
 * A places_ctx owns its lexicons, its word classes (wordclass.h) and what it learnt
 * from earlier paragraphs of the document (streets and institutions seen,
 * so later short forms get the same KEY).  places_free() releases all.
 */
#ifndef PLACES_H
#define PLACES_H

#include <stddef.h>

#include "record.h"

struct places_ctx;

/*
 * Loads the lexicons (the files of places/ and allow/phrases.txt under
 * lexicon_dir()) and the word classes: hunspell's en_GB verdicts
 * precomputed in wordclass/en_GB.txt when dict is NULL, else hunspell
 * with the dictionary dict (the path without .aff/.dic).  Returns the context, or
 * NULL with a message in err.  Free with places_free().
 */
struct places_ctx	*places_new(const char *dict, char *err, size_t errlen);
void			 places_free(struct places_ctx *);

/*
 * The detect_fn of anon-places (detect.h): appends address, place and
 * institution mentions of t to found, skipping text that a prior mention
 * covers.  Returns 0, or -1 with a message in err (out of memory).
 */
int	places_scan(void *ctx, const struct text_unit *t,
	    const struct mention_list *prior, struct mention_list *found,
	    char *err, size_t errlen);

/*
 * Returns 1 when the folded phrase s[0..len) is on the allow-list (text no
 * detector may replace), else 0.  For other detectors and tests.
 */
int	places_allowed(const struct places_ctx *, const char *s, size_t len);

#endif /* PLACES_H */
