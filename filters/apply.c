/* apply.c — replacing spans of a paragraph. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "sbuf.h"

static int
bystart(const void *a, const void *b)
{
	const struct span_repl *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static int
boundary(const char *text, size_t len, size_t off)
{
	return off == len || ((unsigned char)text[off] & 0xC0) != 0x80;
}

int
apply_spans(struct sbuf *out, const char *text, size_t len,
    struct span_repl *v, size_t n, char *err, size_t errlen)
{
	size_t	 i, at = 0;

	qsort(v, n, sizeof(*v), bystart);
	for (i = 0; i < n; i++) {
		if (v[i].start > v[i].end || v[i].end > len ||
		    !boundary(text, len, v[i].start) ||
		    !boundary(text, len, v[i].end)) {
			snprintf(err, errlen, "replacement %zu-%zu outside the "
			    "text or inside a character", v[i].start, v[i].end);
			return -1;
		}
		if (v[i].start < at) {
			snprintf(err, errlen, "replacement %zu-%zu overlaps "
			    "another", v[i].start, v[i].end);
			return -1;
		}
		if (sbuf_add(out, text + at, v[i].start - at) == -1 ||
		    sbuf_adds(out, v[i].repl) == -1)
			goto oom;
		at = v[i].end;
	}
	if (sbuf_add(out, text + at, len - at) == -1)
		goto oom;
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}
