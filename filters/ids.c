/*
 * ids.c — the rules of anon-ids(1): regular expressions (PCRE2, JIT
 * compiled once) find candidate identifiers, a check function per rule
 * validates each and gives it a confidence, and overlaps are resolved
 * before the mentions are added.
 *
 * Every pattern is bounded on both sides so that it never matches inside
 * a longer token: not after or before a letter, digit or underscore, not
 * after a currency sign, and not next to a digit joined by . , / : or -
 * (dates, paragraph numbers, money and legislation references).
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <ctype.h>
#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ids.h"
#include "lexicon.h"
#include "record.h"
#include "rxfind.h"
#include "sbuf.h"
#include "utf8.h"

/* Left and right boundaries shared by the patterns (UTF mode). */
#define LB	"(?<![\\p{L}\\p{N}_@\\x{a3}$\\x{20ac}])(?<!\\p{N}[.,/:-])"
#define RB	"(?![\\p{L}\\p{N}_@])(?![.,/:-]\\p{N})"
/* Between a label and its value: "number: X", "ref (X", "as X". */
#define SEP	"\\.?(?:\\s*[:#,(]|(?:\\s+|(?<=[:#,(]))(?:is|was|as|of|number|nos?\\.?))*\\s*"
/* Spaces written inside identifiers: space or no-break space. */
#define SP	"[ \\x{a0}]"
/* Separators inside telephone numbers. */
#define PS	"[ \\x{a0}-]"

enum rule {
	R_NHS,
	R_NHS_LABEL,
	R_NI,
	R_NI_LABEL,
	R_PHONE,
	R_PHONE_INTL,
	R_EMAIL,
	R_URL,
	R_HANDLE,
	R_POSTCODE,
	R_UPN,
	R_VRM,
	R_VRM_OLD,
	R_DIGITS,
	R__BUILTIN
};

static const char *const builtin_src[R__BUILTIN] = {
	/* R_NHS: 3-3-4 with one consistent separator, or 10 together. */
	LB "\\d{3}(" SP "?|-)\\d{3}\\1\\d{4}" RB,
	/* R_NHS_LABEL: after "NHS number", any spacing. */
	"(?i:\\bNHS\\s*(?:number|no\\b\\.?|num\\b\\.?|#))" SEP
	    "\\K\\d(?:[ \\x{a0}-]?\\d){9}" RB,
	/* R_NI: AB 12 34 56 C, AB123456C, AB 123456 C; suffix optional. */
	LB "[A-Za-z]{2}" SP "?\\d{2}" SP "?\\d{2}" SP "?\\d{2}(?:" SP
	    "?[A-Da-d])?" RB,
	/* R_NI_LABEL */
	"(?i:\\b(?:national\\s+insurance(?:\\s+(?:number|no\\b\\.?))?|"
	    "N\\.?I\\.?\\s+(?:number|no\\b\\.?)|NINO))" SEP
	    "\\K[A-Za-z]{2}" SP "?\\d{2}" SP "?\\d{2}" SP "?\\d{2}(?:" SP
	    "?[A-Da-d])?" RB,
	/* R_PHONE: +44 / 0044 forms, bracketed area codes, national. */
	"(?<![\\p{L}\\p{N}_@+])(?<!\\p{N}[.,/:-])"
	    "(?:(?:\\+|00)44" PS "?(?:\\(0\\)" SP "?)?(?:\\(\\d{1,5}\\)" SP "?)?"
	    "\\d(?:" PS "?\\d){5,11}"
	    "|\\(0\\d{1,5}\\)" PS "?\\d(?:" PS "?\\d){3,9}"
	    "|0\\d(?:" PS "?\\d){7,11})" RB,
	/* R_PHONE_INTL: other countries' numbers in + form. */
	"(?<![\\p{L}\\p{N}_@+])\\+(?!44)[1-9]\\d{0,2}[ ]?(?:\\(\\d{1,4}\\)[ ]?)?"
	    "\\d(?:[ -]?\\d){6,12}" RB,
	/* R_EMAIL */
	"(?<![\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}_%+-][\\p{L}\\p{N}._%+'-]*"
	    "@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}"
	    "(?![\\p{L}\\p{N}_@-])",
	/* R_URL: scheme or www., or a domain followed by a path. */
	"(?i)(?<![\\p{L}\\p{N}_@/.-])(?:(?:https?://|ftp://|www\\.)"
	    "[^\\s<>\"()\\[\\]{}\\x{201c}\\x{201d}\\x{2018}\\x{2019}]+"
	    "|(?:[a-z0-9][a-z0-9-]*\\.)+(?:com|net|org|uk|co|io|me|tv|ly|gl|"
	    "be|gg|app|info|biz|eu|ie|social|site|online)"
	    "/[^\\s<>\"()\\[\\]{}\\x{201c}\\x{201d}\\x{2018}\\x{2019}]*)",
	/* R_HANDLE: @name of a social media account. */
	"(?<![\\p{L}\\p{N}_.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}"
	    "[A-Za-z0-9_])?(?![\\p{L}\\p{N}_@])",
	/* R_POSTCODE: every shape, any case, with or without the space. */
	LB "(?i:(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|"
	    "[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
	    SP "?[0-9][ABD-HJLNP-UW-Z]{2}|GIR" SP "?0AA)" RB,
	/* R_UPN: check letter, 11 digits, digit or letter. */
	LB "[A-Za-z]\\d{11}[0-9A-Za-z]" RB,
	/* R_VRM: current format AB12 CDE (also written AB 12 CDE). */
	LB "[A-Za-z]{2}" SP "?\\d{2}" SP "?[A-Za-z]{3}" RB,
	/* R_VRM_OLD: prefix A123 BCD and suffix ABC 123D formats, and
	 * Northern Ireland's ABZ 1234 (a letter, then a county code that
	 * holds I or Z, then up to four digits). */
	LB "(?:[A-HJ-NP-TV-Y]\\d{1,3}" SP "?[A-HJ-PR-Y]{3}"
	    "|[A-HJ-PR-Y]{3}" SP "?\\d{1,3}" SP "?[A-HJ-NP-TV-Y]"
	    "|[A-Z](?:[A-HJ-Y]Z|[A-HJ-Z]I|I[A-HJ-Z])" SP "?[1-9]\\d{0,3})" RB,
	/* R_DIGITS: a long run of digits is an identifier of some kind. */
	LB "\\d{8,}" RB,
};

/* A reference pattern from lexicons/ids/references.txt. */
struct refpat {
	char		*name;		/* "police-crime" */
	char		*rule;		/* "ids/ref-police-crime" */
	int		 conf;
};

struct cand {
	size_t		 start;
	size_t		 end;
	int		 conf;
	const char	*type;
	const char	*subtype;
	const char	*rule;
	const char	*hint;
	size_t		 key;		/* offset into ids->keys */
};

struct win {
	size_t		 s;
	size_t		 e;
};

