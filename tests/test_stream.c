/* Unit tests of the anon-stream reader and writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "sbuf.h"
#include "stream.h"

/* Writes a stream of the given fields through a writer into a string. */
static char *
write_stream(const char *const *fields, size_t n, int end, size_t *len)
{
	char			*buf = NULL;
	FILE			*fp = open_memstream(&buf, len);
	struct stream_writer	*w = stream_writer_new(fp);

	assert_non_null(w);
	assert_int_equal(stream_write(w, "text", n, fields), 0);
	if (end)
		assert_int_equal(stream_write_end(w), 0);
	stream_writer_free(w);
	fclose(fp);
	return buf;
}

static FILE *
mem(const char *s)
{
	return fmemopen((void *)s, strlen(s), "r");
}

static void
escape_round_trip(void **state)
{
	static const char *const samples[] = {
		"", "plain", "tab\there", "new\nline", "cr\rlf\r\n",
		"back\\slash", "\\t is not a tab", "\\", "\t\t\n\\\\",
		"caf\xc3\xa9 \xe2\x80\x99quote\xe2\x80\x99",
	};
	struct sbuf	 b = SBUF_INIT;
	size_t		 i;
	long		 n;
	char		*dec;

	(void)state;
	for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		sbuf_reset(&b);
		assert_int_equal(stream_escape(&b, samples[i],
		    strlen(samples[i])), 0);
		assert_null(memchr(b.buf ? b.buf : "", '\t', b.len));
		assert_null(memchr(b.buf ? b.buf : "", '\n', b.len));
		assert_null(memchr(b.buf ? b.buf : "", '\r', b.len));
		dec = malloc(b.len + 1);
		n = stream_unescape(dec, b.buf ? b.buf : "", b.len);
		assert_int_equal(n, (long)strlen(samples[i]));
		assert_memory_equal(dec, samples[i], (size_t)n);
		free(dec);
	}
	sbuf_release(&b);
}

static void
unescape_rejects_unknown(void **state)
{
	char	 out[8];

	(void)state;
	assert_int_equal(stream_unescape(out, "a\\x", 3), -1);
	assert_int_equal(stream_unescape(out, "a\\", 2), -1);
	assert_int_equal(stream_unescape(out, "a\\\\", 3), 2);
}

static void
reader_round_trip(void **state)
{
	const char		*f[] = { "7", "L7", "crlf", "a\tb\\c\nd" };
	struct stream_reader	*r;
	struct record		*rec;
	size_t			 len;
	char			*s = write_stream(f, 4, 1, &len);
	FILE			*fp = mem(s);

	(void)state;
	assert_non_null(r = stream_reader_new(fp, "t"));
	assert_int_equal(stream_read(r, &rec), 1);
	assert_int_equal(rec->nfield, 5);
	assert_string_equal(rec->field[0], "text");
	assert_string_equal(rec->field[4], "a\tb\\c\nd");
	assert_int_equal(rec->fieldlen[4], 7);
	assert_int_equal(stream_read(r, &rec), 0);
	assert_int_equal(stream_read(r, &rec), 0);
	stream_reader_free(r);
	fclose(fp);
	free(s);
}

/* Each malformed stream must give -1 and a message naming the problem. */
static void
reader_rejects(void **state)
{
	static const struct { const char *in, *msg; } bad[] = {
		{ "", "empty stream" },
		{ "hello\n", "not an anon-stream" },
		{ "anon-stream\t2\nend\t0\n", "unsupported stream version" },
		{ "anon-stream\t1\ntext\t1\tL1\tlf\tx\n", "no end trailer" },
		{ "anon-stream\t1\ntext\t1\tL1\tlf\tx", "no newline" },
		{ "anon-stream\t1\ntext\t1\tL1\tlf\tx\nend\t2\n", "says 2" },
		{ "anon-stream\t1\nend\t0\nmore\n", "after the end" },
		{ "anon-stream\t1\ntext\ta\\qb\nend\t1\n", "bad escape" },
		{ "anon-stream\t1\nfeature\tmagic\nend\t0\n", "unsupported feature" },
		{ "anon-stream\t1\n\t\nend\t1\n", "empty record type" },
	};
	struct stream_reader	*r;
	struct record		*rec;
	size_t			 i;
	FILE			*fp;
	int			 rc;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		fp = strlen(bad[i].in) ? mem(bad[i].in) : fopen("/dev/null", "r");
		r = stream_reader_new(fp, "t");
		while ((rc = stream_read(r, &rec)) == 1)
			;
		if (rc != -1)
			fail_msg("case %zu accepted: %s", i, bad[i].in);
		if (strstr(stream_reader_error(r), bad[i].msg) == NULL)
			fail_msg("case %zu: message '%s' lacks '%s'", i,
			    stream_reader_error(r), bad[i].msg);
		stream_reader_free(r);
		fclose(fp);
	}
}

