/* Unit tests of the date detector (filters/dates.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "dates.h"
#include "record.h"

#define NBSP	"\xc2\xa0"
#define NDASH	"\xe2\x80\x93"

static struct mention_list	 found = MENTION_LIST_INIT;
static char			 surface[256];

/* Scans one paragraph with c; the mentions are left in found. */
static size_t
scan_with(struct dates_ctx *c, const char *text)
{
	static const struct mention_list none = MENTION_LIST_INIT;
	struct text_unit t = { 1, "L1", "lf", text, strlen(text) };
	char err[256];

	mention_list_clear(&found);
	assert_int_equal(dates_scan(c, &t, &none, &found, err, sizeof(err)),
	    0);
	return found.n;
}

static const char *
surf(const char *text, size_t i)
{
	size_t n = found.v[i].end - found.v[i].start;

	assert_true(n < sizeof(surface));
	memcpy(surface, text + found.v[i].start, n);
	surface[n] = '\0';
	return surface;
}

/*
 * Scans text under policy (shift days) and checks that it holds exactly
 * one date, span, with this hint and subtype.
 */
static void
one(enum dates_policy policy, long shift, const char *text, const char *span,
    const char *hint, const char *subtype)
{
	struct dates_ctx c;
	char err[256];

	assert_int_equal(dates_init(&c, policy, shift, err, sizeof(err)), 0);
	if (scan_with(&c, text) != 1)
		fail_msg("%s: %zu dates found", text, found.n);
	assert_string_equal(surf(text, 0), span);
	assert_string_equal(found.v[0].type, "date");
	assert_string_equal(found.v[0].hint, hint);
	assert_string_equal(found.v[0].subtype, subtype);
	dates_release(&c);
}

#define MON(text, span, hint)	one(DATES_MONTH, 0, text, span, hint, "")

/* Scans text (generalise) and checks that it holds no date at all. */
static void
none(const char *text)
{
	struct dates_ctx c;
	char err[256];

	assert_int_equal(dates_init(&c, DATES_GENERALISE, 0, err,
	    sizeof(err)), 0);
	if (scan_with(&c, text) != 0)
		fail_msg("%s: found '%s'", text, surf(text, 0));
	dates_release(&c);
}

static void
forms_long(void **state)
{
	(void)state;
	MON("Seen on 14 March 2017 at home.", "14 March 2017", "March 2017");
	MON("Seen on 14th March 2017.", "14th March 2017", "March 2017");
	MON("On the 14th of March 2017 she", "14th of March 2017",
	    "March 2017");
	MON("On Tuesday 14 March 2017 she", "Tuesday 14 March 2017",
	    "March 2017");
	MON("On Tuesday, the 14th of March 2017", "Tuesday, the 14th of "
	    "March 2017", "March 2017");
	MON("Dated March 14, 2017.", "March 14, 2017", "March 2017");
	/* An abbreviated month's full stop before the day (US style). */
	MON("On Feb. 21st, 2022 she", "Feb. 21st, 2022", "February 2022");
	MON("Dated Sept. 3, 2019.", "Sept. 3, 2019", "September 2019");
	MON("seen 14 Mar 17 by", "14 Mar 17", "March 2017");
	MON("seen 2 Sept 2016 by", "2 Sept 2016", "September 2016");
	MON("(MONDAY 3 APRIL 2017)", "MONDAY 3 APRIL 2017", "April 2017");
	MON("Sun 1 Jan 17, late", "Sun 1 Jan 17", "January 2017");
	MON("on 14 March '17, late", "14 March '17", "March 2017");
	MON("on 14 Sept. 2017, late", "14 Sept. 2017", "September 2017");
	MON("on 14 Sept. Then", "14 Sept", "September");
	/* A month in lower case is a typo only between a day and a year. */
	MON("on 14 march 2017, late", "14 march 2017", "March 2017");
}

#define GEN(text, span, hint)	one(DATES_GENERALISE, 0, text, span, hint, "")

/*
 * The default policy: the third of the year in brackets, whatever the
 * notation, joined to the year by a no-break space.
 */
#define T(third, year)	"[" third "]" NBSP year

