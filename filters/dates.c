/*
 * dates.c — finds dates in a paragraph and proposes their replacement.
 *
 * One PCRE2 pattern (JIT-compiled once) finds candidate spans.  Each span
 * is then parsed by hand into at most two parts (a range has two) of day,
 * month and year, validated, and rendered under the policy.  See
 * docs/anon-dates.1.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "dates.h"
#include "record.h"
#include "sbuf.h"
#include "spanmap.h"
#include "utf8.h"

/*
 * Pieces of the main pattern.  Spaces inside a date may be U+00A0 or
 * U+202F; a date never spans a TAB (table cell) or a line break.
 */
#define SP	"[ \\x{a0}\\x{202f}]+"
#define SP0	"[ \\x{a0}\\x{202f}]*"
#define NL	"(?![\\p{L}\\p{N}])"
#define DAY	"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
#define ORD	"(?:st|nd|rd|th|ST|ND|RD|TH)"
#define DO	DAY ORD "?" NL
#define OF	"(?:" SP "of)?"
#define MONF	"(?:January|February|March|April|May|June|July|August|" \
		"September|October|November|December|JANUARY|FEBRUARY|" \
		"MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|" \
		"NOVEMBER|DECEMBER)"
#define MONA	"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|" \
		"JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)"
/* Any month, factored so that a capital that starts no month fails fast. */
#define MON	"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|" \
		"July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|" \
		"Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|" \
		"MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|" \
		"SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|" \
		"DEC(?:EMBER)?)" NL
#define Y4	"(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9])"
#define Y2	"[0-9]{2}(?![0-9]|[:.][0-9])"
/* A month and an optional year; two-digit years only after "Mar" etc. */
#define YA	"['\\x{2019}][0-9]{2}(?![0-9])"
/* A month and an optional year: "March 2017", "March '17", "Mar. 17". */
#define MONY	"(?:" MONF NL "(?:,?" SP "(?:" Y4 "|" YA "))?|" MONA NL \
		"(?:\\.?,?" SP "(?:" Y4 "|" YA "|" Y2 "))?)"
/* A month in lower case, accepted only between a day and a year. */
#define MONL	"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|" \
		"june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|" \
		"nov(?:ember)?|dec(?:ember)?)" NL
#define LOWER	"|" DO OF SP MONL ",?" SP Y4
#define WD	"(?:(?:(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs?)?|Fri|" \
		"Sat(?:ur)?|Sun)(?:day)?|(?:MON|TUE(?:S)?|WED(?:NES)?|" \
		"THU(?:RS?)?|FRI|SAT(?:UR)?|SUN)(?:DAY)?)" NL \
		",?" SP "(?:the" SP ")?)"
#define DASH	"(?:" SP0 "[-\\x{2013}\\x{2014}]" SP0 "|" SP \
		"(?:to|until|till|and|&)" SP ")"
#define MNUM	"(?:1[0-2]|0?[1-9])(?![0-9])"

/*
 * The pattern only finds spans; parse() tells their shape from what they
 * hold.  It has no lookbehind, MARK or named group at the front, so that
 * PCRE2 can skip ahead to the characters a date can start with; what may
 * precede a date is checked by bad_before().
 */
#define NUMERIC \
	/* 14/03/2017, 14.3.17, 14-03-2017 */ \
	"|" DAY "([./-])" MNUM "\\1(?:[0-9]{4}|[0-9]{2})" \
	    "(?![0-9]|[./-][0-9])" \
	/* 2017-03-14 */ \
	"|(?:19|20)[0-9]{2}-(?:1[0-2]|0[1-9])-" \
	    "(?:3[01]|[12][0-9]|0[1-9])(?![0-9]|-[0-9])"
#define MONFIRST \
	MON "\\.?(?:" \
	/* March 14, 2017; March 14th */ \
	    SP "(?:" DAY ORD "?" ",?" SP Y4 "|" DAY ORD NL ")" \
	/* March to May 2017 */ \
	    "|" DASH MON ",?" SP Y4 \
	/* March 2017 */ \
	    "|,?" SP Y4 ")"

static const char main_pattern[] =
	WD "?(?:"
	/* Tuesday 14th of March 2017, 14 Mar 17, 14 March; and ranges:
	 * 12–16 March 2014, 29 July–2 August 2020, between 3 and 9 May */
	    DO "(?:(?:" OF SP MON ")?" DASH WD "?" DO ")?" OF SP MONY
	    LOWER "|" MONFIRST ")"
	NUMERIC;
/* Tried where a range was rejected ("30 May-2 May 2017"); a range whose
 * ends both carry a year is two dates and is never matched as one. */
static const char single_pattern[] =
	WD "?(?:" DO OF SP MONY LOWER "|" MONFIRST ")" NUMERIC;

/* Right before a date: a label saying it is a date of birth. */
static const char dob_pattern[] =
	"(?:\\bd\\.?\\s?o\\.?\\s?b\\b\\.?|\\bdate\\s+of\\s+birth|"
	"\\bbirth\\s*date|\\bborn(?:\\s+(?:on|in))?(?:\\s+the)?|"
	"\\bborn\\b[^.;:0-9\\t\\n]{0,30}\\b(?:on|in)(?:\\s+the)?)"
	"[\\s:(\\[,\\x{2013}\\-]*$";

/* A table cell that heads a column of dates of birth. */
static const char dobcell_pattern[] =
	"\\s*(?:date\\s+of\\s+birth|d\\.?o\\.?b\\.?|birth\\s*date|born)\\b";

struct dates_rx {
	pcre2_code		*main;
	pcre2_code		*single;
	pcre2_code		*dob;
	pcre2_code		*dobcell;
	pcre2_match_data	*md;
	pcre2_match_data	*md2;
	pcre2_match_data	*mds;	/* for single */
	pcre2_match_context	*mctx;	/* main's offset limit */
	struct sbuf		 hint;
};

static const char *const mon_full[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};
static const char *const mon_abbr[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};
static const char *const wd_full[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};
static const char *const wd_abbr[7] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

/*
 * Words that, right before a day-first candidate, make its number
 * something else: "paragraph 4.2.13", "Section 17 May", "Flat 3 May
 * Court", "aged 14 March" would be odd but "Year 3 May" is not.
 */
