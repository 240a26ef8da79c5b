/*
 * stream.h — reader and writer of the anon-stream format (docs/anon-stream.5).
 *
 * Ownership: a reader owns the record it fills; the record's fields stay
 * valid until the next stream_read() or stream_reader_free().  A writer
 * never takes ownership of what it is given.  Nothing here prints or exits:
 * errors are returned as -1 with a message in the object's error buffer.
 */
#ifndef STREAM_H
#define STREAM_H

#include <stddef.h>
#include <stdio.h>

#define STREAM_MAGIC	"anon-stream"
#define STREAM_VERSION	1
#define STREAM_MAXFIELDS 32

struct record {
	char		*raw;		/* the line as read, without newline */
	size_t		 rawlen;
	char		*field[STREAM_MAXFIELDS]; /* unescaped; field[0] = type */
	size_t		 fieldlen[STREAM_MAXFIELDS];
	size_t		 nfield;
	unsigned long	 lineno;	/* line in the stream, from 1 */
};

struct stream_reader;
struct stream_writer;

/*
 * Returns a reader over fp, or NULL when out of memory.  name is used in
 * messages ("-" for standard input).  Free with stream_reader_free().
 * The reader reads fp's file descriptor directly in large blocks (fread(3)
 * when fp has none), so nothing else may read fp while it is in use, and
 * fp must hold no input read ahead by stdio when it is handed over (a
 * fresh or rewound FILE).
 */
struct stream_reader	*stream_reader_new(FILE *fp, const char *name);
void			 stream_reader_free(struct stream_reader *);

/*
 * Reads the next record.  The header is checked on the first call and never
 * returned.  Returns 1 with *rec filled, 0 after a valid trailer, -1 on a
 * missing or wrong header, a malformed record, a bad escape, a truncated
 * stream, a trailer whose count disagrees, an unsupported feature record or
 * an I/O error; stream_reader_error() then says what.
 */
int		 stream_read(struct stream_reader *, struct record **rec);
const char	*stream_reader_error(const struct stream_reader *);

/*
 * Returns a writer over fp, or NULL when out of memory.  The header is
 * written by the first write call.  Records are buffered and reach fp in
 * large blocks, the last by stream_write_end(); nothing else may write to
 * fp in between.  An I/O error may therefore be reported by a later call
 * than the one whose record failed.  stream_writer_free() drops what is
 * still buffered: a stage that fails before its trailer sends on as
 * little as possible (the header and a prefix of whole blocks, never a
 * trailer).
 */
struct stream_writer	*stream_writer_new(FILE *fp);
void			 stream_writer_free(struct stream_writer *);

/* Writes type and n fields, escaping each.  Returns 0, or -1 on I/O error. */
int	stream_write(struct stream_writer *, const char *type, size_t n,
	    const char *const *fields);
/* Like stream_write() with explicit lengths, for fields that may hold NUL. */
int	stream_writen(struct stream_writer *, size_t n,
	    const char *const *fields, const size_t *lens);
/* Writes a record read elsewhere byte for byte.  Returns 0 or -1. */
int	stream_write_record(struct stream_writer *, const struct record *);
/* Writes raw (an escaped record without its newline) as a record. */
int	stream_write_raw(struct stream_writer *, const char *raw, size_t len);
/* Writes the trailer and flushes.  Returns 0, or -1 on I/O error. */
int	stream_write_end(struct stream_writer *);

/*
 * Escaping of one field: backslash, TAB, LF and CR become \\ \t \n \r.
 * stream_escape() appends to a growing buffer; returns 0 or -1 (ENOMEM).
 * stream_unescape() decodes src in place into dst (dst may equal src) and
 * returns the decoded length, or -1 on an unknown escape or a trailing
 * backslash.
 */
struct sbuf;
int	stream_escape(struct sbuf *, const char *src, size_t len);
long	stream_unescape(char *dst, const char *src, size_t len);

#endif /* STREAM_H */
