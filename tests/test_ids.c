/*
 * test_ids.c — ids_scan() rule by rule: what each rule must find (with
 * the span, type, subtype and hint), and the near misses it must leave.
 * Lexicons come from $ANON_LEXICONS or lexicons/ in the current directory
 * (make check runs from the top of the tree).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ids.h"
#include "record.h"

static struct ids *ids;
static struct mention_list ml = MENTION_LIST_INIT;

static int
setup(void **state)
{
	const char	*dir;
	char		 err[512];

	(void)state;
	if ((dir = getenv("ANON_LEXICONS")) == NULL)
		dir = "lexicons";
	if ((ids = ids_new(dir, NULL, err, sizeof(err))) == NULL) {
		fprintf(stderr, "ids_new: %s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	ids_free(ids);
	mention_list_release(&ml);
	return 0;
}

/* Scans text as one unit; returns the number of mentions found. */
static size_t
scan(const char *text)
{
	struct text_unit	 t;
	char			 err[256];

	memset(&t, 0, sizeof(t));
	t.id = 1;
	t.where = "L1";
	t.eol = "lf";
	t.text = text;
	t.len = strlen(text);
	mention_list_clear(&ml);
	assert_int_equal(ids_scan(ids, &t, NULL, &ml, err, sizeof(err)), 0);
	return ml.n;
}

/*
 * Asserts that scanning text finds exactly one mention, whose surface is
 * want, with this subtype (type "identifier", or "postcode" when subtype
 * is "postcode") and hint.  Returns the rule for further checks.
 */
static const char *
one(const char *text, const char *want, const char *subtype,
    const char *hint)
{
	const char	*p;
	size_t		 n;

	n = scan(text);
	if (n != 1) {
		fprintf(stderr, "in \"%s\": %zu mentions\n", text, n);
		for (size_t i = 0; i < ml.n; i++)
			fprintf(stderr, "  %.*s (%s)\n",
			    (int)(ml.v[i].end - ml.v[i].start),
			    text + ml.v[i].start, ml.v[i].rule);
	}
	assert_int_equal(n, 1);
	p = strstr(text, want);
	assert_non_null(p);
	assert_int_equal(ml.v[0].start, (size_t)(p - text));
	assert_int_equal(ml.v[0].end, (size_t)(p - text) + strlen(want));
	if (strcmp(subtype, "postcode") == 0) {
		assert_string_equal(ml.v[0].type, "postcode");
		assert_string_equal(ml.v[0].subtype, "");
	} else {
		assert_string_equal(ml.v[0].type, "identifier");
		assert_string_equal(ml.v[0].subtype, subtype);
	}
	assert_string_equal(ml.v[0].hint, hint);
	return ml.v[0].rule;
}

static void
none(const char *text)
{
	size_t	 n;

	if ((n = scan(text)) != 0)
		fprintf(stderr, "in \"%s\": found %.*s (%s)\n", text,
		    (int)(ml.v[0].end - ml.v[0].start), text + ml.v[0].start,
		    ml.v[0].rule);
	assert_int_equal(n, 0);
}

static void
test_nhs(void **state)
{
	(void)state;
	assert_string_equal(one("NHS number 943 476 5919.", "943 476 5919",
	    "nhs-number", "[NHS number]"), "ids/nhs-mod11");
	one("recorded as 9434765919 on", "9434765919", "nhs-number",
	    "[NHS number]");
	one("Child A\t943-476-5919\tMother", "943-476-5919", "nhs-number",
	    "[NHS number]");
	assert_int_equal(ml.v[0].conf, 95);
	/* failing the check after an NHS label: still an NHS number */
	assert_string_equal(one("her NHS no. 943 476 5918 was", "943 476 5918",
	    "nhs-number", "[NHS number]"), "ids/nhs-context");
	/* after the label any spacing is taken */
	one("NHS number: 943 4765919", "943 4765919", "nhs-number",
	    "[NHS number]");
	/* failing the check with no label: a reference of some kind */
	assert_string_equal(one("see 123 456 7890 above", "123 456 7890",
	    "number", "[reference]"), "ids/ten-digits");
	/* near misses: inconsistent separators are not one number, money */
	none("figures 943 476-5919 (mixed)");
	none("it cost £9434765919 in all");
	none("paragraphs 9.43 and 4.76 and 5.919");
}

