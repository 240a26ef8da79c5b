/*
 * Unit tests for filters/flag.c with the shipped rules in lexicons/flags
 * (make check runs from the top of the tree).  Every context rule has a
 * passage that must flag and a near miss that must not.  The sentences
 * are written for these tests.
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

static const char *const mother[] = { "mother:Kerry Vane", NULL };
static const char *const child[] = { "subject-child:Tamsin", NULL };

/* Negation before a term: "no evidence of injury". */
static void
test_negation(void **state)
{
	(void)state;
	assert_true(flags("The examination found bruising to both cheeks "
	    "and behind the left ear, and two fractured ribs.", NULL,
	    "injury-detail"));
	assert_false(flags("The examination found no bruising to the "
	    "cheeks or ears and no fractured ribs.", NULL, "injury-detail"));
	assert_false(flags("There was no evidence of bruising, fractures "
	    "or burns on the skeletal survey.", NULL, "injury-detail"));
}

/* Negation after a term: "... was ruled out". */
static void
test_negated_after(void **state)
{
	(void)state;
	assert_true(flags("Tamsin had taken an overdose of twenty "
	    "paracetamol tablets with vodka.", child, "self-harm-method"));
	assert_false(flags("Tamsin denied taking an overdose and denied "
	    "any thoughts of self-harm.", child, "self-harm-method"));
	assert_false(flags("A fracture of the femur was ruled out on the "
	    "x-rays.", NULL, "injury-detail"));
}

/* Policy and training text. */
static void
test_policy(void **state)
{
	(void)state;
	assert_true(flags("Tamsin later disclosed that an older man had "
	    "sexually abused her and made her send sexual images.", child,
	    "sexual-abuse-detail"));
	assert_false(flags("All staff at the academy attended training on "
	    "recognising child sexual exploitation and online grooming.",
	    NULL, "sexual-abuse-detail"));
	assert_false(flags("Research shows that bruising and fractures in "
	    "non-mobile infants are rare.", NULL, "injury-detail"));
}

/* Recommendations. */
static void
test_recommendation(void **state)
{
	(void)state;
	assert_true(flags("Kerry Vane has a diagnosis of schizophrenia and "
	    "has been prescribed olanzapine.", mother,
	    "health-of-named-family"));
	assert_false(flags("Recommendation 3: adult mental health services "
	    "should ensure that a parent's diagnosis of depression and "
	    "prescribed medication are shared.", NULL,
	    "health-of-named-family"));
}

/* Hypotheticals and generic statements. */
static void
test_hypothetical(void **state)
{
	(void)state;
	assert_true(flags("Tamsin had been cutting her forearms with a "
	    "razor blade for several weeks.", child, "self-harm-method"));
	assert_false(flags("If a young person is cutting their arms with a "
	    "blade, school staff might not notice.", NULL,
	    "self-harm-method"));
}

/* Health flags need a family member or child of the family. */
static void
test_health_needs_family(void **state)
{
	(void)state;
	assert_true(flags("The father has a long history of alcohol "
	    "dependency and was admitted with withdrawal seizures.", NULL,
	    "health-of-named-family"));
	assert_false(flags("Alcohol dependency and withdrawal seizures are "
	    "common presentations at the unit.", NULL,
	    "health-of-named-family"));
	/* A screening score is not a diagnosis. */
	assert_false(flags("Kerry Vane scored 11 on the Edinburgh Postnatal "
	    "Depression Scale.", mother, "health-of-named-family"));
}

/* Child voice: a first-person quotation, not a word in quote marks. */
static void
test_child_voice(void **state)
{
	(void)state;
	assert_true(flags("Tamsin told her foster carer, \xe2\x80\x9cI don't "
	    "want to go back there because he shouts at me.\xe2\x80\x9d",
	    child, "child-voice"));
	assert_false(flags("Tamsin said she was \"fine\" and did not want "
	    "to \"make a fuss\".", child, "child-voice"));
}

/* Current whereabouts: now, not then. */
static void
test_whereabouts(void **state)
{
	(void)state;
	assert_true(flags("Tamsin now lives with her aunt and attends "
	    "Birchfield Primary School.", child, "current-whereabouts"));
	assert_false(flags("The family had moved to the town about a year "
	    "before the period under review.", NULL,
	    "current-whereabouts"));
}

static void
test_jigsaw(void **state)
{
	(void)state;
	assert_true(flags("The father was a well-known local boxer and the "
	    "case was reported in the regional press.", NULL,
	    "jigsaw-identifier"));
	assert_false(flags("The local authority published its annual "
	    "report.", NULL, "jigsaw-identifier"));
}

