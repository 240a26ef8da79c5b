/*
 * textin.h — plain-text input: lines to text records.
 */
#ifndef TEXTIN_H
#define TEXTIN_H

#include <stddef.h>
#include <stdio.h>

struct stream_writer;

/*
 * Reads UTF-8 text from in and writes a complete stream to w: meta records
 * (source, format, bom), one text record per line (WHERE "L<n>", EOL "lf",
 * "crlf" or "" for a last line without newline) and the trailer.  Returns
 * 0, or -1 with a message in err ("PATH:LINE:COL: invalid UTF-8 sequence
 * (byte 0xNN at offset N)", a NUL byte, a zip archive, I/O errors); on
 * failure no trailer is written.
 */
int	textin_read(FILE *in, const char *path, struct stream_writer *w,
	    char *err, size_t errlen);

#endif /* TEXTIN_H */