static void
test_ni(void **state)
{
	(void)state;
	assert_string_equal(one("NI AB 12 34 56 C.", "AB 12 34 56 C",
	    "ni-number", "[NI number]"), "ids/ni");
	one("it was AB123456C then", "AB123456C", "ni-number", "[NI number]");
	assert_int_equal(ml.v[0].conf, 95);
	one("(AB 123456 D)", "AB 123456 D", "ni-number", "[NI number]");
	/* prefixes HMRC rejects: caught on the shape, surer in context */
	assert_string_equal(one("National Insurance number, QQ 02 30 70 B,",
	    "QQ 02 30 70 B", "ni-number", "[NI number]"), "ids/ni-context");
	assert_string_equal(one("National Insurance number AO123456A",
	    "AO123456A", "ni-number", "[NI number]"), "ids/ni-context");
	assert_string_equal(one("she gave QQ123456C", "QQ123456C",
	    "ni-number", "[NI number]"), "ids/ni-shape");
	assert_int_equal(ml.v[0].conf, 60);
	/* lower case or without suffix: only after the label */
	one("NI number: ab 12 34 56 c", "ab 12 34 56 c", "ni-number",
	    "[NI number]");
	one("NINO AB123456", "AB123456", "ni-number", "[NI number]");
	/* near misses: suffix E, inside a longer token */
	none("code ab123456e here");
	none("XAB123456C and AB123456CD");
}

static void
test_phone(void **state)
{
	(void)state;
	assert_string_equal(one("call 07700 900123 now", "07700 900123",
	    "phone", "[phone number]"), "ids/phone");
	assert_string_equal(ml.v[0].key, "tel:07700900123");
	one("mobile 07700900123.", "07700900123", "phone", "[phone number]");
	one("on 07700 900 123,", "07700 900 123", "phone", "[phone number]");
	one("on +44 7700 900123.", "+44 7700 900123", "phone",
	    "[phone number]");
	assert_string_equal(ml.v[0].key, "tel:07700900123");
	one("on +44 (0)7700 900 123.", "+44 (0)7700 900 123", "phone",
	    "[phone number]");
	assert_string_equal(ml.v[0].key, "tel:07700900123");
	one("on +447700900123.", "+447700900123", "phone", "[phone number]");
	one("landline 0161 496 0000;", "0161 496 0000", "phone",
	    "[phone number]");
	one("landline (0161) 496 0000;", "(0161) 496 0000", "phone",
	    "[phone number]");
	one("landline (029) 2018 0000;", "(029) 2018 0000", "phone",
	    "[phone number]");
	one("landline 020 7946 0000;", "020 7946 0000", "phone",
	    "[phone number]");
	one("landline 01632 960000;", "01632 960000", "phone",
	    "[phone number]");
	one("landline 0161-496-0000;", "0161-496-0000", "phone",
	    "[phone number]");
	one("helpline 0300 123 4567 or", "0300 123 4567", "phone",
	    "[phone number]");
	one("freephone 0800 123 456 or", "0800 123 456", "phone",
	    "[phone number]");
	one("tel 0044 20 7946 0000.", "0044 20 7946 0000", "phone",
	    "[phone number]");
	one("Polish mobile +48 601 234 567.", "+48 601 234 567", "phone",
	    "[phone number]");
	one("on +44-7700-900123.", "+44-7700-900123", "phone",
	    "[phone number]");
	one("on +44(0)7700 900123.", "+44(0)7700 900123", "phone",
	    "[phone number]");
	one("no-break 07700\xc2\xa0" "900123.", "07700\xc2\xa0" "900123", "phone",
	    "[phone number]");
	/* a public helpline is left alone, a neighbouring number is not */
	none("the NSPCC helpline 0808 800 5000 is open");
	one("or 0808 800 5001 is hers", "0808 800 5001", "phone",
	    "[phone number]");
	/* a trailing number is not swallowed */
	one("rang 07700 900123 2017 times", "07700 900123", "phone",
	    "[phone number]");
	/* near misses: short numbers, times, unused ranges, dotted */
	none("ring 999 or 111 or 0800 1111");
	none("between 0900 and 1700 hours");
	none("number 0161.496.0000 (dots)");
	none("see 04123 456789 (unused range)");
}

static void
test_email(void **state)
{
	(void)state;
	assert_string_equal(one("emailed j.smith@example.gov.uk today",
	    "j.smith@example.gov.uk", "email", "[email]"), "ids/email");
	one("at (jo_bloggs85@mail.co.uk).", "jo_bloggs85@mail.co.uk", "email",
	    "[email]");
	one("at O'Neil.K@example.org.", "O'Neil.K@example.org", "email",
	    "[email]");
	none("met @ the school");
	none("the user@localhost test");
}

static void
test_url(void **state)
{
	(void)state;
	assert_string_equal(one("(profile https://www.tiktok.com/@jo.b) that",
	    "https://www.tiktok.com/@jo.b", "url", "[URL]"), "ids/url");
	one("account facebook.com/jo.bloggs.1234.", "facebook.com/jo.bloggs.1234",
	    "url", "[URL]");
	one("see www.example.org.uk, then", "www.example.org.uk", "url",
	    "[URL]");
	one("page https://www.instagram.com/jo_b12/ was", 
	    "https://www.instagram.com/jo_b12/", "url", "[URL]");
	one("on x.com/jbloggs22 the", "x.com/jbloggs22", "url", "[URL]");
	one("Instagram @jo_bloggs was", "@jo_bloggs", "url", "[URL]");
	/* near misses: a slash between words, a decimal */
	none("his/her and and/or 3.5");
}

