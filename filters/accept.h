/*
 * accept.h — the accept file: findings a reviewer decided to keep.
 *
 * One decision per line: a finding's fingerprint (16 hexadecimal digits,
 * as in SARIF partialFingerprints and --format json), white space, and the
 * reason, which is required.  Blank lines and lines whose first non-blank
 * character is '#' are ignored.  The fingerprint covers the rule, the text
 * found and its whole paragraph, so a decision lapses when the paragraph
 * changes.  See docs/ci.md.
 *
 * An accept list owns its reasons; accept_release() frees them.
 */
#ifndef ACCEPT_H
#define ACCEPT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct accept_entry {
	uint64_t	 fingerprint;
	char		*reason;
	unsigned long	 lineno;	/* in the accept file */
	int		 used;		/* set by accept_find() */
};

struct accept_list {
	struct accept_entry *v;
	size_t		 n;
	size_t		 cap;
	int		 sorted;
};

#define ACCEPT_LIST_INIT { NULL, 0, 0, 0 }

/*
 * Reads decisions from fp, adding to the list; name is used in messages.
 * Returns 0, or -1 with "name:line: message" in err (the list keeps what
 * was added before the bad line).
 */
int	accept_load(struct accept_list *, FILE *fp, const char *name,
	    char *err, size_t errlen);

/*
 * Returns the entry for fingerprint fp and marks it used, or NULL.  The
 * list is sorted on the first call after a load.
 */
struct accept_entry *accept_find(struct accept_list *, uint64_t fp);

void	accept_release(struct accept_list *);

#endif /* ACCEPT_H */
