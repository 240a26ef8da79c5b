/*
 * detect.h — the loop every detector filter shares.
 *
 * detect_run() reads a stream, hands each text unit to a scan function
 * together with the mentions earlier stages attached to it, and writes the
 * unit, everything that followed it (byte for byte) and then the new
 * mentions.  A detector is therefore just a scan function over one
 * paragraph; it never sees the stream.
 */
#ifndef DETECT_H
#define DETECT_H

#include <stddef.h>

#include "record.h"

struct stream_reader;
struct stream_writer;

/*
 * Scans one text unit.  prior holds the mentions upstream stages found in
 * it (read-only); the scan appends its own to found, with found->v[i].text
 * set to t->id (mention_list_add() does this when given t->id).  Returns
 * 0, or -1 with a message in err on failure (out of memory, a regex error).
 */
typedef int (*detect_fn)(void *ctx, const struct text_unit *t,
    const struct mention_list *prior, struct mention_list *found,
    char *err, size_t errlen);

/*
 * Runs fn over every text unit of r, writing to w.  Returns 0 when the
 * whole stream, trailer included, was read and written; -1 otherwise,
 * with a message in err.  Writes no trailer on failure, so the next stage
 * sees a truncated stream.
 */
int	detect_run(struct stream_reader *r, struct stream_writer *w,
	    detect_fn fn, void *ctx, char *err, size_t errlen);

#endif /* DETECT_H */
