/*
 * stream.c — the anon-stream reader and writer (docs/anon-stream.5).
 *
 * The trailer carries the number of records written since the header, so a
 * stage that reads to EOF without a matching trailer knows an upstream
 * stage died and must not produce output.
 *
 * Every stage reads and rewrites the whole stream, so both directions work
 * on large blocks: the reader takes whatever read(2) gives into its own
 * buffer and cuts lines there with memchr(3); the writer escapes straight
 * into an output buffer that goes out in blocks of STREAM_BLOCK bytes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sbuf.h"
#include "stream.h"

#define STREAM_BLOCK	(128 * 1024)
#define SLACK		16	/* bytes readable past a buffer's end */

struct stream_reader {
	FILE		*fp;
	int		 fd;		/* fp's descriptor, or -1: use fread(3) */
	char		*name;
	char		*buf;		/* input; [pos, end) not yet consumed */
	size_t		 cap, pos, end;
	int		 eof;
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
	struct sbuf	 out;		/* escaped records not yet written */
	unsigned long	 nrec;
	int		 started;
	int		 failed;
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
	r->fd = fileno(fp);
	return r;
}

void
stream_reader_free(struct stream_reader *r)
{
	if (r == NULL)
		return;
	free(r->name);
	free(r->buf);
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
	const char	*p = src, *end = src + len, *bs;
	char		*o = dst;
	size_t		 run;

	while ((bs = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		run = (size_t)(bs - p);
		if (o != p && run > 0)
			memmove(o, p, run);
		o += run;
		if (bs + 1 == end)
			return -1;
		switch (bs[1]) {
		case '\\': *o++ = '\\'; break;
		case 't': *o++ = '\t'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		default: return -1;
		}
		p = bs + 2;
	}
	run = (size_t)(end - p);
	if (o != p && run > 0)
		memmove(o, p, run);
	o += run;
	return (long)(o - dst);
}

/*
 * Returns the offset of the first byte of s[0..len) that needs escaping
 * (backslash, TAB, LF or CR), or len.  Eight bytes at a time: a byte of a
 * word equals c when the word XOR c repeated has a zero byte there.
 */
static size_t
escape_scan(const char *s, size_t len)
{
	const uint64_t	 ones = 0x0101010101010101ULL;
	const uint64_t	 highs = 0x8080808080808080ULL;
	uint64_t	 x, hit;
	size_t		 i = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&x, s + i, 8);
#define ZB(v)	(((v) - ones) & ~(v) & highs)
		hit = ZB(x ^ (ones * '\\')) | ZB(x ^ (ones * '\t')) |
		    ZB(x ^ (ones * '\n')) | ZB(x ^ (ones * '\r'));
#undef ZB
		if (hit != 0)
			break;
	}
	for (; i < len; i++)
		switch (s[i]) {
		case '\\': case '\t': case '\n': case '\r':
			return i;
		}
	return len;
}

/* Escapes src into o, which has room for 2 len bytes; returns the end. */
static char *
escape_to(char *o, const char *src, size_t len)
{
	size_t	 i, run = 0;

	i = escape_scan(src, len);
	for (;;) {
		memcpy(o, src + run, i - run);
		o += i - run;
		if (i == len)
			return o;
		*o++ = '\\';
		switch (src[i]) {
		case '\\': *o++ = '\\'; break;
		case '\t': *o++ = 't'; break;
		case '\n': *o++ = 'n'; break;
		default: *o++ = 'r'; break;
		}
		run = ++i;
		i += escape_scan(src + i, len - i);
	}
}

int
stream_escape(struct sbuf *b, const char *src, size_t len)
{
	/* At most twice the length; one reservation, then plain stores. */
	if (len > ((size_t)-1 - b->len - 1) / 2 || sbuf_grow(b, 2 * len) == -1)
		return -1;
	b->len = (size_t)(escape_to(b->buf + b->len, src, len) - b->buf);
	b->buf[b->len] = '\0';
	return 0;
}

/* Reads more input after compacting the buffer.  Returns the number of
 * bytes read, 0 at EOF, or -1 on error (after fail()). */
static long
fill(struct stream_reader *r)
{
	size_t	 cap;
	char	*p;
	ssize_t	 n;

	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->end - r->pos);
		r->end -= r->pos;
		r->pos = 0;
	}
	if (r->cap - r->end < STREAM_BLOCK / 2) {
		cap = r->cap ? r->cap * 2 : STREAM_BLOCK;
		/* SLACK more: scan() reads whole blocks past the end. */
		if (cap < r->cap || cap + SLACK < cap ||
		    (p = realloc(r->buf, cap + SLACK)) == NULL)
			return fail(r, "out of memory");
		r->buf = p;
		r->cap = cap;
	}
	/* One byte is kept free for the NUL that ends a last line. */
	if (r->fd >= 0) {
		do
			n = read(r->fd, r->buf + r->end, r->cap - r->end - 1);
		while (n == -1 && errno == EINTR);
		if (n == -1)
			return fail(r, "read error: %s", strerror(errno));
	} else {
		n = (ssize_t)fread(r->buf + r->end, 1, r->cap - r->end - 1,
		    r->fp);
		if (n == 0 && ferror(r->fp))
			return fail(r, "read error: %s", strerror(errno));
	}
	if (n == 0)
		r->eof = 1;
	r->end += (size_t)n;
	/* What scan() reads past the end is defined (and never used). */
	memset(r->buf + r->end, 0, SLACK);
	return n;
}