static void
third_of_year(void **state)
{
	(void)state;
	GEN("seen in March 2017 at home", "March 2017", T("early", "2017"));
	GEN("seen in April 2017 at home", "April 2017", T("early", "2017"));
	GEN("seen in May 2017 at home", "May 2017", T("mid", "2017"));
	GEN("seen in Sept 2017 at home", "Sept 2017", T("late", "2017"));
	GEN("seen 14/12/17 at home", "14/12/17", T("late", "2017"));
	/* A day after "on" keeps the sentence readable. */
	GEN("seen on 14 March 2017 at home", "14 March 2017",
	    T("a" NBSP "day" NBSP "in" NBSP "early", "2017"));
	/* Capitals: a sentence or numbered paragraph starts, ALL CAPS. */
	GEN("It ended. March 2017 was hard", "March 2017", T("Early", "2017"));
	GEN("7.3 14/12/17: a visit", "14/12/17", T("Late", "2017"));
	GEN("(MONDAY 3 APRIL 2017)", "MONDAY 3 APRIL 2017",
	    T("EARLY", "2017"));
	/* Ranges collapse within one third and name both ends otherwise. */
	one(DATES_GENERALISE, 0, "admitted 14-16 March 2017.",
	    "14-16 March 2017", T("early", "2017"), "range");
	one(DATES_GENERALISE, 0, "from March to July 2017 the",
	    "March to July 2017", T("early" NBSP "to" NBSP "mid", "2017"),
	    "range");
	one(DATES_GENERALISE, 0, "stay (29 December-3 January 2010)",
	    "29 December-3 January 2010",
	    T("late", "2009") "-" T("early", "2010"), "range");
	/* No year: the month is no date anyone can place. */
	GEN("on 14 Sept. Then", "14 Sept", "September");
}

static void
forms_numeric(void **state)
{
	(void)state;
	MON("on 14/03/2017 the", "14/03/2017", "03/2017");
	MON("on 14/3/17 the", "14/3/17", "03/2017");
	MON("on 14.03.2017 the", "14.03.2017", "03/2017");
	MON("on 14.3.17 the", "14.3.17", "03/2017");
	MON("on 14-03-2017 the", "14-03-2017", "03/2017");
	MON("on 2017-03-14 the", "2017-03-14", "2017-03");
	MON("Visit\t7.1.15\tHV", "7.1.15", "01/2015");
	/* Two-digit years: 00-35 are 2000s, 36-99 1900s. */
	MON("on 1/2/36.", "1/2/36", "02/1936");
	MON("on 1/2/35.", "1/2/35", "02/2035");
}

static void
forms_partial(void **state)
{
	(void)state;
	MON("On 14th March she", "14th March", "March");
	MON("On Thursday 8 December she", "Thursday 8 December", "December");
	MON("by 6 September the", "6 September", "September");
	MON("by March 14th the", "March 14th", "March");
	/* Month and year stay as written (they name no day). */
	MON("In March 2017 the", "March 2017", "March 2017");
	MON("In Sept 2016 the", "Sept 2016", "Sept 2016");
	MON("In March" NBSP "2017 the", "March" NBSP "2017",
	    "March" NBSP "2017");
}

static void
forms_nbsp(void **state)
{
	(void)state;
	MON("on 15" NBSP "April" NBSP "1996 she", "15" NBSP "April" NBSP
	    "1996", "April 1996");
	MON("on 30th" NBSP "April" NBSP "2017 to", "30th" NBSP "April" NBSP
	    "2017", "April 2017");
}

/*
 * The pattern is searched only near digits (dates.c, search_window()):
 * the longest lead before a date's first digit, any number of spaces,
 * text without digits, digits that start no date before one that does.
 */
static void
near_digits(void **state)
{
	static const char *const lead[] = {
		"It was on Wednesday, the September to November 2017 that",
		"On Wednesday," NBSP "the" NBSP NBSP "September\xe2\x80\xafto"
		    "\xe2\x80\xafNovember, 2017 it",
		"On WEDNESDAY,          the          SEPTEMBER until "
		    "NOVEMBER          2017",
	};
	struct dates_ctx c;
	char err[256];
	size_t i;

	(void)state;
	assert_int_equal(dates_init(&c, DATES_MONTH, 0, err, sizeof(err)),
	    0);
	for (i = 0; i < sizeof(lead) / sizeof(lead[0]); i++) {
		if (scan_with(&c, lead[i]) != 1)
			fail_msg("%s: %zu dates found", lead[i], found.n);
		assert_true(strncasecmp(surf(lead[i], 0), "Wednesday", 9) ==
		    0);
		assert_string_equal(found.v[0].subtype, "range");
	}
	assert_int_equal(scan_with(&c, "On Wednesday the 14th of March "
	    "and no year"), 1);
	assert_string_equal(surf("On Wednesday the 14th of March and no year",
	    0), "Wednesday the 14th of March");
	assert_int_equal(scan_with(&c, "Wednesday the September, no "
	    "digits at all"), 0);
	assert_int_equal(scan_with(&c, "paragraph 4.2.13 and 12 34 5 then "
	    "on 3 May 2017 and 4.6 then 9 June"), 2);
	dates_release(&c);
}