struct ids {
	pcre2_code		*rx[R__BUILTIN];
	pcre2_code		*label;	/* reference label + value */
	pcre2_code		*any;	/* the "any" patterns joined */
	struct rxfind		 frx[R__BUILTIN];	/* searches of them */
	struct rxfind		 flabel, fany;
	struct refpat		*ref;	/* "any" patterns, by mark */
	size_t			 nref;
	struct refpat		*lref;	/* "label" patterns, by mark */
	size_t			 nlref;
	pcre2_match_data	*md;
	unsigned char		 area[27 * 27];	/* postcode areas */
	struct lexicon		*public;	/* helplines left alone */
	struct cand		*cand;
	size_t			 ncand;
	size_t			 capcand;
	struct sbuf		 keys;
	struct win		*dw;	/* windows around digits */
	size_t			 ndw;
	size_t			 capdw;
	struct win		*aw;	/* windows around @, / and www. */
	size_t			 naw;
	size_t			 capaw;
	struct sbuf		 labels;	/* while loading: label alternatives */
	struct sbuf		 values;	/* while loading: label-mode values */
	struct sbuf		 anys;	/* while loading: "any" patterns */
};

/* Context words looked for before a candidate. */
static const char *const ctx_nhs[] = { "nhs", NULL };
static const char *const ctx_ni[] = {
	"national insurance", "ni number", "ni no", "nino", "n.i.", NULL
};
static const char *const ctx_upn[] = { "upn", "pupil number", NULL };
static const char *const ctx_vrm[] = {
	"car", "cars", "vehicle", "vehicles", "registration", "reg", "vrm",
	"number plate", "plate", "van", "motorbike", "moped", "taxi",
	"driving", "drove", "driven", "parked", NULL
};
static const char *const ctx_social[] = {
	"instagram", "snapchat", "tiktok", "twitter", "facebook", "x",
	"handle", "username", "user name", "account", "profile", "social media",
	"whatsapp", "telegram", "discord", "youtube", NULL
};

/* Writes "a: b" (or "a" when b is NULL) into err. */
static void
seterr(char *err, size_t errlen, const char *a, const char *b)
{
	if (err == NULL || errlen == 0)
		return;
	if (b != NULL)
		snprintf(err, errlen, "%s: %s", a, b);
	else
		snprintf(err, errlen, "%s", a);
}

