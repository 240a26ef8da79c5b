/*
 * stream.c — the anon-stream reader and writer (docs/anon-stream.5).
 *
 * The trailer carries the number of records written since the header, so a
 * stage that reads to EOF without a matching trailer knows an upstream
 * stage died and must not produce output.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "stream.h"

struct stream_reader {
	FILE		*fp;
	char		*name;
	char		*line;		/* getline(3) buffer */
	size_t		 linecap;
	char		*dec;		/* unescaped fields, NUL-separated */
	size_t		 deccap;
	struct record	 rec;
	unsigned long	 lineno;
	unsigned long	 nrec;		/* records since the header */
	int		 state;		/* 0 = before header, 1 = body, 2 = done, -1 = error */
	char		 err[256];
};

struct stream_writer {
	FILE		*fp;
	struct sbuf	 buf;
	unsigned long	 nrec;
	int		 started;
};

struct stream_reader *
stream_reader_new(FILE *fp, const char *name)
{
	struct stream_reader *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	if ((r->name = strdup(name != NULL ? name : "-")) == NULL) {
		free(r);
		return NULL;
	}
	r->fp = fp;
	return r;
}

void
stream_reader_free(struct stream_reader *r)
{
	if (r == NULL)
		return;
	free(r->name);
	free(r->line);
	free(r->dec);
	free(r);
}

const char *
stream_reader_error(const struct stream_reader *r)
{
	return r->err;
}

static int
fail(struct stream_reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int
fail(struct stream_reader *r, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	n = snprintf(r->err, sizeof(r->err), "%s:%lu: ", r->name, r->lineno);
	if (n < 0 || (size_t)n >= sizeof(r->err))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(r->err + n, sizeof(r->err) - (size_t)n, fmt, ap);
	va_end(ap);
	r->state = -1;
	return -1;
}

long
stream_unescape(char *dst, const char *src, size_t len)
{
	size_t	 i, o = 0;

	for (i = 0; i < len; i++) {
		if (src[i] != '\\') {
			dst[o++] = src[i];
			continue;
		}
		if (++i == len)
			return -1;
		switch (src[i]) {
		case '\\': dst[o++] = '\\'; break;
		case 't': dst[o++] = '\t'; break;
		case 'n': dst[o++] = '\n'; break;
		case 'r': dst[o++] = '\r'; break;
		default: return -1;
		}
	}
	return (long)o;
}

int
stream_escape(struct sbuf *b, const char *src, size_t len)
{
	size_t	 i, run = 0;
	char	 esc[2] = { '\\', 0 };

	if (sbuf_grow(b, len) == -1)
		return -1;
	for (i = 0; i < len; i++) {
		switch (src[i]) {
		case '\\': esc[1] = '\\'; break;
		case '\t': esc[1] = 't'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		default: continue;
		}
		if (sbuf_add(b, src + run, i - run) == -1 ||
		    sbuf_add(b, esc, 2) == -1)
			return -1;
		run = i + 1;
	}
	return sbuf_add(b, src + run, len - run);
}

/* Reads one line into r->line; returns its length without the newline,
 * or -1 at EOF (r->err empty) or on error / unterminated line. */
static long
read_line(struct stream_reader *r)
{
	ssize_t	 n;

	errno = 0;
	n = getline(&r->line, &r->linecap, r->fp);
	if (n < 0) {
		if (ferror(r->fp))
			return fail(r, "read error: %s", strerror(errno));
		return -2;
	}
	r->lineno++;
	if (n == 0 || r->line[n - 1] != '\n')
		return fail(r, "truncated stream: last line has no newline");
	r->line[--n] = '\0';
	if (memchr(r->line, '\0', (size_t)n) != NULL)
		return fail(r, "NUL byte in stream");
	return n;
}

static int
split(struct stream_reader *r, size_t len)
{
	struct record	*rec = &r->rec;
	char		*p, *end, *tab, *d;
	long		 n;

	if (len + 1 > r->deccap) {
		free(r->dec);
		r->deccap = len + 1 < 256 ? 256 : len + 1;
		if ((r->dec = malloc(r->deccap)) == NULL) {
			r->deccap = 0;
			return fail(r, "out of memory");
		}
	}
	rec->raw = r->line;
	rec->rawlen = len;
	rec->nfield = 0;
	rec->lineno = r->lineno;
	p = r->line;
	end = r->line + len;
	d = r->dec;
	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (tab == NULL)
			tab = end;
		if (rec->nfield < STREAM_MAXFIELDS) {
			if ((n = stream_unescape(d, p, (size_t)(tab - p))) < 0)
				return fail(r, "bad escape in field %zu",
				    rec->nfield + 1);
			rec->field[rec->nfield] = d;
			rec->fieldlen[rec->nfield] = (size_t)n;
			rec->nfield++;
			d[n] = '\0';
			d += n + 1;
		}
		if (tab == end)
			break;
		p = tab + 1;
	}
	if (rec->fieldlen[0] == 0)
		return fail(r, "empty record type");
	return 0;
}

