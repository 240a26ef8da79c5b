/*
 * Unit tests for flag_run_n() (filters/flag.c): scoring on several
 * threads writes the same bytes, the same count and the same message as
 * flag_run() on one, for streams long enough to fill many batches, with
 * a paragraph whose records span batches, and for streams that fail part
 * way (a malformed record, a truncated stream).  The sentences are
 * written for these tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "flag.h"
#include "record.h"
#include "stream.h"

#include "flag_fx.h"

static const char *const child[] = { "subject-child:Tamsin", NULL };

static const char *const sentences[] = {
	"Tamsin had been burning her arms with a lighter and cutting "
	    "her thighs with a blade.",
	"The review met twice in the spring.",
	"The examination found bruising to both cheeks and behind the "
	    "left ear, and two fractured ribs.",
	"There was no evidence of bruising, fractures or burns on the "
	    "skeletal survey.",
	"The health visitor saw the family at home on four occasions.",
	"Tamsin said \"I don't want to go home to him any more\" to her "
	    "teacher.",
	"Agencies shared information at the strategy meeting.",
};

struct gen {
	char	*buf;
	size_t	 len;
	FILE	*fp;
	unsigned long nrec;
	uint32_t seed;
};

static uint32_t
rnd(struct gen *g)
{
	g->seed = g->seed * 1103515245u + 12345u;
	return g->seed >> 8;
}

/*
 * A stream of n paragraphs of one to six sentences, the child named
 * where a sentence names her, other records between; paragraph big
 * (when below n) carries 4,000 mention records, more than a batch.
 * bad (when below n) is followed by a malformed mention record.
 * With trailer 0 the stream stops short.
 */
static char *
make_stream(unsigned n, unsigned big, unsigned bad, int trailer)
{
	struct gen	 g = { NULL, 0, NULL, 0, 7 };
	char		 para[4096];
	size_t		 plen, off;
	unsigned	 i, j, k, ns;
	const char	*s, *name;

	assert_non_null(g.fp = open_memstream(&g.buf, &g.len));
	fprintf(g.fp, "anon-stream\t1\n");
	if (n > 0) {
		fprintf(g.fp, "meta\tbefore\tthe first text\n");
		g.nrec++;
	}
	for (i = 0; i < n; i++) {
		ns = 1 + rnd(&g) % 6;
		plen = 0;
		para[0] = '\0';
		for (j = 0; j < ns; j++) {
			s = sentences[rnd(&g) % (sizeof(sentences) /
			    sizeof(sentences[0]))];
			plen += (size_t)snprintf(para + plen,
			    sizeof(para) - plen, "%s%s", j ? " " : "", s);
		}
		fprintf(g.fp, "text\t%u\tL%u\tlf\t%s\n", i + 1, i + 1, para);
		g.nrec++;
		/* Each "Tamsin" is the subject child. */
		for (name = para; (name = strstr(name, "Tamsin")) != NULL;
		    name += 6) {
			off = (size_t)(name - para);
			fprintf(g.fp, "mention\t%u\t%zu\t%zu\tperson\t"
			    "subject-child\tt\t90\tcase:1\t\tTamsin\n", i + 1,
			    off, off + 6);
			g.nrec++;
		}
		for (k = 0; k < (i == big ? 4000u : rnd(&g) % 3); k++) {
			fprintf(g.fp, "meta\tnote %u\tof paragraph %u\n", k,
			    i + 1);
			g.nrec++;
		}
		if (i == bad) {
			fprintf(g.fp, "mention\t%u\tx\n", i + 1);
			g.nrec++;
		}
	}
	if (trailer)
		fprintf(g.fp, "end\t%lu\n", g.nrec);
	fclose(g.fp);
	return g.buf;
}

struct result {
	char		*out;
	size_t		 len;
	int		 rc;
	unsigned long	 nflags;
	char		 err[256];
};

static void
run(const char *in, struct flag_ctx *const *cv, int nc, struct result *res)
{
	FILE		*fi, *fo;
	struct stream_reader *r;
	struct stream_writer *w;

	assert_non_null(fi = fmemopen((void *)in, strlen(in), "r"));
	assert_non_null(fo = open_memstream(&res->out, &res->len));
	assert_non_null(r = stream_reader_new(fi, "-"));
	assert_non_null(w = stream_writer_new(fo));
	res->err[0] = '\0';
	res->rc = nc == 1 ? flag_run(r, w, cv[0], &res->nflags, res->err,
	    sizeof(res->err)) : flag_run_n(r, w, cv, nc, &res->nflags,
	    res->err, sizeof(res->err));
	stream_reader_free(r);
	stream_writer_free(w);
	fclose(fo);
	fclose(fi);
}

/* in through one context and through three on threads: the same. */
static void
same(const char *in, int rc)
{
	struct flag_ctx	*cv[3];
	struct result	 one, three;
	char		 err[256];

	cv[0] = ctx;
	assert_non_null(cv[1] = flag_ctx_clone(ctx, err, sizeof(err)));
	assert_non_null(cv[2] = flag_ctx_clone(ctx, err, sizeof(err)));
	run(in, cv, 1, &one);
	run(in, cv, 3, &three);
	assert_int_equal(one.rc, rc);
	assert_int_equal(three.rc, rc);
	assert_int_equal(one.len, three.len);
	assert_memory_equal(one.out, three.out, one.len);
	assert_int_equal(one.nflags, three.nflags);
	assert_string_equal(one.err, three.err);
	flag_ctx_free(cv[2]);
	flag_ctx_free(cv[1]);
	free(one.out);
	free(three.out);
}

/* Many batches, one paragraph spanning several: the same bytes. */
static void
test_threads_same(void **state)
{
	char	*in;

	(void)state;
	/* The first sentence flags on its own. */
	assert_true(flags(sentences[0], child, "self-harm-method"));
	in = make_stream(3000, 1200, (unsigned)-1, 1);
	same(in, 0);
	free(in);
	/* Some paragraphs flag: the comparison saw flag records. */
	in = make_stream(40, (unsigned)-1, (unsigned)-1, 1);
	{
		struct result	 res;
		struct flag_ctx	*cv[1] = { ctx };

		run(in, cv, 1, &res);
		assert_int_equal(res.rc, 0);
		assert_true(res.nflags > 0);
		assert_non_null(strstr(res.out, "\nflag\t"));
		free(res.out);
	}
	free(in);
}

/* Failures part way: the same output, message and status. */
static void
test_threads_fail(void **state)
{
	char	*in;

	(void)state;
	in = make_stream(3000, 1200, 2500, 1);
	same(in, -1);
	free(in);
	in = make_stream(3000, (unsigned)-1, (unsigned)-1, 0);
	same(in, -1);
	free(in);
	in = make_stream(0, (unsigned)-1, (unsigned)-1, 1);
	same(in, 0);
	free(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_same),
		cmocka_unit_test(test_threads_fail),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