static int
isalnum8(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/*
 * Returns 1 when one of words occurs as a whole word (case-insensitive)
 * in the window bytes before start or the after bytes after end.
 */
static int
near(const char *s, size_t len, size_t start, size_t end, size_t window,
    size_t after, const char *const *words)
{
	size_t	 lo, hi, i, n, k;

	lo = start > window ? start - window : 0;
	hi = end + after < len ? end + after : len;
	for (k = 0; words[k] != NULL; k++) {
		n = strlen(words[k]);
		for (i = lo; i + n <= hi; i++) {
			if (i + n > start && i < end)
				continue;	/* inside the candidate */
			if (strncasecmp(s + i, words[k], n) != 0)
				continue;
			if (i > 0 && isalnum8((unsigned char)s[i - 1]))
				continue;
			if (i + n < len && isalpha((unsigned char)s[i + n]))
				continue;
			return 1;
		}
	}
	return 0;
}

static int
key_add(struct ids *x, const char *prefix, const char *s, size_t n,
    int fold, int nospace, size_t *off)
{
	size_t	 i;
	int	 c;

	*off = x->keys.len;
	if (sbuf_adds(&x->keys, prefix) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (nospace && (c == ' ' || c == '-' || c == '(' || c == ')'))
			continue;
		if (nospace && c == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xa0) {
			i++;
			continue;
		}
		if (fold == 1 && c < 0x80)
			c = tolower(c);
		else if (fold == 2 && c < 0x80)
			c = toupper(c);
		if (sbuf_addc(&x->keys, c) == -1)
			return -1;
	}
	return sbuf_addc(&x->keys, '\0');
}

static int
cand_add(struct ids *x, size_t start, size_t end, int conf, const char *type,
    const char *subtype, const char *rule, const char *hint, size_t key)
{
	struct cand	*c;
	size_t		 ncap;

	if (x->ncand == x->capcand) {
		ncap = x->capcand ? x->capcand * 2 : 16;
		if ((c = reallocarray(x->cand, ncap, sizeof(*c))) == NULL)
			return -1;
		x->cand = c;
		x->capcand = ncap;
	}
	c = &x->cand[x->ncand++];
	c->start = start;
	c->end = end;
	c->conf = conf;
	c->type = type;
	c->subtype = subtype;
	c->rule = rule;
	c->hint = hint;
	c->key = key;
	return 0;
}

static int
ident(struct ids *x, size_t s, size_t e, int conf, const char *subtype,
    const char *rule, const char *hint, const char *kp, const char *text,
    int fold, int nospace)
{
	size_t	 key;

	if (key_add(x, kp, text + s, e - s, fold, nospace, &key) == -1)
		return -1;
	return cand_add(x, s, e, conf, "identifier", subtype, rule, hint, key);
}

/* Copies the ASCII letters and digits of s[0..n) into out (cap bytes). */
static size_t
alnums(const char *s, size_t n, char *out, size_t cap)
{
	size_t	 i, k = 0;

	for (i = 0; i < n && k + 1 < cap; i++)
		if (isalnum((unsigned char)s[i]))
			out[k++] = s[i];
	out[k] = '\0';
	return k;
}

static int
allupper(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (islower((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The handlers: each looks at one match and adds at most one candidate. */

static int
on_nhs(struct ids *x, const char *t, size_t len, size_t s, size_t e,
    int labelled)
{
	char	 d[16];

	if (alnums(t + s, e - s, d, sizeof(d)) != 10)
		return 0;
	if (ids_nhs_valid(d, 10) && (d[0] != '0' || labelled))
		return ident(x, s, e, labelled ? 99 : 95, "nhs-number",
		    "ids/nhs-mod11", "[NHS number]", "nhs:", t, 0, 1);
	/*
	 * A 10-digit number that fails the check: after an NHS label it is
	 * still an NHS number (mistyped); elsewhere it is a reference of
	 * some kind.  A telephone reading of the same digits wins over the
	 * latter (higher confidence).
	 */
	if (labelled || near(t, len, s, e, 40, 0, ctx_nhs))
		return ident(x, s, e, 80, "nhs-number", "ids/nhs-context",
		    "[NHS number]", "nhs:", t, 0, 1);
	return ident(x, s, e, 50, "number", "ids/ten-digits", "[reference]",
	    "num:", t, 0, 1);
}

static int
on_ni(struct ids *x, const char *t, size_t len, size_t s, size_t e,
    int labelled)
{
	char	 d[16];
	size_t	 n;
	int	 upper, ctx, suffix;

	n = alnums(t + s, e - s, d, sizeof(d));
	suffix = n == 9;
	upper = allupper(t + s, e - s);
	ctx = labelled || near(t, len, s, e, 60, 0, ctx_ni);
	if (upper && suffix && ids_ni_prefix_valid(d[0], d[1]))
		return ident(x, s, e, ctx ? 99 : 95, "ni-number", "ids/ni",
		    "[NI number]", "ni:", t, 2, 1);
	if (ctx)
		return ident(x, s, e, 85, "ni-number", "ids/ni-context",
		    "[NI number]", "ni:", t, 2, 1);
	/* The shape alone is distinctive enough to catch. */
	if (upper && suffix)
		return ident(x, s, e, 60, "ni-number", "ids/ni-shape",
		    "[NI number]", "ni:", t, 2, 1);
	return 0;
}

static int
on_phone(struct ids *x, const char *t, size_t s, size_t e)
{
	char	 nat[20];
	int	 nsn, open;
	size_t	 i, key;

	for (;;) {
		nsn = ids_phone_national(t + s, e - s, nat);
		if (nsn < 0)
			return 0;
		if (nsn <= 10)
			break;
		/* Too many digits: drop the last group and look again. */
		i = e;
		while (i > s && isdigit((unsigned char)t[i - 1]))
			i--;
		while (i > s && !isdigit((unsigned char)t[i - 1]))
			i--;
		if (i <= s + 1)
			return 0;
		e = i;
	}
	for (open = 0, i = s; i < e; i++)
		open += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
	if (open != 0)
		return 0;
	if (strchr("1235789", nat[1]) == NULL)
		return 0;
	if (nsn == 9 && nat[1] != '1' && nat[1] != '8')
		return 0;
	if (x->public != NULL && lexicon_has(x->public, nat, strlen(nat)))
		return 0;
	if (key_add(x, "tel:", nat, strlen(nat), 0, 0, &key) == -1)
		return -1;
	return cand_add(x, s, e, nsn == 10 ? 90 : 75, "identifier", "phone",
	    "ids/phone", "[phone number]", key);
}

static int
on_ref(struct ids *x, const char *t, size_t s, size_t e, int conf,
    const char *rule)
{
	return ident(x, s, e, conf, "case-ref", rule, "[reference]", "ref:",
	    t, 2, 1);
}

static int
on_url(struct ids *x, const char *t, size_t s, size_t e)
{
	size_t	 i;
	int	 open;

	/* Sentence punctuation after a URL is not part of it. */
	while (e > s && strchr(".,;:!?'*", t[e - 1]) != NULL)
		e--;
	for (open = 0, i = s; i < e; i++)
		open += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
	while (open < 0 && e > s && t[e - 1] == ')') {
		e--;
		open++;
	}
	if (e - s < 5)
		return 0;
	return ident(x, s, e, 90, "url", "ids/url", "[URL]", "url:", t, 1, 0);
}

static int
on_postcode(struct ids *x, const char *t, size_t s, size_t e)
{
	char	 d[16];
	size_t	 n, key;
	int	 a, b, known, conf;


	n = alnums(t + s, e - s, d, sizeof(d));
	/* The pattern is case-blind: its first letter may have been the
	 * long s or the Kelvin sign, which alnums() leaves out. */
	if (n < 5 || n > 7 || !isalpha((unsigned char)d[0]))
		return 0;
	a = toupper((unsigned char)d[0]) - 'A' + 1;
	b = isalpha((unsigned char)d[1]) ?
	    toupper((unsigned char)d[1]) - 'A' + 1 : 0;
	known = x->area[a * 27 + b];
	if (allupper(t + s, e - s))
		conf = known ? 95 : 80;
	else if (known)
		conf = 75;
	else
		return 0;
	/* Key: upper case, one space before the inward code. */
	memmove(d + n - 2, d + n - 3, 4);
	d[n - 3] = ' ';
	if (key_add(x, "pc:", d, n + 1, 2, 0, &key) == -1)
		return -1;
	return cand_add(x, s, e, conf, "postcode", "", "ids/postcode",
	    "[postcode]", key);
}

static int
on_upn(struct ids *x, const char *t, size_t len, size_t s, size_t e)
{
	int	 ctx;

	ctx = near(t, len, s, e, 60, 0, ctx_upn);
	if (ids_upn_valid(t + s, e - s) && allupper(t + s, e - s))
		return ident(x, s, e, ctx ? 99 : 95, "upn", "ids/upn-check",
		    "[UPN]", "upn:", t, 2, 0);
	if (ctx)
		return ident(x, s, e, 80, "upn", "ids/upn-context", "[UPN]",
		    "upn:", t, 2, 0);
	return ident(x, s, e, 50, "number", "ids/upn-shape", "[reference]",
	    "num:", t, 2, 0);
}

static int
on_vrm(struct ids *x, const char *t, size_t len, size_t s, size_t e)
{
	char	 d[16];
	int	 ok, ctx;

	if (alnums(t + s, e - s, d, sizeof(d)) != 7)
		return 0;
	ctx = near(t, len, s, e, 80, 30, ctx_vrm);
	ok = allupper(t + s, e - s) && strchr("IQZ", d[0]) == NULL &&
	    strchr("IQ", d[1]) == NULL && strchr("IQ", d[4]) == NULL &&
	    strchr("IQ", d[5]) == NULL && strchr("IQ", d[6]) == NULL &&
	    ids_vrm_age_valid(d[2] - '0', d[3] - '0');
	if (ok)
		return ident(x, s, e, ctx ? 95 : 90, "vehicle-reg", "ids/vrm",
		    "[vehicle registration]", "vrm:", t, 2, 1);
	if (ctx)
		return ident(x, s, e, 70, "vehicle-reg", "ids/vrm-context",
		    "[vehicle registration]", "vrm:", t, 2, 1);
	return 0;
}

static int
on_vrm_old(struct ids *x, const char *t, size_t len, size_t s, size_t e)
{
	if (!near(t, len, s, e, 80, 30, ctx_vrm))
		return 0;
	return ident(x, s, e, 75, "vehicle-reg", "ids/vrm-old",
	    "[vehicle registration]", "vrm:", t, 2, 1);
}

static int
on_handle(struct ids *x, const char *t, size_t len, size_t s, size_t e)
{
	int	 ctx;

	ctx = near(t, len, s, e, 80, 20, ctx_social);
	return ident(x, s, e, ctx ? 75 : 50, "url", "ids/social-handle",
	    "[URL]", "url:", t, 1, 0);
}

static int
handle(struct ids *x, int r, const char *t, size_t len, size_t s, size_t e)
{
	switch (r) {
	case R_NHS:
		return on_nhs(x, t, len, s, e, 0);
	case R_NHS_LABEL:
		return on_nhs(x, t, len, s, e, 1);
	case R_NI:
		return on_ni(x, t, len, s, e, 0);
	case R_NI_LABEL:
		return on_ni(x, t, len, s, e, 1);
	case R_PHONE:
		return on_phone(x, t, s, e);
	case R_PHONE_INTL:
		return ident(x, s, e, 75, "phone", "ids/phone-intl",
		    "[phone number]", "tel:", t, 0, 1);
	case R_EMAIL:
		return ident(x, s, e, 95, "email", "ids/email", "[email]",
		    "email:", t, 1, 0);
	case R_URL:
		return on_url(x, t, s, e);
	case R_HANDLE:
		return on_handle(x, t, len, s, e);
	case R_POSTCODE:
		return on_postcode(x, t, s, e);
	case R_UPN:
		return on_upn(x, t, len, s, e);
	case R_VRM:
		return on_vrm(x, t, len, s, e);
	case R_VRM_OLD:
		return on_vrm_old(x, t, len, s, e);
	case R_DIGITS:
		return ident(x, s, e, 40, "number", "ids/long-number",
		    "[reference]", "num:", t, 0, 0);
	}
	return 0;
}

/*
 * Runs code over the window [ws, we) of t (len bytes in all: assertions
 * and context see the whole text) and calls back for each match.  rule >=
 * 0 is a built-in rule; otherwise code joins the nref reference patterns
 * ref, and the mark of the match says which one matched.  Returns 0 or
 * -1.
 */
static int
run(struct ids *x, struct rxfind *code, int rule, const struct refpat *ref,
    size_t nref, const char *t, size_t len, size_t ws, size_t we,
    char *err, size_t errlen)
{
	PCRE2_SIZE	*ov;
	size_t		 off = ws, s, e, i;
	const char	*mark;
	int		 rc;
	char		 msg[128];

	while (off <= we) {
		rc = rxfind_match(code, t, we, off, PCRE2_NO_UTF_CHECK, x->md);
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc < 0) {
			pcre2_get_error_message(rc, (PCRE2_UCHAR *)msg,
			    sizeof(msg));
			seterr(err, errlen, "pattern match", msg);
			return -1;
		}
		ov = pcre2_get_ovector_pointer(x->md);
		s = ov[0];
		e = ov[1];
		if (s > e)	/* \K in a lookahead: never here */
			return 0;
		if (rule >= 0)
			rc = handle(x, rule, t, len, s, e);
		else {
			mark = (const char *)pcre2_get_mark(x->md);
			i = mark != NULL ? strtoul(mark, NULL, 10) : 0;
			if (i >= nref)
				return 0;
			rc = on_ref(x, t, s, e, ref[i].conf, ref[i].rule);
		}
		if (rc == -1) {
			seterr(err, errlen, strerror(ENOMEM), NULL);
			return -1;
		}
		/* Go on after the match; one character on after an empty one. */
		if (e > off)
			off = e;
		else {
			off++;
			while (off < we && ((unsigned char)t[off] & 0xc0) == 0x80)
				off++;
		}
	}
	return 0;
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *p = a, *q = b;

	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	if (p->end != q->end)
		return p->end > q->end ? -1 : 1;
	return q->conf - p->conf;
}

/*
 * Windows: identifiers are rare, so the patterns run only around the
 * bytes that every identifier of a family holds.  A window reaches
 * BACK bytes before its first trigger (labels, letters before digits) and
 * FWD bytes after its last (letters after digits), and is widened to
 * white space on both sides, so that a window edge never cuts a token.
 */
#define BACK	64
#define FWD	16

static int
isblank8(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends the window around [s, e) to w, merging with the last one. */
static int
win_add(struct ids *x, struct win **w, size_t *n, size_t *cap,
    const char *t, size_t len, size_t s, size_t e)
{
	struct win	*nw;
	size_t		 ncap;

	s = s > BACK ? s - BACK : 0;
	e = e + FWD < len ? e + FWD : len;
	while (s > 0 && !isblank8((unsigned char)t[s - 1]))
		s--;
	while (e < len && !isblank8((unsigned char)t[e]))
		e++;
	if (*n > 0 && s <= (*w)[*n - 1].e) {
		if (e > (*w)[*n - 1].e)
			(*w)[*n - 1].e = e;
		return 0;
	}
	if (*n == *cap) {
		ncap = *cap ? *cap * 2 : 16;
		if ((nw = reallocarray(*w, ncap, sizeof(**w))) == NULL)
			return -1;
		*w = nw;
		*cap = ncap;
	}
	(*w)[*n].s = s;
	(*w)[*n].e = e;
	(*n)++;
	(void)x;
	return 0;
}

/*
 * Finds the windows: x->dw around digits, x->aw around '@', '/' and
 * "www." (e-mail addresses, URLs, handles).  Returns 0 or -1.
 */
static const unsigned char trigger[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['@'] = 1, ['/'] = 1,
	['w'] = 1,
};

/* Adds the window of the trigger byte at t[i].  Returns 0 or -1. */
static int
trig(struct ids *x, const char *t, size_t len, size_t i)
{
	int	 c = (unsigned char)t[i];

	if (c >= '0' && c <= '9') {
		if (x->ndw > 0 && i < x->dw[x->ndw - 1].e)
			return 0;	/* already inside */
		return win_add(x, &x->dw, &x->ndw, &x->capdw, t, len, i, i + 1);
	}
	if (c == '@' || c == '/' || (c == 'w' && i + 3 < len &&
	    memcmp(t + i, "www.", 4) == 0)) {
		if (x->naw > 0 && i < x->aw[x->naw - 1].e)
			return 0;
		return win_add(x, &x->aw, &x->naw, &x->capaw, t, len, i, i + 1);
	}
	return 0;
}

#ifdef __SSE2__
/* 0xFF in each byte of x that is an ASCII digit. */
static inline __m128i
digits16(__m128i x)
{
	__m128i	 d = _mm_sub_epi8(x, _mm_set1_epi8('0'));

	return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
}
#endif

static int
windows(struct ids *x, const char *t, size_t len)
{
	size_t	 i = 0;
#ifdef __SSE2__
	unsigned m;
#endif

	x->ndw = x->naw = 0;
#ifdef __SSE2__
	/* Sixteen bytes at a time: most hold no trigger. */
	for (; i + 16 <= len; i += 16) {
		__m128i	 v = _mm_loadu_si128((const __m128i *)(const void *)
		    (t + i));

		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(digits16(v), _mm_cmpeq_epi8(v,
		    _mm_set1_epi8('@'))), _mm_or_si128(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8('/')), _mm_cmpeq_epi8(v,
		    _mm_set1_epi8('w')))));
		for (; m != 0; m &= m - 1)
			if (trig(x, t, len, i + (size_t)__builtin_ctz(m)) == -1)
				return -1;
	}
#endif
	for (; i < len; i++)
		if (trigger[(unsigned char)t[i]] && trig(x, t, len, i) == -1)
			return -1;
	return 0;
}

/*
 * Returns 1 when a letter touches a digit in t[s..e) ("M1", "2JD", "CC02",
 * "LCS-2017", "AB 12"), which every letter-led shape has; ordinal
 * suffixes ("14th") do not count.
 */
/* isalpha(), isdigit(), isupper() of the C locale (the programs never
 * set another), without the table look-up through __ctype_b_loc(). */
#define ALPHA(c)	((unsigned)(((c) | 0x20) - 'a') < 26u)
#define DIGIT(c)	((unsigned)((c) - '0') < 10u)
#define UPPER(c)	((unsigned)((c) - 'A') < 26u)

/* The test of letter_digit() at u[i] (i + 1 < e). */
static int
letter_digit_at(const unsigned char *u, size_t s, size_t e, size_t i)
{
	/* Inside a word: none of the cases below. */
	if (ALPHA(u[i]) && ALPHA(u[i + 1]))
		return 0;
	if (ALPHA(u[i]) && DIGIT(u[i + 1]))
		return 1;
	if (DIGIT(u[i]) && ALPHA(u[i + 1])) {
		if (i + 2 < e && strchr("snrtSNRT", u[i + 1]) != NULL &&
		    strchr("tdhTDH", u[i + 2]) != NULL &&
		    (i + 3 >= e || !ALPHA(u[i + 3])))
			return 0;	/* 1st 2nd 3rd 4th */
		return 1;
	}
	if (ALPHA(u[i]) && i + 2 < e && DIGIT(u[i + 2]) &&
	    (u[i + 1] == '-' || u[i + 1] == '/' || (u[i + 1] == ' ' &&
	    i > s && UPPER(u[i]) && UPPER(u[i - 1]))))
		return 1;
	if (UPPER(u[i]) && i > s && UPPER(u[i - 1]) && i + 3 < e &&
	    u[i + 1] == 0xc2 && u[i + 2] == 0xa0 && DIGIT(u[i + 3]))
		return 1;
	return 0;
}

/*
 * Each case of letter_digit_at() holds a digit at i, i + 1, i + 2 or
 * i + 3, so only the positions up to three before each digit are
 * tested, in order, each once.
 */
static int
letter_digit(const char *t, size_t s, size_t e)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t	 d = s, i, next = s;	/* next: the first not yet tested */

	for (;;) {
#ifdef __SSE2__
		for (; d + 16 <= e; d += 16) {
			unsigned m = (unsigned)_mm_movemask_epi8(digits16(
			    _mm_loadu_si128((const __m128i *)(const void *)
			    (u + d))));

			if (m != 0) {
				d += (size_t)__builtin_ctz(m);
				break;
			}
		}
#endif
		while (d < e && !DIGIT(u[d]))
			d++;
		if (d >= e)
			return 0;
		i = d >= s + 3 ? d - 3 : s;
		if (i < next)
			i = next;
		for (; i <= d && i + 1 < e; i++)
			if (letter_digit_at(u, s, e, i))
				return 1;
		next = i;
		d++;
	}
}

/*
 * The fewest ASCII digits (\d and [0-9] are ASCII here: no PCRE2_UCP) a
 * match of each built-in shape holds, and the longest run of them it
 * needs.  0: no bound used.
 */
static const unsigned char min_digits[R__BUILTIN] = {
	[R_NHS] = 10,		/* 3-3-4 */
	[R_NHS_LABEL] = 10,
	[R_NI] = 6,		/* AB 12 34 56 C */
	[R_NI_LABEL] = 6,
	[R_PHONE] = 6,		/* (01xx) 1234 at the least */
	[R_PHONE_INTL] = 8,	/* +1 and seven digits */
	[R_UPN] = 11,
	[R_VRM] = 2,
	[R_DIGITS] = 8,
};
static const unsigned char min_run[R__BUILTIN] = {
	[R_NHS] = 3,
	[R_UPN] = 11,
	[R_DIGITS] = 8,
};

/*
 * What a window holds, for tests that every match of a shape passes
 * (\\d is an ASCII digit here: no PCRE2_UCP).  A "letter" is an ASCII
 * letter or any byte of a character outside ASCII: case-blind, PCRE2
 * folds some of those to ASCII letters (the Kelvin sign, the long s).
 */
struct feat {
	size_t	 nd;		/* ASCII digits */
	size_t	 run;		/* the longest run of them */
	size_t	 span6;		/* the fewest bytes from a digit to the */
	size_t	 span7;		/* 6th, 7th and 10th digit counting it */
	size_t	 span9;
	size_t	 span10;	/* (SIZE_MAX: not so many) */
	int	 plus;		/* a '+' */
	int	 paren0;	/* "(0" */
	int	 nilab;		/* n or N before a, i, '.' or a byte >= 0x80 */
	int	 at;		/* an '@' */
	int	 url;		/* "www." in any case, or '/' after a letter or ':' */
	int	 nhs;		/* "nhs" in any case */
	int	 dig2l;		/* a digit, then two letters */
	int	 dig3l;		/* a digit, a space or none, three letters */
	int	 up3;		/* three capitals in a row */
};

#define LETTER(c)	(ALPHA(c) || (c) >= 0x80)

/* Where features() stands in the digits of a window. */
struct dstate {
	size_t	 ring[16];	/* the last ten digits' positions (16: a
				 * mask for the index) */
	size_t	 last;		/* the last digit's, or (size_t)-1 */
	size_t	 cur;		/* digits in a row up to it */
};

/* Takes the digit at u[i] of the window ending at e. */
static void
fdigit(struct feat *f, struct dstate *d, const unsigned char *u, size_t i,
    size_t e)
{
	size_t	 j, sp;

	d->cur = d->last + 1 == i ? d->cur + 1 : 1;
	d->last = i;
	if (d->cur > f->run)
		f->run = d->cur;
	d->ring[f->nd & 15] = i;
	f->nd++;
#define SPAN(n, v)	if (f->nd >= (n) && \
	(sp = i - d->ring[(f->nd - (n)) & 15] + 1) < (v)) (v) = sp
	SPAN(6, f->span6);
	SPAN(7, f->span7);
	SPAN(9, f->span9);
	SPAN(10, f->span10);
#undef SPAN
	if (i + 2 < e && LETTER(u[i + 1]) && LETTER(u[i + 2]))
		f->dig2l = 1;
	j = i + 1;
	if (j < e && u[j] == ' ')
		j++;
	else if (j + 1 < e && u[j] == 0xc2 && u[j + 1] == 0xa0)
		j += 2;
	if (j + 2 < e && LETTER(u[j]) && LETTER(u[j + 1]) && LETTER(u[j + 2]))
		f->dig3l = 1;
}

