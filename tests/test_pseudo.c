/* Unit tests of anon-pseudo's engine: names, overlaps, grouping, policy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "mapfile.h"
#include "pseudo.h"
#include "pseudo_name.h"
#include "record.h"
#include "sbuf.h"

#include "pseudo_doc.h"

static const char family_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Dawn Price,mother,Dawn Smith,1991-04-03,,,\n"
    "John Smith,father,,1989-01-01,,,\n"
    "Kayden Smith,subject-child,Kay,2015-03-07,,,\n"
    "Lily Smith,sibling,,2017-05-01,,,\n"
    "Brenda Price,grandmother,,1960-01-01,,,\n";

static struct casefile *
family(void)
{
	char		 err[128];
	struct casefile	*cf;

	cf = casefile_parse(family_csv, sizeof(family_csv) - 1, "case.csv",
	    err, sizeof(err));
	assert_non_null(cf);
	return cf;
}

static void
names_parse(void **state)
{
	struct pname	 pn;
	char		 f[64];

	(void)state;
	assert_int_equal(pn_parse(&pn, "Ms Okafor", 9), 1);
	assert_true(pn.titled);
	assert_int_equal(pn.gender, 'f');
	assert_string_equal(pn.title, "ms");
	assert_memory_equal(pn.tok[0], "okafor", 6);

	assert_int_equal(pn_parse(&pn, "SMITH, Kayden", 13), 2);
	assert_memory_equal(pn.tok[0], "kayden", 6);
	assert_memory_equal(pn.tok[1], "smith", 5);
	assert_true(pn.caps == 0);

	assert_int_equal(pn_parse(&pn, "K.S.", 4), 2);
	assert_true(pn.initials);
	assert_int_equal(pn_parse(&pn, "AMY", 3), 1);	/* a name in caps */
	assert_false(pn.initials);
	assert_true(pn.caps);

	assert_int_equal(pn_parse(&pn, "Kayden\xe2\x80\x99s", 10), 1);
	assert_int_equal(pn.toklen[0], 6);
	assert_int_equal(pn_parse(&pn, "Detective Constable Lewis", 25), 1);
	assert_memory_equal(pn.tok[0], "lewis", 5);

	assert_int_equal(pn_fold(f, "El\xc5\xbc" "bieta \xc5\x81" "ucja", 16),
	    14);
	assert_string_equal(f, "elzbieta lucja");

	assert_int_equal(pn_edit("kayden", 6, "kaydon", 6, 2), 1);
	assert_int_equal(pn_edit("kuldeep", 7, "kuldip", 6, 2), 2);
	assert_int_equal(pn_edit("abc", 3, "xyz", 3, 1), 2);
	assert_int_equal(pn_title_before("said Ms Okafor", 8), 3);
	assert_int_equal(pn_title_before("said Okafor", 5), 0);
	assert_true(pn_sentence_start("x. \"Kay", 4));
	assert_false(pn_sentence_start("and Kay", 4));
}