static void
unknown_records_pass(void **state)
{
	const char		*in = "anon-stream\t1\nfuture\tx\ty\tz\nend\t1\n";
	char			*buf = NULL;
	size_t			 len;
	FILE			*fp = mem(in), *out = open_memstream(&buf, &len);
	struct stream_reader	*r = stream_reader_new(fp, "t");
	struct stream_writer	*w = stream_writer_new(out);
	struct record		*rec;

	(void)state;
	while (stream_read(r, &rec) == 1)
		assert_int_equal(stream_write_record(w, rec), 0);
	assert_int_equal(stream_write_end(w), 0);
	fclose(out);
	assert_string_equal(buf, in);
	stream_reader_free(r);
	stream_writer_free(w);
	fclose(fp);
	free(buf);
}

static void
minor_version_accepted(void **state)
{
	FILE			*fp = mem("anon-stream\t1.3\textra\nend\t0\n");
	struct stream_reader	*r = stream_reader_new(fp, "t");
	struct record		*rec;

	(void)state;
	assert_int_equal(stream_read(r, &rec), 0);
	stream_reader_free(r);
	fclose(fp);
}

/* Escaping works eight bytes at a time: put each special byte at every
 * offset of a longer field and check the round trip. */
static void
escape_every_offset(void **state)
{
	static const char specials[] = "\\\t\n\r";
	struct sbuf	 b = SBUF_INIT;
	char		 src[40], dec[80];
	size_t		 i, k;
	long		 n;

	(void)state;
	for (k = 0; k < 4; k++)
		for (i = 0; i < sizeof(src); i++) {
			memset(src, 'a' + (int)(i % 26), sizeof(src));
			src[i] = specials[k];
			sbuf_reset(&b);
			assert_int_equal(stream_escape(&b, src, sizeof(src)), 0);
			assert_int_equal(b.len, sizeof(src) + 1);
			assert_int_equal(b.buf[i], '\\');
			n = stream_unescape(dec, b.buf, b.len);
			assert_int_equal(n, (long)sizeof(src));
			assert_memory_equal(dec, src, sizeof(src));
		}
	sbuf_release(&b);
}

/* Records longer than the reader's block, through a descriptor (tmpfile)
 * and through stdio (a memory stream), come back whole. */
static void
long_records(void **state)
{
	struct stream_reader	*r;
	struct stream_writer	*w;
	struct record		*rec;
	FILE			*fp;
	char			*big, *buf = NULL;
	const char		*f[4];
	size_t			 i, len, n = 700000;
	int			 pass;

	(void)state;
	big = malloc(n + 1);
	for (i = 0; i < n; i++)
		big[i] = "ab\tc\nd e\\f"[i % 10];
	big[n] = '\0';
	f[0] = "1", f[1] = "L1", f[2] = "lf", f[3] = big;
	for (pass = 0; pass < 2; pass++) {
		if (pass == 0)
			fp = tmpfile();
		else
			fp = open_memstream(&buf, &len);
		assert_non_null(fp);
		assert_non_null(w = stream_writer_new(fp));
		for (i = 0; i < 3; i++)
			assert_int_equal(stream_write(w, "text", 4, f), 0);
		assert_int_equal(stream_write_end(w), 0);
		stream_writer_free(w);
		if (pass == 0)
			rewind(fp);
		else {
			fclose(fp);
			fp = fmemopen(buf, len, "r");
		}
		assert_non_null(r = stream_reader_new(fp, "t"));
		for (i = 0; i < 3; i++) {
			assert_int_equal(stream_read(r, &rec), 1);
			assert_int_equal(rec->lineno, i + 2);
			assert_int_equal(rec->fieldlen[4], n);
			assert_memory_equal(rec->field[4], big, n);
		}
		assert_int_equal(stream_read(r, &rec), 0);
		stream_reader_free(r);
		fclose(fp);
		free(buf);
		buf = NULL;
	}
	free(big);
}

