/*
 * flag.c — scoring of sentences for the eight flag categories (flag.h).
 *
 * Per paragraph: at each word start, for each category, the first of its
 * weighted patterns (in file order) that matches there, as one
 * alternation of them would find it; only the patterns that can begin
 * with the word, as their prefix tests say (rxprefix.h), are tried
 * (search(), the word table); then the context
 * cues in the sentences that hold a term, and a pass over those
 * sentences that adds the weights of the patterns matched inside each,
 * the weights of the features seen (a family member or a child named, a
 * first-person quotation) and the penalties of the context rules.  Work
 * is linear in the paragraph.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flag.h"
#include "record.h"
#include "rxprefix.h"
#include "sentence.h"
#include "stream.h"

const char *const flag_categories[FLAG_NCAT] = {
	"sexual-abuse-detail", "injury-detail", "self-harm-method",
	"health-of-named-family", "child-voice", "current-whereabouts",
	"jigsaw-identifier", "third-party-history",
};

/* Context cue kinds (lexicons/flags/context.txt). */
enum ctx_kind {
	CX_NEGATION,		/* cancels a term after it in its clause */
	CX_NEGATED,		/* cancels a term before it in its clause */
	CX_POLICY,		/* sentence penalty: policy, training text */
	CX_RECOMMENDATION,	/* sentence penalty: recommendations */
	CX_HYPOTHETICAL,	/* sentence penalty: hypotheticals, generic */
	CX_FAMILY,		/* role word naming a family adult */
	CX_CHILD,		/* role word naming a child of the family */
	CX_FIRSTPERSON,		/* first-person word (inside quotations) */
	CX_NKIND
};

static const char *const ctx_names[CX_NKIND] = {
	"negation", "negated", "policy", "recommendation", "hypothetical",
	"family", "child", "firstperson",
};

/* Sentence features a category file may weigh (@feature NAME W). */
enum feature {
	FT_FAMILY,	/* a family adult named (mention role or role word) */
	FT_CHILD,	/* the subject child or a sibling named */
	FT_QUOTE,	/* a first-person quotation of 3+ words */
	FT_QUOTED,	/* any quotation of 2+ words */
	FT_PERSON,	/* any person mention */
	FT_NFEAT
};

static const char *const feat_names[FT_NFEAT] = {
	"family", "child", "quote", "quoted", "person",
};

struct pat {
	double	 weight;
	char	*src;
	char	*label;		/* NULL: quote the matched text */
	int	 kind;		/* context patterns only */
	pcre2_code *one;	/* src between word boundaries, JIT */
	int	 jit;		/* one was JIT-compiled */
	unsigned short	 uses;		/* matches tried with one */
	struct rxprefix *pfx;	/* what its matches begin with */
	int	 pfxmade;	/* pfx was made (NULL: no test) */
};

/*
 * Candidate branches: the indexes of the patterns that can begin with a
 * given first byte, in pattern order, ending with -1.
 */
typedef short	 cand_t;

struct patset {
	struct pat		*v;
	size_t			 n, cap;
	pcre2_code		*anch;	/* all patterns, one alternation,
					 * anchored: compiled to check
					 * them, no longer matched */
	cand_t			*first[131];	/* by first byte, made with
						 * the prefix tests: [128]
						 * for a character outside
						 * ASCII, [130] for the long
						 * s or the Kelvin sign,
						 * [129] at the end */
	int			 firstmade;
	cand_t			**first2;	/* [128 * 128] by the first
						 * two ASCII bytes, each made
						 * on first use (NULL: not
						 * yet); the context's own */
};

static cand_t	 no_cand[1] = { -1 };

struct category {
	struct patset	 pats;
	double		 threshold;
	double		 error;
	double		 feat[FT_NFEAT];
	unsigned	 require;	/* bit set of features, any of them */
};

struct hit {
	size_t	 start, end;
	int	 set;		/* category index, or FLAG_NCAT for context */
	int	 pat;
};

struct hitvec {
	struct hit	*v;
	size_t		 n, cap;
};

struct span {
	size_t	 start, end;
	int	 fp;		/* first person */
	int	 words;
};

struct wstart {
	size_t	 pos;
	struct wentry *we;	/* candidates of its first word, or NULL */
};

/*
 * Candidates by first word: for a position that begins with an ASCII
 * word of at most WKEY_MAX - 1 bytes, the key is the word and the byte
 * after it (when that byte is ASCII), and the entry lists, over every
 * category (and separately for the context set), the patterns that can
 * begin with the key as their prefix tests say (rxprefix.h), each as
 * set << 8 | pattern, in set and pattern order, ending with -1, and
 * where each test stands after the key.  Most words begin no pattern
 * at all, so most
 * word starts cost one lookup and no match.  The table is cleared when
 * full, so its memory stays bounded whatever the text.
 */
#define WKEY_MAX	24
#define WC_SLOTS	(1u << 15)
#define WC_MAXN		(WC_SLOTS / 2)

struct wentry {
	uint64_t	 key2[2];	/* bytes 8..23 of the key */
	uint64_t	 anyu[2];	/* catu | cxu (read with key2) */
	unsigned char	 klen;
	cand_t		*cat;		/* categories */
	cand_t		*cx;		/* context set */
	int		*catst;		/* rxprefix_step() of each over the */
	int		*cxst;		/* key (NULL when the list is empty) */
	uint64_t	*catnx;		/* [4] each: the bytes that may come */
	uint64_t	*cxnx;		/* after the key (rxprefix_next()), */
					/* then those known so (see search()) */
	uint64_t	 catu[2];	/* the union of catnx, of cxnx: the */
	uint64_t	 cxu[2];	/* bytes after the key worth a look */
};

/*
 * A slot of the table holds the first eight bytes of its key
 * (zero-padded) and its length: most words are shorter, so a look-up
 * reads one small slot, and the entry only for a longer word or one
 * that begins some pattern.
 */
struct wslot {
	uint64_t	 key;
	unsigned	 idx;		/* entry + 1; 0: empty */
	unsigned char	 klen;
	unsigned char	 none;		/* the entry lists no pattern */
};

/* A person mention: all that sentence_info() reads of one. */
struct pref {
	size_t	 start, end;
	size_t	 i;		/* order of arrival (index in prior) */
	int	 role;		/* index in roles[], or -1 */
};

struct flag_ctx {
	struct category		 cat[FLAG_NCAT];
	struct patset		 ctx;
	pcre2_match_data	*md;
	struct hitvec		 hits;		/* category terms */
	struct hitvec		 cxh;		/* context cues */
	struct sentence_list	 sent;
	struct span		*quote;
	size_t			 nquote, capquote;
	struct pref		*pref;		/* the paragraph's people, by
						 * start once sorted */
	size_t			 npref, cappref;
	struct wstart		*ws;		/* where patterns may begin */
	size_t			 nws, capws;
	struct wslot		*wc;		/* [WC_SLOTS] by first word */
	struct wentry		*wce;		/* [WC_MAXN], nwc in use */
	size_t			 nwc;
	unsigned long		 wcgen;		/* clearings of wc */
	int			 nowc;		/* a set too large to encode */
	unsigned char		 anyfirst[131];	/* a pattern of some set can
						 * begin with it (as
						 * first_cands()) */
	int			 anyfirstmade;
	unsigned char		*seen[FLAG_NCAT];	/* [pats.n], zero
							 * between uses */
	uint64_t		 (*first3)[2];	/* [NWORDCH * NWORDCH]: the
						 * bytes that may follow two
						 * word bytes at a start */
	unsigned char		 wcls[256];	/* a word byte's index in
						 * first3 */
	const struct flag_ctx	*base;		/* a clone's: the rules, the
						 * prefix tests, the
						 * candidates and first3
						 * are base's */
};

/* Family and child roles a mention's SUBTYPE may carry, with the words
 * used in reasons (never the person's name). */
static const struct {
	const char	*role;
	const char	*words;
	int		 child;
} roles[] = {
	{ "subject-child", "the subject child", 1 },
	{ "sibling", "a sibling", 1 },
	{ "half-sibling", "a half-sibling", 1 },
	{ "mother", "the mother", 0 },
	{ "father", "the father", 0 },
	{ "mother-partner", "the mother's partner", 0 },
	{ "grandparent", "a grandparent", 0 },
	{ "father-of-sibling", "a sibling's father", 0 },
	{ "relative", "a relative", 0 },
	{ "former-partner", "a former partner", 0 },
};

static void seterr(char *, size_t, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	 ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static int
patset_add(struct patset *ps, double w, const char *src, size_t srclen,
    const char *label, size_t labellen, int kind)
{
	struct pat	*v, *p;
	size_t		 cap;

	if (ps->n == ps->cap) {
		cap = ps->cap ? ps->cap * 2 : 32;
		if ((v = realloc(ps->v, cap * sizeof(*v))) == NULL)
			return -1;
		ps->v = v;
		ps->cap = cap;
	}
	p = &ps->v[ps->n];
	memset(p, 0, sizeof(*p));
	p->weight = w;
	p->kind = kind;
	if ((p->src = strndup(src, srclen)) == NULL)
		return -1;
	if (label != NULL && labellen > 0 &&
	    (p->label = strndup(label, labellen)) == NULL) {
		free(p->src);
		return -1;
	}
	ps->n++;
	return 0;
}

static void
first2_release(struct patset *ps)
{
	size_t	 i;

	if (ps->first2 == NULL)
		return;
	for (i = 0; i < 128 * 128; i++)
		if (ps->first2[i] != NULL && ps->first2[i] != no_cand)
			free(ps->first2[i]);
	free(ps->first2);
	ps->first2 = NULL;
}

static void
patset_release(struct patset *ps)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++) {
		free(ps->v[i].src);
		free(ps->v[i].label);
		pcre2_code_free(ps->v[i].one);
		rxprefix_free(ps->v[i].pfx);
	}
	free(ps->v);
	pcre2_code_free(ps->anch);
	for (i = 0; i < 131; i++)
		if (ps->first[i] != NULL && ps->first[i] != no_cand)
			free(ps->first[i]);
	first2_release(ps);
	memset(ps, 0, sizeof(*ps));
}

struct flag_ctx *
flag_ctx_new(void)
{
	struct flag_ctx	*c;
	int		 i;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	for (i = 0; i < FLAG_NCAT; i++) {
		c->cat[i].threshold = 4;
		c->cat[i].error = 1e9;
	}
	return c;
}

static void	wc_clear(struct flag_ctx *);

/* A clone's patterns: only their compiled matchers are its own. */
static void
clone_release(struct patset *ps)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++)
		pcre2_code_free(ps->v[i].one);
	free(ps->v);
	first2_release(ps);
	memset(ps, 0, sizeof(*ps));
}