static void
grouping_family(void **state)
{
	struct casefile	*cf = family();
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e, f;

	(void)state;
	d.p = pseudo_new(cf, "F");
	assert_non_null(d.p);
	a = para(&d, "Kayden Smith lived with his mother, Dawn Price.");
	person(&d, a, "Kayden Smith", 0, "", "");
	person(&d, a, "Dawn Price", 0, "", "");
	b = para(&d, "KAYDEN SMITH: Kayden's school saw K.S. and Kaydon.");
	person(&d, b, "KAYDEN SMITH", 0, "", "");
	person(&d, b, "Kayden", 0, "", "");
	person(&d, b, "K.S.", 0, "", "");
	person(&d, b, "Kaydon", 0, "", "");
	c = para(&d, "Mr Smith and Ms Price met Kay and Lily Smith.");
	person(&d, c, "Mr Smith", 0, "", "");
	person(&d, c, "Ms Price", 0, "", "");
	person(&d, c, "Kay", 0, "", "");
	person(&d, c, "Lily Smith", 0, "", "");
	e = para(&d, "The health visitor, Sarah Okafor, met Amy Okafor.");
	person(&d, e, "Sarah Okafor", 0, "health-visitor", "");
	person(&d, e, "Amy Okafor", 0, "teacher", "");
	f = para(&d, "later Ms Okafor and Amy saw Brenda Price; Sarah left.");
	person(&d, f, "Okafor", 0, "", "");	/* title left outside */
	person(&d, f, "Amy", 0, "", "");
	person(&d, f, "Brenda Price", 0, "", "");
	person(&d, f, "Sarah", 0, "", "");
	resolve(&d);

	assert_string_equal(got(&d, a, "Kayden Smith", 0), "Child F1");
	assert_string_equal(got(&d, a, "Dawn Price", 0), "Mother");
	assert_string_equal(got(&d, b, "KAYDEN SMITH", 0), "CHILD F1");
	assert_string_equal(got(&d, b, "Kayden", 0), "Child F1");
	assert_string_equal(got(&d, b, "K.S.", 0), "Child F1");
	assert_string_equal(got(&d, b, "Kaydon", 0), "Child F1");
	assert_string_equal(got(&d, c, "Mr Smith", 0), "Father");
	assert_string_equal(got(&d, c, "Ms Price", 0), "Mother");
	assert_string_equal(got(&d, c, "Kay", 0), "Child F1");
	assert_string_equal(got(&d, c, "Lily Smith", 0), "Child F2");
	assert_string_equal(got(&d, e, "Sarah Okafor", 0), "Health Visitor 1");
	assert_string_equal(got(&d, e, "Amy Okafor", 0), "Teacher 1");
	/* The title goes with the name: "Ms Okafor", not "Ms Health...". */
	assert_string_equal(got(&d, f, "Ms Okafor", 0), "Health Visitor 1");
	assert_string_equal(got(&d, f, "Ms", 0), "Health Visitor 1");
	assert_string_equal(got(&d, f, "Amy", 0), "Teacher 1");
	assert_string_equal(got(&d, f, "Sarah", 0), "Health Visitor 1");
	/* Shares the mother's surname. */
	assert_string_equal(got(&d, f, "Brenda Price", 0),
	    "Maternal grandmother");
	pseudo_free(d.p);
	casefile_free(cf);
}

static void
grouping_keys_and_unknowns(void **state)
{
	struct casefile	*cf = family();
	struct doc	 d = { 0 };
	unsigned long	 a, b;

	(void)state;
	d.p = pseudo_new(cf, "G");
	a = para(&d, "Mum (Dee) and Tom Lee and Ann Lee talked.");
	person(&d, a, "Dee", 0, "mother", "case:1");
	person(&d, a, "Tom Lee", 0, "", "");
	person(&d, a, "Ann Lee", 0, "", "");
	b = para(&d, "Mr Lee spoke to Mrs Lee; PC Jones arrived.");
	person(&d, b, "Mr Lee", 0, "", "");
	person(&d, b, "Mrs Lee", 0, "", "");
	person(&d, b, "PC Jones", 0, "professional", "");
	resolve(&d);
	assert_string_equal(got(&d, a, "Dee", 0), "Mother");
	assert_string_equal(got(&d, a, "Tom Lee", 0), "Person 1");
	assert_string_equal(got(&d, a, "Ann Lee", 0), "Person 2");
	/* Two people who share a surname stay two (by title). */
	assert_string_equal(got(&d, b, "Mr Lee", 0), "Person 1");
	assert_string_equal(got(&d, b, "Mrs Lee", 0), "Person 2");
	assert_string_equal(got(&d, b, "PC Jones", 0), "Professional 1");
	pseudo_free(d.p);
	casefile_free(cf);
}

static void
overlaps(void **state)
{
	struct doc	 d = { 0 };
	unsigned long	 a, b;

	(void)state;
	d.p = pseudo_new(NULL, NULL);
	a = para(&d, "Seen at Dr Khan and Partners on 14 March 2017.");
	person(&d, a, "Dr Khan", 0, "", "");
	add(&d, a, "Dr Khan and Partners", 0, "institution", "gp", 60, "", "");
	add(&d, a, "14 March 2017", 0, "date", "", 90, "", "March 2017");
	add(&d, a, "March 2017", 0, "date", "", 99, "", "2017");
	b = para(&d, "Ref 1234567 and 7654321 were logged.");
	add(&d, b, "1234567", 0, "date", "", 50, "", "[date]");
	add(&d, b, "1234567", 0, "identifier", "case-ref", 50, "", "[ref]");
	add(&d, b, "7654321", 0, "identifier", "case-ref", 40, "", "[ref]");
	add(&d, b, "7654321", 0, "postcode", "", 41, "", "[postcode]");
	resolve(&d);
	/* Longest span wins, then confidence, then type priority. */
	assert_int_equal(pseudo_nrepl(d.p), 4);
	assert_string_equal(got(&d, a, "Dr Khan", 0), "GP Practice 1");
	assert_string_equal(got(&d, a, "14 March", 0), "March 2017");
	assert_string_equal(got(&d, b, "1234567", 0), "[ref]");
	assert_string_equal(got(&d, b, "7654321", 0), "[postcode]");
	pseudo_free(d.p);
}

