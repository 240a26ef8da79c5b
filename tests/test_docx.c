/*
 * test_docx.c — the DOCX reader and writer on the fixtures of
 * tools/make-docx-fixtures.py (run from the top directory).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "docx.h"
#include "sbuf.h"
#include "stream.h"

#define FX	"fixtures/docx/"

struct seen {
	char	where[64][400];
	char	text[64][128];
	int	n;
};

static int
collect(struct docx *d, struct docx_unit *u, void *arg)
{
	struct seen *s = arg;

	(void)d;
	if (s->n < 64) {
		snprintf(s->where[s->n], sizeof(s->where[0]), "%s", u->where);
		snprintf(s->text[s->n], sizeof(s->text[0]), "%s",
		    u->text.buf ? u->text.buf : "");
		s->n++;
	}
	return 0;
}

static int
has(const struct seen *s, const char *where, const char *text)
{
	int i;

	for (i = 0; i < s->n; i++)
		if ((where == NULL || strcmp(s->where[i], where) == 0) &&
		    strcmp(s->text[i], text) == 0)
			return 1;
	return 0;
}

static int
has_sub(const struct seen *s, const char *sub)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (strstr(s->text[i], sub) != NULL)
			return 1;
	return 0;
}

static void
units_of(const char *path, struct seen *s, int flags)
{
	struct docx d;

	memset(s, 0, sizeof(*s));
	assert_int_equal(docx_open(&d, path, flags), 0);
	assert_int_equal(docx_units(&d, collect, s), 0);
	docx_close(&d);
}

/* Every text-bearing place of the issue gives its marker. */
static const char *const markers[] = {
	"ALPHA01", "BRAVO02", "CHARLIE03", "ROWDEL04", "DELTA05", "ECHO06",
	"FOXTROT07", "GOLF08", "hotel09", "INDIA10", "JULIET11", "KILO12",
	"LIMA13", "MIKE14", "NOVEMBER15", "OSCAR16", "PAPA17", "QUEBEC18",
	"ROMEO19", "SIERRA20", "TANGO21", "UNIFORM22", "VICTOR23",
	"WHISKEY24", "XRAY25", "YANKEE26", "ZULU27", NULL
};

static void
t_every_place(void **state)
{
	static const char *const fx[] = { FX "features.docx",
	    FX "strict.docx", FX "renamed-main.docx" };
	struct seen s;
	size_t i, k;

	(void)state;
	for (k = 0; k < 3; k++) {
		units_of(fx[k], &s, 0);
		for (i = 0; markers[i] != NULL; i++)
			if (!has_sub(&s, markers[i]))
				fail_msg("%s: %s not found", fx[k], markers[i]);
	}
}

static void
t_paragraph_join(void **state)
{
	struct seen s;

	(void)state;
	units_of(FX "features.docx", &s, 0);
	/* Runs split by proofErr and a bookmark are one paragraph. */
	assert_true(has(&s, "word/document.xml#p1",
	    "Seen by Kayden ALPHA01 today."));
	assert_true(has(&s, "word/document.xml#p7",
	    "ECHO06 inserted FOXTROT07 deleted"));
	assert_true(has(&s, "word/_rels/document.xml.rels#a1",
	    "http://example.org/OSCAR16"));
	assert_true(has(&s, "word/media/image1.png#image", ""));
	/* The main part comes first, whatever its name. */
	units_of(FX "renamed-main.docx", &s, 0);
	assert_string_equal(s.where[0], "word/main-part.xml#p1");
}

static void
t_refused(void **state)
{
	static const struct {
		const char *file, *msg;
	} bad[] = {
		{ "bad-xxe.docx", "document type declaration" },
		{ "bad-laughs.docx", "does not parse" },
		{ "bad-deep.docx", "nested deeper" },
		{ "bad-notwellformed.docx", "does not parse" },
		{ "bad-ole.docx", "cannot scan word/embeddings/oleObject1.bin" },
		{ "bad-nomain.docx", "no main document part" },
		{ "bad-truncated.docx", "not a readable zip" },
		{ "bad-doc.docx", "OLE compound file" },
		{ "bad-pdf.docx", "a PDF file" },
		{ "bad-unicode-path.docx", "Unicode path field" },
	};
	struct docx d;
	char path[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(path, sizeof(path), FX "%s", bad[i].file);
		assert_int_equal(docx_open(&d, path, 0), -1);
		if (strstr(d.err, bad[i].msg) == NULL ||
		    strncmp(d.err, path, strlen(path)) != 0)
			fail_msg("%s: message \"%s\"", bad[i].file, d.err);
		docx_close(&d);
	}
	/* --drop-embedded lets the OLE one through. */
	assert_int_equal(docx_open(&d, FX "bad-ole.docx", DOCX_DROP_EMBEDDED),
	    0);
	docx_close(&d);
}

/* The reader's stream, with extra records spliced in before the end. */
static char *
stream_with(const char *path, const char *extra, int nextra, int flags)
{
	struct stream_writer *w;
	unsigned long id = 1, nrec;
	char *buf = NULL, *end, *out;
	size_t len = 0;
	char err[512];
	FILE *fp;

	assert_non_null(fp = open_memstream(&buf, &len));
	assert_non_null(w = stream_writer_new(fp));
	assert_int_equal(docx_read_stream(path, flags, w, &id, err,
	    sizeof(err)), 0);
	stream_writer_free(w);
	fclose(fp);
	assert_non_null(end = strstr(buf, "\nend\t"));
	nrec = strtoul(end + 5, NULL, 10);
	end[1] = '\0';
	assert_non_null(out = malloc(strlen(buf) + strlen(extra) + 64));
	sprintf(out, "%s%send\t%lu\n", buf, extra, nrec + (unsigned long)nextra);
	free(buf);
	return out;
}