/* Makes room for need bytes in r->dec, keeping what it holds. */
static int
dec_room(struct stream_reader *r, size_t need)
{
	size_t	 cap;
	char	*p;

	if (need <= r->deccap)
		return 0;
	cap = need < 256 ? 256 : need + need / 2;
	if (cap < need || (p = realloc(r->dec, cap)) == NULL)
		return fail(r, "out of memory");
	r->dec = p;
	r->deccap = cap;
	return 0;
}

/*
 * Finds the next line and splits it into r->rec in one pass over its
 * bytes, sixteen at a time with SSE2: each block is copied to r->dec
 * (where the fields are cut, so that rec->raw stays the line as read)
 * while the newline, the TABs and any backslash or NUL are looked for;
 * more input is read when the line goes on past what is buffered.  Only
 * a line with a backslash or a NUL is looked at again.  Returns 0, -2 at
 * the end of the input, or -1 on error (a truncated last line, a NUL, a
 * bad escape, an empty record type, I/O).
 */
static int
scan(struct stream_reader *r)
{
	struct record	*rec = &r->rec;
	/* Where each field begins in r->dec (which may move while a long
	 * line is read), fields begun, where the last begins. */
	size_t		 fstart[STREAM_MAXFIELDS], nf = 1, from = 0;
	size_t		 done = 0, len, lim, rest, k;
	unsigned	 nl, t, sp, m, special = 0;
	const char	*p;
	char		*d;
	long		 n;

	for (;;) {
		lim = r->end - r->pos;		/* bytes buffered */
		if (done >= lim) {
			if (r->eof) {
				if (done == 0)
					return -2;
				r->lineno++;
				return fail(r, "truncated stream: last line "
				    "has no newline");
			}
			if (fill(r) < 0)
				return -1;
			continue;
		}
		if (dec_room(r, lim + SLACK + 1) == -1)
			return -1;
		p = r->buf + r->pos;
		d = r->dec;
		/* Block by block; the last may hold bytes past lim (the
		 * buffers have SLACK bytes to spare), which are masked off. */
		while (done < lim) {
			rest = lim - done;
#if defined(__SSE2__)
			__m128i	 x = _mm_loadu_si128((const __m128i *)
			    (const void *)(p + done));

			_mm_storeu_si128((__m128i *)(void *)(d + done), x);
			nl = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x,
			    _mm_set1_epi8('\n')));
			t = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x,
			    _mm_set1_epi8('\t')));
			sp = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')),
			    _mm_cmpeq_epi8(x, _mm_setzero_si128())));
#else
			size_t	 i;

			memcpy(d + done, p + done, 16);
			nl = t = sp = 0;
			for (i = 0; i < 16; i++) {
				nl |= (unsigned)(p[done + i] == '\n') << i;
				t |= (unsigned)(p[done + i] == '\t') << i;
				sp |= (unsigned)(p[done + i] == '\\' ||
				    p[done + i] == '\0') << i;
			}
#endif
			if (rest < 16) {
				m = (1u << rest) - 1;
				nl &= m;
				t &= m;
				sp &= m;
			}
			if (nl != 0) {
				m = (nl & -nl) - 1;	/* before the newline */
				t &= m;
				sp &= m;
			}
			special |= sp;
			/* A TAB ends a field (cut in r->dec) and begins the
			 * next; past STREAM_MAXFIELDS they are ignored. */
			for (; t != 0 && nf <= STREAM_MAXFIELDS; t &= t - 1) {
				k = done + (size_t)__builtin_ctz(t);
				d[k] = '\0';
				rec->fieldlen[nf - 1] = k - from;
				from = k + 1;
				if (nf < STREAM_MAXFIELDS)
					fstart[nf] = from;
				nf++;
			}
			if (nl != 0) {
				len = done + (size_t)__builtin_ctz(nl);
				goto found;
			}
			done += rest < 16 ? rest : 16;
		}
	}
found:
	r->lineno++;
	rec->raw = r->buf + r->pos;
	rec->raw[len] = '\0';
	rec->rawlen = len;
	rec->lineno = r->lineno;
	r->pos += len + 1;
	if (special != 0 && memchr(rec->raw, '\0', len) != NULL)
		return fail(r, "NUL byte in stream");
	d = r->dec;
	if (nf <= STREAM_MAXFIELDS) {
		d[len] = '\0';
		rec->fieldlen[nf - 1] = len - from;
	} else
		nf = STREAM_MAXFIELDS;
	rec->nfield = nf;
	fstart[0] = 0;
	for (k = 0; k < nf; k++)
		rec->field[k] = d + fstart[k];
	if (special != 0)
		for (k = 0; k < rec->nfield; k++) {
			if ((n = stream_unescape(rec->field[k], rec->field[k],
			    rec->fieldlen[k])) < 0)
				return fail(r, "bad escape in field %zu", k + 1);
			rec->fieldlen[k] = (size_t)n;
			rec->field[k][n] = '\0';
		}
	if (rec->fieldlen[0] == 0)
		return fail(r, "empty record type");
	return 0;
}