static void
test_third_party(void **state)
{
	(void)state;
	assert_true(flags("The mother's partner had previous convictions "
	    "for robbery and had served a prison sentence.", NULL,
	    "third-party-history"));
	assert_false(flags("The offender manager visited the probation "
	    "office.", NULL, "third-party-history"));
}

/* Reasons name evidence and roles, never the person's name. */
static void
test_reason(void **state)
{
	struct flag_list	 fl = FLAG_LIST_INIT;
	const char		*t = "Kerry Vane has a diagnosis of "
	    "schizophrenia and has been prescribed olanzapine.";

	(void)state;
	scan(t, mother, &fl);
	assert_int_equal(fl.n, 1);
	assert_non_null(strstr(fl.v[0].reason, "diagnosis"));
	assert_non_null(strstr(fl.v[0].reason, "the mother"));
	assert_null(strstr(fl.v[0].reason, "Vane"));
	assert_int_equal(fl.v[0].start, 0);
	assert_int_equal(fl.v[0].end, strlen(t));
	flag_list_release(&fl);
}

/* Two adjacent sentences of one category become one span. */
static void
test_merge(void **state)
{
	struct flag_list	 fl = FLAG_LIST_INIT;
	const char		*t = "1.2 The skeletal survey showed three "
	    "fractured ribs of different ages. The post-mortem examination "
	    "found bruising to the scalp and both ears. The review met.";

	(void)state;
	scan(t, NULL, &fl);
	assert_int_equal(fl.n, 1);
	assert_int_equal(fl.v[0].start, 4);
	assert_int_equal(fl.v[0].nsent, 2);
	assert_string_equal(t + fl.v[0].end, " The review met.");
	flag_list_release(&fl);
}

static void
test_parse_errors(void **state)
{
	struct flag_ctx	*c;
	char		 err[256];
	const char	*bad1 = "x\tbruise\n";
	const char	*bad2 = "@frobnicate\t1\n";
	const char	*bad3 = "2\t(unclosed\n";

	(void)state;
	assert_non_null(c = flag_ctx_new());
	assert_int_equal(flag_ctx_parse(c, "injury-detail", "t.txt", bad1,
	    strlen(bad1), err, sizeof(err)), -1);
	assert_non_null(strstr(err, "t.txt:1:"));
	assert_int_equal(flag_ctx_parse(c, "injury-detail", "t.txt", bad2,
	    strlen(bad2), err, sizeof(err)), -1);
	assert_int_equal(flag_ctx_parse(c, "no-such", "t.txt", "", 0, err,
	    sizeof(err)), -1);
	assert_int_equal(flag_ctx_parse(c, NULL, "c.txt", "frob\tx\n", 7,
	    err, sizeof(err)), -1);
	assert_int_equal(flag_ctx_parse(c, "injury-detail", "t.txt", bad3,
	    strlen(bad3), err, sizeof(err)), 0);
	assert_int_equal(flag_ctx_compile(c, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "pattern 1"));
	flag_ctx_free(c);
	assert_null(flag_ctx_load("/nonexistent", err, sizeof(err)));
}

/* The filter loop puts flags after the unit's records, before the next
 * text record, and passes everything else through. */
static void
test_run(void **state)
{
	const char	*in = "anon-stream\t1\n"
	    "text\t1\tL1\tlf\tTamsin had been burning her arms with a "
	    "lighter and cutting her thighs with a blade.\n"
	    "mention\t1\t0\t6\tperson\tsubject-child\tt\t90\tcase:1\t\t"
	    "Tamsin\n"
	    "meta\tx\ty\n"
	    "text\t2\tL2\tlf\tThe review met twice.\n"
	    "end\t4\n";
	char		 out[4096], err[256];
	FILE		*fi, *fo;
	struct stream_reader *r;
	struct stream_writer *w;
	unsigned long	 n;
	const char	*f, *t2;

	(void)state;
	assert_non_null(fi = fmemopen((void *)in, strlen(in), "r"));
	memset(out, 0, sizeof(out));
	assert_non_null(fo = fmemopen(out, sizeof(out) - 1, "w"));
	r = stream_reader_new(fi, "-");
	w = stream_writer_new(fo);
	assert_int_equal(flag_run(r, w, ctx, &n, err, sizeof(err)), 0);
	stream_reader_free(r);
	stream_writer_free(w);
	fclose(fo);
	fclose(fi);
	assert_int_equal(n, 1);
	f = strstr(out, "flag\t1\t0\t");
	t2 = strstr(out, "text\t2\t");
	assert_non_null(f);
	assert_non_null(t2);
	assert_true(f > strstr(out, "meta\tx\ty"));
	assert_true(f < t2);
	assert_non_null(strstr(f, "\tself-harm-method\t"));
	assert_non_null(strstr(out, "end\t5\n"));
}