/*
 * The forms at the edges of may_match(), the test that spares PCRE2 the
 * digits no date can hold: a month far after the day, a month before the
 * year with a '.' and a ',', numeric dates, a lower-case month.
 */
static void
pre_filter(void **state)
{
	static const char *const text[] = {
		"On 14th until Wednesday, the 16th of March 2017 it",
		"On 14th   until   WEDNESDAY,    the    16th    of    MARCH "
		    "2017 it",
		"On 14th" NDASH "Wednesday, the 16th of March it",
		"In Mar., 2017 it",
		"on 1.2.2017 it",
		"on 2017-03-14 it",
		"on 1/12/17 it",
		"on 3 may 2017 it",
	};
	static const char *const want[] = {
		"14th until Wednesday, the 16th of March 2017",
		"14th   until   WEDNESDAY,    the    16th    of    MARCH 2017",
		"14th" NDASH "Wednesday, the 16th of March",
		"Mar., 2017", "1.2.2017", "2017-03-14", "1/12/17", "3 may 2017",
	};
	struct dates_ctx c;
	char err[256];
	size_t i;

	(void)state;
	assert_int_equal(dates_init(&c, DATES_MONTH, 0, err, sizeof(err)),
	    0);
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		if (scan_with(&c, text[i]) != 1)
			fail_msg("%s: %zu dates found", text[i], found.n);
		assert_string_equal(surf(text[i], 0), want[i]);
	}
	assert_int_equal(scan_with(&c, "in 2015. Then 7.56 and 10-4 on 3."),
	    0);
	dates_release(&c);
}

static void
forms_range(void **state)
{
	(void)state;
	one(DATES_MONTH, 0, "admitted (14" NDASH "16 March 2017).",
	    "14" NDASH "16 March 2017", "March 2017", "range");
	one(DATES_MONTH, 0, "admitted 14-16 March 2017.",
	    "14-16 March 2017", "March 2017", "range");
	one(DATES_MONTH, 0, "visits between 3 and 9 May showed",
	    "3 and 9 May", "May", "range");
	one(DATES_MONTH, 0, "from 3rd to 9th of May 2016",
	    "3rd to 9th of May 2016", "May 2016", "range");
	one(DATES_MONTH, 0, "(29 July" NDASH "2 August 2020)",
	    "29 July" NDASH "2 August 2020", "July" NDASH "August 2020",
	    "range");
	one(DATES_MONTH, 0, "(29 December-3 January 2010)",
	    "29 December-3 January 2010", "December 2009-January 2010",
	    "range");
	one(DATES_MONTH, 0, "from March to May 2017 the",
	    "March to May 2017", "March to May 2017", "range");
}

static void
range_two_dates(void **state)
{
	struct dates_ctx c;
	char err[256];
	const char *t = "from 25 August 2014 to 5 October 2015 the";

	(void)state;
	/* Both ends with a year: two dates, as the gold has them. */
	assert_int_equal(dates_init(&c, DATES_GENERALISE, 0, err,
	    sizeof(err)), 0);
	assert_int_equal(scan_with(&c, t), 2);
	assert_string_equal(surf(t, 0), "25 August 2014");
	assert_string_equal(surf(t, 1), "5 October 2015");
	/* A backwards "range" falls back to the dates inside it. */
	t = "from 30 May to 2 May 2017 x";
	assert_int_equal(scan_with(&c, t), 2);
	assert_string_equal(surf(t, 0), "30 May");
	assert_string_equal(surf(t, 1), "2 May 2017");
	dates_release(&c);
}