static void
test_postcode(void **state)
{
	static const char *const ok[] = {
		"M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX",
		"EC1A 1BB", "OL8 2JD", "ol8 2jd", "Ol8 2Jd", "OL82JD",
		"SW1A2AA", "GIR 0AA"
	};
	char	 buf[128];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		snprintf(buf, sizeof(buf), "Grove, Town, %s, where", ok[i]);
		assert_string_equal(one(buf, ok[i], "postcode", "[postcode]"),
		    "ids/postcode");
	}
	one("at OL8 2JD.", "OL8 2JD", "postcode", "[postcode]");
	assert_string_equal(ml.v[0].key, "pc:OL8 2JD");
	one("at ol82jd.", "ol82jd", "postcode", "[postcode]");
	assert_string_equal(ml.v[0].key, "pc:OL8 2JD");
	/* near misses: letters not used (inward C I K M O V, Q first), lower
	 * case outside a known area, inside tokens, a district alone */
	none("code OL8 2CD here");
	none("code QL8 2JD here");
	none("code ql8 2jd here");
	none("code XOL8 2JD and OL8 2JDX");
	none("in the OL8 area");
	none("Year 9 2019 plans");
}

static void
test_upn(void **state)
{
	(void)state;
	assert_string_equal(one("UPN (P820200112001) entered", "P820200112001",
	    "upn", "[UPN]"), "ids/upn-check");
	one("with F30120151900A then", "F30120151900A", "upn", "[UPN]");
	/* failing the check letter: a UPN in context, a reference without */
	assert_string_equal(one("Unique Pupil Number Q820200112001",
	    "Q820200112001", "upn", "[UPN]"), "ids/upn-context");
	assert_string_equal(one("code Q820200112001 here", "Q820200112001",
	    "number", "[reference]"), "ids/upn-shape");
	none("code P82020011200 here (12 characters)");
}

static void
test_vrm(void **state)
{
	(void)state;
	assert_string_equal(one("a silver car, AB12 CDE, was",
	    "AB12 CDE", "vehicle-reg", "[vehicle registration]"), "ids/vrm");
	one("stopped AB51CDE twice", "AB51CDE", "vehicle-reg",
	    "[vehicle registration]");
	one("stopped AB 51 CDE twice", "AB 51 CDE", "vehicle-reg",
	    "[vehicle registration]");
	one("his car, ab51 cde, was", "ab51 cde", "vehicle-reg",
	    "[vehicle registration]");
	/* older formats need a vehicle nearby */
	assert_string_equal(one("his car (P123 ABC) was", "P123 ABC",
	    "vehicle-reg", "[vehicle registration]"), "ids/vrm-old");
	one("registration ABC 123D was", "ABC 123D", "vehicle-reg",
	    "[vehicle registration]");
	/* Northern Ireland: a county code with I or Z, up to four digits */
	one("a blue van, registration KFZ 2318, was", "KFZ 2318",
	    "vehicle-reg", "[vehicle registration]");
	one("the car (DIA 47) was", "DIA 47", "vehicle-reg",
	    "[vehicle registration]");
	/* near misses: unused age, I/Q letters, older shapes without a car */
	none("code AB50 CDE here");
	none("code AI12 CDE here");
	none("meeting P123 ABC here");
	none("the Y10 SEN group");
	none("room KFZ 2318 in the annexe");
	none("his car was seen at the ABC 1234 depot");
}

static void
test_reference(void **state)
{
	(void)state;
	assert_string_equal(one("reference LA-2019-004512 and",
	    "LA-2019-004512", "case-ref", "[reference]"),
	    "ids/ref-agency-year");
	one("under reference XY/20/12345.", "XY/20/12345", "case-ref",
	    "[reference]");
	one("Police reference CR/12345/21.", "CR/12345/21", "case-ref",
	    "[reference]");
	one("crime number 12/34567/19 was", "12/34567/19", "case-ref",
	    "[reference]");
	one("recorded as 19/123456 and", "19/123456", "case-ref",
	    "[reference]");
	one("case number AB21C01234.", "AB21C01234", "case-ref",
	    "[reference]");
	one("hospital number, Q1234567.", "Q1234567", "case-ref",
	    "[reference]");
	assert_string_equal(one("the log (log 0123 of 1 May)", "0123",
	    "case-ref", "[reference]"), "ids/ref-digits");
	one("(ref 1234567)", "1234567", "case-ref", "[reference]");
	one("MRN: ZX-44/1", "ZX-44/1", "case-ref", "[reference]");
	/* near misses: dates, legislation, paragraphs, years, money */
	none("on 14/03/2017 and 3/4/19 and 14-03-2017");
	none("the Children Act 1989, section 47 and s.17");
	none("7.12 On 3 May; paragraph 4.2.1");
	none("reference to Working Together 2018");
	none("a debt of £1,234,567 and £12345678");
	none("in 2016/17 and 2019-2020");
}

