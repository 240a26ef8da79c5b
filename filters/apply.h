/*
 * apply.h — replacing spans of a paragraph.
 */
#ifndef APPLY_H
#define APPLY_H

#include <stddef.h>

struct sbuf;

struct span_repl {
	size_t		 start;
	size_t		 end;
	const char	*repl;
};

/*
 * Sorts v by start and appends text with each span replaced to out.
 * Returns 0, or -1 with a message in err when a span lies outside the text,
 * splits a UTF-8 sequence or overlaps another (the caller must fail: a
 * half-applied replacement could leak), or when out of memory.
 */
int	apply_spans(struct sbuf *out, const char *text, size_t len,
	    struct span_repl *v, size_t n, char *err, size_t errlen);

#endif /* APPLY_H */