static void
places_and_institutions(void **state)
{
	struct doc	 d = { 0 };
	struct pseudo_entity pe;
	unsigned long	 a, b;

	(void)state;
	d.p = pseudo_new(NULL, NULL);
	a = para(&d, "Flat 2, 9 Oak Road and 23 Linden Grove, Leeds; "
	    "St Bede's RC Primary School.");
	add(&d, a, "Flat 2, 9 Oak Road", 0, "address", "", 90, "", "");
	add(&d, a, "23 Linden Grove", 0, "address", "", 90, "", "");
	add(&d, a, "Leeds", 0, "place", "", 90, "", "");
	add(&d, a, "St Bede's RC Primary School", 0, "institution", "school",
	    90, "", "");
	b = para(&d, "Outside Linden Grove, near St Bede's and Leeds; "
	    "Oakfield Nursery.");
	add(&d, b, "Linden Grove", 0, "address", "", 90, "", "");
	add(&d, b, "St Bede's", 0, "institution", "", 90, "", "");
	add(&d, b, "Leeds", 0, "place", "", 90, "", "");
	add(&d, b, "Oakfield Nursery", 0, "institution", "nursery", 90, "",
	    "");
	resolve(&d);
	assert_string_equal(got(&d, a, "Flat 2", 0), "Address 1");
	assert_string_equal(got(&d, a, "23 Linden", 0), "Address 2");
	assert_string_equal(got(&d, a, "Leeds", 0), "Area 1");
	assert_string_equal(got(&d, a, "St Bede", 0), "School 1");
	assert_string_equal(got(&d, b, "Linden Grove", 0), "Address 2");
	assert_string_equal(got(&d, b, "St Bede", 0), "School 1");
	assert_string_equal(got(&d, b, "Leeds", 0), "Area 1");
	assert_string_equal(got(&d, b, "Oakfield", 0), "Nursery 1");
	assert_int_equal(pseudo_nentity(d.p), 5);
	pseudo_entity(d.p, 1, &pe);
	assert_string_equal(pe.id, "E2");
	assert_string_equal(pe.pseudonym, "Address 2");
	assert_string_equal(pe.canonical, "23 Linden Grove");
	assert_int_equal(pe.mentions, 2);
	pseudo_free(d.p);
}

static void
case_overrides(void **state)
{
	static const char csv[] =
	    "name,role,aliases,dob,address,postcode,pseudonym\n"
	    "Kayden Smith,subject-child,,,,,Child Q\n"
	    "Sam Smith,professional,,,,,\n"
	    "Jo Bloggs,other-child,,,,,\n";
	struct casefile	*cf;
	struct doc	 d = { 0 };
	char		 err[128];
	unsigned long	 a;

	(void)state;
	cf = casefile_parse(csv, sizeof(csv) - 1, "c.csv", err, sizeof(err));
	assert_non_null(cf);
	d.p = pseudo_new(cf, "F");
	a = para(&d, "kayden smith met Sam Smith. the social worker Jo Bloggs");
	person(&d, a, "kayden smith", 0, "", "");
	person(&d, a, "Sam Smith", 0, "social-worker", "case:2");
	person(&d, a, "Jo Bloggs", 0, "", "");
	resolve(&d);
	assert_string_equal(got(&d, a, "kayden", 0), "Child Q");
	assert_string_equal(got(&d, a, "Sam Smith", 0), "Social Worker 1");
	assert_string_equal(got(&d, a, "Jo Bloggs", 0), "Child 1");
	pseudo_free(d.p);
	casefile_free(cf);
}