static int
write_docx(const char *stream, const char *out, int review, char *err,
    size_t errlen)
{
	struct stream_reader *r;
	struct docx_out *o;
	struct record *rec;
	FILE *fp;
	int rc;

	assert_non_null(fp = fmemopen((void *)stream, strlen(stream), "r"));
	assert_non_null(r = stream_reader_new(fp, "test"));
	assert_non_null(o = docx_out_new());
	while ((rc = stream_read(r, &rec)) == 1)
		assert_int_equal(docx_out_record(o, rec), 0);
	assert_int_equal(rc, 0);
	rc = docx_out_write(o, out, review, err, errlen);
	docx_out_free(o);
	stream_reader_free(r);
	fclose(fp);
	return rc;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *b;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	*len = (size_t)ftell(fp);
	rewind(fp);
	assert_non_null(b = malloc(*len + 1));
	assert_int_equal(fread(b, 1, *len, fp), *len);
	fclose(fp);
	return b;
}

static void
t_write_publication(void **state)
{
	/* "Kayden" is split over a plain and a bold run. */
	char *s = stream_with(FX "features.docx",
	    "replace\t1\t8\t14\t-\tChild F1\n"
	    "replace\t1\t15\t22\t-\t[X]\n", 2, 0);
	char out[] = "/tmp/test_docx.XXXXXX", path[64], path2[64];
	char err[512];
	struct seen u;
	char *a, *b;
	size_t la, lb;

	(void)state;
	assert_non_null(mkdtemp(out));
	snprintf(path, sizeof(path), "%s/out.docx", out);
	snprintf(path2, sizeof(path2), "%s/again.docx", out);
	if (write_docx(s, path, 0, err, sizeof(err)) == -1)
		fail_msg("%s", err);
	units_of(path, &u, 0);
	assert_true(has(&u, "word/document.xml#p1",
	    "Seen by Child F1 [X] today."));
	assert_false(has_sub(&u, "Kayden"));
	/* Deletions, deleted rows, comments, properties are gone. */
	assert_false(has_sub(&u, "FOXTROT07"));
	assert_false(has_sub(&u, "ROWDEL04"));
	assert_false(has_sub(&u, "TANGO21"));
	assert_false(has_sub(&u, "XRAY25"));
	assert_false(has_sub(&u, "Core Creator"));
	assert_false(has_sub(&u, "YANKEE26"));
	assert_false(has_sub(&u, "ZULU27"));
	assert_false(has_sub(&u, "UNIFORM22"));
	assert_true(has_sub(&u, "ECHO06 inserted"));
	/* Same input, same bytes. */
	if (write_docx(s, path2, 0, err, sizeof(err)) == -1)
		fail_msg("%s", err);
	a = slurp(path, &la);
	b = slurp(path2, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	/* No author, rsid or thumbnail of the source is left. */
	for (size_t i = 0; i + 4 <= la; i++)
		assert_false(memcmp(a + i, "Insa", 4) == 0);
	free(a);
	free(b);
	unlink(path);
	unlink(path2);
	rmdir(out);
	free(s);
}

static void
t_write_refuses(void **state)
{
	char out[] = "/tmp/test_docx.XXXXXX", path[64], err[512];
	char *s, *p;

	(void)state;
	assert_non_null(mkdtemp(out));
	snprintf(path, sizeof(path), "%s/out.docx", out);
	/* Overlapping replacements. */
	s = stream_with(FX "features.docx", "replace\t1\t8\t14\t-\tA\n"
	    "replace\t1\t10\t16\t-\tB\n", 2, 0);
	assert_int_equal(write_docx(s, path, 0, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "overlaps"));
	assert_int_equal(access(path, F_OK), -1);
	free(s);
	/* A stream whose text was changed. */
	s = stream_with(FX "features.docx", "", 0, 0);
	assert_non_null(p = strstr(s, "Kayden"));
	p[0] = 'J';
	assert_int_equal(write_docx(s, path, 0, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "does not match"));
	assert_int_equal(access(path, F_OK), -1);
	free(s);
	/* A stream from another document. */
	s = stream_with(FX "strict.docx", "", 0, 0);
	assert_non_null(p = strstr(s, FX "strict.docx"));
	memcpy(p + strlen(FX), "bad-ole", 7);
	memmove(p + strlen(FX) + 7, p + strlen(FX) + 6,
	    strlen(p + strlen(FX) + 6) + 1);
	assert_int_equal(write_docx(s, path, 0, err, sizeof(err)), -1);
	assert_int_equal(access(path, F_OK), -1);
	free(s);
	rmdir(out);
}

static void
t_write_review(void **state)
{
	char *s = stream_with(FX "features.docx",
	    "flag\t1\t8\t14\tchild-voice\twarning\tthe child's words\n", 1, 0);
	char out[] = "/tmp/test_docx.XXXXXX", path[64], err[512];
	struct seen u;

	(void)state;
	assert_non_null(mkdtemp(out));
	snprintf(path, sizeof(path), "%s/out.docx", out);
	if (write_docx(s, path, 1, err, sizeof(err)) == -1)
		fail_msg("%s", err);
	units_of(path, &u, 0);
	/* History kept, the flag is a comment, authors renamed. */
	assert_true(has_sub(&u, "FOXTROT07"));
	assert_true(has_sub(&u, "TANGO21"));
	assert_true(has_sub(&u, "anonymise: child-voice (warning): the "
	    "child's words"));
	unlink(path);
	rmdir(out);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_every_place),
		cmocka_unit_test(t_paragraph_join),
		cmocka_unit_test(t_refused),
		cmocka_unit_test(t_write_publication),
		cmocka_unit_test(t_write_refuses),
		cmocka_unit_test(t_write_review),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
