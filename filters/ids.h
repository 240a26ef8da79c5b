/*
 * ids.h — UK identifiers: NHS and National Insurance numbers, telephone
 * numbers, e-mail addresses, URLs, postcodes, Unique Pupil Numbers,
 * vehicle registrations and case reference numbers (anon-ids(1)).
 *
 * Ownership: an ids context owns its compiled patterns and the tables
 * loaded from lexicons/ids/; ids_free() releases all.  The check functions
 * allocate nothing.
 */
#ifndef IDS_H
#define IDS_H

#include <stddef.h>

#include "record.h"

struct ids;

/*
 * Compiles the built-in rules and loads dir/ids/postcode-areas.txt,
 * dir/ids/references.txt and dir/ids/ref-labels.txt (dir NULL means
 * lexicon_dir()), then the extra reference pattern file extra unless it is
 * NULL.  Returns the context, or NULL with a message in err
 * ("lexicons/ids/references.txt:12: missing closing parenthesis at
 * offset 7").  Free with ids_free().
 */
struct ids	*ids_new(const char *dir, const char *extra, char *err,
		    size_t errlen);
void		 ids_free(struct ids *);

/*
 * The detect_fn of anon-ids: appends to found every identifier and
 * postcode in t that overlaps nothing in prior.  ctx is a struct ids.
 * Returns 0, or -1 with a message in err (invalid UTF-8, out of memory,
 * a matching error).
 */
int		 ids_scan(void *ctx, const struct text_unit *t,
		    const struct mention_list *prior, struct mention_list *found,
		    char *err, size_t errlen);

/*
 * Validators.  Each looks at s[0..len) as written (separators included)
 * and allocates nothing.
 */

/* Returns 1 when the 10 digits in s (spaces and hyphens ignored) carry a
 * valid NHS mod-11 check digit, else 0. */
int	ids_nhs_valid(const char *s, size_t len);

/* Returns 1 when the two letters a, b (either case) form a prefix HMRC
 * allocates for National Insurance numbers, else 0. */
int	ids_ni_prefix_valid(int a, int b);

/* Returns 1 when s is a Unique Pupil Number (a letter, 11 digits, a digit
 * or letter) whose first character is the right check letter, else 0. */
int	ids_upn_valid(const char *s, size_t len);

/* Returns the check letter of the 12 characters after it in s (s points
 * at the check letter), or 0 when one of them is not allowed. */
int	ids_upn_check_letter(const char *s, size_t len);

/* Returns 1 when the age identifier of a current-format registration
 * (two digits, "02" to "49" or "51" to "99") is possible, else 0. */
int	ids_vrm_age_valid(int tens, int units);

/*
 * Reads a telephone number as written ("+44 (0)7568 482 692", "(0116)
 * 921 9216", "07535666761") and writes its national form ("07568482692")
 * into out (at least 16 bytes).  Returns the number of digits of the
 * national significant number (without the leading 0), or -1 when s has a
 * character other than digits, spaces, hyphens, parentheses and a leading
 * "+44" or "0044".
 */
int	ids_phone_national(const char *s, size_t len, char *out);

#endif /* IDS_H */