/* Draft 2 with draft 1's map: old entities keep, new ones number after. */
static void
map_round_trip(void **state)
{
	struct anon_map	 m1 = ANON_MAP_INIT, m2 = ANON_MAP_INIT;
	struct sbuf	 sb = SBUF_INIT, sb2 = SBUF_INIT;
	struct doc	 d = { 0 }, d2 = { 0 };
	char		 err[128];
	unsigned long	 a;

	(void)state;
	d.p = pseudo_new(NULL, NULL);
	a = para(&d, "Sarah Okafor visited 9 Oak Road with Dr Patel.");
	person(&d, a, "Sarah Okafor", 0, "health-visitor", "");
	add(&d, a, "9 Oak Road", 0, "address", "", 90, "", "");
	person(&d, a, "Dr Patel", 0, "gp", "");
	resolve(&d);
	pseudo_set_date_shift(d.p, -12);
	assert_int_equal(pseudo_export_map(d.p, &m1), 0);
	assert_int_equal(anon_map_format(&m1, &sb), 0);
	anon_map_release(&m1);
	assert_int_equal(anon_map_parse(&m1, sb.buf, sb.len, "m", err,
	    sizeof(err)), 0);
	assert_true(m1.has_shift);
	assert_int_equal(m1.date_shift, -12);

	d2.p = pseudo_new(NULL, NULL);
	assert_int_equal(pseudo_load_map(d2.p, &m1), 0);
	a = para(&d2, "Mark Jones (health visitor) and 2 Elm Way; then "
	    "Ms Okafor, Sarah and Oak Road; Dr Patel.");
	person(&d2, a, "Mark Jones", 0, "health-visitor", "");
	add(&d2, a, "2 Elm Way", 0, "address", "", 90, "", "");
	person(&d2, a, "Ms Okafor", 0, "", "");
	person(&d2, a, "Sarah", 0, "", "");
	add(&d2, a, "Oak Road", 0, "address", "", 90, "", "");
	person(&d2, a, "Dr Patel", 0, "", "");
	resolve(&d2);
	assert_string_equal(got(&d2, a, "Mark Jones", 0), "Health Visitor 2");
	assert_string_equal(got(&d2, a, "2 Elm Way", 0), "Address 2");
	assert_string_equal(got(&d2, a, "Ms Okafor", 0), "Health Visitor 1");
	assert_string_equal(got(&d2, a, "Sarah", 0), "Health Visitor 1");
	assert_string_equal(got(&d2, a, "Oak Road", 0), "Address 1");
	assert_string_equal(got(&d2, a, "Dr Patel", 0), "GP 1");
	/* The second map keeps the first's entities and ids. */
	assert_int_equal(pseudo_export_map(d2.p, &m2), 0);
	assert_int_equal(m2.nent, 5);
	assert_string_equal(anon_map_find(&m2, "E1")->pseudonym,
	    "Health Visitor 1");
	assert_string_equal(anon_map_find(&m2, "E4")->pseudonym,
	    "Health Visitor 2");
	assert_int_equal(m2.date_shift, -12);
	/* Same inputs, same bytes. */
	assert_int_equal(anon_map_format(&m2, &sb2), 0);
	assert_non_null(strstr(sb2.buf, "entity\tE4\tperson\thealth-visitor\t"
	    "Health Visitor 2\tMark Jones\n"));
	anon_map_release(&m1);
	anon_map_release(&m2);
	sbuf_release(&sb);
	sbuf_release(&sb2);
	pseudo_free(d.p);
	pseudo_free(d2.p);
}

static void
bad_spans(void **state)
{
	struct pseudo		*p = pseudo_new(NULL, NULL);
	struct mention_list	 ml = MENTION_LIST_INIT;
	char			 err[128];

	(void)state;
	assert_int_equal(mention_list_add(&ml, 1, 2, 40, "person", "", "r", 1,
	    "", ""), 0);
	assert_int_equal(pseudo_add(p, &ml.v[0], "short", 5, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "outside the text"));
	/* A span inside a UTF-8 sequence is widened to whole characters. */
	mention_list_clear(&ml);
	assert_int_equal(mention_list_add(&ml, 1, 1, 4, "place", "", "r", 1,
	    "", ""), 0);
	assert_int_equal(pseudo_add(p, &ml.v[0], "\xc3\xa9t\xc3\xa9", 5, err,
	    sizeof(err)), 0);
	assert_int_equal(pseudo_resolve(p, err, sizeof(err)), 0);
	assert_int_equal(pseudo_repl(p, 0)->start, 0);
	assert_int_equal(pseudo_repl(p, 0)->end, 5);
	mention_list_release(&ml);
	pseudo_free(p);
}