/* Takes the byte u[i] of the window [s, e) when it is one of + ( @ / w W
 * n N. */
static void
fmark(struct feat *f, const unsigned char *u, size_t i, size_t s, size_t e)
{
	int	 c = u[i];

	if (c == '+')
		f->plus = 1;
	else if (c == '(') {
		if (i + 1 < e && u[i + 1] == '0')
			f->paren0 = 1;
	}
	else if (c == '@')
		f->at = 1;
	else if (c == '/') {
		if (i == s || ALPHA(u[i - 1]) || u[i - 1] == ':' ||
		    u[i - 1] >= 0x80)
			f->url = 1;
	} else if ((c | 0x20) == 'w') {
		if (i + 3 < e && (u[i + 1] | 0x20) == 'w' &&
		    (u[i + 2] | 0x20) == 'w' && u[i + 3] == '.')
			f->url = 1;
	} else if ((c | 0x20) == 'n') {
		if (i + 2 < e && (u[i + 1] | 0x20) == 'h' &&
		    ((u[i + 2] | 0x20) == 's' || u[i + 2] >= 0x80))
			f->nhs = 1;
		/* "national insurance", "N.I.", "NI no", "NINO" */
		if (i + 1 < e && ((u[i + 1] | 0x20) == 'a' ||
		    (u[i + 1] | 0x20) == 'i' || u[i + 1] == '.' ||
		    u[i + 1] >= 0x80))
			f->nilab = 1;
	}
}

