/*
 * Fuzz target: the DOCX reader and writer.  The input is a package: it is
 * read into a stream (docx_read_stream(): zip limits, content types, XML
 * parsing, unit enumeration), and when that succeeds the stream is fed
 * back to the writer (docx_out_*), which re-opens the package, matches
 * its units and writes it out unchanged but scrubbed.  The package lives
 * in a memfd; the output in a temporary directory.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "docx.h"
#include "record.h"
#include "stream.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
write_back(const char *buf, size_t len, const char *dir)
{
	struct stream_reader	*r;
	struct docx_out		*o;
	struct record		*rec;
	FILE			*fp;
	char			 out[4200], err[512];
	int			 rc;

	if ((fp = fmemopen((void *)buf, len, "r")) == NULL)
		return;
	if ((r = stream_reader_new(fp, "fuzz")) == NULL ||
	    (o = docx_out_new()) == NULL) {
		stream_reader_free(r);
		fclose(fp);
		return;
	}
	while ((rc = stream_read(r, &rec)) == 1)
		if (docx_out_record(o, rec) == -1)
			abort();	/* our own stream must be well formed */
	if (rc == 0) {
		snprintf(out, sizeof(out), "%s/out.docx", dir);
		if (docx_out_write(o, out, 0, err, sizeof(err)) == 0)
			unlink(out);
	}
	docx_out_free(o);
	stream_reader_free(r);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char		 dir[64];
	struct stream_writer	*w;
	unsigned long		 nextid = 1;
	char			 path[64], err[512], *buf = NULL;
	size_t			 len = 0;
	FILE			*mem;
	int			 fd, rc;

	if (dir[0] == '\0') {
		snprintf(dir, sizeof(dir), "/tmp/fuzz-docx.XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
	}
	if ((fd = memfd_create("fuzz.docx", 0)) == -1)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if ((mem = open_memstream(&buf, &len)) == NULL ||
	    (w = stream_writer_new(mem)) == NULL) {
		if (mem != NULL)
			fclose(mem);
		free(buf);
		close(fd);
		return 0;
	}
	rc = docx_read_stream(path, size > 0 && (data[size - 1] & 1) ?
	    DOCX_DROP_EMBEDDED : 0, w, &nextid, err, sizeof(err));
	stream_writer_free(w);
	fclose(mem);
	if (rc == 0)
		write_back(buf, len, dir);
	free(buf);
	close(fd);
	return 0;
}