/*
 * Each shape at its widest: ids.c searches a shape only in windows
 * whose digits could make one (may_hold()), and these are the limits.
 */
#define NB	"\xc2\xa0"
static void
test_widest(void **state)
{
	(void)state;
	one("number 943" NB "476" NB "5919.", "943" NB "476" NB "5919",
	    "nhs-number", "[NHS number]");
	one("NHS number: 9" NB "4" NB "3" NB "4" NB "7" NB "6" NB "5" NB "9"
	    NB "1" NB "9 seen", "9" NB "4" NB "3" NB "4" NB "7" NB "6" NB "5"
	    NB "9" NB "1" NB "9", "nhs-number", "[NHS number]");
	one("it was AB" NB "12" NB "34" NB "56" NB "C then", "AB" NB "12" NB
	    "34" NB "56" NB "C", "ni-number", "[NI number]");
	one("on +44" NB "7" NB "7" NB "0" NB "0" NB "9" NB "0" NB "0" NB "1"
	    NB "2" NB "3.", "+44" NB "7" NB "7" NB "0" NB "0" NB "9" NB "0" NB
	    "0" NB "1" NB "2" NB "3", "phone", "[phone number]");
	assert_string_equal(one("Polish mobile +48 6 0 1 2 3 4 5.",
	    "+48 6 0 1 2 3 4 5", "phone", "[phone number]"),
	    "ids/phone-intl");
	one("GIR" NB "0AA", "GIR" NB "0AA", "postcode", "[postcode]");
	one("the car ABC" NB "123" NB "D was", "ABC" NB "123" NB "D",
	    "vehicle-reg", "[vehicle registration]");
	/* a national number with a two-byte separator wherever one may
	 * be: its first nine digits take 23 bytes; in 0044 form with an
	 * area code in brackets and no '+' or "(0", 21 */
	one("tel 07" NB "7" NB "0" NB "0" NB "9" NB "0" NB "0" NB "1" NB "2"
	    NB "3 now", "07" NB "7" NB "0" NB "0" NB "9" NB "0" NB "0" NB "1"
	    NB "2" NB "3", "phone", "[phone number]");
	one("tel 0044" NB "(7)" NB "7" NB "0" NB "0" NB "9" NB "0" NB "0" NB
	    "1" NB "2" NB "3 now", "0044" NB "(7)" NB "7" NB "0" NB "0" NB "9"
	    NB "0" NB "0" NB "1" NB "2" NB "3", "phone", "[phone number]");
	/* the NI labels the pre-filter looks for */
	one("N.I. number AB123456C.", "AB123456C", "ni-number", "[NI number]");
	one("NINO: AB 12 34 56 C.", "AB 12 34 56 C", "ni-number",
	    "[NI number]");
	/* the Kelvin sign folds to k: a URL ending ".uK/" */
	one("site example.u\xe2\x84\xaa/x here", "example.u\xe2\x84\xaa/x",
	    "url", "[URL]");
}

static void
test_boundaries(void **state)
{
	(void)state;
	/* never inside a longer token */
	none("ID_9434765919 and 9434765919x and X9434765919");
	/* 11 digits are not an NHS number but a long number */
	assert_string_equal(one("code 19434765919 here", "19434765919",
	    "number", "[reference]"), "ids/long-number");
	none("item AB123456CX");
	/* the container wins: digits inside a URL stay in the URL */
	one("at https://example.com/9434765919/x.", 
	    "https://example.com/9434765919/x", "url", "[URL]");
	/* several in one paragraph, in order */
	assert_int_equal(scan("NHS 943 476 5919, tel 07700 900123, OL8 2JD."),
	    3);
	assert_true(ml.v[0].start < ml.v[1].start);
	assert_true(ml.v[1].start < ml.v[2].start);
	/* multi-byte text before a match: byte offsets */
	one("Zoë’s café 👶 OL8 2JD", "OL8 2JD", "postcode", "[postcode]");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nhs),
		cmocka_unit_test(test_ni),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_postcode),
		cmocka_unit_test(test_upn),
		cmocka_unit_test(test_vrm),
		cmocka_unit_test(test_reference),
		cmocka_unit_test(test_widest),
		cmocka_unit_test(test_boundaries),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