static void
traps(void **state)
{
	(void)state;
	none("under section 47 of the Children Act 1989 and the Children "
	    "Act 2004");
	none("Working Together to Safeguard Children 2018 says");
	none("9.26 May was a particularly difficult month");
	none("6.2 May was hard");
	none("at 14:30 and again at 10.15 the next day");
	none("It was March. 4 items were found");
	none("She was 3 years old; 14 months later, aged 2");
	none("It cost \xc2\xa3" "14.50 and $3.20 in total");
	none("In 2017 the family moved; by 2019 they had left");
	none("May was a difficult month.  Hope was expressed.");
	none("It may be that they march on.");
	none("by 3 may be enough; 14 march past");
	none("Mother May Smith and her friend March");
	none("On Monday the family visited");
	none("see paragraph 4.2.13 and section 3.1.15");
	none("6.2.15 The review found");
	none("They lived at 14 March Road and 3 May Court");
	none("Flat 3 May Court");
	none("Her phone is 0161 234 5678 and case 2017-004512");
	none("Version 1.2.2017 of the tool");
	none("It lasted 2-3 weeks, 0-19 service");
	/* Numeric dates must be valid; a written one may be a typo. */
	none("on 31/04/2017 and 29/02/2017 and 32/01/2017");
	none("scored 12/15/2017 and 3/13/17");
}

static void
leap_day(void **state)
{
	(void)state;
	MON("on 29/02/2016 the", "29/02/2016", "02/2016");
	MON("on 29 February the", "29 February", "February");
	MON("on 30 February 2017 the", "30 February 2017", "February 2017");
}

static void
dob_context(void **state)
{
	(void)state;
	one(DATES_GENERALISE, 0, "DOB: 02/05/2015", "02/05/2015",
	    "[date of birth]", "dob");
	one(DATES_GENERALISE, 0, "Star (D.O.B. 31.8.07) lived",
	    "31.8.07", "[date of birth]", "dob");
	one(DATES_GENERALISE, 0, "Ryan (born 13 October 2008)",
	    "13 October 2008", "[date of birth]", "dob");
	one(DATES_GENERALISE, 0, "He was born on the 3rd of May 2001.",
	    "3rd of May 2001", "[date of birth]", "dob");
	one(DATES_GENERALISE, 0, "She was born prematurely on 3 May 2001.",
	    "3 May 2001", "[date of birth]", "dob");
	one(DATES_GENERALISE, 0, "Date of birth\t14 April 1996",
	    "14 April 1996", "[date of birth]", "dob");
	/* Whatever the policy. */
	one(DATES_KEEP, 0, "DOB 02/05/2015", "02/05/2015",
	    "[date of birth]", "dob");
	one(DATES_SHIFT, 40, "DOB 02/05/2015", "02/05/2015",
	    "[date of birth]", "dob");
	one(DATES_YEAR, 0, "DOB 02/05/2015", "02/05/2015",
	    "[date of birth]", "dob");
}

static void
dob_not_later(void **state)
{
	struct dates_ctx c;
	char err[256];

	(void)state;
	/* A birth mentioned earlier in the sentence is not this date. */
	assert_int_equal(dates_init(&c, DATES_MONTH, 0, err,
	    sizeof(err)), 0);
	assert_int_equal(scan_with(&c, "born on 3 May 2001; seen on 4 May "
	    "2001"), 2);
	assert_string_equal(found.v[0].subtype, "dob");
	assert_string_equal(found.v[1].subtype, "");
	assert_string_equal(found.v[1].hint, "May 2001");
	dates_release(&c);
}

static void
dob_table(void **state)
{
	struct dates_ctx c;
	char err[256];
	const char *row1 = "Kay Smith\tSubject child\t29.12.16\t"
	    "01/02/2020";
	const char *row2 = "Dee Smith\tMother\t02/05/1990\t";

	(void)state;
	assert_int_equal(dates_init(&c, DATES_MONTH, 0, err,
	    sizeof(err)), 0);
	assert_int_equal(scan_with(&c, "Name\tRole\tDate of birth\t"
	    "Referral"), 0);
	assert_int_equal(scan_with(&c, row1), 2);
	assert_string_equal(surf(row1, 0), "29.12.16");
	assert_string_equal(found.v[0].subtype, "dob");
	assert_string_equal(found.v[0].hint, "[date of birth]");
	/* Another column of the same row is not a date of birth. */
	assert_string_equal(found.v[1].subtype, "");
	assert_string_equal(found.v[1].hint, "02/2020");
	assert_int_equal(scan_with(&c, row2), 1);
	assert_string_equal(found.v[0].subtype, "dob");
	/* A paragraph without cells ends the table. */
	assert_int_equal(scan_with(&c, "After the table."), 0);
	assert_int_equal(scan_with(&c, row2), 1);
	assert_string_equal(found.v[0].subtype, "");
	dates_release(&c);
}