void
flag_ctx_free(struct flag_ctx *c)
{
	int	 i;

	if (c == NULL)
		return;
	if (c->base != NULL) {
		for (i = 0; i <= FLAG_NCAT; i++)
			clone_release(i == FLAG_NCAT ? &c->ctx :
			    &c->cat[i].pats);
		c->first3 = NULL;
	} else {
		for (i = 0; i < FLAG_NCAT; i++)
			patset_release(&c->cat[i].pats);
		patset_release(&c->ctx);
	}
	pcre2_match_data_free(c->md);
	free(c->hits.v);
	free(c->cxh.v);
	sentence_list_release(&c->sent);
	free(c->quote);
	free(c->pref);
	free(c->ws);
	free(c->first3);
	for (i = 0; i < FLAG_NCAT; i++)
		free(c->seen[i]);
	wc_clear(c);
	free(c->wc);
	free(c->wce);
	free(c);
}

/* Splits line[0..len) at TABs into at most max fields. */
static size_t
fields(const char *line, size_t len, const char **f, size_t *fl, size_t max)
{
	size_t	 n = 0, i, b = 0;

	for (i = 0; i <= len && n < max; i++) {
		if (i < len && line[i] != '\t')
			continue;
		f[n] = line + b;
		fl[n] = i - b;
		n++;
		b = i + 1;
	}
	return n;
}

static int
parse_num(const char *s, size_t len, double *out)
{
	char	 buf[32], *end;

	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	*out = strtod(buf, &end);
	return (*end != '\0' || errno != 0) ? -1 : 0;
}

static int
lookup(const char *const *names, int n, const char *s, size_t len)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return i;
	return -1;
}

int
flag_ctx_parse(struct flag_ctx *c, const char *cat, const char *name,
    const char *buf, size_t len, char *err, size_t errlen)
{
	const char	*line, *nl, *f[4];
	size_t		 ll, fl[4], nf;
	unsigned long	 lineno = 0;
	struct category	*cg = NULL;
	double		 w;
	int		 k, i;

	if (cat != NULL) {
		if ((k = lookup(flag_categories, FLAG_NCAT, cat,
		    strlen(cat))) == -1) {
			seterr(err, errlen, "%s: unknown category %s", name, cat);
			return -1;
		}
		cg = &c->cat[k];
	}
	for (line = buf; line < buf + len; line = nl + 1) {
		lineno++;
		if ((nl = memchr(line, '\n', buf + len - line)) == NULL)
			nl = buf + len;
		ll = nl - line;
		if (ll > 0 && line[ll - 1] == '\r')
			ll--;
		if (ll == 0 || line[0] == '#')
			continue;
		nf = fields(line, ll, f, fl, 4);
		if (cg != NULL && line[0] == '@') {
			if (nf == 2 && fl[0] == 10 &&
			    memcmp(f[0], "@threshold", 10) == 0 &&
			    parse_num(f[1], fl[1], &cg->threshold) == 0)
				continue;
			if (nf == 2 && fl[0] == 6 &&
			    memcmp(f[0], "@error", 6) == 0 &&
			    parse_num(f[1], fl[1], &cg->error) == 0)
				continue;
			if (nf == 3 && fl[0] == 8 &&
			    memcmp(f[0], "@feature", 8) == 0 &&
			    (i = lookup(feat_names, FT_NFEAT, f[1],
			    fl[1])) != -1 &&
			    parse_num(f[2], fl[2], &cg->feat[i]) == 0)
				continue;
			if (nf == 2 && fl[0] == 8 &&
			    memcmp(f[0], "@require", 8) == 0 &&
			    (i = lookup(feat_names, FT_NFEAT, f[1],
			    fl[1])) != -1) {
				cg->require |= 1u << i;
				continue;
			}
			seterr(err, errlen, "%s:%lu: bad directive", name,
			    lineno);
			return -1;
		}
		if (cg != NULL) {
			/* WEIGHT TAB PATTERN [TAB LABEL] */
			if (nf < 2 || fl[1] == 0 ||
			    parse_num(f[0], fl[0], &w) == -1) {
				seterr(err, errlen, "%s:%lu: %s", name,
				    lineno, "expected WEIGHT<TAB>PATTERN"
				    "[<TAB>LABEL]");
				return -1;
			}
			if (patset_add(&cg->pats, w, f[1], fl[1],
			    nf > 2 ? f[2] : NULL, nf > 2 ? fl[2] : 0,
			    0) == -1)
				goto nomem;
			continue;
		}
		/* KIND TAB [WEIGHT TAB] PATTERN */
		if (nf < 2 || (k = lookup(ctx_names, CX_NKIND, f[0],
		    fl[0])) == -1) {
			seterr(err, errlen, "%s:%lu: %s", name, lineno,
			    "expected KIND<TAB>[WEIGHT<TAB>]PATTERN");
			return -1;
		}
		w = 0;
		if (nf == 3 && parse_num(f[1], fl[1], &w) == -1) {
			seterr(err, errlen, "%s:%lu: bad weight", name,
			    lineno);
			return -1;
		}
		if (nf > 3 || fl[nf - 1] == 0) {
			seterr(err, errlen, "%s:%lu: bad context rule",
			    name, lineno);
			return -1;
		}
		if (patset_add(&c->ctx, w, f[nf - 1], fl[nf - 1], NULL, 0,
		    k) == -1)
			goto nomem;
	}
	return 0;
nomem:
	seterr(err, errlen, "%s:%lu: %s", name, lineno, strerror(ENOMEM));
	return -1;
}

/*
 * Compiles a pattern set as one alternation, each branch marked with its
 * index, bounded by non-word characters on both sides: what search()
 * finds at each word start is what this alternation would find there.
 * It is compiled to check the patterns together; search() matches them
 * one by one.
 */
static int
patset_compile(struct patset *ps, const char *what, char *err,
    size_t errlen)
{
	char		*src, *p, ebuf[160];
	size_t		 len, i;
	int		 ec;
	PCRE2_SIZE	 eo;

	if (ps->n == 0)
		return 0;
	len = 32;
	for (i = 0; i < ps->n; i++)
		len += strlen(ps->v[i].src) + 24;
	if ((src = malloc(len)) == NULL) {
		seterr(err, errlen, "%s: out of memory", what);
		return -1;
	}
	p = src;
	p += sprintf(p, "(?<!\\w)(?:");
	for (i = 0; i < ps->n; i++)
		p += sprintf(p, "%s(?:%s)(*:%zu)", i ? "|" : "",
		    ps->v[i].src, i);
	sprintf(p, ")(?!\\w)");
	ps->anch = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
	    PCRE2_ANCHORED | PCRE2_CASELESS | PCRE2_UTF | PCRE2_NO_UTF_CHECK,
	    &ec, &eo, NULL);
	free(src);
	if (ps->anch == NULL) {
		pcre2_get_error_message(ec, (PCRE2_UCHAR *)ebuf, sizeof(ebuf));
		/* Find the faulty pattern for a useful message. */
		for (i = 0; i < ps->n; i++) {
			pcre2_code *one = pcre2_compile(
			    (PCRE2_SPTR)ps->v[i].src, PCRE2_ZERO_TERMINATED,
			    PCRE2_CASELESS | PCRE2_UTF, &ec, &eo, NULL);
			if (one == NULL) {
				pcre2_get_error_message(ec,
				    (PCRE2_UCHAR *)ebuf, sizeof(ebuf));
				seterr(err, errlen, "%s: pattern %zu: %s",
				    what, i + 1, ebuf);
				return -1;
			}
			pcre2_code_free(one);
		}
		seterr(err, errlen, "%s: %s", what, ebuf);
		return -1;
	}
	return 0;
}

