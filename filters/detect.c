/*
 * detect.c — the loop every detector filter shares.
 *
 * Mentions of a text unit follow its text record, so a unit is scanned
 * when the next text record (or the trailer) arrives; then the scan
 * function sees the text and everything upstream found in it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect.h"
#include "record.h"
#include "sbuf.h"
#include "stream.h"

struct pending {
	int			 have;
	struct sbuf		 strings;	/* where \0 eol \0 text */
	struct text_unit	 unit;
	struct mention_list	 prior;
	struct mention_list	 found;
};

/*
 * The held unit's records have all gone out already; its scan's mentions
 * follow them.
 */
static int
flush(struct pending *p, struct stream_writer *w, detect_fn fn, void *ctx,
    char *err, size_t errlen)
{
	size_t		 i;

	if (!p->have)
		return 0;
	mention_list_clear(&p->found);
	if (fn(ctx, &p->unit, &p->prior, &p->found, err, errlen) == -1)
		return -1;
	for (i = 0; i < p->found.n; i++) {
		p->found.v[i].text = p->unit.id;
		if (p->found.v[i].end > p->unit.len) {
			snprintf(err, errlen, "text %lu: mention %zu-%zu "
			    "beyond the text", p->unit.id,
			    p->found.v[i].start, p->found.v[i].end);
			return -1;
		}
		if (write_mention(w, &p->found.v[i], p->unit.text) == -1) {
			snprintf(err, errlen, "write error");
			return -1;
		}
	}
	p->have = 0;
	mention_list_clear(&p->prior);
	return 0;
}

static int
hold(struct pending *p, const struct record *rec, char *err, size_t errlen)
{
	struct text_unit t;
	size_t		 wl, el;

	if (record_text(rec, &t) == -1) {
		snprintf(err, errlen, "-:%lu: malformed text record",
		    rec->lineno);
		return -1;
	}
	wl = strlen(t.where);
	el = strlen(t.eol);
	sbuf_reset(&p->strings);
	if (sbuf_add(&p->strings, t.where, wl + 1) == -1 ||
	    sbuf_add(&p->strings, t.eol, el + 1) == -1 ||
	    sbuf_add(&p->strings, t.text, t.len) == -1) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	p->unit.id = t.id;
	p->unit.where = p->strings.buf;
	p->unit.eol = p->strings.buf + wl + 1;
	p->unit.text = p->strings.buf + wl + 1 + el + 1;
	p->unit.len = t.len;
	p->have = 1;
	return 0;
}

/*
 * Every record goes out as it comes, byte for byte; a unit's own mentions
 * are written when the next text record (or the trailer) shows that the
 * unit is complete.  The order is the same as holding the unit's records
 * back: text, what upstream attached, then this stage's mentions.  On
 * failure no trailer is written, so what went out is never used.
 */
int
detect_run(struct stream_reader *r, struct stream_writer *w, detect_fn fn,
    void *ctx, char *err, size_t errlen)
{
	struct pending	 p;
	struct record	*rec;
	int		 rc, ret = -1;

	memset(&p, 0, sizeof(p));
	while ((rc = stream_read(r, &rec)) == 1) {
		if (record_is(rec, "text")) {
			if (flush(&p, w, fn, ctx, err, errlen) == -1 ||
			    hold(&p, rec, err, errlen) == -1)
				goto out;
		} else if (p.have && record_is(rec, "mention") &&
		    record_mention(rec, &p.prior) == -1) {
			snprintf(err, errlen, "-:%lu: malformed mention "
			    "record", rec->lineno);
			goto out;
		}
		if (stream_write_record(w, rec) == -1) {
			snprintf(err, errlen, "write error");
			goto out;
		}
	}
	if (rc == -1) {
		snprintf(err, errlen, "%s", stream_reader_error(r));
		goto out;
	}
	if (flush(&p, w, fn, ctx, err, errlen) == -1)
		goto out;
	if (stream_write_end(w) == -1) {
		snprintf(err, errlen, "write error");
		goto out;
	}
	ret = 0;
out:
	sbuf_release(&p.strings);
	mention_list_release(&p.prior);
	mention_list_release(&p.found);
	return ret;
}