static void
policy_year_redact_keep(void **state)
{
	struct dates_ctx c;
	char err[256];

	(void)state;
	one(DATES_YEAR, 0, "on 14/3/17 the", "14/3/17", "2017", "");
	one(DATES_YEAR, 0, "In March 2017", "March 2017", "2017", "");
	one(DATES_YEAR, 0, "on 14th March", "14th March", "[date]", "");
	one(DATES_YEAR, 0, "(29 December-3 January 2010)",
	    "29 December-3 January 2010", "2009-2010", "range");
	one(DATES_REDACT, 0, "On Tuesday 14 March 2017 she",
	    "Tuesday 14 March 2017", "[date]", "");
	one(DATES_REDACT, 0, "In March 2017", "March 2017", "[date]", "");
	assert_int_equal(dates_init(&c, DATES_KEEP, 0, err, sizeof(err)), 0);
	assert_int_equal(scan_with(&c, "On 14 March 2017 and 3/4/15"), 0);
	dates_release(&c);
}

static void
policy_shift(void **state)
{
	struct dates_ctx c;
	char err[256];

	(void)state;
	/* 14 March 2017 (a Tuesday) + 30 days = Thursday 13 April 2017. */
	one(DATES_SHIFT, 30, "on Tuesday 14th of March 2017 x",
	    "Tuesday 14th of March 2017", "Thursday 13th of April 2017", "");
	one(DATES_SHIFT, 30, "on 14/03/2017 x", "14/03/2017", "13/04/2017",
	    "");
	one(DATES_SHIFT, 30, "on 14.3.17 x", "14.3.17", "13.4.17", "");
	one(DATES_SHIFT, 30, "on 2017-03-14 x", "2017-03-14", "2017-04-13",
	    "");
	one(DATES_SHIFT, 30, "on 14 Mar 17 x", "14 Mar 17", "13 Apr 17", "");
	one(DATES_SHIFT, 30, "on March 14, 2017 x", "March 14, 2017",
	    "April 13, 2017", "");
	one(DATES_SHIFT, -13, "on 1st March 2017 x", "1st March 2017",
	    "16th February 2017", "");
	one(DATES_SHIFT, 30, "on 5 September 2016 x", "5 September 2016",
	    "5 October 2016", "");
	one(DATES_SHIFT, 30, "in March 2017 x", "March 2017", "April 2017",
	    "");
	one(DATES_SHIFT, 30, "(14" NDASH "16 March 2017)",
	    "14" NDASH "16 March 2017", "13" NDASH "15 April 2017", "range");
	/* The shared month no longer fits both ends. */
	one(DATES_SHIFT, 17, "(14" NDASH "16 March 2017)",
	    "14" NDASH "16 March 2017", "31 March" NDASH "2 April 2017",
	    "range");
	one(DATES_SHIFT, 20, "(30 January-2 February 2016)",
	    "30 January-2 February 2016", "19 February-22 February 2016",
	    "range");
	/* Across a leap day. */
	one(DATES_SHIFT, 1, "on 28/02/2016 x", "28/02/2016", "29/02/2016",
	    "");
	/* A date without a year takes the year of the last date seen. */
	assert_int_equal(dates_init(&c, DATES_SHIFT, 1, err, sizeof(err)), 0);
	assert_int_equal(scan_with(&c, "on 28 February 2016"), 1);
	assert_int_equal(scan_with(&c, "and on 28 February"), 1);
	assert_string_equal(found.v[0].hint, "29 February");
	dates_release(&c);
}

static void
prior_overlap(void **state)
{
	struct dates_ctx c;
	struct mention_list prior = MENTION_LIST_INIT;
	const char *text = "ref 2017-03-14 and 14/03/2017";
	struct text_unit t = { 1, "L1", "lf", text, strlen(text) };
	char err[256];

	(void)state;
	assert_int_equal(mention_list_add(&prior, 1, 4, 14, "identifier",
	    "case-ref", "ids/x", 90, "", ""), 0);
	assert_int_equal(dates_init(&c, DATES_GENERALISE, 0, err,
	    sizeof(err)), 0);
	mention_list_clear(&found);
	assert_int_equal(dates_scan(&c, &t, &prior, &found, err,
	    sizeof(err)), 0);
	assert_int_equal(found.n, 1);
	assert_int_equal(found.v[0].start, 19);
	assert_string_equal(found.v[0].rule, "dates/numeric");
	assert_int_equal(found.v[0].text, 1);
	dates_release(&c);
	mention_list_release(&prior);
}