/* A truncated stream is an error and writes no trailer. */
static void
test_run_truncated(void **state)
{
	const char	*in = "anon-stream\t1\ntext\t1\tL1\tlf\tHello.\n";
	char		 out[1024], err[256];
	FILE		*fi, *fo;
	struct stream_reader *r;
	struct stream_writer *w;

	(void)state;
	assert_non_null(fi = fmemopen((void *)in, strlen(in), "r"));
	memset(out, 0, sizeof(out));
	assert_non_null(fo = fmemopen(out, sizeof(out) - 1, "w"));
	r = stream_reader_new(fi, "-");
	w = stream_writer_new(fo);
	assert_int_equal(flag_run(r, w, ctx, NULL, err, sizeof(err)), -1);
	stream_reader_free(r);
	stream_writer_free(w);
	fclose(fo);
	fclose(fi);
	assert_null(strstr(out, "end\t"));
}

/*
 * The bound on a paragraph's scores (distinct positive terms and
 * positive features, quotation features only with a quotation mark)
 * never drops a flag: sums at the threshold, repeated terms, negative
 * terms, and a first-person quotation with no term at all.
 */
static void
test_threshold_bound(void **state)
{
	static const char cat[] = "@threshold\t4\n"
	    "2\talpha\n2\tbeta\n-1\tgamma\n";
	static const char voice[] = "@threshold\t4\n@feature\tquote\t3\n"
	    "@feature\tchild\t1\n1\tzzz\n";
	static const char cx[] = "firstperson\tI|me\nchild\tthe boy\n";
	struct flag_ctx	*c;
	struct flag_list fl = FLAG_LIST_INIT;
	char		 err[256];
	const char	*t;

	(void)state;
	assert_non_null(c = flag_ctx_new());
	assert_int_equal(flag_ctx_parse(c, "injury-detail", "a.txt", cat,
	    strlen(cat), err, sizeof(err)), 0);
	assert_int_equal(flag_ctx_parse(c, "child-voice", "v.txt", voice,
	    strlen(voice), err, sizeof(err)), 0);
	assert_int_equal(flag_ctx_parse(c, NULL, "c.txt", cx, strlen(cx),
	    err, sizeof(err)), 0);
	assert_int_equal(flag_ctx_compile(c, err, sizeof(err)), 0);
	t = "First. Then alpha and beta. Last.";
	assert_int_equal(flag_scan(c, t, strlen(t), NULL, &fl, err,
	    sizeof(err)), 0);
	assert_int_equal(fl.n, 1);
	assert_int_equal(fl.v[0].start, 7);
	t = "Then alpha and alpha and alpha.";
	assert_int_equal(flag_scan(c, t, strlen(t), NULL, &fl, err,
	    sizeof(err)), 0);
	assert_int_equal(fl.n, 0);
	t = "Then alpha and beta and gamma.";
	assert_int_equal(flag_scan(c, t, strlen(t), NULL, &fl, err,
	    sizeof(err)), 0);
	assert_int_equal(fl.n, 0);
	/* No term: the quotation and the child make the threshold. */
	t = "Then the boy said \"I want me home now\" and left.";
	assert_int_equal(flag_scan(c, t, strlen(t), NULL, &fl, err,
	    sizeof(err)), 0);
	assert_int_equal(fl.n, 0);	/* a sentence needs a term */
	t = "Then the boy said \"I want me home zzz\" and left.";
	assert_int_equal(flag_scan(c, t, strlen(t), NULL, &fl, err,
	    sizeof(err)), 0);
	assert_int_equal(fl.n, 1);
	assert_string_equal(flag_categories[fl.v[0].cat], "child-voice");
	t = "Then the boy said \xe2\x80\x9cI want me home zzz\xe2\x80\x9d.";
	assert_int_equal(flag_scan(c, t, strlen(t), NULL, &fl, err,
	    sizeof(err)), 0);
	assert_int_equal(fl.n, 1);
	t = "Then the boy said I want me home zzz and left.";
	assert_int_equal(flag_scan(c, t, strlen(t), NULL, &fl, err,
	    sizeof(err)), 0);
	assert_int_equal(fl.n, 0);
	flag_list_release(&fl);
	flag_ctx_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_negation),
		cmocka_unit_test(test_negated_after),
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_recommendation),
		cmocka_unit_test(test_hypothetical),
		cmocka_unit_test(test_health_needs_family),
		cmocka_unit_test(test_child_voice),
		cmocka_unit_test(test_whereabouts),
		cmocka_unit_test(test_jigsaw),
		cmocka_unit_test(test_third_party),
		cmocka_unit_test(test_reason),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_run),
		cmocka_unit_test(test_run_truncated),
		cmocka_unit_test(test_threshold_bound),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