static const char maiden_csv[] =
    "name,role,aliases,dob,address,postcode,pseudonym\n"
    "Rhiannon Rigby,mother,,1974-08-12,,,\n"
    "Callum Rigby,father,,1971-12-03,,,\n"
    "Ryan Rigby,subject-child,,2008-10-13,,,\n"
    "Doreen Williams,grandmother,,1955-07-14,,,\n";

/*
 * Titles are hard rules; a surname the case file gives beats one the text
 * added; detectors' KEYs that break the rules are dropped with their role.
 */
static void
titles_and_surnames(void **state)
{
	char		 err[128];
	struct casefile	*cf;
	struct doc	 d = { 0 };
	unsigned long	 a, b, c, e;

	(void)state;
	cf = casefile_parse(maiden_csv, sizeof(maiden_csv) - 1, "case.csv",
	    err, sizeof(err));
	assert_non_null(cf);
	d.p = pseudo_new(cf, "F");
	assert_non_null(d.p);
	a = para(&d, "Ryan Rigby lived with Rhiannon Rigby and Callum Rigby.");
	person(&d, a, "Ryan Rigby", 0, "subject-child", "case:3");
	person(&d, a, "Rhiannon Rigby", 0, "mother", "case:1");
	person(&d, a, "Callum Rigby", 0, "father", "case:2");
	b = para(&d, "She had been known as Rhiannon Williams; Ms Rigby "
	    "and Ms Rigby and Ms Rigby said so.");
	person(&d, b, "Rhiannon Williams", 0, "mother", "case:1");
	person(&d, b, "Ms Rigby", 0, "mother", "case:1");
	person(&d, b, "Ms Rigby", 1, "mother", "case:1");
	person(&d, b, "Ms Rigby", 2, "mother", "case:1");
	c = para(&d, "Doreen Williams called. Later Ms Williams called.");
	person(&d, c, "Doreen Williams", 0, "grandmother", "case:4");
	/* The detector's KEY says the mother: the case file disagrees. */
	person(&d, c, "Ms Williams", 0, "grandmother", "case:4");
	e = para(&d, "Dr Rigby examined Ryan; Mr Rigby and Ms Rigby came.");
	person(&d, e, "Dr Rigby", 0, "mother", "case:1");
	person(&d, e, "Ryan", 0, "subject-child", "case:3");
	person(&d, e, "Mr Rigby", 0, "subject-child", "case:3");
	resolve(&d);

	assert_string_equal(got(&d, b, "Rhiannon Williams", 0), "Mother");
	assert_string_equal(got(&d, c, "Ms Williams", 0), "Grandmother");
	/* Not the mother, and no family role: a professional. */
	assert_string_equal(got(&d, e, "Dr Rigby", 0), "Professional 1");
	/* Mr is never the child: the father. */
	assert_string_equal(got(&d, e, "Mr Rigby", 0), "Father");
	assert_string_equal(got(&d, e, "Ryan", 0), "Child F1");
	pseudo_free(d.p);
	casefile_free(cf);
}