#define ISMARK(c)	((c) == '+' || (c) == '@' || (c) == '/' || (c) == '(' || \
			 ((c) | 0x20) == 'w' || ((c) | 0x20) == 'n')

static void
features(const char *t, size_t s, size_t e, struct feat *f)
{
	const unsigned char *u = (const unsigned char *)t;
	struct dstate	 d;
	size_t		 i = s, up = 0;	/* capitals in a row before i */
	int		 c;

	memset(f, 0, sizeof(*f));
	f->span6 = f->span7 = f->span9 = f->span10 = (size_t)-1;
	d.last = (size_t)-1;
	d.cur = 0;
#ifdef __SSE2__
	/* Sixteen bytes at a time; only digits and marks are visited. */
	for (; i + 16 <= e; i += 16) {
		__m128i	 v = _mm_loadu_si128((const __m128i *)(const void *)
		    (u + i));
		__m128i	 lo = _mm_or_si128(v, _mm_set1_epi8(0x20));
		__m128i	 a = _mm_sub_epi8(v, _mm_set1_epi8('A'));
		unsigned dm, um, mm, m;

		dm = (unsigned)_mm_movemask_epi8(digits16(v));
		um = (unsigned)_mm_movemask_epi8(v) |
		    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_min_epu8(a, _mm_set1_epi8(25)), a));
		mm = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8('+')), _mm_cmpeq_epi8(v,
		    _mm_set1_epi8('('))), _mm_cmpeq_epi8(v,
		    _mm_set1_epi8('@'))),
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('/')),
		    _mm_or_si128(_mm_cmpeq_epi8(lo, _mm_set1_epi8('w')),
		    _mm_cmpeq_epi8(lo, _mm_set1_epi8('n'))))));
		/* Three capitals in a row, also across blocks. */
		if ((um & (um >> 1) & (um >> 2)) != 0 ||
		    (up >= 2 && (um & 1) != 0) ||
		    (up >= 1 && (um & 3) == 3))
			f->up3 = 1;
		up = um == 0xFFFFu ? up + 16 :
		    (size_t)__builtin_clz(~um & 0xFFFFu) - 16;
		for (m = dm | mm; m != 0; m &= m - 1) {
			size_t	 k = i + (size_t)__builtin_ctz(m);

			if (DIGIT(u[k]))
				fdigit(f, &d, u, k, e);
			else
				fmark(f, u, k, s, e);
		}
	}