int
stream_read(struct stream_reader *r, struct record **out)
{
	long		 n;
	char		*e;
	unsigned long	 v;

	if (r->state < 0)
		return -1;
	if (r->state == 2)
		return 0;
	if (r->state == 0) {
		if ((n = read_line(r)) == -2)
			return fail(r, "empty stream: no anon-stream header");
		if (n < 0)
			return -1;
		if (split(r, (size_t)n) == -1)
			return -1;
		if (strcmp(r->rec.field[0], STREAM_MAGIC) != 0 ||
		    r->rec.nfield < 2)
			return fail(r, "not an anon-stream (no header)");
		errno = 0;
		v = strtoul(r->rec.field[1], &e, 10);
		if (*e != '\0' && *e != '.')
			return fail(r, "bad stream version '%s'",
			    r->rec.field[1]);
		if (v != STREAM_VERSION)
			return fail(r, "unsupported stream version %lu", v);
		r->state = 1;
	}
	if ((n = read_line(r)) == -2)
		return fail(r, "truncated stream: no end trailer");
	if (n < 0 || split(r, (size_t)n) == -1)
		return -1;
	if (strcmp(r->rec.field[0], "end") == 0) {
		if (r->rec.nfield < 2)
			return fail(r, "end trailer without a count");
		errno = 0;
		v = strtoul(r->rec.field[1], &e, 10);
		if (*e != '\0' || errno != 0)
			return fail(r, "bad end trailer count");
		if (v != r->nrec)
			return fail(r, "end trailer says %lu records, "
			    "read %lu", v, r->nrec);
		if (getc(r->fp) != EOF)
			return fail(r, "data after the end trailer");
		r->state = 2;
		return 0;
	}
	if (strcmp(r->rec.field[0], "feature") == 0)
		return fail(r, "unsupported feature '%s'",
		    r->rec.nfield > 1 ? r->rec.field[1] : "");
	r->nrec++;
	*out = &r->rec;
	return 1;
}

struct stream_writer *
stream_writer_new(FILE *fp)
{
	struct stream_writer *w;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	w->fp = fp;
	return w;
}

void
stream_writer_free(struct stream_writer *w)
{
	if (w == NULL)
		return;
	sbuf_release(&w->buf);
	free(w);
}

static int
start(struct stream_writer *w)
{
	if (w->started)
		return 0;
	w->started = 1;
	if (fprintf(w->fp, "%s\t%d\n", STREAM_MAGIC, STREAM_VERSION) < 0)
		return -1;
	return 0;
}

static int
put_buf(struct stream_writer *w)
{
	if (sbuf_addc(&w->buf, '\n') == -1)
		return -1;
	if (fwrite(w->buf.buf, 1, w->buf.len, w->fp) != w->buf.len)
		return -1;
	w->nrec++;
	return 0;
}

int
stream_writen(struct stream_writer *w, size_t n, const char *const *f,
    const size_t *lens)
{
	size_t	 i;

	if (start(w) == -1)
		return -1;
	sbuf_reset(&w->buf);
	for (i = 0; i < n; i++) {
		if (i > 0 && sbuf_addc(&w->buf, '\t') == -1)
			return -1;
		if (stream_escape(&w->buf, f[i] != NULL ? f[i] : "",
		    f[i] != NULL ? lens[i] : 0) == -1)
			return -1;
	}
	return put_buf(w);
}

int
stream_write(struct stream_writer *w, const char *type, size_t n,
    const char *const *fields)
{
	const char	*f[STREAM_MAXFIELDS];
	size_t		 len[STREAM_MAXFIELDS], i;

	if (n + 1 > STREAM_MAXFIELDS) {
		errno = EINVAL;
		return -1;
	}
	f[0] = type;
	len[0] = strlen(type);
	for (i = 0; i < n; i++) {
		f[i + 1] = fields[i];
		len[i + 1] = fields[i] != NULL ? strlen(fields[i]) : 0;
	}
	return stream_writen(w, n + 1, f, len);
}

int
stream_write_record(struct stream_writer *w, const struct record *rec)
{
	if (start(w) == -1)
		return -1;
	sbuf_reset(&w->buf);
	if (sbuf_add(&w->buf, rec->raw, rec->rawlen) == -1)
		return -1;
	return put_buf(w);
}

int
stream_write_end(struct stream_writer *w)
{
	if (start(w) == -1)
		return -1;
	if (fprintf(w->fp, "end\t%lu\n", w->nrec) < 0)
		return -1;
	if (fflush(w->fp) == EOF || ferror(w->fp))
		return -1;
	return 0;
}