int
flag_ctx_compile(struct flag_ctx *c, char *err, size_t errlen)
{
	int	 i;

	for (i = 0; i < FLAG_NCAT; i++)
		if (patset_compile(&c->cat[i].pats, flag_categories[i], err,
		    errlen) == -1)
			return -1;
	if (patset_compile(&c->ctx, "context", err, errlen) == -1)
		return -1;
	/* Word entries code a category's patterns in 8 bits. */
	for (i = 0; i < FLAG_NCAT; i++) {
		if (c->cat[i].pats.n > 255)
			c->nowc = 1;
		free(c->seen[i]);
		if ((c->seen[i] = calloc(c->cat[i].pats.n + 1, 1)) == NULL) {
			seterr(err, errlen, "out of memory");
			return -1;
		}
	}
	if (c->md == NULL &&
	    (c->md = pcre2_match_data_create(2, NULL)) == NULL) {
		seterr(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

static int
read_file(const char *path, char **buf, size_t *len)
{
	FILE	*fp;
	char	*b = NULL, *nb;
	size_t	 n = 0, cap = 0, r;

	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	for (;;) {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 16384;
			if ((nb = realloc(b, cap)) == NULL) {
				free(b);
				fclose(fp);
				errno = ENOMEM;
				return -1;
			}
			b = nb;
		}
		r = fread(b + n, 1, cap - n, fp);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(fp)) {
		free(b);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	*buf = b;
	*len = n;
	return 0;
}

struct flag_ctx *
flag_ctx_load(const char *dir, char *err, size_t errlen)
{
	struct flag_ctx	*c;
	char		 path[4096], *buf;
	size_t		 len;
	int		 i, rc;

	if ((c = flag_ctx_new()) == NULL) {
		seterr(err, errlen, "out of memory");
		return NULL;
	}
	for (i = 0; i <= FLAG_NCAT; i++) {
		snprintf(path, sizeof(path), "%s/%s.txt", dir,
		    i < FLAG_NCAT ? flag_categories[i] : "context");
		if (read_file(path, &buf, &len) == -1) {
			seterr(err, errlen, "%s: %s", path, strerror(errno));
			flag_ctx_free(c);
			return NULL;
		}
		rc = flag_ctx_parse(c, i < FLAG_NCAT ? flag_categories[i] :
		    NULL, path, buf, len, err, errlen);
		free(buf);
		if (rc == -1) {
			flag_ctx_free(c);
			return NULL;
		}
	}
	if (flag_ctx_compile(c, err, errlen) == -1) {
		flag_ctx_free(c);
		return NULL;
	}
	return c;
}

static int
hit_push(struct hitvec *h, size_t s, size_t e, int set, int pat)
{
	struct hit	*v;
	size_t		 cap;

	if (h->n == h->cap) {
		cap = h->cap ? h->cap * 2 : 64;
		if ((v = realloc(h->v, cap * sizeof(*v))) == NULL)
			return -1;
		h->v = v;
		h->cap = cap;
	}
	h->v[h->n].start = s;
	h->v[h->n].end = e;
	h->v[h->n].set = set;
	h->v[h->n].pat = pat;
	h->n++;
	return 0;
}

/*
 * The prefix test of pattern p (rxprefix.h), made on first use; NULL
 * (no test) when out of memory.
 */
static const struct rxprefix *
pfx_of(struct pat *p)
{
	if (!p->pfxmade) {
		p->pfx = rxprefix_make_word(p->src, 1);
		p->pfxmade = 1;
	}
	return p->pfx;
}

/*
 * Returns the patterns of ps that can begin with the ASCII byte b, or
 * (b 128) a character outside ASCII other than the long s and the Kelvin
 * sign, (b 130) one of those two, or (b 129) match at the end of a text,
 * as their prefix tests say (rxprefix.h), made for every byte on first
 * use; NULL when out of memory.
 */
static const cand_t *
first_cands(struct patset *ps, unsigned b)
{
	static const unsigned char other[] = "\xc3\xa9",
	    longs[] = "\xc5\xbf", kelvin[] = "\xe2\x84\xaa";
	const struct rxprefix *px;
	unsigned char	 ch;
	unsigned	 k;
	cand_t		*v;
	size_t		 i, m;
	int		 may;

	if (!ps->firstmade) {
		for (k = 0; k < 131; k++) {
			ch = (unsigned char)k;
			if ((v = malloc((ps->n + 1) * sizeof(*v))) == NULL)
				return NULL;
			for (i = m = 0; i < ps->n; i++) {
				px = pfx_of(&ps->v[i]);
				if (k == 129)
					may = rxprefix_empty(px);
				else if (k == 128)
					may = rxprefix_may(px, other, 2);
				else if (k == 130)
					may = rxprefix_may(px, other, 2) ||
					    rxprefix_may(px, longs, 2) ||
					    rxprefix_may(px, kelvin, 3);
				else
					may = rxprefix_may(px, &ch, 1);
				if (may)
					v[m++] = (cand_t)i;
			}
			if (m == 0) {
				free(v);
				v = no_cand;
			} else
				v[m] = -1;
			ps->first[k] = v;
		}
		ps->firstmade = 1;
	}
	return ps->first[b < 128 || b == 129 || b == 130 ? b : 128];
}

/*
 * Returns the patterns of ps that can begin with the ASCII bytes b0 b1,
 * as their prefix tests say: those of first_cands(ps, b0) that pass the
 * two bytes, made on first use; NULL when out of memory.  (A test that
 * fails on two bytes fails on any text that begins with them.)
 */
static const cand_t *
first_cands2(struct patset *ps, unsigned char b0, unsigned char b1)
{
	const unsigned char key[2] = { b0, b1 };
	const cand_t	*base;
	cand_t		*v, **slot;
	size_t		 m, n;

	if (ps->first2 == NULL &&
	    (ps->first2 = calloc(128 * 128, sizeof(*ps->first2))) == NULL)
		return NULL;
	slot = &ps->first2[b0 * 128 + b1];
	if (*slot != NULL)
		return *slot;
	if ((base = first_cands(ps, b0)) == NULL)
		return NULL;
	for (n = 0; base[n] != -1; n++)
		;
	if ((v = malloc((n + 1) * sizeof(*v))) == NULL)
		return NULL;
	for (n = m = 0; base[n] != -1; n++)
		if (rxprefix_may(pfx_of(&ps->v[base[n]]), key, 2))
			v[m++] = base[n];
	if (m == 0) {
		free(v);
		v = no_cand;
	} else
		v[m] = -1;
	*slot = v;
	return v;
}

#define JIT_USES	8	/* tries of a pattern before it is JIT-compiled */

/* Compiles pattern i alone between word boundaries (as in ps->anch). */
static pcre2_code *
one(struct patset *ps, size_t i)
{
	struct pat	*p = &ps->v[i];
	char		*src;
	size_t		 len;
	int		 ec;
	PCRE2_SIZE	 eo;

	if (p->one != NULL)
		return p->one;
	len = strlen(p->src) + 24;
	if ((src = malloc(len)) == NULL)
		return NULL;
	snprintf(src, len, "(?<!\\w)(?:%s)(?!\\w)", p->src);
	/* Anchored when compiled: JIT does not take PCRE2_ANCHORED at
	 * match time (pcre2_match() would interpret). */
	p->one = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
	    PCRE2_ANCHORED | PCRE2_CASELESS | PCRE2_UTF | PCRE2_NO_UTF_CHECK,
	    &ec, &eo, NULL);
	free(src);
	return p->one;
}

static void
wc_clear(struct flag_ctx *c)
{
	size_t	 i;

	if (c->wc == NULL)
		return;
	for (i = 0; i < c->nwc; i++) {
		if (c->wce[i].cat != no_cand)
			free(c->wce[i].cat);
		if (c->wce[i].cx != no_cand)
			free(c->wce[i].cx);
		free(c->wce[i].catst);
		free(c->wce[i].cxst);
		free(c->wce[i].catnx);
		free(c->wce[i].cxnx);
	}
	memset(c->wc, 0, WC_SLOTS * sizeof(*c->wc));
	c->nwc = 0;
	c->wcgen++;
}

/*
 * Fills *out with the patterns of the sets [lo, hi) that can begin with
 * key[0..klen), taken from their candidates at word start w, encoded as
 * set << 8 | pattern when code is set, else as the pattern alone, with
 * their states after the key and the bytes that may follow it (un: the
 * union of those).  Returns 0 or -1 (out of memory).
 */
static int
word_cands(struct flag_ctx *c, int lo, int hi, int code, const char *key,
    size_t klen, cand_t **out, int **states, uint64_t **nexts,
    uint64_t un[2])
{
	const cand_t	*base;
	struct patset	*ps;
	cand_t		*v = NULL, *nv;
	int		*st = NULL;
	uint64_t	*nx = NULL;
	size_t		 n = 0, cap = 0, i, m;
	int		 k;

	un[0] = un[1] = 0;
	for (k = lo; k < hi; k++) {
		ps = k == FLAG_NCAT ? &c->ctx : &c->cat[k].pats;
		if (ps->anch == NULL)
			continue;
		/* By the first two bytes when both are ASCII: fewer
		 * patterns to step through the key. */
		if ((base = klen >= 2 && (unsigned char)key[0] < 128 &&
		    (unsigned char)key[1] < 128 ? first_cands2(ps,
		    (unsigned char)key[0], (unsigned char)key[1]) :
		    first_cands(ps, (unsigned char)key[0])) == NULL)
			goto nomem;
		for (; *base != -1; base++) {
			if (n + 2 > cap) {
				cap = cap ? cap * 2 : 8;
				if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
					goto nomem;
				v = nv;
			}
			v[n++] = (cand_t)(code ? k << 8 | *base : *base);
		}
	}
	/*
	 * Where each pattern's prefix test stands after the key, so that
	 * a word start tests only the bytes after it; a pattern the test
	 * rules out is dropped.
	 */
	if (n > 0 && ((st = malloc(n * sizeof(*st))) == NULL ||
	    (nx = malloc(4 * n * sizeof(*nx))) == NULL)) {
		free(st);
		goto nomem;
	}
	for (i = m = 0; i < n; i++) {
		const struct rxprefix *px;

		k = code ? v[i] >> 8 : lo;
		ps = k == FLAG_NCAT ? &c->ctx : &c->cat[k].pats;
		px = pfx_of(&ps->v[code ? v[i] & 0xff : v[i]]);
		st[m] = rxprefix_step(px, (const unsigned char *)key, klen);
		if (st[m] == RXP_FAIL)
			continue;
		/* A test that fails on the key fails on any text that
		 * begins with it. */
		if (st[m] == RXP_ROOT && !rxprefix_may(px,
		    (const unsigned char *)key, klen))
			continue;
		if (st[m] >= 0)
			rxprefix_next(px, st[m], nx + 4 * m);
		else
			nx[4 * m] = nx[4 * m + 1] = ~(uint64_t)0;
		/* After a key the test could not follow, each next byte
		 * is learnt at its first use. */
		nx[4 * m + 2] = nx[4 * m + 3] = st[m] == RXP_ROOT ? 0 :
		    ~(uint64_t)0;
		un[0] |= nx[4 * m];
		un[1] |= nx[4 * m + 1];
		v[m++] = v[i];
	}
	n = m;
	if (n == 0) {
		free(v);
		free(st);
		free(nx);
		*out = no_cand;
		*states = NULL;
		*nexts = NULL;
	} else {
		v[n] = -1;
		*out = v;
		*states = st;
		*nexts = nx;
	}
	return 0;
nomem:
	free(v);
	return -1;
}

/*
 * Returns the slot for key[0..klen) (zero-padded to WKEY_MAX bytes, h
 * its hash), making its entry when new; NULL when out of memory.
 */
static struct wslot *
wc_get(struct flag_ctx *c, const uint64_t *key, size_t klen, unsigned h)
{
	struct wentry	*e;
	struct wslot	*sl;
	size_t		 i;

	if (c->wc == NULL) {
		if ((c->wc = calloc(WC_SLOTS, sizeof(*c->wc))) == NULL)
			return NULL;
		if ((c->wce = calloc(WC_MAXN, sizeof(*c->wce))) == NULL) {
			free(c->wc);
			c->wc = NULL;
			return NULL;
		}
	}
	for (i = h & (WC_SLOTS - 1);; i = (i + 1) & (WC_SLOTS - 1)) {
		sl = &c->wc[i];
		if (sl->idx == 0)
			break;
		if (sl->key == key[0] && sl->klen == klen && (klen <= 8 ||
		    (c->wce[sl->idx - 1].key2[0] == key[1] &&
		    c->wce[sl->idx - 1].key2[1] == key[2])))
			return sl;
	}
	if (c->nwc >= WC_MAXN) {
		wc_clear(c);
		sl = &c->wc[h & (WC_SLOTS - 1)];
	}
	e = &c->wce[c->nwc];
	if (word_cands(c, 0, FLAG_NCAT, 1, (const char *)key, klen, &e->cat,
	    &e->catst, &e->catnx, e->catu) == -1)
		return NULL;
	if (word_cands(c, FLAG_NCAT, FLAG_NCAT + 1, 0, (const char *)key,
	    klen, &e->cx, &e->cxst, &e->cxnx, e->cxu) == -1) {
		if (e->cat != no_cand)
			free(e->cat);
		free(e->catst);
		free(e->catnx);
		return NULL;
	}
	e->klen = (unsigned char)klen;
	e->anyu[0] = e->catu[0] | e->cxu[0];
	e->anyu[1] = e->catu[1] | e->cxu[1];
	e->key2[0] = key[1];
	e->key2[1] = key[2];
	sl->key = key[0];
	sl->klen = (unsigned char)klen;
	sl->none = e->cat == no_cand && e->cx == no_cand;
	sl->idx = (unsigned)++c->nwc;
	return sl;
}

/*
 * Fills c->ws with the positions of text where a pattern may begin: on
 * a character boundary, after a non-word character (or at either end),
 * and, when it begins with a short ASCII word, the candidates of that
 * word.  Returns 0 or -1.
 */
/* The index of first_cands() for the start t[p] of a text of len bytes. */
static unsigned
first_of(const unsigned char *t, size_t len, size_t p)
{
	if (p == len)
		return 129;
	if (t[p] < 0x80)
		return t[p];
	/* (A character cut short counts as one of them.) */
	if ((t[p] == 0xc5 && (p + 1 >= len || t[p + 1] == 0xbf)) ||
	    (t[p] == 0xe2 && (p + 1 >= len || (t[p + 1] == 0x84 &&
	    (p + 2 >= len || t[p + 2] == 0xaa)))))
		return 130;
	return 128;
}

/* ASCII word characters (\w without UCP). */
static const unsigned char wordch[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['_'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

/* The first n bytes (1..8) of x in memory order, the others zero. */
static uint64_t
first_bytes(uint64_t x, size_t n)
{
	if (n >= 8)
		return x;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return x & ~(~(uint64_t)0 >> (8 * n));
#else
	return x & (((uint64_t)1 << (8 * n)) - 1);
#endif
}

/*
 * Fills key (WKEY_MAX bytes) with t[0..klen), zero-padded; t has avail
 * bytes.  Whole words are loaded when the text allows.
 */
static void
word_key(uint64_t *key, const unsigned char *t, size_t klen, size_t avail)
{
	size_t	 i;

	if (avail < WKEY_MAX) {
		memset(key, 0, WKEY_MAX);
		memcpy(key, t, klen);
		return;
	}
	for (i = 0; i < WKEY_MAX / 8; i++) {
		if (klen > 8 * i) {
			memcpy(&key[i], t + 8 * i, 8);
			key[i] = first_bytes(key[i], klen - 8 * i);
		} else
			key[i] = 0;
	}
}

#define NWORDCH	63	/* [0-9A-Za-z_] */

/*
 * Makes c->first3 from every pattern's rxprefix_first3(): a start whose
 * first three bytes (two word bytes and an ASCII byte) are not marked
 * begins no pattern.  Returns 0 or -1.
 */
static int
make_first3(struct flag_ctx *c)
{
	uint64_t	(*all)[128][2];
	struct patset	*ps;
	size_t		 i;
	unsigned	 a, b, n;
	int		 k;

	if ((all = calloc(128, sizeof(*all))) == NULL ||
	    (c->first3 = calloc(NWORDCH * NWORDCH,
	    sizeof(*c->first3))) == NULL) {
		free(all);
		return -1;
	}
	for (k = 0; k <= FLAG_NCAT; k++) {
		ps = k == FLAG_NCAT ? &c->ctx : &c->cat[k].pats;
		for (i = 0; ps->anch != NULL && i < ps->n; i++)
			rxprefix_first3(pfx_of(&ps->v[i]), all);
	}
	for (a = n = 0; a < 256; a++)
		if (wordch[a])
			c->wcls[a] = (unsigned char)n++;
	for (a = 0; a < 128; a++)
		for (b = 0; b < 128; b++)
			if (wordch[a] && wordch[b]) {
				n = c->wcls[a] * NWORDCH + c->wcls[b];
				c->first3[n][0] = all[a][b][0];
				c->first3[n][1] = all[a][b][1];
			}
	free(all);
	return 0;
}

/* Returns 1 when the ASCII byte b is in the set m. */
static int
next_may(const uint64_t m[2], unsigned char b)
{
	return (m[b >> 6] >> (b & 63)) & 1;
}

/* Appends a word start at p with entry we.  Returns 0 or -1. */
static int
ws_push(struct flag_ctx *c, size_t p, struct wentry *we)
{
	struct wstart	*v;
	size_t		 cap;

	if (c->nws == c->capws) {
		cap = c->capws ? c->capws * 2 : 256;
		if ((v = realloc(c->ws, cap * sizeof(*v))) == NULL)
			return -1;
		c->ws = v;
		c->capws = cap;
	}
	c->ws[c->nws].pos = p;
	c->ws[c->nws].we = we;
	c->nws++;
	return 0;
}

/*
 * Makes what every word start reads (the prefix tests, the candidates
 * by first byte, c->anyfirst, c->first3), on first use.  Returns 0 or
 * -1.
 */
static int
prepare(struct flag_ctx *c)
{
	unsigned	 b;
	int		 k;

	if (c->anyfirstmade)
		return 0;
	for (b = 0; b < 131; b++)
		for (k = 0; k <= FLAG_NCAT; k++) {
			struct patset *ps = k == FLAG_NCAT ? &c->ctx :
			    &c->cat[k].pats;
			const cand_t *cv;

			if (ps->anch == NULL)
				continue;
			if ((cv = first_cands(ps, b)) == NULL)
				return -1;
			if (*cv != -1)
				c->anyfirst[b] = 1;
		}
	if (make_first3(c) == -1)
		return -1;
	c->anyfirstmade = 1;
	return 0;
}

static int
starts(struct flag_ctx *c, const char *text, size_t len)
{
	const unsigned char *t = (const unsigned char *)text;
	struct wslot	*sl;
	uint64_t	 key[WKEY_MAX / 8];
	size_t		 p, q, j, klen;
	unsigned long	 gen = c->wcgen;
	unsigned	 h;

	if (prepare(c) == -1)
		return -1;
	c->nws = 0;
	/*
	 * p is always after a non-word byte (or at 0): a word start when
	 * on a character boundary.
	 */
	for (p = 0; p < len; ) {
		if (!wordch[t[p]]) {
			/* Most such starts (a space, a comma) begin no
			 * pattern at all; none begins inside a character. */
			if ((t[p] & 0xc0) != 0x80 &&
			    c->anyfirst[first_of(t, len, p)] &&
			    ws_push(c, p, NULL) == -1)
				return -1;
			p++;
			continue;
		}
		for (q = p + 1; q < len && wordch[t[q]]; q++)
			;
		/* Most rare words begin no pattern: their first three
		 * bytes say so without a look-up. */
		if (q - p >= 3 || (q - p == 2 && q < len && t[q] < 0x80)) {
			const uint64_t *m = c->first3[c->wcls[t[p]] * NWORDCH +
			    c->wcls[t[p + 1]]];

			if (!((m[t[p + 2] >> 6] >> (t[p + 2] & 63)) & 1)) {
				p = q + 1;
				continue;
			}
		}
		if (!c->nowc && q - p < WKEY_MAX) {
			/* The key: the word and an ASCII byte after it,
			 * zero-padded. */
			klen = q - p + (q < len && t[q] < 0x80);
			word_key(key, t + p, klen, len - p);
			h = (unsigned)((key[0] * 0x9e3779b97f4a7c15ULL ^
			    key[1] * 0xc2b2ae3d27d4eb4fULL ^
			    key[2] * 0x165667b19e3779f9ULL ^ klen) >> 32);
			if ((sl = wc_get(c, key, klen, h)) == NULL)
				return -1;
			if (c->wcgen != gen) {
				/* Cleared: the entries met so far are
				 * gone. */
				for (j = 0; j < c->nws; j++)
					c->ws[j].we = NULL;
				gen = c->wcgen;
			}
			/* A word no pattern begins with, or none
			 * followed by the byte after the key: not a
			 * start. */
			if (!sl->none && (klen == q - p ||
			    q + 1 >= len || t[q + 1] >= 0x80 ||
			    next_may(c->wce[sl->idx - 1].anyu, t[q + 1])) &&
			    ws_push(c, p, &c->wce[sl->idx - 1]) == -1)
				return -1;
		} else if (ws_push(c, p, NULL) == -1)
			return -1;
		/* No pattern begins inside a word, nor right after it. */
		p = q + 1;
	}
	/* The end of the text, when not right after a word. */
	if ((len == 0 || !wordch[t[len - 1]]) && c->anyfirst[129] &&
	    ws_push(c, len, NULL) == -1)
		return -1;
	return 0;
}

/*
 * Tries pattern i of ps (compiled alone, anchored) at pos.  Returns 1
 * and pushes the hit when it matches, 0 when not, -1 on error (with
 * *rcp set to PCRE2's code, or 0 when out of memory).
 */
static int
try_one(struct flag_ctx *c, struct hitvec *hv, struct patset *ps, int set,
    size_t i, const char *text, size_t len, size_t pos, int *rcp)
{
	PCRE2_SIZE	*ov;
	pcre2_code	*re;
	int		 rc;

	*rcp = 0;
	if ((re = one(ps, i)) == NULL)
		return -1;
	/* Machine code pays only for a pattern tried often: the others
	 * are interpreted (the same matches). */
	if (ps->v[i].uses < JIT_USES && ++ps->v[i].uses == JIT_USES)
		ps->v[i].jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
	rc = ps->v[i].jit ? pcre2_jit_match(re, (PCRE2_SPTR)text, len, pos,
	    PCRE2_NO_UTF_CHECK, c->md, NULL) : pcre2_match(re,
	    (PCRE2_SPTR)text, len, pos, PCRE2_NO_UTF_CHECK, c->md, NULL);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		*rcp = rc;
		return -1;
	}
	ov = pcre2_get_ovector_pointer(c->md);
	if (hit_push(hv, ov[0], ov[1], set, (int)i) == -1)
		return -1;
	return 1;
}

/*
 * Pattern set ps at word start w without a word entry: the first
 * pattern (in file order) that matches there, as the alternation ps->anch
 * would find it, among those whose prefix test passes there (a start
 * led by a character outside ASCII or at the end of the text included).
 * Returns 0 or -1 (*rcp as for try_one()).
 */
static int
search_at(struct flag_ctx *c, struct hitvec *hv, struct patset *ps,
    int set, const struct wstart *w, const char *text, size_t len,
    int *rcp)
{
	const cand_t	*cv;
	int		 rc;

	*rcp = 0;
	if (ps->anch == NULL)
		return 0;
	if ((cv = first_cands(ps, first_of((const unsigned char *)text, len,
	    w->pos))) == NULL)
		return -1;
	for (; *cv != -1; cv++) {
		if (!rxprefix_may(pfx_of(&ps->v[*cv]),
		    (const unsigned char *)text + w->pos, len - w->pos))
			continue;
		if ((rc = try_one(c, hv, ps, set, (size_t)*cv, text, len,
		    w->pos, rcp)) != 0)
			return rc < 0 ? -1 : 0;
	}
	return 0;
}

/*
 * Collects every match of the category sets (ctxpass 0, into c->hits)
 * or of the context set (ctxpass 1, into c->cxh) in text: at each word
 * start c->ws[from..to) and for each set, the first pattern (in file order) that
 * matches there, as the set's alternation would find it, so overlapping
 * terms of different patterns are all seen.  Every pattern begins after
 * a non-word character (ASCII \w, as PCRE2 has it without UCP), so only
 * the positions starts() found are tried, and at each only the patterns
 * that can begin with its first word (or its first byte) and whose
 * prefix test passes the text there, each compiled alone: the
 * alternation at every word start tried every branch, which cost 93%
 * of the stage's time.
 */
static int
search(struct flag_ctx *c, int ctxpass, size_t from, size_t to,
    const char *text, size_t len, char *err, size_t errlen)
{
	struct hitvec	*hv = ctxpass ? &c->cxh : &c->hits;
	struct patset	*ps;
	const cand_t	*cv, *cv0;
	const int	*st;
	uint64_t	*nx;
	size_t		 i, pi, after;
	int		 k, set, done, rc, s;

	for (i = from; i < to; i++) {
		const struct wstart *w = &c->ws[i];

		if (w->we == NULL) {
			for (k = ctxpass ? FLAG_NCAT : 0; k < (ctxpass ?
			    FLAG_NCAT + 1 : FLAG_NCAT); k++) {
				ps = k == FLAG_NCAT ? &c->ctx :
				    &c->cat[k].pats;
				if (search_at(c, hv, ps, k, w, text, len,
				    &rc) == -1)
					goto fail;
			}
			continue;
		}
		done = -1;
		cv0 = ctxpass ? w->we->cx : w->we->cat;
		st = ctxpass ? w->we->cxst : w->we->catst;
		nx = ctxpass ? w->we->cxnx : w->we->catnx;
		after = w->pos + w->we->klen;
		if (after < len && (unsigned char)text[after] < 0x80 &&
		    !next_may(ctxpass ? w->we->cxu : w->we->catu,
		    (unsigned char)text[after]))
			continue;
		for (cv = cv0; *cv != -1; cv++) {
			set = ctxpass ? FLAG_NCAT : *cv >> 8;
			if (set == done)
				continue;
			ps = set == FLAG_NCAT ? &c->ctx : &c->cat[set].pats;
			pi = ctxpass ? (size_t)*cv : (size_t)(*cv & 0xff);
			/* The prefix test, on from where the key left it:
			 * first the byte after the key. */
			s = st[cv - cv0];
			if (after < len && (unsigned char)text[after] < 0x80) {
				unsigned b = (unsigned char)text[after];
				uint64_t *x = nx + 4 * (cv - cv0), bit =
				    (uint64_t)1 << (b & 63);

				/*
				 * A test from the root (the key left it
				 * undecided) costs a walk at every start:
				 * whether it passes the key and this byte
				 * is walked once, and a byte that fails it
				 * fails any text beginning so.
				 */
				if (!(x[2 + (b >> 6)] & bit)) {
					x[2 + (b >> 6)] |= bit;
					if (!rxprefix_may(ps->v[pi].pfx,
					    (const unsigned char *)text +
					    w->pos, after + 1 - w->pos))
						x[b >> 6] &= ~bit;
				}
				if (!(x[b >> 6] & bit))
					continue;
			}
			if (s >= 0 ? !rxprefix_may_at(ps->v[pi].pfx, s,
			    (const unsigned char *)text + after, len - after) :
			    s == RXP_ROOT && !rxprefix_may(ps->v[pi].pfx,
			    (const unsigned char *)text + w->pos, len - w->pos))
				continue;
			switch (try_one(c, hv, ps, set, pi, text, len, w->pos,
			    &rc)) {
			case -1:
				goto fail;
			case 1:
				done = set;
				break;
			}
		}
	}
	return 0;
fail:
	if (rc != 0)
		seterr(err, errlen, "pattern matching failed (%d)", rc);
	else
		seterr(err, errlen, "out of memory");
	return -1;
}

static int
quote_push(struct flag_ctx *c, size_t s, size_t e)
{
	struct span	*v;
	size_t		 cap;

	if (c->nquote == c->capquote) {
		cap = c->capquote ? c->capquote * 2 : 16;
		if ((v = realloc(c->quote, cap * sizeof(*v))) == NULL)
			return -1;
		c->quote = v;
		c->capquote = cap;
	}
	c->quote[c->nquote].start = s;
	c->quote[c->nquote].end = e;
	c->quote[c->nquote].fp = 0;
	c->quote[c->nquote].words = 0;
	c->nquote++;
	return 0;
}

/*
 * Finds quotations: “...” pairs, and straight double quotes taken in
 * pairs.  Spans cover the quoted text without the marks.
 */
static int
find_quotes(struct flag_ctx *c, const char *t, size_t len)
{
	size_t	 i, open = 0, j;
	int	 inq = 0, curly = 0, w;

	c->nquote = 0;
	for (i = 0; i < len; i++) {
		int lq = 0, rq = 0;

		if (t[i] == '"') {
			if (inq && !curly)
				rq = 1;
			else if (!inq)
				lq = 1;
		} else if (i + 2 < len && (unsigned char)t[i] == 0xe2 &&
		    (unsigned char)t[i + 1] == 0x80) {
			if ((unsigned char)t[i + 2] == 0x9c) {
				lq = 3;
			} else if ((unsigned char)t[i + 2] == 0x9d && inq &&
			    curly)
				rq = 3;
		} else if (t[i] == '\t' && inq)
			inq = 0;	/* quotes do not cross table cells */
		if (lq) {
			inq = 1;
			curly = lq == 3;
			open = i + lq;
			i += lq - 1;
		} else if (rq) {
			if (quote_push(c, open, i) == -1)
				return -1;
			for (j = open, w = 0; j < i; j++)
				if (isalnum((unsigned char)t[j]) &&
				    (j == open ||
				    !isalnum((unsigned char)t[j - 1])) &&
				    t[j - 1] != '\'')
					w++;
			c->quote[c->nquote - 1].words = w;
			inq = 0;
			i += rq - 1;
		}
	}
	return 0;
}

/* The first quotation starting at or after off (they are in text order
 * and do not overlap). */
static size_t
quote_from(const struct flag_ctx *c, size_t off)
{
	size_t	 lo = 0, hi = c->nquote, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->quote[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
in_quote(const struct flag_ctx *c, size_t s, size_t e)
{
	size_t	 i;

	/* Only the last quotation starting at or before s can hold it. */
	i = quote_from(c, s + 1);
	return i > 0 && s >= c->quote[i - 1].start &&
	    e <= c->quote[i - 1].end;
}

static int
cmp_pref(const void *a, const void *b)
{
	const struct pref *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The index in roles[] of a mention's SUBTYPE, or -1. */
static int
role_of(const char *subtype)
{
	size_t	 j;

	if (subtype[0] == '\0')
		return -1;
	for (j = 0; j < sizeof(roles) / sizeof(roles[0]); j++)
		if (strcmp(subtype, roles[j].role) == 0)
			return (int)j;
	return -1;
}

/* Adds a person mention to c->pref.  Returns 0 or -1. */
static int
pref_push(struct flag_ctx *c, size_t start, size_t end, size_t i,
    const char *subtype)
{
	struct pref	*v;
	size_t		 cap;

	if (c->npref == c->cappref) {
		cap = c->cappref ? c->cappref * 2 : 32;
		if ((v = realloc(c->pref, cap * sizeof(*v))) == NULL)
			return -1;
		c->pref = v;
		c->cappref = cap;
	}
	c->pref[c->npref].start = start;
	c->pref[c->npref].end = end;
	c->pref[c->npref].i = i;
	c->pref[c->npref].role = role_of(subtype);
	c->npref++;
	return 0;
}

/* Fills c->pref with the person mentions of prior. */
static int
index_people(struct flag_ctx *c, const struct mention_list *prior)
{
	size_t	 i;

	c->npref = 0;
	for (i = 0; prior != NULL && i < prior->n; i++)
		if (strcmp(prior->v[i].type, "person") == 0 &&
		    pref_push(c, prior->v[i].start, prior->v[i].end, i,
		    prior->v[i].subtype) == -1)
			return -1;
	return 0;
}

static int
cmp_hit(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->set != y->set)
		return x->set - y->set;
	return x->pat - y->pat;
}

/* Returns 1 when text[a..b) holds a break that ends a negation's scope. */
static int
clause_break(const char *t, size_t a, size_t b)
{
	size_t	 i;

	for (i = a; i < b; i++) {
		if (t[i] == ';' || t[i] == ':' || t[i] == '(' ||
		    t[i] == ')')
			return 1;
		if (t[i] == ' ' && i + 4 < b && strncmp(t + i, " but ", 5) ==
		    0)
			return 1;
	}
	return 0;
}

#define NEG_BEFORE	64	/* bytes a negation reaches forward */
#define NEG_AFTER	40	/* bytes a "... was ruled out" reaches back */

/* Returns 1 when the term hit h is negated by a context cue. */
static int
negated(const struct flag_ctx *c, const char *t, const struct hit *cx,
    size_t ncx, const struct hit *h, size_t ss, size_t se)
{
	size_t	 i;
	int	 kind;

	for (i = 0; i < ncx; i++) {
		kind = c->ctx.v[cx[i].pat].kind;
		if (cx[i].start < ss || cx[i].end > se)
			continue;
		if (kind == CX_NEGATION && cx[i].end <= h->start &&
		    h->start - cx[i].end <= NEG_BEFORE &&
		    !clause_break(t, cx[i].end, h->start))
			return 1;
		if (kind == CX_NEGATED && cx[i].start >= h->end &&
		    cx[i].start - h->end <= NEG_AFTER &&
		    !clause_break(t, h->end, cx[i].start))
			return 1;
	}
	return 0;
}

static int
flag_push(struct flag_list *out, size_t s, size_t e, int cat,
    const char *sev, double score, const char *reason)
{
	struct flag_found	*v;
	size_t			 cap;

	if (out->n == out->cap) {
		cap = out->cap ? out->cap * 2 : 8;
		if ((v = realloc(out->v, cap * sizeof(*v))) == NULL)
			return -1;
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n].start = s;
	out->v[out->n].end = e;
	out->v[out->n].cat = cat;
	out->v[out->n].severity = sev;
	out->v[out->n].score = score;
	snprintf(out->v[out->n].reason, FLAG_REASON_MAX, "%s", reason);
	out->n++;
	return 0;
}

/* Appends s to buf (FLAG_REASON_MAX), replacing control characters. */
static void
cat_reason(char *buf, const char *s, size_t n)
{
	size_t	 l = strlen(buf), i;

	for (i = 0; i < n && l + 1 < FLAG_REASON_MAX; i++)
		buf[l++] = ((unsigned char)s[i] < 0x20) ? ' ' : s[i];
	buf[l] = '\0';
}

#define MAXTERMS 3

/* Everything known about one sentence. */
struct sentinfo {
	unsigned	 feat;		/* bit set of features */
	double		 penalty;	/* sum of the context kinds' worst */
	const char	*penalty_kind;
	const char	*role;		/* words naming the family member */
	size_t		 rolelen;
	int		 quote_words;
};

static void
sentence_info(const struct flag_ctx *c, const char *t, size_t ss,
    size_t se, const struct hit *cx, size_t ncx, struct sentinfo *si)
{
	double	 worst[CX_NKIND];
	size_t	 i, j, k, p, lo, hi, best = (size_t)-1;
	int	 kind;

	memset(si, 0, sizeof(*si));
	memset(worst, 0, sizeof(worst));
	/* The people inside the sentence, through the index by start
	 * (index_people()); the role words are those of the first in
	 * prior's order, as a pass over prior would find them. */
	for (lo = 0, hi = c->npref; lo < hi; ) {
		p = lo + (hi - lo) / 2;
		if (c->pref[p].start < ss)
			lo = p + 1;
		else
			hi = p;
	}
	for (p = lo; p < c->npref && c->pref[p].start <= se; p++) {
		if (c->pref[p].end > se)
			continue;
		si->feat |= 1u << FT_PERSON;
		if ((j = (size_t)c->pref[p].role) == (size_t)-1)
			continue;
		si->feat |= 1u << (roles[j].child ? FT_CHILD : FT_FAMILY);
		if (!roles[j].child && c->pref[p].i < best) {
			best = c->pref[p].i;
			si->role = roles[j].words;
			si->rolelen = strlen(si->role);
		}
	}
	for (i = 0; i < ncx; i++) {
		if (cx[i].start < ss || cx[i].end > se)
			continue;
		kind = c->ctx.v[cx[i].pat].kind;
		switch (kind) {
		case CX_FAMILY:
			if (in_quote(c, cx[i].start, cx[i].end))
				break;
			si->feat |= 1u << FT_FAMILY;
			if (si->role == NULL) {
				si->role = t + cx[i].start;
				si->rolelen = cx[i].end - cx[i].start;
			}
			break;
		case CX_CHILD:
			if (!in_quote(c, cx[i].start, cx[i].end))
				si->feat |= 1u << FT_CHILD;
			break;
		case CX_POLICY:
		case CX_RECOMMENDATION:
		case CX_HYPOTHETICAL:
			if (in_quote(c, cx[i].start, cx[i].end))
				break;
			if (c->ctx.v[cx[i].pat].weight < worst[kind]) {
				worst[kind] = c->ctx.v[cx[i].pat].weight;
				if (si->penalty_kind == NULL)
					si->penalty_kind = ctx_names[kind];
			}
			break;
		default:
			break;
		}
	}
	for (k = 0; k < CX_NKIND; k++)
		si->penalty += worst[k];
	for (i = quote_from(c, ss); i < c->nquote; i++) {
		const struct span *q = &c->quote[i];

		if (q->start >= se)
			break;
		if (q->words >= 2)
			si->feat |= 1u << FT_QUOTED;
		for (j = 0; j < ncx && q->words >= 3; j++)
			if (c->ctx.v[cx[j].pat].kind == CX_FIRSTPERSON &&
			    cx[j].start >= q->start && cx[j].end <= q->end) {
				si->feat |= 1u << FT_QUOTE;
				if (q->words > si->quote_words)
					si->quote_words = q->words;
				break;
			}
	}
}

/* Scores sentence [ss, se) for category k; fills reason when it flags. */
static double
score_cat(const struct flag_ctx *c, int k, const char *t, size_t ss,
    size_t se, const struct hit *h, size_t nh, const struct hit *cx,
    size_t ncx, const struct sentinfo *si, char *reason)
{
	const struct category	*cg = &c->cat[k];
	const struct hit	*top[MAXTERMS];
	double			 score = 0, pos = 0;
	size_t			 i, j, ntop = 0;
	unsigned char		 seen[1024];
	int			 f;

	/* Only the bits of this category's patterns are read. */
	memset(seen, 0, cg->pats.n / 8 + 1 < sizeof(seen) ?
	    cg->pats.n / 8 + 1 : sizeof(seen));
	for (i = 0; i < nh; i++) {
		const struct pat *p;

		if (h[i].set != k)
			continue;
		p = &cg->pats.v[h[i].pat];
		if ((size_t)h[i].pat < sizeof(seen) * 8) {
			if (seen[h[i].pat / 8] & (1u << (h[i].pat % 8)))
				continue;
		}
		if (p->weight > 0 && negated(c, t, cx, ncx, &h[i], ss, se))
			continue;
		if ((size_t)h[i].pat < sizeof(seen) * 8)
			seen[h[i].pat / 8] |= 1u << (h[i].pat % 8);
		score += p->weight;
		if (p->weight > 0) {
			pos += p->weight;
			/* Keep the heaviest terms for the reason. */
			for (j = ntop; j > 0 && cg->pats.v[top[j -
			    1]->pat].weight < p->weight; j--)
				if (j < MAXTERMS)
					top[j] = top[j - 1];
			if (j < MAXTERMS) {
				top[j] = &h[i];
				if (ntop < MAXTERMS)
					ntop++;
			}
		}
	}
	if (pos == 0 && !((si->feat & (1u << FT_QUOTE)) &&
	    cg->feat[FT_QUOTE] > 0))
		return 0;
	if (cg->require != 0 && (si->feat & cg->require) == 0)
		return 0;
	for (f = 0; f < FT_NFEAT; f++)
		if (si->feat & (1u << f))
			score += cg->feat[f];
	score += si->penalty;
	if (score < cg->threshold)
		return score;
	reason[0] = '\0';
	for (i = 0; i < ntop; i++) {
		const struct pat *p = &cg->pats.v[top[i]->pat];

		size_t n = top[i]->end - top[i]->start, ll;
		int dup = 0;

		/* A label ending in '!' stands alone: the matched text
		 * (a postcode, a school's name) would identify. */
		ll = p->label != NULL ? strlen(p->label) : 0;
		for (j = 0; j < i; j++)
			if (p->label != NULL && cg->pats.v[top[j]->pat].label !=
			    NULL && strcmp(p->label,
			    cg->pats.v[top[j]->pat].label) == 0)
				dup = 1;
		if (dup)
			continue;
		if (i > 0)
			cat_reason(reason, ", ", 2);
		if (ll > 0 && p->label[ll - 1] == '!') {
			cat_reason(reason, p->label, ll - 1);
			continue;
		}
		if (ll > 0) {
			cat_reason(reason, p->label, ll);
			cat_reason(reason, " ", 1);
		}
		cat_reason(reason, "'", 1);
		cat_reason(reason, t + top[i]->start, n > 60 ? 60 : n);
		cat_reason(reason, "'", 1);
	}
	if ((si->feat & (1u << FT_QUOTE)) && cg->feat[FT_QUOTE] > 0) {
		char q[64];

		snprintf(q, sizeof(q), "%sfirst-person quotation of %d words",
		    ntop ? ", " : "", si->quote_words);
		cat_reason(reason, q, strlen(q));
	}
	if ((si->feat & (1u << FT_FAMILY)) && cg->feat[FT_FAMILY] > 0 &&
	    si->role != NULL) {
		cat_reason(reason, " next to ", 9);
		cat_reason(reason, si->role, si->rolelen);
	} else if ((si->feat & (1u << FT_CHILD)) && cg->feat[FT_CHILD] > 0)
		cat_reason(reason, " about a child of the family", 28);
	if (si->penalty < 0) {
		cat_reason(reason, " despite ", 9);
		cat_reason(reason, si->penalty_kind,
		    strlen(si->penalty_kind));
		cat_reason(reason, " wording", 8);
	}
	return score;
}

/* Returns the index of the first hit in h[lo..n) starting at or after off. */
static size_t
skip_to(const struct hitvec *h, size_t lo, size_t off)
{
	while (lo < h->n && h->v[lo].start < off)
		lo++;
	return lo;
}

/* Returns 1 when text holds a mark that may open a quotation ('"' or
 * the left double quotation mark), as find_quotes() reads them. */
static int
has_quote(const char *text, size_t len)
{
	const char	*p = text, *e = text + len;

	if (memchr(text, '"', len) != NULL)
		return 1;
	while ((p = memchr(p, '\xe2', (size_t)(e - p))) != NULL) {
		if (e - p >= 3 && (unsigned char)p[1] == 0x80 &&
		    (unsigned char)p[2] == 0x9c)
			return 1;
		p++;
	}
	return 0;
}

/*
 * Returns 1 when some category may reach its threshold in text: a
 * sentence's score is at most the weights of the distinct positive
 * terms of its category found in the whole text plus its positive
 * feature weights (negated terms, negative terms and penalties only
 * lower it), and the quotation features need a quotation mark.
 * Returns 0 when none can, so that no sentence would be flagged.
 */
static int
may_flag(struct flag_ctx *c, const char *text, size_t len)
{
	double		 ub[FLAG_NCAT];
	size_t		 i;
	int		 k, f, quote = -1, may = 0;

	for (k = 0; k < FLAG_NCAT; k++)
		ub[k] = 0;
	for (i = 0; i < c->hits.n; i++) {
		const struct hit *h = &c->hits.v[i];
		const struct pat *p = &c->cat[h->set].pats.v[h->pat];

		if (p->weight <= 0 || c->seen[h->set][h->pat])
			continue;
		c->seen[h->set][h->pat] = 1;
		ub[h->set] += p->weight;
	}
	for (i = 0; i < c->hits.n; i++)
		c->seen[c->hits.v[i].set][c->hits.v[i].pat] = 0;
	for (k = 0; k < FLAG_NCAT && !may; k++) {
		for (f = 0; f < FT_NFEAT; f++) {
			if (c->cat[k].feat[f] <= 0)
				continue;
			if (f == FT_QUOTE || f == FT_QUOTED) {
				if (quote == -1)
					quote = has_quote(text, len);
				if (!quote)
					continue;
			}
			ub[k] += c->cat[k].feat[f];
		}
		/* (A margin for the rounding of sums taken in another
		 * order.) */
		if (ub[k] + 1e-6 >= c->cat[k].threshold)
			may = 1;
	}
	return may;
}

/* flag_scan() with the paragraph's people in c->pref (in any order). */
static int
scan(struct flag_ctx *c, const char *text, size_t len,
    struct flag_list *out, char *err, size_t errlen)
{
	struct sentinfo	 si;
	char		 reason[FLAG_REASON_MAX];
	size_t		 s, a, b, th, tc, te, ce, wi;
	double		 sc;
	int		 k;
	long		 ns;

	out->n = 0;
	if (len == 0)
		return 0;
	c->hits.n = 0;
	if (starts(c, text, len) == -1) {
		seterr(err, errlen, "out of memory");
		return -1;
	}
	if (search(c, 0, 0, c->nws, text, len, err, errlen) == -1)
		return -1;
	/* Cheap exits: most paragraphs hold no term at all, and most of
	 * the others too few to flag. */
	if (c->hits.n == 0 || !may_flag(c, text, len))
		return 0;
	if (c->hits.n > 1)
		qsort(c->hits.v, c->hits.n, sizeof(*c->hits.v), cmp_hit);
	if (c->npref > 1)
		qsort(c->pref, c->npref, sizeof(*c->pref), cmp_pref);
	if ((ns = sentence_split(text, len, &c->sent)) == -1 ||
	    find_quotes(c, text, len) == -1) {
		seterr(err, errlen, "out of memory");
		return -1;
	}
	/*
	 * Context cues count only inside a sentence with a term (the
	 * scores below): search the word starts of those sentences, each
	 * once.
	 */
	c->cxh.n = 0;
	for (s = 0, th = 0, wi = 0; s < (size_t)ns; s++) {
		size_t ss = c->sent.v[s].start, se = c->sent.v[s].end, we;

		th = skip_to(&c->hits, th, ss);
		if (th >= c->hits.n || c->hits.v[th].start >= se)
			continue;
		while (wi < c->nws && c->ws[wi].pos < ss)
			wi++;
		for (we = wi; we < c->nws && c->ws[we].pos < se; we++)
			;
		if (search(c, 1, wi, we, text, len, err, errlen) == -1)
			return -1;
		wi = we;
	}
	if (c->cxh.n > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(c->cxh.v, c->cxh.n, sizeof(*c->cxh.v), cmp_hit);
	th = tc = 0;
	for (s = 0; s < (size_t)ns; s++) {
		size_t ss = c->sent.v[s].start, se = c->sent.v[s].end;

		th = skip_to(&c->hits, th, ss);
		for (te = th; te < c->hits.n && c->hits.v[te].start < se; te++)
			;
		if (te == th)
			continue;
		tc = skip_to(&c->cxh, tc, ss);
		for (ce = tc; ce < c->cxh.n && c->cxh.v[ce].start < se; ce++)
			;
		sentence_info(c, text, ss, se, c->cxh.v + tc, ce - tc, &si);
		for (k = 0; k < FLAG_NCAT; k++) {
			sc = score_cat(c, k, text, ss, se, c->hits.v + th,
			    te - th, c->cxh.v + tc, ce - tc, &si, reason);
			if (sc < c->cat[k].threshold)
				continue;
			if (flag_push(out, ss, se, k, si.penalty < 0 ? "note" :
			    sc >= c->cat[k].error ? "error" : "warning", sc,
			    reason) == -1) {
				seterr(err, errlen, "out of memory");
				return -1;
			}
			out->v[out->n - 1].sent = s;
			out->v[out->n - 1].nsent = 1;
		}
	}
	/*
	 * A flag whose category also flagged the sentence just before it
	 * joins that flag, up to two sentences: the span is "the sentence
	 * (or two)".  Flags stay in text order.
	 */
	for (a = 0, b = 0; a < out->n; a++) {
		struct flag_found *f = &out->v[a], *p = NULL;
		size_t j;

		for (j = b; j > 0; j--) {
			if (out->v[j - 1].sent + out->v[j - 1].nsent < f->sent)
				break;
			if (out->v[j - 1].cat == f->cat) {
				p = &out->v[j - 1];
				break;
			}
		}
		if (p != NULL && p->nsent == 1 && p->sent + 1 == f->sent) {
			p->end = f->end;
			p->nsent = 2;
			if (f->score > p->score) {
				p->score = f->score;
				p->severity = f->severity;
				memcpy(p->reason, f->reason, FLAG_REASON_MAX);
			}
			continue;
		}
		if (a != b)
			out->v[b] = *f;
		b++;
	}
	out->n = b;
	return 0;
}

int
flag_scan(struct flag_ctx *c, const char *text, size_t len,
    const struct mention_list *prior, struct flag_list *out, char *err,
    size_t errlen)
{
	if (index_people(c, prior) == -1) {
		seterr(err, errlen, "out of memory");
		return -1;
	}
	return scan(c, text, len, out, err, errlen);
}

void
flag_list_release(struct flag_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/*
 * Returns a context with base's rules for another thread, sharing what
 * base has made that is only read (the prefix tests, the candidates by
 * first byte, first3): each context compiles and caches the rest for
 * itself.  base must outlive it.  NULL with a message in err on error.
 */
struct flag_ctx *
flag_ctx_clone(struct flag_ctx *base, char *err, size_t errlen)
{
	struct flag_ctx	*c;
	struct patset	*ps;
	const struct patset *bs;
	size_t		 i;
	int		 k;

	if (prepare(base) == -1 || (c = flag_ctx_new()) == NULL) {
		seterr(err, errlen, "out of memory");
		return NULL;
	}
	c->base = base;
	for (k = 0; k <= FLAG_NCAT; k++) {
		bs = k == FLAG_NCAT ? &base->ctx : &base->cat[k].pats;
		ps = k == FLAG_NCAT ? &c->ctx : &c->cat[k].pats;
		if (k < FLAG_NCAT)
			c->cat[k] = base->cat[k];
		*ps = *bs;
		ps->first2 = NULL;
		ps->v = NULL;
		ps->cap = ps->n;
		if (bs->n > 0 && (ps->v = malloc(bs->n *
		    sizeof(*ps->v))) == NULL) {
			ps->n = 0;
			goto nomem;
		}
		for (i = 0; i < bs->n; i++) {
			ps->v[i] = bs->v[i];
			ps->v[i].one = NULL;
			ps->v[i].jit = 0;
			ps->v[i].uses = 0;
		}
	}
	for (k = 0; k < FLAG_NCAT; k++)
		if ((c->seen[k] = calloc(c->cat[k].pats.n + 1, 1)) == NULL)
			goto nomem;
	if ((c->md = pcre2_match_data_create(2, NULL)) == NULL)
		goto nomem;
	c->nowc = base->nowc;
	memcpy(c->anyfirst, base->anyfirst, sizeof(c->anyfirst));
	c->anyfirstmade = 1;
	c->first3 = base->first3;
	memcpy(c->wcls, base->wcls, sizeof(c->wcls));
	return c;
nomem:
	flag_ctx_free(c);
	seterr(err, errlen, "out of memory");
	return NULL;
}

/*
 * The filter loop.  The calling thread reads the stream into batches of
 * records; each batch's paragraphs are scored by one context (with
 * several contexts, each on its own thread, a batch at a time) and the
 * calling thread writes the batches back in input order, every
 * paragraph's flags after its records, just before the next text record.
 * Nothing in a paragraph's score depends on the context that scored it
 * (the contexts' caches only save work), so the output is the same bytes
 * whatever the number of contexts, and a failure stops the output at the
 * same record with the same message as when each paragraph is scored as
 * soon as it is closed.
 */
#define BATCH_BYTES	(64 * 1024)	/* records before a batch is scored */
#define NSLOT		8		/* batches read ahead, at most */
#define MAXTHR		8

/* A closed paragraph of a batch. */
struct bunit {
	size_t		 text, len;	/* in b->text */
	unsigned long	 id;
	size_t		 pref, npref;	/* its people, in b->pref */
	size_t		 recend;	/* its flags go after record recend - 1 */
	size_t		 fl, nfl;	/* its flags, in b->fl */
};

struct batch {
	char		*raw;		/* the records read, end to end */
	size_t		 rawlen, rawcap;
	size_t		*rl;		/* the length of each */
	size_t		 nrl, caprl;
	char		*text;		/* paragraphs, each NUL-terminated */
	size_t		 textlen, textcap;
	struct bunit	*u;
	size_t		 nu, capu;
	struct pref	*pref;
	size_t		 npref, cappref;
	struct flag_found *fl;
	size_t		 nfl, capfl;
	struct flag_list tmp;
	size_t		 failed;	/* the unit whose scan failed, or nu */
	char		 err[512];
	int		 done;		/* scored (read under the lock) */
};

struct runner;

struct worker {
	struct runner	*rn;
	struct flag_ctx	*c;
	pthread_t	 t;
};

struct runner {
	struct batch	 slot[NSLOT];	/* a ring */
	unsigned long	 nsub;		/* batches submitted */
	unsigned long	 nnext;		/* taken by a worker */
	unsigned long	 nout;		/* written */
	int		 quit;
	pthread_mutex_t	 mu;
	pthread_cond_t	 work;		/* a batch to score, or quit */
	pthread_cond_t	 done;		/* a batch was scored */
	struct worker	 wk[MAXTHR];
	int		 nthr;		/* 0: scored by the caller */
	struct flag_ctx	*c0;
	struct stream_writer *w;
	unsigned long	*nflags;
};

/* Makes *p hold at least need elements of size sz.  Returns 0 or -1. */
static int
grow(void *pp, size_t *cap, size_t need, size_t sz)
{
	void	**p = pp, *np;
	size_t	 n;

	if (need <= *cap)
		return 0;
	for (n = *cap ? *cap : 16; n < need; n *= 2)
		if (n > SIZE_MAX / 2 / sz)
			return -1;
	if ((np = realloc(*p, n * sz)) == NULL)
		return -1;
	*p = np;
	*cap = n;
	return 0;
}

/* Adds a person mention to v[0..*n).  Returns 0 or -1. */
static int
prefv_push(struct pref **v, size_t *n, size_t *cap, size_t start,
    size_t end, const char *subtype)
{
	if (grow(v, cap, *n + 1, sizeof(**v)) == -1)
		return -1;
	(*v)[*n].start = start;
	(*v)[*n].end = end;
	(*v)[*n].i = *n;
	(*v)[*n].role = role_of(subtype);
	(*n)++;
	return 0;
}

static int
batch_raw(struct batch *b, const char *raw, size_t len)
{
	if (len > SIZE_MAX - b->rawlen ||
	    grow(&b->raw, &b->rawcap, b->rawlen + len, 1) == -1 ||
	    grow(&b->rl, &b->caprl, b->nrl + 1, sizeof(*b->rl)) == -1)
		return -1;
	memcpy(b->raw + b->rawlen, raw, len);
	b->rawlen += len;
	b->rl[b->nrl++] = len;
	return 0;
}

/* Closes the paragraph text[0..len) with its people pv[0..npv) in b. */
static int
batch_close(struct batch *b, const char *text, size_t len,
    unsigned long id, const struct pref *pv, size_t npv)
{
	struct bunit	*u;

	if (len > SIZE_MAX - b->textlen - 1 ||
	    grow(&b->text, &b->textcap, b->textlen + len + 1, 1) == -1 ||
	    grow(&b->pref, &b->cappref, b->npref + npv, sizeof(*pv)) == -1 ||
	    grow(&b->u, &b->capu, b->nu + 1, sizeof(*b->u)) == -1)
		return -1;
	u = &b->u[b->nu++];
	u->text = b->textlen;
	u->len = len;
	u->id = id;
	u->pref = b->npref;
	u->npref = npv;
	u->recend = b->nrl;
	u->fl = u->nfl = 0;
	memcpy(b->text + b->textlen, text, len);
	b->textlen += len;
	b->text[b->textlen++] = '\0';
	if (npv > 0)
		memcpy(b->pref + b->npref, pv, npv * sizeof(*pv));
	b->npref += npv;
	return 0;
}

/* Empties b for reuse; a buffer grown large (a long paragraph) goes. */
static void
batch_reset(struct batch *b)
{
	if (b->rawcap > 16 * BATCH_BYTES) {
		free(b->raw);
		b->raw = NULL;
		b->rawcap = 0;
	}
	if (b->textcap > 16 * BATCH_BYTES) {
		free(b->text);
		b->text = NULL;
		b->textcap = 0;
	}
	b->rawlen = b->nrl = b->textlen = b->nu = b->npref = b->nfl = 0;
}

static void
batch_free(struct batch *b)
{
	free(b->raw);
	free(b->rl);
	free(b->text);
	free(b->u);
	free(b->pref);
	free(b->fl);
	flag_list_release(&b->tmp);
}

/* Scores the paragraphs of b with c, up to the first that fails. */
static void
batch_score(struct batch *b, struct flag_ctx *c)
{
	struct pref	*saved = c->pref;
	size_t		 i, nsaved = c->npref;
	struct bunit	*u;

	b->nfl = 0;
	for (i = 0; i < b->nu; i++) {
		u = &b->u[i];
		/* scan() reads (and sorts) the people in c->pref. */
		c->pref = b->pref + u->pref;
		c->npref = u->npref;
		if (scan(c, b->text + u->text, u->len, &b->tmp, b->err,
		    sizeof(b->err)) == -1)
			break;
		if (grow(&b->fl, &b->capfl, b->nfl + b->tmp.n,
		    sizeof(*b->fl)) == -1) {
			seterr(b->err, sizeof(b->err), "out of memory");
			break;
		}
		if (b->tmp.n > 0)
			memcpy(b->fl + b->nfl, b->tmp.v,
			    b->tmp.n * sizeof(*b->fl));
		u->fl = b->nfl;
		u->nfl = b->tmp.n;
		b->nfl += b->tmp.n;
	}
	b->failed = i;
	c->pref = saved;
	c->npref = nsaved;
}

/* Writes the records of b from *k to end, *pos their offset in b->raw. */
static int
write_raws(struct stream_writer *w, const struct batch *b, size_t *k,
    size_t end, size_t *pos)
{
	for (; *k < end; (*k)++) {
		if (stream_write_raw(w, b->raw + *pos, b->rl[*k]) == -1)
			return -1;
		*pos += b->rl[*k];
	}
	return 0;
}

/* Writes the scored batch b.  Returns 0 or -1. */
static int
batch_write(struct runner *rn, struct batch *b, char *err, size_t errlen)
{
	const struct bunit *u;
	struct flag	 f;
	size_t		 i, j, k = 0, pos = 0;

	for (i = 0; i < b->nu; i++) {
		u = &b->u[i];
		if (write_raws(rn->w, b, &k, u->recend, &pos) == -1)
			goto werr;
		if (i == b->failed) {
			seterr(err, errlen, "%s", b->err);
			return -1;
		}
		for (j = u->fl; j < u->fl + u->nfl; j++) {
			f.text = u->id;
			f.start = b->fl[j].start;
			f.end = b->fl[j].end;
			f.category = flag_categories[b->fl[j].cat];
			f.severity = b->fl[j].severity;
			f.reason = b->fl[j].reason;
			if (write_flag(rn->w, &f) == -1)
				goto werr;
			if (rn->nflags != NULL)
				(*rn->nflags)++;
		}
	}
	if (write_raws(rn->w, b, &k, b->nrl, &pos) == -1)
		goto werr;
	return 0;
werr:
	seterr(err, errlen, "write error");
	return -1;
}

static void *
worker(void *arg)
{
	struct worker	*wk = arg;
	struct runner	*rn = wk->rn;
	struct batch	*b;

	pthread_mutex_lock(&rn->mu);
	for (;;) {
		while (!rn->quit && rn->nnext == rn->nsub)
			pthread_cond_wait(&rn->work, &rn->mu);
		if (rn->quit)
			break;
		b = &rn->slot[rn->nnext++ % NSLOT];
		pthread_mutex_unlock(&rn->mu);
		batch_score(b, wk->c);
		pthread_mutex_lock(&rn->mu);
		b->done = 1;
		pthread_cond_signal(&rn->done);
	}
	pthread_mutex_unlock(&rn->mu);
	return NULL;
}

/* Hands the batch being filled over to be scored. */
static void
run_submit(struct runner *rn)
{
	struct batch	*b = &rn->slot[rn->nsub % NSLOT];

	if (rn->nthr == 0) {
		batch_score(b, rn->c0);
		b->done = 1;
		rn->nsub++;
		return;
	}
	pthread_mutex_lock(&rn->mu);
	b->done = 0;
	rn->nsub++;
	pthread_cond_signal(&rn->work);
	pthread_mutex_unlock(&rn->mu);
}

/*
 * Writes the scored batches at the head of the ring, waiting for them
 * until the ring has room (all: until every batch is written); the next
 * batch to fill is then empty.  Returns 0 or -1.
 */
static int
run_out(struct runner *rn, int all, char *err, size_t errlen)
{
	struct batch	*b;
	int		 rc;

	pthread_mutex_lock(&rn->mu);
	for (;;) {
		while (rn->nout < rn->nsub &&
		    (b = &rn->slot[rn->nout % NSLOT])->done) {
			pthread_mutex_unlock(&rn->mu);
			rc = batch_write(rn, b, err, errlen);
			batch_reset(b);
			pthread_mutex_lock(&rn->mu);
			if (rc == -1) {
				pthread_mutex_unlock(&rn->mu);
				return -1;
			}
			rn->nout++;
		}
		if (rn->nout == rn->nsub || (!all &&
		    rn->nsub - rn->nout < NSLOT))
			break;
		pthread_cond_wait(&rn->done, &rn->mu);
	}
	pthread_mutex_unlock(&rn->mu);
	return 0;
}

/* The batch being filled. */
static struct batch *
run_cur(struct runner *rn)
{
	return &rn->slot[rn->nsub % NSLOT];
}

int
flag_run_n(struct stream_reader *r, struct stream_writer *w,
    struct flag_ctx *const *ctx, int nctx, unsigned long *nflags,
    char *err, size_t errlen)
{
	struct runner	*rn;
	struct record	*rec;
	struct text_unit tu;
	struct pref	*pv = NULL;
	char		*text = NULL, rerr[512];
	size_t		 len = 0, cap = 0, npv = 0, cappv = 0;
	unsigned long	 id = 0;
	int		 pending = 0, rc, ret = -1, i, sync = 0;

	if (nflags != NULL)
		*nflags = 0;
	if ((rn = calloc(1, sizeof(*rn))) == NULL) {
		seterr(err, errlen, "out of memory");
		return -1;
	}
	rn->c0 = ctx[0];
	rn->w = w;
	rn->nflags = nflags;
	if (pthread_mutex_init(&rn->mu, NULL) != 0) {
		free(rn);
		seterr(err, errlen, "out of memory");
		return -1;
	}
	if (pthread_cond_init(&rn->work, NULL) != 0 ||
	    pthread_cond_init(&rn->done, NULL) != 0) {
		/* (A condition that failed to start is not used.) */
		nctx = 1;
	} else
		sync = 1;
	/* One context: scored by the caller, no thread. */
	for (i = 0; nctx > 1 && i < nctx && i < MAXTHR; i++) {
		rn->wk[i].rn = rn;
		rn->wk[i].c = ctx[i];
		if (pthread_create(&rn->wk[i].t, NULL, worker,
		    &rn->wk[i]) != 0)
			break;
		rn->nthr++;
	}
	rerr[0] = '\0';
	while ((rc = stream_read(r, &rec)) == 1) {
		if (record_is(rec, "text")) {
			if (pending && batch_close(run_cur(rn), text, len, id,
			    pv, npv) == -1) {
				seterr(rerr, sizeof(rerr), "out of memory");
				break;
			}
			if (record_text(rec, &tu) == -1) {
				seterr(rerr, sizeof(rerr), "line %lu: "
				    "malformed text record", rec->lineno);
				break;
			}
			if (grow(&text, &cap, tu.len + 1, 1) == -1) {
				seterr(rerr, sizeof(rerr), "out of memory");
				break;
			}
			memcpy(text, tu.text, tu.len);
			text[tu.len] = '\0';
			len = tu.len;
			id = tu.id;
			npv = 0;
			pending = 1;
		} else if (pending && record_is(rec, "mention")) {
			struct mention	 m;

			/* Only person mentions are read (sentence_info()):
			 * the others are checked, not kept. */
			if (record_mention_view(rec, &m) == -1 ||
			    (strcmp(m.type, "person") == 0 &&
			    prefv_push(&pv, &npv, &cappv, m.start, m.end,
			    m.subtype) == -1)) {
				seterr(rerr, sizeof(rerr), "line %lu: "
				    "malformed mention record", rec->lineno);
				break;
			}
			/* Mentions of other units may sit here too; only
			 * the offsets inside a sentence are used. */
		}
		if (batch_raw(run_cur(rn), rec->raw, rec->rawlen) == -1) {
			seterr(rerr, sizeof(rerr), "out of memory");
			break;
		}
		/* A paragraph's records may span batches: its flags go
		 * in the batch that closes it. */
		if (run_cur(rn)->rawlen >= BATCH_BYTES) {
			run_submit(rn);
			if (run_out(rn, 0, err, errlen) == -1)
				goto out;
		}
	}
	if (rc == -1)
		seterr(rerr, sizeof(rerr), "%s", stream_reader_error(r));
	else if (rc == 0 && pending && batch_close(run_cur(rn), text, len,
	    id, pv, npv) == -1)
		seterr(rerr, sizeof(rerr), "out of memory");
	/* What was read before a failure is written, as it came. */
	run_submit(rn);
	if (run_out(rn, 1, err, errlen) == -1)
		goto out;
	if (rerr[0] != '\0') {
		seterr(err, errlen, "%s", rerr);
		goto out;
	}
	if (stream_write_end(w) == -1) {
		seterr(err, errlen, "write error");
		goto out;
	}
	ret = 0;
out:
	if (rn->nthr > 0) {
		pthread_mutex_lock(&rn->mu);
		rn->quit = 1;
		pthread_cond_broadcast(&rn->work);
		pthread_mutex_unlock(&rn->mu);
		for (i = 0; i < rn->nthr; i++)
			pthread_join(rn->wk[i].t, NULL);
	}
	for (i = 0; i < NSLOT; i++)
		batch_free(&rn->slot[i]);
	if (sync) {
		pthread_cond_destroy(&rn->work);
		pthread_cond_destroy(&rn->done);
	}
	pthread_mutex_destroy(&rn->mu);
	free(rn);
	free(text);
	free(pv);
	return ret;
}

int
flag_run(struct stream_reader *r, struct stream_writer *w,
    struct flag_ctx *c, unsigned long *nflags, char *err, size_t errlen)
{
	return flag_run_n(r, w, &c, 1, nflags, err, errlen);
}