static const char *const not_before[] = {
	"age", "aged", "annex", "appendix", "article", "bed", "block",
	"chapter", "clause", "fig", "figure", "flat", "floor", "grade",
	"house", "item", "level", "no", "number", "page", "pages", "para",
	"paragraph", "paragraphs", "paras", "part", "phase", "point", "rec",
	"recommendation", "regulation", "room", "rule", "s", "schedule",
	"section", "sections", "stage", "standard", "step", "table", "unit",
	"v", "version", "ward", "year", "years", NULL
};

/*
 * Words that, right after a day and month with no year, make them a
 * street or building: "14 March Road", "3 May Court".
 */
static const char *const not_after[] = {
	"Avenue", "Close", "Cottages", "Court", "Crescent", "Drive", "Farm",
	"Gardens", "Green", "Grove", "Hall", "Hill", "House", "Lane", "Mews",
	"Park", "Place", "Rise", "Road", "Row", "Square", "Street",
	"Terrace", "View", "Walk", "Way", "Yard", NULL
};

enum role { R_OTHER, R_WD, R_DAY, R_ORD, R_MON, R_MONNUM, R_YEAR };

struct tok {
	size_t	off;		/* within the span */
	size_t	len;
	int	role;
	int	part;
};

struct part {
	int	d, m, y;	/* 0 = absent */
	int	m_implied;	/* month written once for the range */
	int	y_implied;
};

#define MAXTOK	24

struct dval {
	const char	*shape;
	int		 nparts;
	struct part	 p[2];
	struct tok	 tok[MAXTOK];
	int		 ntok;
	size_t		 sep0, sep1;	/* range separator within the span */
};

long
dates_days(int y, int m, int d)
{
	/* Days from civil, after H. Hinnant's well-known derivation. */
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
dates_civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
dates_weekday(long days)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	long w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

static int
mdays(int m, int y)
{
	static const int n[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && y != 0)
		return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
	return n[m - 1];
}

/* Two-digit years: 00-35 are 2000s, 36-99 1900s. */
static int
pivot(int yy)
{
	return yy <= 35 ? 2000 + yy : 1900 + yy;
}

int
dates_policy_parse(const char *name, enum dates_policy *p)
{
	static const struct { const char *n; enum dates_policy p; } t[] = {
		{ "generalise", DATES_GENERALISE }, { "month", DATES_MONTH },
		{ "year", DATES_YEAR },
		{ "shift", DATES_SHIFT }, { "redact", DATES_REDACT },
		{ "keep", DATES_KEEP }
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(name, t[i].n) == 0) {
			*p = t[i].p;
			return 0;
		}
	return -1;
}

long
dates_shift_from_seed(unsigned long long seed)
{
	/* splitmix64: a fixed, well-mixed function of the seed. */
	unsigned long long z = seed + 0x9e3779b97f4a7c15ULL;
	long days;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	days = 30 + (long)((z >> 1) % 336);
	return (z & 1) ? -days : days;
}

int
dates_shift_from_map(const char *path, long *days, char *err, size_t errlen)
{
	FILE *fp;
	char *line = NULL, *end;
	size_t cap = 0;
	ssize_t n;
	unsigned long lineno = 0;
	int found = 0;
	long v;

	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (strncmp(line, "date-shift\t", 11) != 0)
			continue;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		errno = 0;
		v = strtol(line + 11, &end, 10);
		if (end == line + 11 || *end != '\0' || errno != 0 ||
		    v < -36500 || v > 36500) {
			snprintf(err, errlen, "%s:%lu: bad date-shift value",
			    path, lineno);
			free(line);
			fclose(fp);
			return -1;
		}
		*days = v;
		found = 1;
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		free(line);
		fclose(fp);
		return -1;
	}
	free(line);
	fclose(fp);
	return found;
}

static pcre2_code *
compile(const char *pat, uint32_t opts, char *err, size_t errlen)
{
	pcre2_code *re;
	int ec;
	PCRE2_SIZE eo;
	PCRE2_UCHAR msg[120];

	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | opts, &ec, &eo, NULL);
	if (re == NULL) {
		pcre2_get_error_message(ec, msg, sizeof(msg));
		snprintf(err, errlen, "date pattern, offset %zu: %s",
		    (size_t)eo, (char *)msg);
		return NULL;
	}
	/* JIT is a speed-up only: without it the interpreter is used. */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