/* Fields past STREAM_MAXFIELDS are ignored; escapes in the others are
 * decoded wherever they fall in the line; a NUL byte is refused. */
static void
many_fields(void **state)
{
	static const char nul[] = "anon-stream\t1\nx\ta\0b\nend\t1\n";
	struct sbuf		 in = SBUF_INIT;
	struct stream_reader	*r;
	struct record		*rec;
	FILE			*fp;
	size_t			 i;
	char			 want[16];

	(void)state;
	sbuf_adds(&in, "anon-stream\t1\nmany");
	for (i = 1; i < 40; i++)
		sbuf_printf(&in, "\tf%zu%s", i, i % 5 == 3 ? "\\t\\\\" : "");
	sbuf_adds(&in, "\nend\t1\n");
	assert_non_null(fp = fmemopen(in.buf, in.len, "r"));
	assert_non_null(r = stream_reader_new(fp, "t"));
	assert_int_equal(stream_read(r, &rec), 1);
	assert_int_equal(rec->nfield, STREAM_MAXFIELDS);
	for (i = 1; i < STREAM_MAXFIELDS; i++) {
		snprintf(want, sizeof(want), "f%zu%s", i,
		    i % 5 == 3 ? "\t\\" : "");
		assert_string_equal(rec->field[i], want);
		assert_int_equal(rec->fieldlen[i], strlen(want));
	}
	assert_int_equal(stream_read(r, &rec), 0);
	stream_reader_free(r);
	fclose(fp);
	sbuf_release(&in);

	assert_non_null(fp = fmemopen((void *)nul, sizeof(nul) - 1, "r"));
	assert_non_null(r = stream_reader_new(fp, "t"));
	assert_int_equal(stream_read(r, &rec), -1);
	assert_non_null(strstr(stream_reader_error(r), "NUL byte"));
	stream_reader_free(r);
	fclose(fp);
}

/* Reads the first record of a one-record stream. */
static struct stream_reader *
one_record(const char *line, FILE **fp, struct record **rec)
{
	static char		 buf[512];
	struct stream_reader	*r;

	snprintf(buf, sizeof(buf), "anon-stream\t1\n%s\nend\t1\n", line);
	assert_non_null(*fp = fmemopen(buf, strlen(buf), "r"));
	assert_non_null(r = stream_reader_new(*fp, "t"));
	assert_int_equal(stream_read(r, rec), 1);
	return r;
}

/* Mention records: numbers are digits only and fit an unsigned long;
 * write_mention() writes back what record_mention_view() reads. */
