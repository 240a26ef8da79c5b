/*
 * report.h — the reviewer's report: an anon-stream rendered as one
 * self-contained HTML page (no scripts, no network: a Content-Security-
 * Policy forbids every fetch) that shows the document with each
 * replacement highlighted by type and the original on hover, the table of
 * pseudonyms, every flag with its reason and the counts by type.  It holds
 * the real names, so it says CONFIDENTIAL at the top.
 *
 * A report copies what it keeps from the records it is given;
 * report_free() releases everything.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>
#include <stdio.h>

struct record;
struct report;

/* Returns an empty report, or NULL when out of memory. */
struct report	*report_new(void);
void		 report_free(struct report *);

/*
 * Takes one record of the stream (text, replace, mention, flag, entity and
 * meta records; others are ignored).  Returns 0, or -1 with a message in
 * err for a malformed record, one that refers to another text than the
 * last, a span beyond its text, or when out of memory.
 */
int	report_add(struct report *, const struct record *, char *err,
	    size_t errlen);

/* Writes the HTML page.  Returns 0, or -1 on a write error. */
int	report_html(struct report *, FILE *fp);

#endif /* REPORT_H */