int
stream_read(struct stream_reader *r, struct record **out)
{
	int		 n;
	char		*e;
	unsigned long	 v;

	if (r->state < 0)
		return -1;
	if (r->state == 2)
		return 0;
	if (r->state == 0) {
		if ((n = scan(r)) == -2)
			return fail(r, "empty stream: no anon-stream header");
		if (n < 0)
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
	if ((n = scan(r)) == -2)
		return fail(r, "truncated stream: no end trailer");
	if (n < 0)
		return -1;
	if (r->rec.fieldlen[0] == 3 && memcmp(r->rec.field[0], "end", 3) == 0) {
		if (r->rec.nfield < 2)
			return fail(r, "end trailer without a count");
		errno = 0;
		v = strtoul(r->rec.field[1], &e, 10);
		if (*e != '\0' || errno != 0)
			return fail(r, "bad end trailer count");
		if (v != r->nrec)
			return fail(r, "end trailer says %lu records, "
			    "read %lu", v, r->nrec);
		while (r->pos == r->end && !r->eof)
			if (fill(r) < 0)
				return -1;
		if (r->pos != r->end)
			return fail(r, "data after the end trailer");
		r->state = 2;
		return 0;
	}
	if (r->rec.fieldlen[0] == 7 &&
	    memcmp(r->rec.field[0], "feature", 7) == 0)
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

/* Writes out the buffered records.  Returns 0 or -1. */
static int
drain(struct stream_writer *w)
{
	if (w->failed)
		return -1;
	if (w->out.len > 0 &&
	    fwrite(w->out.buf, 1, w->out.len, w->fp) != w->out.len) {
		w->failed = 1;
		return -1;
	}
	sbuf_reset(&w->out);
	return 0;
}

void
stream_writer_free(struct stream_writer *w)
{
	if (w == NULL)
		return;
	sbuf_release(&w->out);
	free(w);
}

static int
start(struct stream_writer *w)
{
	if (w->failed)
		return -1;
	if (w->started)
		return 0;
	w->started = 1;
	/* The header goes to fp at once, so that a stage that fails later
	 * leaves a truncated stream (not an empty one) downstream. */
	if (sbuf_printf(&w->out, "%s\t%d\n", STREAM_MAGIC,
	    STREAM_VERSION) == -1)
		return -1;
	return drain(w);
}

int
stream_writen(struct stream_writer *w, size_t n, const char *const *f,
    const size_t *lens)
{
	size_t	 i, room = n;
	char	*o;

	if (start(w) == -1)
		return -1;
	/* Room for every field escaped at its longest, TABs and newline. */
	for (i = 0; i < n; i++) {
		if (f[i] == NULL)
			continue;
		if (lens[i] > ((size_t)-1 - room) / 2) {
			errno = ENOMEM;
			return -1;
		}
		room += 2 * lens[i];
	}
	if (sbuf_grow(&w->out, room) == -1)
		return -1;
	o = w->out.buf + w->out.len;
	for (i = 0; i < n; i++) {
		if (i > 0)
			*o++ = '\t';
		if (f[i] != NULL)
			o = escape_to(o, f[i], lens[i]);
	}
	*o++ = '\n';
	w->out.len = (size_t)(o - w->out.buf);
	w->out.buf[w->out.len] = '\0';
	w->nrec++;
	if (w->out.len >= STREAM_BLOCK)
		return drain(w);
	return 0;
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
stream_write_raw(struct stream_writer *w, const char *raw, size_t len)
{
	struct sbuf	*b = &w->out;

	/* Every record a stage passes on comes here: one reservation. */
	if (start(w) == -1 || len == (size_t)-1 || sbuf_grow(b, len + 1) == -1)
		return -1;
	memcpy(b->buf + b->len, raw, len);
	b->len += len;
	b->buf[b->len++] = '\n';
	b->buf[b->len] = '\0';
	w->nrec++;
	if (b->len >= STREAM_BLOCK)
		return drain(w);
	return 0;
}

int
stream_write_record(struct stream_writer *w, const struct record *rec)
{
	return stream_write_raw(w, rec->raw, rec->rawlen);
}

int
stream_write_end(struct stream_writer *w)
{
	if (start(w) == -1 || sbuf_printf(&w->out, "end\t%lu\n", w->nrec) == -1)
		return -1;
	if (drain(w) == -1 || fflush(w->fp) == EOF || ferror(w->fp))
		return -1;
	return 0;
}