static void
mention_numbers(void **state)
{
	static const struct { const char *line; int ok; } cases[] = {
		{ "mention\t7\t3\t9\tperson\t\tnames/x\t80\tk\t\tSmith", 1 },
		{ "mention\t18446744073709551615\t3\t9\tperson\t\tr\t80\tk\th", 1 },
		{ "mention\t18446744073709551616\t3\t9\tperson\t\tr\t80\tk\th", 0 },
		{ "mention\t99999999999999999999\t3\t9\tperson\t\tr\t80\tk\th", 0 },
		{ "mention\t7\t3\t9\tperson\t\tr\t101\tk\th", 0 },
		{ "mention\t7\t9\t3\tperson\t\tr\t80\tk\th", 0 },
		{ "mention\t7\t3a\t9\tperson\t\tr\t80\tk\th", 0 },
		{ "mention\t-7\t3\t9\tperson\t\tr\t80\tk\th", 0 },
		{ "mention\t\t3\t9\tperson\t\tr\t80\tk\th", 0 },
	};
	struct stream_reader	*r;
	struct stream_writer	*w;
	struct record		*rec;
	struct mention		 m;
	FILE			*fp, *out;
	char			*buf = NULL;
	size_t			 i, len;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		r = one_record(cases[i].line, &fp, &rec);
		/* Case 1 is ULONG_MAX where unsigned long has 64 bits. */
		if ((record_mention_view(rec, &m) == 0) != (cases[i].ok &&
		    (i != 1 || ULONG_MAX == 18446744073709551615ULL)))
			fail_msg("case %zu: %s", i, cases[i].line);
		stream_reader_free(r);
		fclose(fp);
	}
	r = one_record(cases[0].line, &fp, &rec);
	assert_int_equal(record_mention_view(rec, &m), 0);
	assert_int_equal(m.text, 7);
	assert_int_equal(m.start, 3);
	assert_int_equal(m.end, 9);
	assert_int_equal(m.conf, 80);
	assert_string_equal(m.rule, "names/x");
	assert_non_null(out = open_memstream(&buf, &len));
	assert_non_null(w = stream_writer_new(out));
	assert_int_equal(write_mention(w, &m, "abc Smith and"), 0);
	assert_int_equal(stream_write_end(w), 0);
	stream_writer_free(w);
	fclose(out);
	assert_string_equal(buf, "anon-stream\t1\n"
	    "mention\t7\t3\t9\tperson\t\tnames/x\t80\tk\t\t Smith\n"
	    "end\t1\n");
	free(buf);
	stream_reader_free(r);
	fclose(fp);
}

/* record_mention() copies a record's strings into the list: in one piece
 * when they lie one after another as read, one by one when an escape
 * shortened a field; either way each string is the field, ended. */
static void
mention_copies(void **state)
{
	static const char *const lines[] = {
		"mention\t7\t3\t9\tperson\tsub\tnames/x\t80\tkey\thint\tSmith",
		"mention\t7\t3\t9\tper\\tson\tsub\tnames/x\t80\tkey\thint",
		"mention\t7\t3\t9\t\t\t\t80\t\t",
		"mention\t7\t3\t9\tperson\tsub\tnames/x\t80\tkey\thi\\nnt",
	};
	static const char *const want[][5] = {
		{ "person", "sub", "names/x", "key", "hint" },
		{ "per\tson", "sub", "names/x", "key", "hint" },
		{ "", "", "", "", "" },
		{ "person", "sub", "names/x", "key", "hi\nnt" },
	};
	struct mention_list	 l = MENTION_LIST_INIT;
	struct stream_reader	*r;
	struct record		*rec;
	FILE			*fp;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		r = one_record(lines[i], &fp, &rec);
		assert_int_equal(record_mention(rec, &l), 0);
		stream_reader_free(r);
		fclose(fp);
	}
	/* The strings outlive the reader and the records. */
	for (i = 0; i < l.n; i++) {
		assert_int_equal(l.v[i].text, 7);
		assert_int_equal(l.v[i].start, 3);
		assert_int_equal(l.v[i].end, 9);
		assert_int_equal(l.v[i].conf, 80);
		assert_string_equal(l.v[i].type, want[i][0]);
		assert_string_equal(l.v[i].subtype, want[i][1]);
		assert_string_equal(l.v[i].rule, want[i][2]);
		assert_string_equal(l.v[i].key, want[i][3]);
		assert_string_equal(l.v[i].hint, want[i][4]);
	}
	assert_int_equal(l.n, 4);
	mention_list_release(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escape_round_trip),
		cmocka_unit_test(unescape_rejects_unknown),
		cmocka_unit_test(reader_round_trip),
		cmocka_unit_test(reader_rejects),
		cmocka_unit_test(unknown_records_pass),
		cmocka_unit_test(minor_version_accepted),
		cmocka_unit_test(escape_every_offset),
		cmocka_unit_test(long_records),
		cmocka_unit_test(many_fields),
		cmocka_unit_test(mention_numbers),
		cmocka_unit_test(mention_copies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
