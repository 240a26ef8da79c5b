/* textin.c — plain-text input: lines to text records. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "stream.h"
#include "textin.h"
#include "utf8.h"

int
textin_read(FILE *in, const char *path, struct stream_writer *w, char *err,
    size_t errlen)
{
	struct text_unit t;
	char		*line = NULL, *text, *nul, where[32];
	size_t		 cap = 0, len, bad;
	unsigned long	 lineno = 0;
	unsigned long long offset = 0;
	ssize_t		 n;
	int		 ret = -1;

	if (write_meta(w, "source", path) == -1 ||
	    write_meta(w, "format", "text") == -1)
		goto ioerr;
	errno = 0;
	while ((n = getline(&line, &cap, in)) > 0) {
		lineno++;
		text = line;
		len = (size_t)n;
		t.eol = "";
		if (len > 0 && text[len - 1] == '\n') {
			len--;
			t.eol = "lf";
			if (len > 0 && text[len - 1] == '\r') {
				len--;
				t.eol = "crlf";
			}
		}
		if (lineno == 1 && len >= 2 && memcmp(text, "PK", 2) == 0 &&
		    n >= 4 && text[2] == 3 && text[3] == 4) {
			snprintf(err, errlen, "%s: a zip archive (DOCX?), "
			    "not plain text", path);
			goto out;
		}
		/* Report whichever comes first: a NUL or a bad sequence. */
		nul = memchr(text, '\0', len);
		if (utf8_valid(text, len, &bad))
			bad = len;
		if (nul != NULL && (size_t)(nul - text) < bad) {
			snprintf(err, errlen, "%s:%lu:%zu: NUL byte in text "
			    "(offset %llu)", path, lineno,
			    utf8_count(text, (size_t)(nul - text)) + 1,
			    offset + (unsigned long long)(nul - text));
			goto out;
		}
		if (bad < len) {
			snprintf(err, errlen, "%s:%lu:%zu: invalid UTF-8 "
			    "sequence (byte 0x%02X at offset %llu)", path,
			    lineno, utf8_count(text, bad) + 1,
			    (unsigned char)text[bad], offset + bad);
			goto out;
		}
		if (lineno == 1 && len >= 3 &&
		    memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
			if (write_meta(w, "bom", "1") == -1)
				goto ioerr;
			text += 3;
			len -= 3;
		}
		snprintf(where, sizeof(where), "L%lu", lineno);
		t.id = lineno;
		t.where = where;
		t.text = text;
		t.len = len;
		if (write_text(w, &t) == -1)
			goto ioerr;
		offset += (unsigned long long)n;
	}
	if (ferror(in)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (stream_write_end(w) == -1)
		goto ioerr;
	ret = 0;
	goto out;
ioerr:
	snprintf(err, errlen, "write error: %s", strerror(errno ? errno : EIO));
out:
	free(line);
	return ret;
}