#endif
	for (; i < e; i++) {
		c = u[i];
		if (UPPER(c) || c >= 0x80) {
			if (++up >= 3)
				f->up3 = 1;
		} else
			up = 0;
		if (DIGIT(c))
			fdigit(f, &d, u, i, e);
		else if (ISMARK(c))
			fmark(f, u, i, s, e);
	}
}

/* Shapes that start with letters need one by a digit: asked once a
 * window, when first needed (*mixed -1: not yet). */
#define MIXED()	(*mixed < 0 ? (*mixed = letter_digit(t, ws, we)) : *mixed)

/*
 * Returns 0 when no match of built-in shape r can lie in a window with
 * features f, 1 when one may.  The spans are the longest a shape's
 * digits can take, separators included (a no-break space is two
 * bytes): NHS 3-3-4 with two separators, 14 bytes; NI 2-2-2, 10; the
 * six first digits of a UK telephone number, 16 (24 to spare); seven of
 * another country's, 13.
 */
static int
may_hold(int r, const struct feat *f, int *mixed, const char *t, size_t ws,
    size_t we)
{
	if (f->nd < min_digits[r] || f->run < min_run[r])
		return 0;
	switch (r) {
	case R_NHS:
		return f->span10 <= 14;
	case R_NHS_LABEL:
		return f->span10 <= 28 && f->nhs;
	case R_NI:
		return f->span6 <= 10 && MIXED();
	case R_NI_LABEL:
		return f->span6 <= 10 && f->nilab;
	case R_PHONE:
		/*
		 * A national number is nine digits or more, the first two
		 * together, then one separator at most between two (nine
		 * in 23 bytes); one in 0044 form holds ten, nine of them
		 * in 21 bytes at most (0044, a separator, "(1)", a space,
		 * then digits); the other forms hold a '+' or "(0".
		 */
		return f->span6 <= 24 && (f->plus || f->paren0 ||
		    f->span9 <= 23);
	case R_PHONE_INTL:
		return f->plus && f->span7 <= 13;
	case R_EMAIL:
	case R_HANDLE:
		return f->at;
	case R_URL:
		return f->url;
	case R_POSTCODE:
		return f->dig2l && MIXED();
	case R_VRM:
		return f->dig3l && MIXED();
	case R_VRM_OLD:
		return f->up3 && MIXED();
	case R_UPN:
		return MIXED();
	}
	return 1;
}
#undef MIXED

