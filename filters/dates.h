/*
 * dates.h — the date detector of anon-dates(1).
 *
 * dates_scan() finds the dates of one paragraph ("14 March 2017",
 * "14/3/17", "2017-03-14", "March 2017", "12–16 March 2017", ...) and
 * reports each as a mention of type "date" whose HINT is its replacement
 * under the policy of the context.  The context owns its compiled
 * patterns and a little state that crosses paragraphs (the date-of-birth
 * column of a table, the last year seen); initialise it with dates_init(),
 * release it with dates_release().  Nothing here prints or exits.
 */
#ifndef DATES_H
#define DATES_H

#include <stddef.h>

#include "record.h"

enum dates_policy {
	DATES_GENERALISE,	/* 14 March 2017 -> [early] 2017 (the default) */
	DATES_MONTH,		/* 14 March 2017 -> March 2017 */
	DATES_YEAR,		/* -> 2017 */
	DATES_SHIFT,		/* -> moved by ctx->shift days, same format */
	DATES_REDACT,		/* -> [date] */
	DATES_KEEP		/* dates of birth only */
};

struct dates_rx;

struct dates_ctx {
	enum dates_policy  policy;
	long		   shift;	/* days, for DATES_SHIFT */
	struct dates_rx	  *rx;		/* compiled patterns, owned */
	int		   dob_col;	/* table column headed "date of birth", or -1 */
	int		   last_year;	/* last year written in the document, or 0 */
};

/*
 * Compiles the patterns.  Returns 0, or -1 with a message in err; on
 * failure nothing needs releasing.
 */
int	dates_init(struct dates_ctx *, enum dates_policy, long shift,
	    char *err, size_t errlen);
void	dates_release(struct dates_ctx *);

/*
 * A detect_fn (detect.h): appends the dates of t that overlap nothing in
 * prior to found.  ctx is a struct dates_ctx.  Returns 0, or -1 with a
 * message in err.
 */
int	dates_scan(void *ctx, const struct text_unit *t,
	    const struct mention_list *prior, struct mention_list *found,
	    char *err, size_t errlen);

/*
 * Sets *p from "generalise", "month", "year", "shift", "redact" or "keep".
 * Returns 0, or -1 for any other name.
 */
int	dates_policy_parse(const char *name, enum dates_policy *p);

/*
 * Returns the shift in days derived from seed: a deterministic value in
 * -365..-30 or 30..365, never 0.
 */
long	dates_shift_from_seed(unsigned long long seed);

/*
 * Reads the line "date-shift<TAB>DAYS" from the map file at path.  Returns
 * 1 with *days set, 0 when the file does not exist or has no such line,
 * -1 with a message in err when it cannot be read or the value is bad.
 */
int	dates_shift_from_map(const char *path, long *days, char *err,
	    size_t errlen);

/*
 * Calendar arithmetic, exported for the tests: the day number of a
 * proleptic Gregorian date (1970-01-01 = 0) and back, and the day of the
 * week (0 = Monday).
 */
long	dates_days(int y, int m, int d);
void	dates_civil(long days, int *y, int *m, int *d);
int	dates_weekday(long days);

#endif /* DATES_H */