int
dates_init(struct dates_ctx *c, enum dates_policy policy, long shift,
    char *err, size_t errlen)
{
	struct dates_rx *rx;

	memset(c, 0, sizeof(*c));
	c->policy = policy;
	c->shift = shift;
	c->dob_col = -1;
	if ((rx = calloc(1, sizeof(*rx))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	c->rx = rx;
	if ((rx->main = compile(main_pattern, PCRE2_USE_OFFSET_LIMIT, err,
	    errlen)) == NULL ||
	    (rx->single = compile(single_pattern, PCRE2_ANCHORED, err,
	    errlen)) == NULL ||
	    (rx->dob = compile(dob_pattern, PCRE2_CASELESS | PCRE2_UCP,
	    err, errlen)) == NULL ||
	    (rx->dobcell = compile(dobcell_pattern,
	    PCRE2_CASELESS | PCRE2_UCP | PCRE2_ANCHORED, err, errlen)) == NULL)
		goto fail;
	rx->md = pcre2_match_data_create_from_pattern(rx->main, NULL);
	rx->md2 = pcre2_match_data_create(4, NULL);
	rx->mds = pcre2_match_data_create_from_pattern(rx->single, NULL);
	rx->mctx = pcre2_match_context_create(NULL);
	if (rx->md == NULL || rx->md2 == NULL || rx->mds == NULL ||
	    rx->mctx == NULL) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	return 0;
fail:
	dates_release(c);
	return -1;
}

void
dates_release(struct dates_ctx *c)
{
	struct dates_rx *rx = c->rx;

	if (rx == NULL)
		return;
	pcre2_code_free(rx->main);
	pcre2_code_free(rx->single);
	pcre2_code_free(rx->dob);
	pcre2_code_free(rx->dobcell);
	pcre2_match_data_free(rx->md);
	pcre2_match_data_free(rx->md2);
	pcre2_match_data_free(rx->mds);
	pcre2_match_context_free(rx->mctx);
	sbuf_release(&rx->hint);
	free(rx);
	c->rx = NULL;
}

static int
word_eq(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && strncasecmp(s, w, len) == 0;
}

/* Returns the month 1..12 of a month word, or 0. */
static int
month_of(const char *s, size_t len)
{
	int i;

	for (i = 0; i < 12; i++)
		if (word_eq(s, len, mon_full[i]) || word_eq(s, len, mon_abbr[i]))
			return i + 1;
	if (word_eq(s, len, "Sept"))
		return 9;
	return 0;
}

static int
is_weekday(const char *s, size_t len)
{
	static const char *const w[] = { "Tues", "Thur", "Thurs", NULL };
	int i;

	for (i = 0; i < 7; i++)
		if (word_eq(s, len, wd_full[i]) || word_eq(s, len, wd_abbr[i]))
			return 1;
	for (i = 0; w[i] != NULL; i++)
		if (word_eq(s, len, w[i]))
			return 1;
	return 0;
}

static int
num_of(const char *s, size_t len)
{
	int v = 0;
	size_t i;

	for (i = 0; i < len; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int
addtok(struct dval *v, size_t off, size_t len, int role, int part)
{
	if (v->ntok == MAXTOK)
		return -1;
	v->tok[v->ntok].off = off;
	v->tok[v->ntok].len = len;
	v->tok[v->ntok].role = role;
	v->tok[v->ntok].part = part;
	v->ntok++;
	return 0;
}

/*
 * Parses the span s[0..len) that the pattern matched and names its shape:
 * "num" (14/3/17), "iso", "dmy" (14 March 2017), "mdy" (March 14, 2017),
 * "my" (March 2017) or "range".  Returns 0, or -1 when it is no valid date
 * after all (30 February, a range that runs backwards).
 */
static int
parse(const char *s, size_t len, struct dval *v)
{
	size_t i = 0, j;
	int cur = 0, newpart = 0, numeric, k, first_tok_of_p1 = -1;
	int last_tok_of_p0 = -1, nnum = 0;
	struct part *p;

	memset(v, 0, sizeof(*v));
	for (j = 0; j < len && !isalpha((unsigned char)s[j]); j++)
		;
	numeric = j == len;
	if (numeric)
		v->shape = len > 4 && isdigit((unsigned char)s[1]) &&
		    isdigit((unsigned char)s[2]) &&
		    isdigit((unsigned char)s[3]) ? "iso" : "num";
	while (i < len) {
		j = i;
		if (isdigit((unsigned char)s[i])) {
			while (j < len && isdigit((unsigned char)s[j]))
				j++;
			k = num_of(s + i, j - i);
			if (numeric) {
				int role;
				p = &v->p[0];
				if (v->shape[0] == 'i')
					role = nnum == 0 ? R_YEAR :
					    nnum == 1 ? R_MONNUM : R_DAY;
				else
					role = nnum == 0 ? R_DAY :
					    nnum == 1 ? R_MONNUM : R_YEAR;
				if (role == R_YEAR)
					p->y = j - i == 4 ? k : pivot(k);
				else if (role == R_MONNUM)
					p->m = k;
				else
					p->d = k;
				if (addtok(v, i, j - i, role, 0) == -1)
					return -1;
				nnum++;
			} else if (j - i == 4 || (v->p[cur].d && v->p[cur].m &&
			    !v->p[cur].y && !newpart)) {
				v->p[cur].y = j - i == 4 ? k : pivot(k);
				if (addtok(v, i, j - i, R_YEAR, cur) == -1)
					return -1;
			} else {
				if ((newpart || v->p[cur].d) && cur == 0 &&
				    (v->p[0].d || v->p[0].m)) {
					cur = 1;
					newpart = 0;
				}
				newpart = 0;
				v->p[cur].d = k;
				if (addtok(v, i, j - i, R_DAY, cur) == -1)
					return -1;
			}
		} else if (isalpha((unsigned char)s[i])) {
			while (j < len && isalpha((unsigned char)s[j]))
				j++;
			if (i > 0 && isdigit((unsigned char)s[i - 1]) &&
			    j - i == 2 && !month_of(s + i, 2)) {
				if (addtok(v, i, 2, R_ORD, cur) == -1)
					return -1;
			} else if ((k = month_of(s + i, j - i)) != 0) {
				if ((newpart || v->p[cur].m) && cur == 0) {
					cur = 1;
				}
				newpart = 0;
				v->p[cur].m = k;
				if (addtok(v, i, j - i, R_MON, cur) == -1)
					return -1;
			} else if (is_weekday(s + i, j - i)) {
				if ((newpart || v->p[cur].d || v->p[cur].m) &&
				    cur == 0)
					cur = 1;
				newpart = 0;
				if (addtok(v, i, j - i, R_WD, cur) == -1)
					return -1;
			} else if (word_eq(s + i, j - i, "to") ||
			    word_eq(s + i, j - i, "until") ||
			    word_eq(s + i, j - i, "till"))
				newpart = 1;
			else if (word_eq(s + i, j - i, "and"))
				newpart = 1;
		} else {
			j = i + 1;
			if (s[i] == '-' || s[i] == '&' ||
			    (i + 2 < len && (unsigned char)s[i] == 0xe2 &&
			    (unsigned char)s[i + 1] == 0x80 &&
			    ((unsigned char)s[i + 2] == 0x93 ||
			    (unsigned char)s[i + 2] == 0x94)))
				newpart = 1;
		}
		i = j;
	}
	v->nparts = cur + 1;
	for (k = 0; k < v->ntok; k++) {
		if (v->tok[k].part == 0)
			last_tok_of_p0 = k;
		else if (first_tok_of_p1 == -1)
			first_tok_of_p1 = k;
	}
	if (v->nparts == 2) {
		if (last_tok_of_p0 == -1 || first_tok_of_p1 == -1)
			return -1;
		v->sep0 = v->tok[last_tok_of_p0].off + v->tok[last_tok_of_p0].len;
		v->sep1 = v->tok[first_tok_of_p1].off;
		if (v->p[0].m == 0) {
			v->p[0].m = v->p[1].m;
			v->p[0].m_implied = 1;
		}
		if (v->p[0].y == 0 && v->p[1].y != 0) {
			v->p[0].y = v->p[1].y - (v->p[0].m > v->p[1].m);
			v->p[0].y_implied = 1;
		}
		if (v->p[0].d && !v->p[1].d)
			return -1;
		/* A range runs forwards. */
		if (v->p[0].y == v->p[1].y && (v->p[0].m > v->p[1].m ||
		    (v->p[0].m == v->p[1].m && v->p[0].d >= v->p[1].d)) &&
		    v->p[0].y != 0)
			return -1;
		if (v->p[0].y == 0 && v->p[0].m == v->p[1].m &&
		    v->p[0].d >= v->p[1].d)
			return -1;
	}
	for (k = 0; k < v->nparts; k++) {
		p = &v->p[k];
		if (p->m < 1 || p->m > 12)
			return -1;
		/* A written "30 February" is a typo for a date; figures
		 * that make no date are something else. */
		if (numeric && p->d > mdays(p->m, p->y))
			return -1;
	}
	if (numeric)
		return 0;
	if (v->nparts == 2)
		v->shape = "range";
	else if (v->p[0].d == 0)
		v->shape = "my";
	else {
		v->shape = "dmy";
		for (k = 0; k < v->ntok; k++)
			if (v->tok[k].role == R_DAY || v->tok[k].role == R_MON) {
				if (v->tok[k].role == R_MON)
					v->shape = "mdy";
				break;
			}
	}
	return 0;
}

static int
precise(const struct dval *v)
{
	return v->p[0].d != 0;
}

static int
upper_word(const char *s, size_t len)
{
	return len > 1 && isupper((unsigned char)s[0]) &&
	    isupper((unsigned char)s[1]);
}

static int
add_cased(struct sbuf *b, const char *w, int upper)
{
	size_t i, n = strlen(w);

	if (!upper)
		return sbuf_add(b, w, n);
	for (i = 0; i < n; i++)
		if (sbuf_addc(b, toupper((unsigned char)w[i])) == -1)
			return -1;
	return 0;
}

static const char *
ord_suffix(int d)
{
	if (d % 100 >= 11 && d % 100 <= 13)
		return "th";
	switch (d % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	default:
		return "th";
	}
}

/*
 * Numeric dates: a day or month is zero-padded when it was written padded,
 * or, when that cannot be told (14, 11), like the other one.
 */
static int
numeric_pad(const char *s, const struct dval *v, int role)
{
	int i, mine = -1, other = -1, yearlen = 4;

	for (i = 0; i < v->ntok; i++) {
		const struct tok *t = &v->tok[i];
		int val = num_of(s + t->off, t->len);

		if (t->role == R_YEAR)
			yearlen = (int)t->len;
		else if (t->role == role)
			mine = t->len == 2 && val < 10 ? 1 :
			    t->len == 1 ? 0 : -1;
		else if (t->role == R_DAY || t->role == R_MONNUM)
			other = t->len == 2 && val < 10 ? 1 :
			    t->len == 1 ? 0 : -1;
	}
	if (mine != -1)
		return mine;
	if (other != -1)
		return other;
	return yearlen == 4;
}

/*
 * Writes the span s[0..len) with every date piece replaced by the value of
 * the shifted parts np, in the style it was written in.
 */
static int
render_tokens(struct sbuf *b, const char *s, size_t len,
    const struct dval *v, const struct part *np, int from)
{
	size_t at = from < v->ntok ? v->tok[from].off : len;
	int i, r = 0;

	for (i = from; i < v->ntok && r == 0; i++) {
		const struct tok *t = &v->tok[i];
		const struct part *p = &np[t->part];
		const char *w = s + t->off;
		long days = dates_days(p->y, p->m, p->d ? p->d : 1);

		r |= sbuf_add(b, s + at, t->off - at);
		at = t->off + t->len;
		switch (t->role) {
		case R_WD:
			r |= add_cased(b, t->len > 3 && !(t->len == 4 &&
			    (strncasecmp(w, "tues", 4) == 0 ||
			    strncasecmp(w, "thur", 4) == 0)) ?
			    wd_full[dates_weekday(days)] :
			    wd_abbr[dates_weekday(days)], upper_word(w, t->len));
			break;
		case R_DAY:
			if (v->shape[0] == 'n' || v->shape[0] == 'i')
				r |= sbuf_printf(b, numeric_pad(s, v, R_DAY) ?
				    "%02d" : "%d", p->d);
			else
				r |= sbuf_printf(b, t->len == 2 && w[0] == '0' ?
				    "%02d" : "%d", p->d);
			break;
		case R_ORD:
			r |= add_cased(b, ord_suffix(p->d),
			    isupper((unsigned char)w[0]));
			break;
		case R_MON:
			if (word_eq(w, t->len, "sept") && p->m == 9)
				r |= add_cased(b, "Sept", 0);
			else
				r |= add_cased(b, (t->len > 3 &&
				    !word_eq(w, t->len, "sept")) ||
				    word_eq(w, t->len, "may") ?
				    mon_full[p->m - 1] : mon_abbr[p->m - 1],
				    upper_word(w, t->len));
			break;
		case R_MONNUM:
			r |= sbuf_printf(b, numeric_pad(s, v, R_MONNUM) ?
			    "%02d" : "%d", p->m);
			break;
		case R_YEAR:
			r |= sbuf_printf(b, t->len == 2 ? "%02d" : "%d",
			    t->len == 2 ? p->y % 100 : p->y);
			break;
		default:
			r |= sbuf_add(b, w, t->len);
		}
	}
	if (r == 0 && i == v->ntok)
		r |= sbuf_add(b, s + at, len - at);
	return r ? -1 : 0;
}

static int
render_shift(struct dates_ctx *c, struct sbuf *b, const char *s, size_t len,
    const struct dval *v)
{
	struct part np[2];
	int i, base = c->last_year ? c->last_year : 2001;
	int p1y;

	memset(np, 0, sizeof(np));
	for (i = 0; i < v->nparts; i++) {
		const struct part *p = &v->p[i];
		int y = p->y ? p->y : base;
		long days = dates_days(y, p->m, p->d ? p->d : 15) + c->shift;

		dates_civil(days, &np[i].y, &np[i].m, &np[i].d);
	}
	if (v->nparts == 2 && ((v->p[0].m_implied && np[0].m != np[1].m) ||
	    (v->p[0].y_implied && np[0].y != np[1].y))) {
		/* The shared month or year no longer fits both ends: write
		 * the first end out in full. */
		int upper = 0;

		for (i = 0; i < v->ntok; i++)
			if (v->tok[i].role == R_MON)
				upper = upper_word(s + v->tok[i].off,
				    v->tok[i].len);
		if (v->p[0].d && sbuf_printf(b, "%d ", np[0].d) == -1)
			return -1;
		if (add_cased(b, mon_full[np[0].m - 1], upper) == -1)
			return -1;
		p1y = np[1].y;
		if (v->p[1].y && np[0].y != p1y &&
		    sbuf_printf(b, " %d", np[0].y) == -1)
			return -1;
		if (sbuf_add(b, s + v->sep0, v->sep1 - v->sep0) == -1)
			return -1;
		for (i = 0; i < v->ntok && v->tok[i].part == 0; i++)
			;
		return render_tokens(b, s, len, v, np, i);
	}
	return render_tokens(b, s, len, v, np, 0);
}

/* Returns 1 when the date is written with digits and separators only. */
static int
all_numeric(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/*
 * The default policy: a date becomes the third of its year, the words
 * that replace the month in the editor's brackets: "14 March 2017" and
 * "March 2017" -> "[early] 2017", "4.7.17" -> "[mid] 2017", "November
 * 2017" -> "[late] 2017".  Published reviews keep the order of events; a
 * month and year, with the other facts of a case, can still point to a
 * birth, a death or a hearing, so the month goes too.  The brackets show
 * the reader what was generalised; they and the year are joined by
 * no-break spaces, so the date stays on one line and a diff of draft and
 * output still pairs each date, and each name beside it, with its own
 * replacement.
 */
#define NBSP	"\xc2\xa0"

static const char *const third_word[] = { "early", "mid", "late" };

static int
add_word(struct sbuf *b, const char *w, int cap, int upper)
{
	size_t i;
	int r = 0;

	for (i = 0; w[i] != '\0'; i++)
		r |= sbuf_addc(b, upper || (cap && i == 0) ?
		    toupper((unsigned char)w[i]) : w[i]);
	return r;
}

/* Copies the range separator with its spaces made no-break. */
static int
add_separator(struct sbuf *b, const char *s, size_t len)
{
	size_t i;
	int r = 0;

	for (i = 0; i < len; i++)
		r |= s[i] == ' ' ? sbuf_adds(b, NBSP) : sbuf_addc(b, s[i]);
	return r;
}

static int
render_third(struct sbuf *b, const char *s, const struct dval *v,
    int at_start, int after_on)
{
	const struct part *a = &v->p[0], *z = &v->p[v->nparts - 1];
	int i, upper = 0, ya = a->y ? a->y : z->y, r = 0;
	int ta = (a->m - 1) / 4, tz = (z->m - 1) / 4;

	for (i = 0; i < v->ntok; i++)
		if (v->tok[i].role == R_MON && upper_word(s + v->tok[i].off,
		    v->tok[i].len))
			upper = 1;
	r |= sbuf_addc(b, '[');
	/* "on 14 March 2017" -> "on [a day in early] 2017" */
	if (after_on && v->nparts == 1 && precise(v)) {
		r |= add_word(b, "a" NBSP "day" NBSP "in" NBSP, 0, upper);
		at_start = 0;
	}
	if (v->nparts == 2 && ya != z->y) {
		/* "[late] 2016 – [early] 2017" */
		r |= add_word(b, third_word[ta], at_start, upper);
		r |= sbuf_printf(b, "]" NBSP "%d", ya);
		r |= add_separator(b, s + v->sep0, v->sep1 - v->sep0);
		r |= sbuf_addc(b, '[');
		at_start = 0;
	} else if (v->nparts == 2 && ta != tz) {
		/* "[early to mid] 2017" */
		r |= add_word(b, third_word[ta], at_start, upper);
		r |= add_separator(b, s + v->sep0, v->sep1 - v->sep0);
		at_start = 0;
	}
	r |= add_word(b, third_word[tz], at_start, upper);
	r |= sbuf_printf(b, "]" NBSP "%d", z->y);
	return r ? -1 : 0;
}

/*
 * Returns 1 when off begins a sentence: the start of the text or of a
 * numbered paragraph ("7.3 "), or after ". ", "? " or "! " (opening
 * brackets and quotes skipped).
 */
static int
sentence_start(const char *s, size_t off)
{
	size_t i;

	while (off > 0 && (s[off - 1] == '(' || s[off - 1] == '"' ||
	    s[off - 1] == '\''))
		off--;
	if (off == 0)
		return 1;
	if (s[off - 1] != ' ')
		return 0;
	while (off > 0 && s[off - 1] == ' ')
		off--;
	for (i = 0; i < off && (isdigit((unsigned char)s[i]) || s[i] == '.');
	    i++)
		;
	return i == off || s[off - 1] == '.' || s[off - 1] == '?' ||
	    s[off - 1] == '!';
}

static const char *const on_word[] = { "on", NULL };

/* Writes the replacement of the date into rx->hint. */
static int
render(struct dates_ctx *c, const char *s, size_t len, const struct dval *v,
    int dob, int at_start, int after_on)
{
	struct sbuf *b = &c->rx->hint;
	const struct part *a = &v->p[0], *z = &v->p[v->nparts - 1];
	int r = 0;

	sbuf_reset(b);
	if (dob)
		return sbuf_adds(b, "[date of birth]");
	switch (c->policy) {
	case DATES_REDACT:
	case DATES_KEEP:
		return sbuf_adds(b, "[date]");
	case DATES_SHIFT:
		return render_shift(c, b, s, len, v);
	case DATES_YEAR:
		if (z->y == 0)
			return sbuf_adds(b, "[date]");
		if (a->y != z->y) {
			r |= sbuf_printf(b, "%d", a->y);
			r |= sbuf_add(b, s + v->sep0, v->sep1 - v->sep0);
		}
		r |= sbuf_printf(b, "%d", z->y);
		return r ? -1 : 0;
	case DATES_GENERALISE:
		if (z->y != 0)
			return render_third(b, s, v, at_start, after_on);
		break;
	case DATES_MONTH:
		break;
	}
	if (!precise(v))
		return sbuf_add(b, s, len);
	/*
	 * A numeric date keeps a numeric form, "14/03/2017" -> "03/2017": the
	 * reader sees the same notation, and no space is added that was not
	 * in the text.
	 */
	if (v->nparts == 1 && z->y && all_numeric(s, len))
		return len > 4 && s[4] == '-' ?
		    sbuf_printf(b, "%d-%02d", z->y, z->m) :	/* ISO 8601 */
		    sbuf_printf(b, "%02d/%d", z->m, z->y);
	if (v->nparts == 2 && (a->m != z->m || a->y != z->y)) {
		r |= sbuf_adds(b, mon_full[a->m - 1]);
		if (a->y != z->y)
			r |= sbuf_printf(b, " %d", a->y);
		r |= sbuf_add(b, s + v->sep0, v->sep1 - v->sep0);
	}
	r |= sbuf_adds(b, mon_full[z->m - 1]);
	if (z->y)
		r |= sbuf_printf(b, " %d", z->y);
	return r ? -1 : 0;
}

/* Returns 1 when the word ending right before off is in list. */
static int
word_before(const char *s, size_t off, const char *const *list)
{
	size_t e = off, b;
	int i;

	int dotted = 0;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e > 0 && s[e - 1] == '.') {
		dotted = 1;	/* "para. 4.2.13", not "for 14 years. 3 May" */
		e--;
	}
	b = e;
	while (b > 0 && isalpha((unsigned char)s[b - 1]))
		b--;
	if (b == e || (dotted && e - b > 4))
		return 0;
	for (i = 0; list[i] != NULL; i++)
		if (word_eq(s + b, e - b, list[i]))
			return 1;
	return 0;
}

static int
word_after(const char *s, size_t len, size_t off, const char *const *list)
{
	size_t b = off, e;
	int i;

	if (b >= len || s[b] != ' ')
		return 0;
	b++;
	e = b;
	while (e < len && isalpha((unsigned char)s[e]))
		e++;
	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == e - b &&
		    strncmp(s + b, list[i], e - b) == 0)
			return 1;
	return 0;
}

/* Returns 1 when a date-of-birth label comes right before off. */
static int
dob_before(struct dates_ctx *c, const char *s, size_t off)
{
	size_t from = off > 40 ? off - 40 : 0;

	while (from > 0 && ((unsigned char)s[from] & 0xc0) == 0x80)
		from--;
	return pcre2_match(c->rx->dob, (PCRE2_SPTR)s, off, from,
	    PCRE2_NO_UTF_CHECK, c->rx->md2, NULL) >= 0;
}

/*
 * Table state: a row (a paragraph with TABs) with a cell headed "date of
 * birth" starts a column of dates of birth; a paragraph without TABs ends
 * the table.  Returns 1 when the first cell is itself such a label.
 */
static int
table_row(struct dates_ctx *c, const char *s, size_t len)
{
	size_t at = 0, e;
	int col = 0, first = 0;
	const char *tab;

	if (memchr(s, '\t', len) == NULL) {
		c->dob_col = -1;
		return 0;
	}
	for (;;) {
		tab = memchr(s + at, '\t', len - at);
		e = tab != NULL ? (size_t)(tab - s) : len;
		if (e - at < 40 && pcre2_match(c->rx->dobcell,
		    (PCRE2_SPTR)s, e, at, PCRE2_NO_UTF_CHECK, c->rx->md2,
		    NULL) >= 0) {
			if (col == 0)
				first = 1;
			c->dob_col = col;
		}
		if (tab == NULL)
			break;
		at = e + 1;
		col++;
	}
	return first;
}

/* Where cell_of() counted up to in the paragraph being scanned, and
 * what the upstream mentions cover (a pass over them per candidate made
 * a long paragraph quadratic). */
struct cellpos {
	size_t		off;
	int		col;
	struct spanmap	prior;
};

static int
cell_of(struct cellpos *p, const char *s, size_t off)
{
	size_t i;

	/* Candidates come in text order: count on from the last one, so
	 * that a long row costs one pass, not one per date. */
	if (off < p->off) {
		p->off = 0;
		p->col = 0;
	}
	for (i = p->off; i < off; i++)
		if (s[i] == '\t')
			p->col++;
	p->off = off;
	return p->col;
}

static const char *
rule_of(const char *shape)
{
	if (strcmp(shape, "range") == 0)
		return "dates/range";
	if (strcmp(shape, "my") == 0)
		return "dates/month-year";
	if (strcmp(shape, "num") == 0)
		return "dates/numeric";
	if (strcmp(shape, "iso") == 0)
		return "dates/iso";
	if (strcmp(shape, "mdy") == 0)
		return "dates/month-day";
	return "dates/day-month";
}

/*
 * Returns 1 when what comes right before off forbids a date there: a
 * letter or digit, a decimal point ("9.26 May" numbers a paragraph), a
 * dash or slash (the inside of a range or of a number), a currency sign.
 * This is checked here rather than by a lookbehind in the pattern so that
 * PCRE2 can skip to the possible first characters of a date.
 */
static int
bad_before(const char *s, size_t off)
{
	size_t b;
	uint32_t cp;
	unsigned char ch;

	if (off == 0)
		return 0;
	ch = (unsigned char)s[off - 1];
	if (ch < 0x80)
		return isalnum(ch) || ch == '.' || ch == '-' || ch == '/' ||
		    ch == '$';
	b = utf8_back(s, off - 1);
	if (utf8_decode(s + b, off - b, &cp) <= 0)
		return 1;
	return cp == 0xa3 || cp == 0x20ac || cp == 0x2013 || cp == 0x2014 ||
	    (cp >= 0xc0 && cp < 0x2000);
}

/*
 * Checks the candidate s[ms..me) and reports it.  Returns
 * 1 when it was taken (or deliberately dropped under --dates=keep), 0 when
 * it is no date, -1 on error.
 */
static int
take(struct dates_ctx *c, const struct text_unit *t,
    const struct mention_list *prior, struct mention_list *found,
    size_t ms, size_t me, int row_dob, struct cellpos *cp)
{
	const char *s = t->text, *sub, *shape;
	size_t len = t->len;
	struct dval v;
	int dob, conf;

	if (bad_before(s, ms) || parse(s + ms, me - ms, &v) == -1 ||
	    spanmap_hit(&cp->prior, ms, me))
		return 0;
	shape = v.shape;
	/* Numbers that are not days: "paragraph 4.2.13", "Flat 3 May". */
	if (precise(&v) && shape[0] != 'i' && shape[0] != 'm' &&
	    word_before(s, ms, not_before))
		return 0;
	/* "14 March Road" is a street. */
	if (v.nparts == 1 && v.p[0].y == 0 && word_after(s, len, me, not_after))
		return 0;
	/* "6.2.15 The review..." opens a numbered paragraph. */
	if (shape[0] == 'n' && ms == 0 && v.tok[2].len == 2 &&
	    s[v.tok[0].len] == '.' && me + 1 < len && s[me] == ' ' &&
	    isupper((unsigned char)s[me + 1]))
		return 0;
	dob = row_dob ||
	    (c->dob_col >= 0 && cell_of(cp, s, ms) == c->dob_col) ||
	    dob_before(c, s, ms);
	if (v.p[v.nparts - 1].y)
		c->last_year = v.p[v.nparts - 1].y;
	if (c->policy == DATES_KEEP && !dob)
		return 1;
	if (render(c, s + ms, me - ms, &v, dob, sentence_start(s, ms),
	    word_before(s, ms, on_word)) == -1)
		return -1;
	sub = dob ? "dob" : v.nparts == 2 ? "range" : "";
	conf = shape[0] == 'n' || shape[0] == 'i' ? 95 :
	    !precise(&v) ? 90 : v.p[0].y ? 98 : 85;
	if (mention_list_add(found, t->id, ms, me, "date", sub, rule_of(shape),
	    conf, "", c->rx->hint.buf) == -1)
		return -1;
	return 1;
}

/*
 * Every match of the main pattern holds an ASCII digit, and before its
 * first digit at most a weekday, "the", a month, a range word or dash
 * and a second month ("Wednesday, the September to September 2017"),
 * under 40 bytes, besides the spaces of SP, of which there may be any
 * number; and its first digit either begins it or follows such a space.
 * So a match whose first digit is at d begins there, or, after a space,
 * no further back than BEFORE_DIGIT bytes that are not spaces.  The text is
 * therefore searched only around its digits: from there up to a cluster
 * of digits (gaps of at most DIGIT_GAP bytes), with PCRE2's offset limit
 * at the last digit of the cluster, then around the next cluster.  The
 * first match found this way is the one a search of the whole text
 * finds, since the windows come in order and no match begins between
 * them.  (The pattern has no lookbehind, so where a search starts
 * changes nothing else.)
 */
#define BEFORE_DIGIT	64
#define DIGIT_GAP	4

#define ISDIGIT(c)	((unsigned)((c) - '0') < 10u)

/* Returns the position of the first ASCII digit of u[i..len), or len. */
static size_t
next_digit(const unsigned char *u, size_t i, size_t len)
{
#ifdef __SSE2__
	/* Sixteen bytes at a time: most text holds few digits. */
	for (; i + 16 <= len; i += 16) {
		__m128i	 x = _mm_loadu_si128((const __m128i *)(const void *)
		    (u + i));
		__m128i	 d = _mm_sub_epi8(x, _mm_set1_epi8('0'));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_min_epu8(d, _mm_set1_epi8(9)), d));

		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i < len && !ISDIGIT(u[i]); i++)
		;
	return i;
}

/*
 * Returns where the search from off can start and sets *limit to the
 * last position a match may begin at, or returns len when no match can
 * begin at or after off.
 */
static size_t
search_window(const char *s, size_t len, size_t off, size_t *limit)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		 d, i, k, n = 0;

	if ((d = next_digit(u, off, len)) >= len)
		return len;
	*limit = d;
	for (k = d + 1; k < len && k <= *limit + DIGIT_GAP; k++)
		if (ISDIGIT(u[k]))
			*limit = k;
	i = d;
	if (!(i > off && (u[i - 1] == ' ' || (i - off >= 2 &&
	    u[i - 1] == 0xa0 && u[i - 2] == 0xc2) || (i - off >= 3 &&
	    u[i - 1] == 0xaf && u[i - 2] == 0x80 && u[i - 3] == 0xe2))))
		return d;		/* no space before it */
	while (i > off && n <= BEFORE_DIGIT) {
		if (u[i - 1] == ' ')
			i--;
		else if (i - off >= 2 && u[i - 1] == 0xa0 && u[i - 2] == 0xc2)
			i -= 2;
		else if (i - off >= 3 && u[i - 1] == 0xaf &&
		    u[i - 2] == 0x80 && u[i - 3] == 0xe2)
			i -= 3;
		else {
			i--;
			n++;
		}
	}
	/* On a character boundary (off is one). */
	while (i > off && (u[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/*
 * Every match of the main pattern holds a month word (in one of the
 * cases the pattern lists: a case-blind test of its first three letters
 * is looser) or a numeric date, and its first digit F lies in [d, limit]
 * (see search_window()).  A numeric date is a digit, '.', '/' or '-', one
 * or two digits, the same separator and a digit, its first separator
 * right after a run of digits that ends by limit.  A month either ends
 * right before F, but for a '.' or ',' and the spaces of SP ("March
 * 2017", "Mar., 17"), or comes after a day: one or two digits that end
 * a run by limit, maybe two letters (an ordinal), then a space or a
 * dash, then at most 24 bytes that are not spaces (a range word or
 * dash, a weekday, a comma, "the", a second day and ordinal, "of": "14th
 * until Wednesday, the 16th of March").  (No month fits
 * between two digits of one cluster: they are at most DIGIT_GAP
 * apart.)  Returns 0 when the text shows none of these, so that no
 * match begins in [off, limit], else 1.
 */
#define AFTER_DAY	32

/* Bytes of the spaces of SP: U+0020, U+00A0, U+202F. */
static const unsigned char sp_byte[256] = {
	[0x20] = 1, [0xc2] = 1, [0xa0] = 1, [0xe2] = 1, [0x80] = 1, [0xaf] = 1,
};
/* First letters of months, either case. */
static const unsigned char mon_first[256] = {
	['J'] = 1, ['F'] = 1, ['M'] = 1, ['A'] = 1, ['S'] = 1, ['O'] = 1,
	['N'] = 1, ['D'] = 1, ['j'] = 1, ['f'] = 1, ['m'] = 1, ['a'] = 1,
	['s'] = 1, ['o'] = 1, ['n'] = 1, ['d'] = 1,
};

#define M3(a, b, c)	((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (c))

/* 1 when a month's first three letters, in any case, begin in u[a..b)
 * (u[0..len) the text). */
static int
has_month(const unsigned char *u, size_t a, size_t b, size_t len)
{
	size_t		 i;
	uint32_t	 x;

	if (b + 2 > len)
		b = len >= 2 ? len - 2 : 0;
	for (i = a; i < b; i++) {
		if (!mon_first[u[i]])
			continue;
		x = M3(u[i] | 0x20, u[i + 1] | 0x20, u[i + 2] | 0x20);
		switch (x) {
		case M3('j', 'a', 'n'): case M3('f', 'e', 'b'):
		case M3('m', 'a', 'r'): case M3('a', 'p', 'r'):
		case M3('m', 'a', 'y'): case M3('j', 'u', 'n'):
		case M3('j', 'u', 'l'): case M3('a', 'u', 'g'):
		case M3('s', 'e', 'p'): case M3('o', 'c', 't'):
		case M3('n', 'o', 'v'): case M3('d', 'e', 'c'):
			return 1;
		}
	}
	return 0;
}

#define ALPHA(c)	((unsigned)(((c) | 0x20) - 'a') < 26u)

static int
may_match(const char *s, size_t len, size_t off, size_t limit)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t		 d, i, j, n;

	/* d: the first digit from off (search_window() found it). */
	for (d = off; !ISDIGIT(u[d]); d++)
		;
	for (i = d + 1; i < len && i <= limit + 1; i++) {
		if (ISDIGIT(u[i]) || !ISDIGIT(u[i - 1]))
			continue;
		/* u[i - 1] ends a run of digits. */
		if ((u[i] == '.' || u[i] == '/' || u[i] == '-') &&
		    i + 1 < len && ISDIGIT(u[i + 1])) {
			j = i + 2;
			if (j < len && ISDIGIT(u[j]))
				j++;
			if (j + 1 < len && u[j] == u[i] && ISDIGIT(u[j + 1]))
				return 1;
		}
		/* A day, maybe an ordinal, then a space or a dash. */
		j = i;
		if (j + 2 < len && ALPHA(u[j]) && ALPHA(u[j + 1]))
			j += 2;
		if (j < len && (u[j] == ' ' || u[j] == 0xc2 || u[j] == 0xe2 ||
		    u[j] == '-')) {
			for (n = 0; j + 2 < len && n < AFTER_DAY; j++) {
				if (!sp_byte[u[j]])
					n++;
				if (mon_first[u[j]] && has_month(u, j, j + 1,
				    len))
					return 1;
			}
		}
	}
	/* A month ending before d, but for spaces and two of . or , */
	i = d;
	while (i > off && sp_byte[u[i - 1]])
		i--;
	for (n = 0; n < 2 && i > off && (u[i - 1] == '.' || u[i - 1] == ',');
	    n++)
		i--;
	return has_month(u, i >= off + 9 ? i - 9 : off, i, len);
}

static int
match_error(const struct text_unit *t, int rc, char *err, size_t errlen)
{
	PCRE2_UCHAR msg[120];

	pcre2_get_error_message(rc, msg, sizeof(msg));
	snprintf(err, errlen, "text %lu: %s", t->id, (char *)msg);
	return -1;
}

int
dates_scan(void *vctx, const struct text_unit *t,
    const struct mention_list *prior, struct mention_list *found,
    char *err, size_t errlen)
{
	struct dates_ctx *c = vctx;
	struct dates_rx *rx = c->rx;
	const char *s = t->text;
	size_t len = t->len, off = 0, ms, me, limit = 0;
	PCRE2_SIZE *ov;
	uint32_t opts = PCRE2_NO_UTF_CHECK;
	struct cellpos cp = { 0, 0, SPANMAP_INIT };
	int rc, row_dob;

	/* Checked once here, so that no match has to check it again. */
	if (!utf8_valid(s, len, &ms)) {
		snprintf(err, errlen, "text %lu: invalid UTF-8 at byte %zu",
		    t->id, ms);
		return -1;
	}
	row_dob = table_row(c, s, len);
	if (spanmap_reset(&cp.prior, len) == -1 ||
	    spanmap_add_list(&cp.prior, prior) == -1) {
		spanmap_release(&cp.prior);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	while (off < len) {
		if ((off = search_window(s, len, off, &limit)) >= len)
			break;
		if (!may_match(s, len, off, limit)) {
			off = limit + 1;
			continue;
		}
		(void)pcre2_set_offset_limit(rx->mctx, limit);
		rc = pcre2_match(rx->main, (PCRE2_SPTR)s, len, off, opts,
		    rx->md, rx->mctx);
		if (rc == PCRE2_ERROR_NOMATCH) {
			off = limit + 1;	/* after a digit */
			continue;
		}
		if (rc < 0) {
			rc = match_error(t, rc, err, errlen);
			goto out;
		}
		ov = pcre2_get_ovector_pointer(rx->md);
		ms = ov[0];
		me = ov[1];
		rc = take(c, t, prior, found, ms, me, row_dob, &cp);
		if (rc == 0 && !bad_before(s, ms)) {
			/* Not a range after all: try the single forms here. */
			rc = pcre2_match(rx->single, (PCRE2_SPTR)s, len, ms,
			    opts, rx->mds, NULL);
			if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
				rc = match_error(t, rc, err, errlen);
				goto out;
			}
			if (rc >= 0 && pcre2_get_ovector_pointer(rx->mds)[1]
			    != me) {
				me = pcre2_get_ovector_pointer(rx->mds)[1];
				rc = take(c, t, prior, found, ms, me,
				    row_dob, &cp);
			} else
				rc = 0;
		}
		if (rc == -1) {
			snprintf(err, errlen, "out of memory");
			goto out;
		}
		off = rc == 1 ? me : ms + 1;
	}
	rc = 0;
out:
	spanmap_release(&cp.prior);
	return rc;
}