int
ids_scan(void *ctx, const struct text_unit *tu,
    const struct mention_list *prior, struct mention_list *found,
    char *err, size_t errlen)
{
	struct ids	*x = ctx;
	const char	*t = tu->text;
	size_t		 len = tu->len, i, n, w, ws, we, bad;
	struct feat	 f;
	int		 r, mixed;
	struct cand	*c, *k;

	if (len == 0)
		return 0;
	if (windows(x, t, len) == -1) {
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return -1;
	}
	if (x->ndw == 0 && x->naw == 0)
		return 0;
	if (!utf8_valid(t, len, &bad)) {
		snprintf(err, errlen, "text %lu: invalid UTF-8 at byte %zu",
		    tu->id, bad);
		return -1;
	}
	x->ncand = 0;
	sbuf_reset(&x->keys);
	for (w = 0; w < x->naw; w++) {
		mixed = 1;	/* not asked for these shapes */
		features(t, x->aw[w].s, x->aw[w].e, &f);
		for (r = R_EMAIL; r <= R_HANDLE; r++)
			if (may_hold(r, &f, &mixed, t, 0, 0) && run(x, &x->frx[r], r, NULL,
			    0, t, len, x->aw[w].s, x->aw[w].e, err,
			    errlen) == -1)
				return -1;
	}
	for (w = 0; w < x->ndw; w++) {
		ws = x->dw[w].s;
		we = x->dw[w].e;
		mixed = -1;
		features(t, ws, we, &f);
		for (r = 0; r < R__BUILTIN; r++) {
			if (r >= R_EMAIL && r <= R_HANDLE)
				continue;
			/* No match of the shape can lie in the window. */
			if (!may_hold(r, &f, &mixed, t, ws, we))
				continue;
			if (run(x, &x->frx[r], r, NULL, 0, t, len, ws, we, err,
			    errlen) == -1)
				return -1;
		}
		if (x->any != NULL && run(x, &x->fany, -1, x->ref, x->nref, t,
		    len, ws, we, err, errlen) == -1)
			return -1;
		if (x->label != NULL && run(x, &x->flabel, -1, x->lref,
		    x->nlref, t, len, ws, we, err, errlen) == -1)
			return -1;
	}
	if (x->ncand == 0)
		return 0;

	/*
	 * Overlaps: a candidate inside another is dropped (the URL holding
	 * digits stays a URL); of two that cross, the surer one stays.
	 */
	if (x->ncand > 1)
		qsort(x->cand, x->ncand, sizeof(*x->cand), cand_cmp);
	n = 0;
	for (i = 0; i < x->ncand; i++) {
		c = &x->cand[i];
		if (n > 0) {
			k = &x->cand[n - 1];
			if (c->start < k->end) {
				if (c->end <= k->end)
					continue;	/* contained */
				if (c->start == k->start || c->conf <= k->conf)
					continue;
				n--;		/* c crosses k and is surer */
				while (n > 0 && x->cand[n - 1].end > c->start)
					n--;
			}
		}
		x->cand[n++] = *c;
	}
	x->ncand = n;

	for (i = 0; i < x->ncand; i++) {
		c = &x->cand[i];
		if (prior != NULL && mention_list_overlaps(prior, c->start,
		    c->end))
			continue;
		if (mention_list_add(found, tu->id, c->start, c->end, c->type,
		    c->subtype, c->rule, c->conf, x->keys.buf + c->key,
		    c->hint) == -1) {
			snprintf(err, errlen, "%s", strerror(ENOMEM));
			return -1;
		}
	}
	return 0;
}

/* Compiling and loading. */

/* The options every pattern is compiled with. */
#define RX_OPTS	(PCRE2_UTF | PCRE2_NEVER_BACKSLASH_C)

/* Compiles src; a message names where and the offset of the error. */
static pcre2_code *
compile(const char *src, const char *where, char *err, size_t errlen)
{
	pcre2_code	*code;
	int		 ec;
	PCRE2_SIZE	 eo;
	char		 msg[160], pos[200];

	code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, RX_OPTS,
	    &ec, &eo, NULL);
	if (code == NULL) {
		pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof(msg));
		snprintf(pos, sizeof(pos), "%s at offset %zu", msg, (size_t)eo);
		seterr(err, errlen, where, pos);
		return NULL;
	}
	/*
	 * Without JIT (some platforms) the interpreter still works.
	 * ANON_NO_JIT turns it off for valgrind, which cannot follow JIT
	 * code that reads ahead on purpose.
	 */
	if (getenv("ANON_NO_JIT") == NULL)
		(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	return code;
}

/*
 * Reads path line by line, calling fn for every line that is not empty
 * or a comment.  Returns 0, or -1 with a message in err.
 */