/* One name is one kind of thing within a document. */
static void
one_type_per_name(void **state)
{
	struct casefile	*cf = family();
	struct doc	 d = { 0 };
	unsigned long	 a, b, c;

	(void)state;
	d.p = pseudo_new(cf, "F");
	assert_non_null(d.p);
	a = para(&d, "Dawn said Dawn went to Oldtown with Noah Ellis.");
	person(&d, a, "Dawn", 0, "mother", "case:1");
	add(&d, a, "Dawn", 1, "place", "town", 70, "dawn", "");
	add(&d, a, "Oldtown", 0, "place", "town", 90, "oldtown", "");
	person(&d, a, "Noah Ellis", 0, "", "");
	b = para(&d, "Dawn and Kayden saw Oldtown Hospital in Oldtown.");
	add(&d, b, "Dawn", 0, "place", "town", 70, "dawn", "");
	add(&d, b, "Oldtown Hospital", 0, "institution", "hospital", 85,
	    "oldtown hospital", "");
	add(&d, b, "Oldtown", 1, "institution", "hospital", 75,
	    "oldtown hospital", "");
	c = para(&d, "Kayden stayed in Oldtown; a neighbour took in Noah.");
	add(&d, c, "Oldtown", 0, "place", "town", 90, "oldtown", "");
	add(&d, c, "Noah", 0, "place", "locality", 70, "noah", "");
	resolve(&d);

	/* The case file's mother outweighs three gazetteer hits. */
	assert_string_equal(got(&d, a, "Dawn", 1), "Mother");
	assert_string_equal(got(&d, b, "Dawn", 0), "Mother");
	/* A town twice at 90 against a short hospital name at 75. */
	assert_string_equal(got(&d, a, "Oldtown", 0), "Area 1");
	assert_string_equal(got(&d, b, "Oldtown", 1), "Area 1");
	assert_string_equal(got(&d, b, "Oldtown Hospital", 0), "Hospital 1");
	/* A one-word place that is a full name's forename is that person. */
	assert_string_equal(got(&d, c, "Noah", 0), got(&d, a, "Noah Ellis", 0));
	assert_string_equal(got(&d, c, "Noah", 0), "Person 1");
	pseudo_free(d.p);
	casefile_free(cf);
}

/* Adds one mention of s in text (unit id) through the engine. */
static void
add_at(struct pseudo *p, unsigned long id, const char *text, const char *s,
    const char *type, int conf, const char *hint)
{
	struct mention_list	 ml = MENTION_LIST_INIT;
	size_t			 off = offset(text, s, 0);
	char			 err[128];

	assert_int_equal(mention_list_add(&ml, id, off, off + strlen(s), type,
	    "", "test/rule", conf, "", hint), 0);
	assert_int_equal(pseudo_add(p, &ml.v[0], text, strlen(text), err,
	    sizeof(err)), 0);
	mention_list_release(&ml);
}

/*
 * Memory follows the distinct mentions: 20,000 paragraphs naming one
 * person, one of 50 addresses and a different reference each keep 52
 * items, and the replacements still come out right, in order.
 */