static void
bad_utf8(void **state)
{
	static const struct mention_list none_prior = MENTION_LIST_INIT;
	struct dates_ctx c;
	struct text_unit t = { 7, "L7", "lf", "14 May 2017 \xc3", 13 };
	char err[256];

	(void)state;
	assert_int_equal(dates_init(&c, DATES_GENERALISE, 0, err,
	    sizeof(err)), 0);
	assert_int_equal(dates_scan(&c, &t, &none_prior, &found, err,
	    sizeof(err)), -1);
	assert_string_equal(err, "text 7: invalid UTF-8 at byte 12");
	dates_release(&c);
}

static void
calendar(void **state)
{
	long d;
	int y, m, dd;

	(void)state;
	assert_int_equal(dates_days(1970, 1, 1), 0);
	assert_int_equal(dates_days(2000, 3, 1) - dates_days(2000, 2, 28), 2);
	assert_int_equal(dates_days(1900, 3, 1) - dates_days(1900, 2, 28), 1);
	assert_int_equal(dates_weekday(dates_days(2017, 3, 14)), 1); /* Tue */
	assert_int_equal(dates_weekday(dates_days(1969, 12, 31)), 2);
	for (d = -40000; d < 40000; d += 37) {
		dates_civil(d, &y, &m, &dd);
		assert_int_equal(dates_days(y, m, dd), d);
	}
}

static void
shift_sources(void **state)
{
	char path[] = "/tmp/test_dates.XXXXXX", err[256];
	long days = 0, a, b;
	int fd;
	FILE *fp;
	unsigned long long s;

	(void)state;
	a = dates_shift_from_seed(0);
	b = dates_shift_from_seed(0);
	assert_int_equal(a, b);
	for (s = 0; s < 2000; s++) {
		a = dates_shift_from_seed(s);
		assert_true((a >= 30 && a <= 365) || (a <= -30 && a >= -365));
	}
	assert_int_not_equal(dates_shift_from_seed(1),
	    dates_shift_from_seed(2));

	assert_int_equal(dates_shift_from_map("/nonexistent/map", &days, err,
	    sizeof(err)), 0);
	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(fp = fdopen(fd, "w"));
	fputs("entity\tE1\tperson\tChild F1\n", fp);
	fputs("date-shift\t-123\n", fp);
	fclose(fp);
	assert_int_equal(dates_shift_from_map(path, &days, err, sizeof(err)),
	    1);
	assert_int_equal(days, -123);
	assert_non_null(fp = fopen(path, "w"));
	fputs("date-shift\tsoon\n", fp);
	fclose(fp);
	assert_int_equal(dates_shift_from_map(path, &days, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, ":1: bad date-shift value"));
	unlink(path);
}

static void
policy_names(void **state)
{
	enum dates_policy p;

	(void)state;
	assert_int_equal(dates_policy_parse("shift", &p), 0);
	assert_int_equal(p, DATES_SHIFT);
	assert_int_equal(dates_policy_parse("keep", &p), 0);
	assert_int_equal(p, DATES_KEEP);
	assert_int_equal(dates_policy_parse("exact", &p), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forms_long),
		cmocka_unit_test(third_of_year),
		cmocka_unit_test(forms_numeric),
		cmocka_unit_test(forms_partial),
		cmocka_unit_test(forms_nbsp),
		cmocka_unit_test(near_digits),
		cmocka_unit_test(pre_filter),
		cmocka_unit_test(forms_range),
		cmocka_unit_test(range_two_dates),
		cmocka_unit_test(traps),
		cmocka_unit_test(leap_day),
		cmocka_unit_test(dob_context),
		cmocka_unit_test(dob_not_later),
		cmocka_unit_test(dob_table),
		cmocka_unit_test(policy_year_redact_keep),
		cmocka_unit_test(policy_shift),
		cmocka_unit_test(prior_overlap),
		cmocka_unit_test(bad_utf8),
		cmocka_unit_test(calendar),
		cmocka_unit_test(shift_sources),
		cmocka_unit_test(policy_names),
	};
	int rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	mention_list_release(&found);
	return rc;
}
