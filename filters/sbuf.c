/* sbuf.c — a growing byte buffer. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

int
sbuf_grow(struct sbuf *b, size_t extra)
{
	size_t	 want, cap;
	char	*p;

	/* Most calls: room already (cap is 0 or more than len). */
	if (extra < b->cap - b->len)
		return 0;
	if (extra > (size_t)-1 - b->len - 1) {
		errno = ENOMEM;
		return -1;
	}
	want = b->len + extra + 1;
	if (want <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < want)
		cap = cap > (size_t)-1 / 2 ? want : cap * 2;
	if ((p = realloc(b->buf, cap)) == NULL)
		return -1;
	b->buf = p;
	b->cap = cap;
	return 0;
}

int
sbuf_add(struct sbuf *b, const char *s, size_t len)
{
	if (sbuf_grow(b, len) == -1)
		return -1;
	if (len > 0)
		memcpy(b->buf + b->len, s, len);
	b->len += len;
	b->buf[b->len] = '\0';
	return 0;
}

int
sbuf_adds(struct sbuf *b, const char *s)
{
	return sbuf_add(b, s, strlen(s));
}

int
sbuf_addc(struct sbuf *b, int c)
{
	if (sbuf_grow(b, 1) == -1)
		return -1;
	b->buf[b->len++] = (char)c;
	b->buf[b->len] = '\0';
	return 0;
}

int
sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || sbuf_grow(b, (size_t)n) == -1)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void
sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->buf != NULL)
		b->buf[0] = '\0';
}

void
sbuf_release(struct sbuf *b)
{
	free(b->buf);
	b->buf = NULL;
	b->len = b->cap = 0;
}

char *
sbuf_detach(struct sbuf *b)
{
	char	*p;

	if (b->buf == NULL && sbuf_grow(b, 0) == -1)
		return NULL;
	p = b->buf;
	b->buf = NULL;
	b->len = b->cap = 0;
	return p;
}