static void
distinct_items(void **state)
{
	struct pseudo		*p = pseudo_new(NULL, NULL);
	struct pseudo_repl	 r;
	const struct pseudo_repl *q;
	char			 text[256], addr[32], ref[32], want[32], err[128];
	unsigned long		 k, n = 20000;
	size_t			 i = 0;
	int			 rc;

	(void)state;
	assert_non_null(p);
	for (k = 1; k <= n; k++) {
		snprintf(addr, sizeof(addr), "%lu Elm Road", k % 50 + 1);
		snprintf(ref, sizeof(ref), "CR-%06lu", k);
		snprintf(text, sizeof(text), "Kayden Smith was seen at %s "
		    "about %s.", addr, ref);
		add_at(p, k, text, ref, "identifier", 90, "[reference]");
		add_at(p, k, text, addr, "address", 80, "");
		add_at(p, k, text, "Kayden Smith", "person", 90, "");
	}
	assert_int_equal(pseudo_resolve(p, err, sizeof(err)), 0);
	assert_int_equal(pseudo_nrepl(p), 3 * n);
	assert_int_equal(pseudo_nitem(p), 1 + 50 + 1);
	assert_int_equal(pseudo_nentity(p), 1 + 50);
	while ((rc = pseudo_next_repl(p, &r, err, sizeof(err))) == 1) {
		k = i / 3 + 1;
		assert_int_equal(r.text, k);
		switch (i % 3) {
		case 0:
			assert_int_equal(r.start, 0);
			assert_string_equal(r.repl, "Person 1");
			break;
		case 1:
			/* Numbered in order of first appearance. */
			snprintf(want, sizeof(want), "Address %lu",
			    (k - 1) % 50 + 1);
			assert_string_equal(r.repl, want);
			break;
		default:
			assert_string_equal(r.repl, "[reference]");
			assert_string_equal(r.entity, "-");
		}
		if (i == 12345) {
			q = pseudo_repl(p, i);
			assert_non_null(q);
			assert_int_equal(q->start, r.start);
			assert_string_equal(q->repl, r.repl);
		}
		i++;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(i, 3 * n);
	pseudo_free(p);
}

/* Three letters naming k (k < 26^3), for made-up names. */
static void
letters(char *buf, unsigned long k)
{
	buf[0] = (char)('a' + k / 676 % 26);
	buf[1] = (char)('a' + k / 26 % 26);
	buf[2] = (char)('a' + k % 26);
	buf[3] = '\0';
}

/*
 * More people than the engine keeps parsed surfaces of (its cache by item
 * number wraps): each full name, its forename and its title + surname
 * later still make one entity, a different one for each person.
 */
static void
many_people(void **state)
{
	struct pseudo		*p = pseudo_new(NULL, NULL);
	struct pseudo_repl	 r;
	char			 text[128], full[32], fore[16], sur[32], l[4];
	char			 err[128];
	char			(*ent)[16];
	unsigned long		 k, n = 6000;
	int			 rc;

	(void)state;
	assert_non_null(p);
	assert_non_null(ent = calloc(n + 1, sizeof(*ent)));
	for (k = 1; k <= n; k++) {
		letters(l, k);
		snprintf(full, sizeof(full), "Al%s Bo%sson", l, l);
		snprintf(text, sizeof(text), "%s was seen.", full);
		add_at(p, k, text, full, "person", 90, "");
	}
	for (k = 1; k <= n; k++) {
		letters(l, k);
		snprintf(fore, sizeof(fore), "Al%s", l);
		snprintf(sur, sizeof(sur), "Mr Bo%sson", l);
		snprintf(text, sizeof(text), "Later %s met %s.", fore, sur);
		add_at(p, n + k, text, fore, "person", 90, "");
		add_at(p, n + k, text, sur, "person", 90, "");
	}
	assert_int_equal(pseudo_resolve(p, err, sizeof(err)), 0);
	assert_int_equal(pseudo_nentity(p), n);
	while ((rc = pseudo_next_repl(p, &r, err, sizeof(err))) == 1) {
		assert_true(strlen(r.entity) < sizeof(ent[0]));
		if (r.text <= n) {
			/* A new person for each full name. */
			assert_true(r.text == 1 ||
			    strcmp(ent[r.text - 1], r.entity) != 0);
			strcpy(ent[r.text], r.entity);
		} else
			assert_string_equal(r.entity, ent[r.text - n]);
	}
	assert_int_equal(rc, 0);
	free(ent);
	pseudo_free(p);
}

/* A unit's mentions come together and units in order. */
static void
units_in_order(void **state)
{
	struct pseudo	*p = pseudo_new(NULL, NULL);
	struct mention_list ml = MENTION_LIST_INIT;
	const char	*text = "Kayden Smith";
	char		 err[128];

	(void)state;
	assert_int_equal(mention_list_add(&ml, 2, 0, 12, "person", "", "r",
	    90, "", ""), 0);
	assert_int_equal(mention_list_add(&ml, 1, 0, 12, "person", "", "r",
	    90, "", ""), 0);
	assert_int_equal(mention_list_add(&ml, 3, 0, 12, "person", "", "r",
	    90, "", ""), 0);
	assert_int_equal(pseudo_add(p, &ml.v[0], text, 12, err, sizeof(err)),
	    0);
	assert_int_equal(pseudo_add(p, &ml.v[1], text, 12, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "text 1: mention after those of text 2"));
	assert_int_equal(pseudo_add(p, &ml.v[2], text, 12, err, sizeof(err)),
	    0);
	/* Text 2 is closed once text 3 has begun. */
	assert_int_equal(pseudo_add(p, &ml.v[0], text, 12, err, sizeof(err)),
	    -1);
	mention_list_release(&ml);
	pseudo_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_parse),
		cmocka_unit_test(grouping_family),
		cmocka_unit_test(grouping_keys_and_unknowns),
		cmocka_unit_test(overlaps),
		cmocka_unit_test(places_and_institutions),
		cmocka_unit_test(case_overrides),
		cmocka_unit_test(map_round_trip),
		cmocka_unit_test(bad_spans),
		cmocka_unit_test(titles_and_surnames),
		cmocka_unit_test(one_type_per_name),
		cmocka_unit_test(distinct_items),
		cmocka_unit_test(units_in_order),
		cmocka_unit_test(many_people),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