static int
each_line(const char *path, int (*fn)(struct ids *, char *, const char *,
    char *, size_t), struct ids *x, char *err, size_t errlen)
{
	FILE	*fp;
	char	*line = NULL, where[512];
	size_t	 cap = 0;
	ssize_t	 n;
	unsigned long lineno = 0;
	int	 rc = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		seterr(err, errlen, path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		snprintf(where, sizeof(where), "%s:%lu", path, lineno);
		if ((rc = fn(x, line, where, err, errlen)) == -1)
			break;
	}
	if (rc == 0 && ferror(fp)) {
		seterr(err, errlen, path, strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(fp);
	return rc;
}

static int
load_area(struct ids *x, char *line, const char *where, char *err,
    size_t errlen)
{
	size_t	 n = strlen(line);
	int	 a, b;

	if (n < 1 || n > 2 || !isupper((unsigned char)line[0]) ||
	    (n == 2 && !isupper((unsigned char)line[1]))) {
		seterr(err, errlen, where,
		    "postcode area must be one or two capital letters");
		return -1;
	}
	a = line[0] - 'A' + 1;
	b = n == 2 ? line[1] - 'A' + 1 : 0;
	x->area[a * 27 + b] = 1;
	return 0;
}

static int
load_label(struct ids *x, char *line, const char *where, char *err,
    size_t errlen)
{
	struct sbuf	*b = &x->labels;
	const char	*p;

	if (b->len > 0 && sbuf_addc(b, '|') == -1)
		return -1;
	for (p = line; *p != '\0'; p++) {
		if (*p == ' ') {
			if (sbuf_adds(b, "\\s+") == -1)
				return -1;
		} else if (strchr("\\^$.|?*+()[]{}", *p) != NULL) {
			if (sbuf_addc(b, '\\') == -1 || sbuf_addc(b, *p) == -1)
				return -1;
		} else if (sbuf_addc(b, *p) == -1)
			return -1;
	}
	return 0;
}

static int
load_public(struct ids *x, char *line, const char *where, char *err,
    size_t errlen)
{
	size_t	 n;

	n = strspn(line, "0123456789");
	if (n < 3 || (line[n] != '\0' && line[n] != '\t')) {
		seterr(err, errlen, where,
		    "expected a number in national form, digits only");
		return -1;
	}
	return lexicon_put(x->public, line, n, "");
}

/* Sets the name, rule and confidence of rp.  Returns 0 or -1. */
static int
refpat_names(struct refpat *rp, const char *name, long conf)
{
	size_t	 n = strlen(name) + sizeof("ids/ref-");

	rp->conf = (int)conf;
	rp->name = strdup(name);
	rp->rule = malloc(n);
	if (rp->name == NULL || rp->rule == NULL) {
		free(rp->rule);
		free(rp->name);
		return -1;
	}
	snprintf(rp->rule, n, "ids/ref-%s", name);
	return 0;
}

static int
load_ref(struct ids *x, char *line, const char *where, char *err,
    size_t errlen)
{
	char		*name, *mode, *conf, *pat, *end;
	struct refpat	*rp;
	pcre2_code	*code;
	long		 cv;

	name = line;
	if ((mode = strchr(name, '\t')) == NULL ||
	    (conf = strchr(mode + 1, '\t')) == NULL ||
	    (pat = strchr(conf + 1, '\t')) == NULL) {
		seterr(err, errlen, where,
		    "expected NAME, MODE, CONF and PATTERN separated by tabs");
		return -1;
	}
	*mode++ = '\0';
	*conf++ = '\0';
	*pat++ = '\0';
	errno = 0;
	cv = strtol(conf, &end, 10);
	if (*conf == '\0' || *end != '\0' || cv < 1 || cv > 100) {
		seterr(err, errlen, where,
		    "confidence must be a number from 1 to 100");
		return -1;
	}
	if (strcmp(mode, "label") != 0 && strcmp(mode, "any") != 0) {
		seterr(err, errlen, where,
		    "mode must be \"any\" or \"label\"");
		return -1;
	}
	/* The pattern alone first, so that an error's offset is the user's. */
	if ((code = compile(pat, where, err, errlen)) == NULL)
		return -1;
	pcre2_code_free(code);
	if (strcmp(mode, "label") == 0) {
		/* Joined into one pattern; the mark says which matched. */
		if ((rp = reallocarray(x->lref, x->nlref + 1,
		    sizeof(*rp))) == NULL)
			return -1;
		x->lref = rp;
		rp = &x->lref[x->nlref];
		memset(rp, 0, sizeof(*rp));
		if ((x->values.len > 0 && sbuf_addc(&x->values, '|') == -1) ||
		    sbuf_printf(&x->values, "(*MARK:%zu)(?:%s)", x->nlref,
		    pat) == -1)
			return -1;
		if (refpat_names(rp, name, cv) == -1)
			return -1;
		x->nlref++;
		return 0;
	}
	if ((rp = reallocarray(x->ref, x->nref + 1, sizeof(*rp))) == NULL)
		return -1;
	x->ref = rp;
	rp = &x->ref[x->nref];
	memset(rp, 0, sizeof(*rp));
	/* Joined into one pattern too; earlier lines are tried first. */
	if ((x->anys.len > 0 && sbuf_addc(&x->anys, '|') == -1) ||
	    sbuf_printf(&x->anys, "(*MARK:%zu)(?:%s)", x->nref, pat) == -1)
		return -1;
	if (refpat_names(rp, name, cv) == -1)
		return -1;
	x->nref++;
	return 0;
}

struct ids *
ids_new(const char *dir, const char *extra, char *err, size_t errlen)
{
	struct ids	*x;
	struct sbuf	 src = SBUF_INIT;
	char		 path[4096], where[64];
	int		 r;

	if (err != NULL && errlen > 0)
		*err = '\0';
	if (dir == NULL)
		dir = lexicon_dir();
	if ((x = calloc(1, sizeof(*x))) == NULL) {
		seterr(err, errlen, strerror(ENOMEM), NULL);
		return NULL;
	}
	for (r = 0; r < R__BUILTIN; r++) {
		snprintf(where, sizeof(where), "built-in rule %d", r);
		if ((x->rx[r] = compile(builtin_src[r], where, err,
		    errlen)) == NULL)
			goto fail;
		/* The built-in shapes start with what PCRE2's own start
		 * optimisations find fast: searched the ordinary way. */
		if (rxfind_init(&x->frx[r], x->rx[r], NULL, RX_OPTS) == -1)
			goto nomem;
	}
	if ((x->md = pcre2_match_data_create(16, NULL)) == NULL)
		goto nomem;

	snprintf(path, sizeof(path), "%s/ids/postcode-areas.txt", dir);
	if (each_line(path, load_area, x, err, errlen) == -1)
		goto fail;
	if ((x->public = lexicon_new()) == NULL)
		goto nomem;
	snprintf(path, sizeof(path), "%s/ids/public-numbers.txt", dir);
	if (each_line(path, load_public, x, err, errlen) == -1)
		goto fail;
	snprintf(path, sizeof(path), "%s/ids/ref-labels.txt", dir);
	if (each_line(path, load_label, x, err, errlen) == -1)
		goto fail;
	snprintf(path, sizeof(path), "%s/ids/references.txt", dir);
	if (each_line(path, load_ref, x, err, errlen) == -1)
		goto fail;
	if (extra != NULL && each_line(extra, load_ref, x, err, errlen) == -1)
		goto fail;
	if (x->anys.len > 0) {
		if (sbuf_printf(&src, LB "(?:%s)" RB, x->anys.buf) == -1)
			goto nomem;
		if ((x->any = compile(src.buf, "reference patterns", err,
		    errlen)) == NULL)
			goto fail;
		if (rxfind_init(&x->fany, x->any, src.buf, RX_OPTS) == -1)
			goto nomem;
		sbuf_reset(&src);
	}
	if (x->labels.len > 0 && x->values.len > 0) {
		if (sbuf_printf(&src, "(?<![\\p{L}\\p{N}])(?i:%s)(?![\\p{L}])"
		    "(?i:\\s+(?:number|no\\b\\.?|num\\b\\.?|ref(?:erence)?\\b\\.?"
		    "|id))?(?i:" SEP ")\\K(?:%s)" RB, x->labels.buf,
		    x->values.buf) == -1)
			goto nomem;
		if ((x->label = compile(src.buf, "reference labels", err,
		    errlen)) == NULL)
			goto fail;
		if (rxfind_init(&x->flabel, x->label, src.buf, RX_OPTS) == -1)
			goto nomem;
	}
	sbuf_release(&x->labels);
	sbuf_release(&x->values);
	sbuf_release(&x->anys);
	sbuf_release(&src);
	return x;
nomem:
	seterr(err, errlen, strerror(ENOMEM), NULL);
fail:
	if (err != NULL && errlen > 0 && *err == '\0')
		seterr(err, errlen, strerror(ENOMEM), NULL);
	sbuf_release(&src);
	ids_free(x);
	return NULL;
}

void
ids_free(struct ids *x)
{
	size_t	 i;
	int	 r;

	if (x == NULL)
		return;
	for (r = 0; r < R__BUILTIN; r++) {
		rxfind_release(&x->frx[r]);
		pcre2_code_free(x->rx[r]);
	}
	rxfind_release(&x->fany);
	rxfind_release(&x->flabel);
	pcre2_code_free(x->label);
	pcre2_code_free(x->any);
	for (i = 0; i < x->nref; i++) {
		free(x->ref[i].name);
		free(x->ref[i].rule);
	}
	free(x->ref);
	for (i = 0; i < x->nlref; i++) {
		free(x->lref[i].name);
		free(x->lref[i].rule);
	}
	free(x->lref);
	pcre2_match_data_free(x->md);
	lexicon_free(x->public);
	free(x->cand);
	free(x->dw);
	free(x->aw);
	sbuf_release(&x->keys);
	sbuf_release(&x->labels);
	sbuf_release(&x->values);
	sbuf_release(&x->anys);
	free(x);
}
