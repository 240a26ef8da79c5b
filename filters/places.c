/*
 * places.c — anon-places: addresses, places and institutions in one
 * paragraph.
 *
 * The paragraph is cut into word tokens once; every rule then works on the
 * token array, so a paragraph costs a few hash look-ups per capitalised
 * word.  Rules run in order and each marks the tokens it took, so later
 * rules never report an overlapping mention:
 *
 *   0. the allow-list (agencies, roles, legislation ...) marks its spans;
 *   1. numbered and house-name addresses, with the locality written in
 *      them; the town before a postcode is a separate place;
 *   2. institutions by their head noun ("... Primary School"), the
 *      "Dr X and Partners" and "Sure Start X" shapes, and short forms of
 *      institutions seen earlier in the document;
 *   3. estates ("the X estate") and parks ("X Park");
 *   4. street-only references ("outside Linden Grove");
 *   5. places: a phrase before a postcode, the gazetteer, and context
 *      ("moved to X", "lived in X") for places it does not know.
 *
 * Hunspell (en_GB, precomputed: wordclass.h) tells an ordinary word
 * ("reading", "hope") from a proper noun ("Oldham") and from a word it
 * does not know ("Dixoning").
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lexicon.h"
#include "places.h"
#include "record.h"
#include "wordclass.h"

#define MAXPHRASE	512	/* bytes of a folded phrase */
#define ALLOWMAX	9	/* tokens of the longest allowed phrase */
#define HEADMAX		5	/* tokens of the longest institution head */

enum {
	T_CAP = 1,		/* starts with an upper-case letter */
	T_ALLCAPS = 2,		/* two or more letters, none lower case */
	T_DIGIT = 4,		/* starts with a digit */
	T_HOUSENUM = 8,		/* "23", "182a", "12-14" */
	T_POSSESSIVE = 16,	/* ends in 's / ’s */
	T_CAPW = 32		/* T_CAP or T_ALLCAPS, not T_DIGIT: cap() */
};

/* A token; the fields are ordered by size to keep it small (the passes
 * walk the array again and again). */
struct tok {
	size_t		 s, e;
	size_t		 fo, fl;	/* folded form in ctx->fbuf */
	size_t		 pcend;		/* an upstream postcode starts here:
					 * 1 + the token after it; 0 = none */
	size_t		 nx;		/* the first token from here that is
					 * cap() or T_DIGIT (ntok: none) */
	int		 astart, aend;	/* allow span covering it, or -1 */
	unsigned	 lists;		/* L_* bits; L_KNOWN once computed */
	unsigned	 lex;		/* X_* bits, with lists */
	uint32_t	 h;		/* whash() of the folded token, with
					 * lists */
	uint8_t		 f;		/* T_* */
	int8_t		 used;		/* covered by a mention (prior or
					 * ours): 1, or 2 by a place */
	int8_t		 desig;		/* a designator word; -1 = not known */
	uint8_t		 g;		/* gap to the next token (G_*) */
};

/*
 * The lexicons a token is looked up in whole, each with its bit (X_*):
 * a token's bits come from one probe of the word table (wt_build()).
 * The prefix bits say the word begins some phrase of allow or heads.
 */
enum {
	X_STOP, X_SUFFIX, X_BUILDING, X_HEADS, X_DESCR, X_NOTPLACE, X_AFFIX,
	X_GAZ, X_ALLOW, X_SPREFIX, X_NLEX,
	X_ALLOWPRE = X_NLEX, X_HEADPRE, X_GAZPRE
};

/*
 * A set of words by hash (a Bloom filter of one bit): a clear bit says
 * no word of the set hashes there, so a look-up in the lexicon it stands
 * for would fail.  For the lexicons a document fills as it goes.
 */
#define BLOOM_WORDS	1024		/* of 64 bits */

/* The hash of two words from theirs (for the set of word pairs). */
static uint32_t
pairhash(uint32_t h1, uint32_t h2)
{
	return (h1 * 0x9e3779b1u) ^ h2;
}

static void
bloom_add(uint64_t *b, uint32_t h)
{
	b[(h >> 6) & (BLOOM_WORDS - 1)] |= (uint64_t)1 << (h & 63);
}

static int
bloom_has(const uint64_t *b, uint32_t h)
{
	return (b[(h >> 6) & (BLOOM_WORDS - 1)] >> (h & 63)) & 1;
}

struct places_ctx {
	struct lexicon	*suffix;	/* street suffix -> strong|weak */
	struct lexicon	*sprefix;	/* street-type words written first */
	struct lexicon	*building;	/* building-name heads */
	struct lexicon	*heads;		/* institution head -> subtype */
	struct lexicon	*descr;		/* generic words before a head */
	struct lexicon	*stop;		/* closed-class words */
	struct lexicon	*affix;		/* place-name prefix|suffix|ending */
	struct lexicon	*gaz;		/* gazetteer: place -> town|locality */
	struct lexicon	*allow;		/* allow-list phrases */
	struct lexicon	*notplace;	/* countries, languages, faiths */
	struct lexicon	*abroad;	/* places outside the UK -> country */
	struct lexicon	*names;		/* forenames and surnames -> flags */
	struct lexicon	*streets;	/* streets seen in this document */
	struct lexicon	*placemem;	/* places seen: key -> town|locality */
	struct lexicon	*confirmed;	/* one-word gazetteer places a context
					 * confirmed in this document */
	struct lexicon	*inst;		/* institution core -> subtype \t key */
	struct lexicon	*instcore;	/* the cores of inst, without |family */
	struct lexicon	*instword;	/* the words of those cores */
	struct lexicon	*instacr;	/* acronyms of institutions seen:
					 * "LRI" -> subtype \t key */
	struct lexicon	*allowpre;	/* word prefixes of allow phrases */
	struct lexicon	*headpre;	/* word prefixes of institution heads */
	struct wordclass *wc;		/* hunspell verdicts: o, p, u */
	struct lexicon	*xl[X_NLEX];	/* the lexicons of the X_* bits */
	struct wslot {
		const char	*w;
		uint32_t	 n, h;
		unsigned	 lists;		/* L_* bits */
		unsigned	 lex;		/* X_* bits */
	}		*wt;		/* one-word keys of xl, wlists */
	size_t		 wtmask;	/* its size - 1, a power of two - 1 */
	uint64_t	 wtwords[BLOOM_WORDS];	/* the words of wt */
	uint64_t	 pairs[BLOOM_WORDS];	/* the first two words of the
						 * keys of allow and heads */
	uint64_t	 pmfirst[BLOOM_WORDS];	/* first words of placemem */
	uint64_t	 iwords[BLOOM_WORDS];	/* the words of instword */
	uint64_t	 stfirst[BLOOM_WORDS];	/* first words of streets */

	/* Per-paragraph scratch, reused. */
	const char	*text;
	size_t		 len;
	struct tok	*tok;
	size_t		 ntok, captok;
	char		*fbuf;		/* folded tokens, one after another */
	size_t		 capfbuf;
	char		*lower;		/* lower-cased paragraph, NUL-ended */
	size_t		 caplower;
	int		 topics;	/* accom, refuge, unit are known */
	int		 accom;		/* paragraph speaks of accommodation */
	int		 refuge;	/* ... of a refuge */
	int		 unit;		/* ... of a ward or unit */
	int		 posscut;	/* inst_emit(): the last token ends in 's */
	int		 flatpre;	/* address_from(): "Flat 3," before k */
	struct mention_list *found;
	unsigned long	 tid;
};

static const char *const titles[] = {
	"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "pc", "dc",
	"ds", "di", "dci", "ps", "sgt", "sergeant", "insp", "inspector", "cllr",
	"rev", "revd", "sir", "dame", "lady", "lord", "nurse", "sister", NULL
};
static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan", "feb",
	"mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "christmas", "easter", NULL
};
static const char *const flatwords[] = {
	"flat", "apartment", "apt", "unit", "room", "maisonette", "suite",
	"plot", "pitch", NULL
};
/* Prepositions after which a capitalised phrase may be a street. */
static const char *const streetprep[] = {
	"on", "at", "in", "outside", "near", "into", "along", "off",
	"opposite", "behind", "around", "towards", "past", NULL
};
/* Words before "to" or "from" that make the phrase after it a place. */
static const char *const movewords[] = {
	"moved", "move", "moves", "moving", "relocated", "relocate",
	"relocating", "returned", "return", "returning", "came", "come",
	"coming", "arrived", "transferred", "travelled", "traveled", "went",
	"go", "going", "area", "back", "originally", "away", "fled", "rehoused",
	"housed", "placed", "commuted", "driven", "drove", "journey", "visit",
	"visits", "visited", "trip", "trips", "transfer", "born", "distance",
	"miles", "route", "bus", "train", "way", NULL
};
/* Words after "12 Oak Road, Kayden" that show a person, not a locality. */
static const char *const verbs[] = {
	"was", "were", "had", "has", "is", "said", "told", "who", "did",
	"would", "could", "will", "says", "asked", "explained", "reported",
	"agreed", "stated", "denied", "confirmed", "disclosed", NULL
};
/* Name-internal words of institutions ("St Mary's C of E Primary"). */
static const char *const instconn[] = {
	"of", "and", "&", "upon", "on", "in", "the", "le", "la", "de", NULL
};
/* Designators dropped from an institution's core (its short form). */
static const char *const designators[] = {
	"the", "st", "st.", "saint", "rc", "ce", "cofe", "c", "of", "e",
	"church", "england", "roman", "catholic", "royal", "methodist", "ca",
	NULL
};

/* "lived at the X", "address on the X": a street (rule 4). */
static const char *const homeword[] = { "address", "lived", "lives",
	"living", "live", "home", "moved", "stayed", "staying", "flat",
	"house", NULL };
static const char *const homeprep[] = { "on", "at", NULL };
/* Surnames that are also street words: a street only with a preposition. */
static const char *const surnamey[] = {
	"lane", "hill", "green", "wood", "field", "fields", "brook", "chase",
	"bank", "croft", "mount", "dale", "park", "ridge", "grange", "gate",
	"vale", "rise", "way", "row", "close", "street", "grove", "walker",
	"hey", "mead", "lea", "end", NULL
};

/*
 * The word lists above, in one hash set: a word maps to the bit set of
 * the lists that hold it (bit k for wlists[k]).  A token's bits are
 * looked up once (struct tok's lists).
 */
/* Words the rules ask a token to be, each list with its bit (tokisb()). */
static const char *const w_the[] = { "the", NULL };
static const char *const w_doctors[] = { "dr", "drs", "doctors", NULL };
static const char *const w_and[] = { "and", NULL };
static const char *const w_partners[] = { "partners", NULL };
static const char *const w_sure[] = { "sure", NULL };
static const char *const w_start[] = { "start", NULL };
static const char *const w_c_church[] = { "c", "church", NULL };
static const char *const w_placeprep[] = {
	"at", "into", "to", "in", "from", "the", NULL
};
static const char *const w_intoat[] = { "into", "at", NULL };
static const char *const w_partof[] = {
	"outskirts", "centre", "town", "city", "area", "village", "north",
	"south", "east", "west", "streets", "part", "parts", "edge",
	"borough", "county", "townland", "island", "isle", "parish",
	"hamlet", "suburb", NULL
};
static const char *const w_public[] = {
	"police", "town", "city", "railway", "bus", "magistrates",
	"magistrates'", "custody", NULL
};
static const char *const w_publichead[] = {
	"station", "centre", "court", "suite", NULL
};
/* Words before "on" that make the name after it a place ("stayed on
 * Skye", "a holiday on Arran"). */
static const char *const w_onplace[] = {
	"stayed", "stay", "stays", "staying", "lived", "live", "lives",
	"living", "remained", "remains", "settled", "holiday", "holidays",
	"raised", "grew", NULL
};
/* Lower-case articles and particles inside a Welsh, Gaelic, Irish or
 * Romance street name ("Heol y Dderwen", "Rathad na Mara"). */
static const char *const w_particles[] = {
	"y", "yr", "'r", "an", "na", "nan", "nam", "am", "ar", "a", "de",
	"du", "la", "le", "del", "da", "dos", NULL
};

/* wlists[L_X] is the list X; keep both in the same order. */
static const char *const *const wlists[] = {
	titles, months, flatwords, streetprep, movewords, verbs, instconn,
	designators, homeword, homeprep, surnamey, w_the, w_doctors, w_and,
	w_partners, w_sure, w_start, w_c_church, w_placeprep, w_intoat,
	w_partof, w_public, w_publichead, w_particles, w_onplace, NULL
};
enum {
	L_TITLES, L_MONTHS, L_FLATWORDS, L_STREETPREP, L_MOVEWORDS, L_VERBS,
	L_INSTCONN, L_DESIGNATORS, L_HOMEWORD, L_HOMEPREP, L_SURNAMEY,
	L_W_THE, L_W_DOCTORS, L_W_AND, L_W_PARTNERS, L_W_SURE, L_W_START,
	L_W_C_CHURCH, L_W_PLACEPREP, L_W_INTOAT, L_W_PARTOF, L_W_PUBLIC,
	L_W_PUBLICHEAD, L_W_PARTICLES, L_W_ONPLACE, L_NLISTS
};
_Static_assert(L_NLISTS < 31, "a token's list bits fit below L_KNOWN");
_Static_assert(T_CAPW < 256, "a token's flags fit in its f");

#define L_KNOWN		(1u << 31)

/*
 * The hash of word s[0..n) for the word table and the sets: eight bytes
 * a step, the last few gathered byte by byte (no chain of a multiply per
 * byte, as FNV has).
 */
static uint32_t
whash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
	size_t	 i, k;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	for (w = 0, k = 0; i + k < n; k++)
		w |= (uint64_t)(unsigned char)s[i + k] << (8 * k);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	return (uint32_t)(h ^ (h >> 32));
}

/*
 * whash() of a folded token: the same value, its last bytes read in one
 * step where that gives the same word (little-endian), which is safe in
 * c->fbuf (sixteen bytes to spare after the last token).
 */
static uint32_t
tokhash(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
	size_t	 i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	memcpy(&w, s + i, 8);
	w &= i == n ? 0 : ~(uint64_t)0 >> (64 - 8 * (n - i));
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	return (uint32_t)(h ^ (h >> 32));
#else
	return whash(s, n);
#endif
}

/* The slot of s[0..n) (hash h) in the word table: its own or an empty one. */
static struct wslot *
wt_find(const struct places_ctx *c, const char *s, size_t n, uint32_t h)
{
	struct wslot *e;
	size_t	 i;

	for (i = h & c->wtmask;; i = (i + 1) & c->wtmask) {
		e = &c->wt[i];
		if (e->w == NULL || (e->h == h && e->n == n &&
		    memcmp(e->w, s, n) == 0))
			return e;
	}
}

/* Adds the bits to word s[0..n) (kept by pointer: it must outlive c). */
static void
wt_add(struct places_ctx *c, const char *s, size_t n, unsigned lists,
    unsigned lex)
{
	uint32_t h = whash(s, n);
	struct wslot *e = wt_find(c, s, n, h);

	if (e->w == NULL) {
		e->w = s;
		e->n = (uint32_t)n;
		e->h = h;
		bloom_add(c->wtwords, h);
	}
	e->lists |= lists;
	e->lex |= lex;
}

struct wt_arg {
	struct places_ctx *c;
	int		 x;		/* X_* of the lexicon walked */
	size_t		 n;		/* keys counted */
};

/* Counts a key of a lexicon (wt_build()'s first walk). */
static int
wt_count(void *arg, const char *key, size_t len, const char *value)
{
	(void)key, (void)len, (void)value;
	((struct wt_arg *)arg)->n++;
	return 0;
}

/* Adds a one-word key of a lexicon, and the first word of any key of
 * allow and heads (the start of a phrase). */
static int
wt_key(void *arg, const char *key, size_t len, const char *value)
{
	struct wt_arg *a = arg;
	const char *sp = memchr(key, ' ', len);

	(void)value;
	if (sp == NULL)
		wt_add(a->c, key, len, 0, 1u << a->x);
	if (a->x == X_ALLOW || a->x == X_HEADS) {
		wt_add(a->c, key, sp != NULL ? (size_t)(sp - key) : len, 0,
		    1u << (a->x == X_ALLOW ? X_ALLOWPRE : X_HEADPRE));
		if (sp != NULL) {
			const char *w2 = sp + 1, *e2;
			size_t	 n2 = len - (size_t)(w2 - key);

			if ((e2 = memchr(w2, ' ', n2)) != NULL)
				n2 = (size_t)(e2 - w2);
			bloom_add(a->c->pairs, pairhash(whash(key,
			    (size_t)(sp - key)), whash(w2, n2)));
		}
	}
	if (a->x == X_GAZ && sp != NULL)
		wt_add(a->c, key, (size_t)(sp - key), 0, 1u << X_GAZPRE);
	return 0;
}

/*
 * Builds the word table: each word of the lists wlists and each one-word
 * key of the lexicons xl, with the bits of the lists and lexicons that
 * hold it.  Returns 0 or -1 (out of memory).
 */
static int
wt_build(struct places_ctx *c)
{
	struct wt_arg a = { c, 0, 0 };
	const char *const *l;
	size_t	 cap;
	int	 k;

	for (k = 0; wlists[k] != NULL; k++)
		for (l = wlists[k]; *l != NULL; l++)
			a.n++;
	for (k = 0; k < X_NLEX; k++)
		(void)lexicon_each(c->xl[k], wt_count, &a);
	/* Each key makes at most two entries; at most half the slots full. */
	for (cap = 64; cap < 4 * a.n; cap *= 2)
		;
	if ((c->wt = calloc(cap, sizeof(*c->wt))) == NULL)
		return -1;
	c->wtmask = cap - 1;
	for (k = 0; wlists[k] != NULL; k++)
		for (l = wlists[k]; *l != NULL; l++)
			wt_add(c, *l, strlen(*l), 1u << k, 0);
	for (a.x = 0; a.x < X_NLEX; a.x++)
		(void)lexicon_each(c->xl[a.x], wt_key, &a);
	return 0;
}

/* The bits of the lists that hold s[0..n). */
static unsigned
wordbits(const struct places_ctx *c, const char *s, size_t n)
{
	return wt_find(c, s, n, whash(s, n))->lists;
}

/* Is s[0..n) a word of the list with bit b (L_*)? */
static int
inlb(const struct places_ctx *c, int b, const char *s, size_t n)
{
	return (wordbits(c, s, n) >> b) & 1;
}

/* Copies s[0..n) into dst folded: ’ and ‘ become ', letters lower case. */
static size_t
foldcopy(char *dst, size_t cap, const char *s, size_t n)
{
	size_t	 i, o = 0;

	for (i = 0; i < n; i++) {
		if (o + 1 >= cap)
			return (size_t)-1;
		if ((unsigned char)s[i] == 0xe2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x99 ||
		    (unsigned char)s[i + 2] == 0x98)) {
			dst[o++] = '\'';
			i += 2;
		} else
			dst[o++] = s[i];
	}
	lexicon_fold(dst, dst, o);
	dst[o] = '\0';
	return o;
}

/* Folds tokens [a, b) joined by single spaces into buf (from the cache
 * tokenise() filled). */
static size_t
foldtoks(const struct places_ctx *c, size_t a, size_t b, char *buf,
    size_t cap)
{
	size_t	 i, o = 0, n;

	for (i = a; i < b; i++) {
		n = c->tok[i].fl;
		if (o + n + 2 >= cap)
			return (size_t)-1;
		if (i > a)
			buf[o++] = ' ';
		memcpy(buf + o, c->fbuf + c->tok[i].fo, n);
		o += n;
	}
	buf[o] = '\0';
	return o;
}

/*
 * Appends folded token i to the phrase buf[0..*o) of tokens before it
 * (first: the phrase is empty), as foldtoks() would have made the longer
 * phrase.  Returns 0, or -1 when it would not fit (foldtoks() fails).
 */
static int
phrase_add(const struct places_ctx *c, size_t i, int first, char *buf,
    size_t cap, size_t *o)
{
	size_t	 n = c->tok[i].fl;

	if (*o + n + 2 >= cap)
		return -1;
	if (!first)
		buf[(*o)++] = ' ';
	memcpy(buf + *o, c->fbuf + c->tok[i].fo, n);
	*o += n;
	buf[*o] = '\0';
	return 0;
}

/* The folded token i in buf (static size MAXPHRASE). */
static size_t
fold1(const struct places_ctx *c, size_t i, char *buf)
{
	return foldtoks(c, i, i + 1, buf, MAXPHRASE);
}

/*
 * The folded token i in place (tokenise() filled c->fbuf), or NULL when
 * it is out of range or longer than a phrase may be (as fold1() fails).
 */
static const char *
ftok(const struct places_ctx *c, size_t i, size_t *n)
{
	if (i >= c->ntok || c->tok[i].fl + 2 >= MAXPHRASE)
		return NULL;
	*n = c->tok[i].fl;
	return c->fbuf + c->tok[i].fo;
}

/* Is token i a word of the list with bit b (L_*)? */
/* Is token i, folded, the word w (wl bytes)?  tokeq() for a literal. */
static inline int
tokeqn(const struct places_ctx *c, size_t i, const char *w, size_t wl)
{
	return i < c->ntok && c->tok[i].fl == wl && wl + 2 < MAXPHRASE &&
	    memcmp(c->fbuf + c->tok[i].fo, w, wl) == 0;
}
#define tokeq(c, i, w)	tokeqn((c), (i), "" w, sizeof(w) - 1)

/* Looks token i up in the word table: its L_* and X_* bits. */
static void
tokinfo_fill(const struct places_ctx *c, size_t i)
{
	struct tok *t = &c->tok[i];
	const struct wslot *e;
	const char *w;
	size_t	 n;

	if ((w = ftok(c, i, &n)) == NULL) {
		t->lists = L_KNOWN;
		t->lex = 0;
		t->h = 0;
	} else if (!bloom_has(c->wtwords, t->h = tokhash(w, n))) {
		t->lists = L_KNOWN;
		t->lex = 0;
	} else {
		e = wt_find(c, w, n, t->h);
		t->lists = L_KNOWN | e->lists;
		t->lex = e->lex;
	}
}

/* Token i with its bits, looked up the first time they are asked for. */
static inline struct tok *
tokinfo(const struct places_ctx *c, size_t i)
{
	struct tok *t = &c->tok[i];

	if (!(t->lists & L_KNOWN))
		tokinfo_fill(c, i);
	return t;
}

/* Is token i a word of the list with bit b (L_*)? */
static inline int
tokisb(const struct places_ctx *c, size_t i, int b)
{
	return i < c->ntok && (tokinfo(c, i)->lists >> b) & 1;
}

/* Is token i, folded, a key of the lexicon with bit x (X_*)? */
static inline int
toklex(const struct places_ctx *c, size_t i, int x)
{
	return i < c->ntok && (tokinfo(c, i)->lex >> x) & 1;
}

/* The value of token i in the lexicon with bit x, or NULL. */
static const char *
toklexget(const struct places_ctx *c, size_t i, int x)
{
	const char *w;
	size_t	 n;

	if (!toklex(c, i, x) || (w = ftok(c, i, &n)) == NULL)
		return NULL;
	return lexicon_get(c->xl[x], w, n);
}

/* --- tokens and gaps ---------------------------------------------------- */

/* Returns the code point at s[i] and its length in *n (1 on bad bytes). */
static unsigned long
cpat(const char *s, size_t len, size_t i, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t	 r = len - i;

	if (u[0] < 0x80) {
		*n = 1;
		return u[0];
	}
	if ((u[0] & 0xe0) == 0xc0 && r >= 2) {
		*n = 2;
		return ((u[0] & 0x1fUL) << 6) | (u[1] & 0x3f);
	}
	if ((u[0] & 0xf0) == 0xe0 && r >= 3) {
		*n = 3;
		return ((u[0] & 0x0fUL) << 12) | ((u[1] & 0x3fUL) << 6) |
		    (u[2] & 0x3f);
	}
	if ((u[0] & 0xf8) == 0xf0 && r >= 4) {
		*n = 4;
		return ((u[0] & 0x07UL) << 18) | ((u[1] & 0x3fUL) << 12) |
		    ((u[2] & 0x3fUL) << 6) | (u[3] & 0x3f);
	}
	*n = 1;
	return 0xfffd;
}

static int
isletter(unsigned long cp)
{
	if (cp < 0x80)
		return isalpha((int)cp);
	return (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x370 && cp <= 0x1fff);
}

/*
 * Capital letters: Latin-1, Latin Extended-A (where the pairs are odd
 * capitals from Ĺ to Ň and from Ź to Ž: "Łęczycki", "Žemaitis"),
 * Romanian Ș and Ț, Vietnamese and Welsh (Latin Extended Additional),
 * Greek and Cyrillic.  Matches lexicon_fold() where it folds.
 */
static int
isupperl(unsigned long cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xc0 && cp <= 0xde)
		return cp != 0xd7;
	if (cp >= 0x100 && cp <= 0x137)
		return (cp & 1) == 0;
	if (cp >= 0x139 && cp <= 0x148)
		return (cp & 1) == 1;
	if (cp >= 0x14a && cp <= 0x177)
		return (cp & 1) == 0;
	if (cp == 0x178)
		return 1;
	if (cp >= 0x179 && cp <= 0x17e)
		return (cp & 1) == 1;
	if (cp >= 0x218 && cp <= 0x21b)
		return (cp & 1) == 0;
	if (cp >= 0x1e00 && cp <= 0x1eff)
		return (cp & 1) == 0 && !(cp >= 0x1e96 && cp <= 0x1e9f);
	if (cp >= 0x391 && cp <= 0x3ab)
		return cp != 0x3a2;
	return cp >= 0x400 && cp <= 0x42f;
}

static int
islowerl(unsigned long cp)
{
	return isletter(cp) && !isupperl(cp);
}

static int	gap_of(const struct places_ctx *, size_t);
static int	notplacetok(const struct places_ctx *, size_t);

/*
 * Byte classes for the tokenizer: ASCII letters (the C locale's
 * isalpha()) and digits; bytes from 0x80 have none.  A_UPPER is the bit
 * that makes an ASCII capital lower case.
 */
enum { A_LETTER = 1, A_DIGIT = 2, A_LOWER = 4, A_UPPER = 0x20 };
_Static_assert(A_LOWER == 4, "asciirun() shifts A_LOWER to bit 0");

static unsigned char	 aclass[256];

/* T_CAPW by a token's T_CAP, T_ALLCAPS and T_DIGIT: capitalised, no digit. */
static const unsigned char capw[8] = {
	[T_CAP] = T_CAPW, [T_ALLCAPS] = T_CAPW, [T_CAP | T_ALLCAPS] = T_CAPW
};
_Static_assert((T_CAP | T_ALLCAPS | T_DIGIT) == 7, "capw[] covers f");

static void
aclass_init(void)
{
	int	 ch;

	if (aclass['a'] != 0)
		return;
	for (ch = 0; ch < 128; ch++) {
		if (ch >= 'A' && ch <= 'Z')
			aclass[ch] = A_LETTER | A_UPPER;
		else if (ch >= 'a' && ch <= 'z')
			aclass[ch] = A_LETTER | A_LOWER;
		else if (ch >= '0' && ch <= '9')
			aclass[ch] = A_DIGIT;
	}
}

/*
 * Folds the run of ASCII letters and digits at u[i..len) into fb at *o,
 * counting its letters (at least up to two: only "two or more" is asked)
 * and its lower-case letters.  Returns the end of the run.
 */
static inline __attribute__((always_inline)) size_t
asciirun(const unsigned char *u, size_t i, size_t len, char *fb, size_t *o,
    size_t *letters, size_t *low)
{
	const unsigned char *p, *end = u + len;
	char		*q;
	size_t		 nl = 0, nlow = 0;
	unsigned	 ac;

#if defined(__SSE2__)
	/*
	 * Sixteen bytes a step while the text lasts (fb has sixteen bytes
	 * to spare: a step stores all sixteen, the run's bytes first).
	 * Byte x is in [a, b] when x + 128 - a < b - a - 127, signed.
	 */
	while (i + 16 <= len) {
		__m128i	 x = _mm_loadu_si128((const __m128i *)(const void *)
		    (u + i));
#define INRANGE(a, b)	_mm_cmplt_epi8(_mm_add_epi8(x, \
		    _mm_set1_epi8(128 - (a))), _mm_set1_epi8((b) - (a) - 127))
		__m128i	 up = INRANGE('A', 'Z'), lo = INRANGE('a', 'z');
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(up, lo), INRANGE('0', '9')));
#undef INRANGE
		unsigned k = (unsigned)__builtin_ctz(~m);	/* <= 16 */
		unsigned keep = (1u << k) - 1, ml, mul;

		_mm_storeu_si128((__m128i *)(void *)(fb + *o), _mm_or_si128(x,
		    _mm_and_si128(up, _mm_set1_epi8(0x20))));
		ml = (unsigned)_mm_movemask_epi8(lo) & keep;
		mul = ((unsigned)_mm_movemask_epi8(up) & keep) | ml;
		*low |= ml;	/* only "none" is asked */
		/* Letters matter only as "two or more": min(count, 2). */
		*letters += (mul != 0) + ((mul & (mul - 1)) != 0);
		*o += k;
		i += k;
		if (k < 16)
			return i;
	}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/*
	 * Eight bytes a step while the text lasts (fb has eight bytes to
	 * spare: a step stores all eight, the run's bytes first).  A byte's
	 * high bit marks its class: below 0x80 and, with 0x80 - lo added to
	 * its low seven bits, carried to 0x80 while below hi + 1 does not.
	 */
	const uint64_t	 ones = 0x0101010101010101ULL, hi = ones << 7;
	uint64_t	 w, h, up, lo, dg, keep;
	size_t		 k;

	while (i + 8 <= len) {
		memcpy(&w, u + i, 8);
		h = w & ~hi;
		up = ((h + ones * (0x80 - 'A')) ^
		    (h + ones * (0x80 - 'Z' - 1))) & ~w & hi;
		lo = ((h + ones * (0x80 - 'a')) ^
		    (h + ones * (0x80 - 'z' - 1))) & ~w & hi;
		dg = ((h + ones * (0x80 - '0')) ^
		    (h + ones * (0x80 - '9' - 1))) & ~w & hi;
		keep = ~(up | lo | dg) & hi;	/* the bytes that end the run */
		/* Without branches: k = 8 when keep is 0. */
		k = ((size_t)__builtin_ctzll(keep | (uint64_t)1 << 63) >> 3) +
		    (keep == 0);
		keep = k == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * k)) - 1;
		w |= up >> 2;
		memcpy(fb + *o, &w, 8);
		/* Byte counts: the marks moved to bit 0 of each byte, summed
		 * into the top byte. */
		*letters += ((((up | lo) & keep) >> 7) * ones) >> 56;
		*low += (((lo & keep) >> 7) * ones) >> 56;
		*o += k;
		i += k;
		if (k < 8)
			return i;
	}
#endif
	p = u + i;
	q = fb + *o;
	while (p < end && ((ac = aclass[*p]) & (A_LETTER | A_DIGIT))) {
		*q++ = (char)(*p | (ac & A_UPPER));
		nl += ac & A_LETTER;
		nlow += (ac & A_LOWER) >> 2;
		p++;
	}
	*o = (size_t)(q - fb);
	*letters += nl;
	*low += nlow;
	return (size_t)(p - u);
}

/*
 * Cuts the paragraph into tokens: runs of letters and digits, with an
 * inner apostrophe (' or ’) or hyphen followed by a letter (a hyphen
 * also by a digit).  ASCII bytes are classed by a table; other
 * characters are decoded.  Each token is folded into c->fbuf as it is
 * read (a token with other characters than ASCII is folded again,
 * whole, by foldcopy()).
 */
static __attribute__((noinline)) int
tokenise(struct places_ctx *c)
{
	const char	*s = c->text;
	const unsigned char *u = (const unsigned char *)s;
	size_t		 len = c->len, i = 0, n, m, k, o = 0, need;
	unsigned long	 cp, nx;
	unsigned	 ac;
	struct tok	*t;
	char		*fb;

	aclass_init();
	c->ntok = 0;
	/* Tokens are at least a byte apart: at most (len + 1) / 2 of them,
	 * each folded no longer than it is, NUL-ended. */
	need = len + (len + 1) / 2 + 1 + 16;	/* 16 for asciirun() */
	if (need > c->capfbuf) {
		char	*nb = realloc(c->fbuf, need);
		if (nb == NULL)
			return -1;
		c->fbuf = nb;
		c->capfbuf = need;
	}
	fb = c->fbuf;
	while (i < len) {
		unsigned	 f;

		if ((ac = aclass[u[i]]) & (A_LETTER | A_DIGIT))
			f = (ac & A_UPPER ? T_CAP : 0) |
			    (ac & A_DIGIT ? T_DIGIT : 0);
		else if (u[i] < 0x80) {
			i++;
			continue;
		} else {
			cp = cpat(s, len, i, &n);
			if (!isletter(cp)) {
				i += n;
				continue;
			}
			f = isupperl(cp) ? T_CAP : 0;
		}
		if (c->ntok == c->captok) {
			size_t	 nc = c->captok ? c->captok * 2 : 256;
			struct tok *nt = realloc(c->tok, nc * sizeof(*nt));
			if (nt == NULL)
				return -1;
			c->tok = nt;
			c->captok = nc;
		}
		t = &c->tok[c->ntok++];
		t->s = i;
		t->fo = o;
		t->used = 0;
		t->astart = t->aend = -1;
		t->desig = -1;
		t->pcend = 0;
		t->lists = t->lex = 0;
		size_t	 low = 0, letters = 0;
		int	 ascii = 1, apos = 0;
		for (;;) {
			/* A run of ASCII letters and digits, folded. */
			i = asciirun(u, i, len, fb, &o, &letters, &low);
			if (i >= len)
				break;
			if (u[i] < 0x80) {
				cp = u[i];
				n = 1;
			} else {
				cp = cpat(s, len, i, &n);
				if (isletter(cp)) {
					ascii = 0;
					letters++;
					if (islowerl(cp))
						low++;
					i += n;
					continue;
				}
			}
			/* Inner apostrophe or hyphen followed by a letter
			 * or digit stays in the word. */
			if ((cp == '\'' || cp == 0x2019 || cp == '-') &&
			    i + n < len) {
				nx = cpat(s, len, i + n, &m);
				if (isletter(nx) ||
				    (cp == '-' && nx < 0x80 && isdigit((int)nx))) {
					if (cp == 0x2019)
						ascii = 0;
					else
						fb[o++] = (char)cp;
					apos |= cp != '-';
					i += n;
					continue;
				}
			}
			break;
		}
		t->e = i;
		if (ascii) {
			t->fl = o - t->fo;
			fb[o++] = '\0';
		} else {
			t->fl = foldcopy(fb + t->fo, c->capfbuf - t->fo,
			    s + t->s, t->e - t->s);
			o = t->fo + t->fl + 1;
		}
		/* T_ALLCAPS and T_CAPW without a branch (the classes mix
		 * unpredictably): f is T_CAP, T_ALLCAPS and T_DIGIT here. */
		f |= (unsigned)((letters >= 2) & (low == 0)) * T_ALLCAPS;
		f |= capw[f];
		/* "1.8 The Partnership": a paragraph number, not a house. */
		if ((f & T_DIGIT) && !(t->s > 0 && s[t->s - 1] == '.')) {
			/* House numbers: 1-4 digits, one optional letter, or
			 * a range "12-14". */
			size_t	 d = 0;
			k = t->s;
			while (k < t->e && isdigit((unsigned char)s[k]))
				k++, d++;
			if (d >= 1 && d <= 4 && (k == t->e ||
			    (k + 1 == t->e && isalpha((unsigned char)s[k])) ||
			    (s[k] == '-' && k + 1 < t->e &&
			    isdigit((unsigned char)s[k + 1])))) {
				if (!(d == 4 && k == t->e &&
				    (s[t->s] == '1' || s[t->s] == '2')))
					f |= T_HOUSENUM;
			}
		}
		/* An apostrophe before the last 's' is one inside. */
		if (apos && t->e - t->s >= 3 && s[t->e - 1] == 's' &&
		    (s[t->e - 2] == '\'' || (t->e - t->s >= 5 &&
		    (unsigned char)s[t->e - 2] == 0x99 &&
		    (unsigned char)s[t->e - 4] == 0xe2)))
			f |= T_POSSESSIVE;
		t->f = f;
	}
	for (i = 0; i < c->ntok; i++)
		c->tok[i].g = gap_of(c, i);
	for (i = c->ntok, k = c->ntok; i-- > 0;) {
		if (c->tok[i].f & (T_CAPW | T_DIGIT))
			k = i;
		c->tok[i].nx = k;
	}
	return 0;
}

/* Gap kinds between token i and i + 1. */
enum { G_NONE, G_SPACE, G_COMMA, G_OTHER };

static int
gap_of(const struct places_ctx *c, size_t i)
{
	size_t	 a, b, commas = 0, n;
	unsigned long cp;

	if (i + 1 >= c->ntok)
		return G_NONE;
	a = c->tok[i].e;
	b = c->tok[i + 1].s;
	if (b == a + 1 && c->text[a] == ' ')
		return G_SPACE;
	if (b - a > 8)
		return G_OTHER;
	while (a < b) {
		cp = cpat(c->text, c->len, a, &n);
		if (cp == ',')
			commas++;
		else if (cp != ' ' && cp != 0xa0 && cp != 0x202f)
			return G_OTHER;
		a += n;
	}
	if (commas == 0)
		return b > c->tok[i].e ? G_SPACE : G_OTHER;
	return commas == 1 ? G_COMMA : G_OTHER;
}

/* The gap kind after token i (tokenise() computed it). */
static int
gap(const struct places_ctx *c, size_t i)
{
	return i + 1 >= c->ntok ? G_NONE : c->tok[i].g;
}

/* Bytes that end a sentence (or a cell) before a token: .!?:;, TAB, the
 * quotes and brackets, the last byte of “ (0x9c); and NUL, as strchr()
 * would have found it. */
static const unsigned char sentend[256] = {
	['\0'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [':'] = 1, [';'] = 1,
	['\t'] = 1, ['"'] = 1, ['('] = 1, [')'] = 1, ['['] = 1, [']'] = 1,
	[0x9c] = 1
};

/* Returns 1 when token i starts a sentence (or a cell, or the text). */
static int
sentstart(const struct places_ctx *c, size_t i)
{
	size_t	 a, b;

	if (i == 0)
		return 1;
	a = c->tok[i - 1].e;
	b = c->tok[i].s;
	for (; a < b; a++)
		if (sentend[(unsigned char)c->text[a]])
			return 1;
	/* A paragraph number ("7.149 On ...") counts as a start. */
	return (c->tok[i - 1].f & T_DIGIT) && i == 1;
}

static int
cap(const struct places_ctx *c, size_t i)
{
	return i < c->ntok && (c->tok[i].f & T_CAPW);
}

/*
 * The first token from i that is cap() or a T_DIGIT token, or ntok: the
 * passes visit only those (every other token they skip at once).
 */
static inline size_t
nextc(const struct places_ctx *c, size_t i)
{
	return i < c->ntok ? c->tok[i].nx : c->ntok;
}

static int
freetok(const struct places_ctx *c, size_t a, size_t b)
{
	size_t	 i;

	if (b > c->ntok)
		return 0;
	for (i = a; i < b; i++)
		if (c->tok[i].used)
			return 0;
	return 1;
}

/* Tokens [a, b) joined by spaces only. */
static int
spaced(const struct places_ctx *c, size_t a, size_t b)
{
	size_t	 i;

	for (i = a; i + 1 < b; i++)
		if (gap(c, i) != G_SPACE)
			return 0;
	return 1;
}

/* --- hunspell ------------------------------------------------------------ */

/*
 * Returns 'o' when the word is an ordinary lower-case word, 'p' when
 * hunspell knows it only capitalised (a proper noun), 'u' when it does not
 * know it at all.
 */
static int
wclass(struct places_ctx *c, size_t i)
{
	return wordclass_of(c->wc, c->text + c->tok[i].s, c->tok[i].e -
	    c->tok[i].s);
}

/* --- output -------------------------------------------------------------- */

static int
emit(struct places_ctx *c, size_t a, size_t b, const char *type,
    const char *subtype, const char *rule, int conf, const char *key)
{
	size_t	 i;

	for (i = a; i < b; i++)
		c->tok[i].used = strcmp(type, "place") == 0 ? 2 : 1;
	return mention_list_add(c->found, c->tid, c->tok[a].s, c->tok[b - 1].e,
	    type, subtype, rule, conf, key, "");
}

/* --- rule 0: the allow-list ---------------------------------------------- */

static void
markallow(struct places_ctx *c, size_t a, size_t b)
{
	size_t	 i;

	for (i = a; i < b; i++) {
		c->tok[i].astart = (int)a;
		c->tok[i].aend = (int)b;
	}
}

/* Adds each word prefix of the allowed phrase key to the table arg. */
static int
addprefixes(void *arg, const char *key, size_t len, const char *value)
{
	struct lexicon	*pre = arg;
	size_t		 i;

	(void)value;
	for (i = 1; i <= len; i++)
		if ((i == len || key[i] == ' ') &&
		    lexicon_put(pre, key, i, NULL) == -1)
			return -1;
	return 0;
}

/*
 * May tokens i and i + 1 be the first two words of an allowed phrase or
 * an institution head?  0 when the set of such pairs rules them out.
 */
static int
pairmay(const struct places_ctx *c, size_t i)
{
	return bloom_has(c->pairs, pairhash(tokinfo(c, i)->h,
	    tokinfo(c, i + 1)->h));
}

static void
allowpass(struct places_ctx *c)
{
	char	 buf[MAXPHRASE];
	size_t	 i, n, k, len;

	for (i = nextc(c, 0); i < c->ntok; i = nextc(c, i + 1)) {
		if (!cap(c, i) && !(c->tok[i].f & T_DIGIT))
			continue;
		/*
		 * The longest allowed phrase starting here: grow it while it
		 * is the start of some phrase (spaced() and the buffer only
		 * fail more for longer phrases).
		 */
		for (n = 0, k = 1, len = 0; k <= ALLOWMAX; k++) {
			if (i + k > c->ntok ||
			    (k > 1 && gap(c, i + k - 2) != G_SPACE) ||
			    (k == 1 && !toklex(c, i, X_ALLOWPRE)) ||
			    (k == 2 && !pairmay(c, i)))
				break;
			if (phrase_add(c, i + k - 1, k == 1, buf, sizeof(buf),
			    &len) == -1)
				break;
			/* One word: the word table's bits answer both
			 * look-ups (X_ALLOWPRE is a first word, so a prefix). */
			if (k == 1) {
				if (toklex(c, i, X_ALLOW))
					n = 1;
				continue;
			}
			if (!lexicon_has(c->allowpre, buf, len))
				break;
			if (lexicon_has(c->allow, buf, len))
				n = k;
		}
		if (n >= 1) {
			markallow(c, i, i + n);
			i += n - 1;
			continue;
		}
		/* Legislation shapes: "... Act 1989", "... Regulations 2006"
		 * (the words are looked for here, not in the paragraph
		 * first: a paragraph without them gets here and finds none). */
		if (cap(c, i)) {
			size_t	 j = i;
			while (j < c->ntok && j - i < 10 && (cap(c, j) ||
			    tokisb(c, j, L_INSTCONN)) && (j == i ||
			    gap(c, j - 1) == G_SPACE)) {
				if (tokeq(c, j, "act") ||
				    tokeq(c, j, "regulations")) {
					size_t	 e = j + 1;
					if (e < c->ntok &&
					    gap(c, j) == G_SPACE &&
					    (c->tok[e].f & T_DIGIT))
						e++;
					if (j > i) {
						markallow(c, i, e);
						i = e - 1;
					}
					break;
				}
				j++;
			}
		}
	}
}

/* Returns 1 when [a, b) overlaps an allowed span at least as long. */
static int
allowed_over(const struct places_ctx *c, size_t a, size_t b)
{
	size_t	 i;

	for (i = a; i < b; i++)
		if (c->tok[i].astart >= 0 &&
		    c->tok[i].aend - c->tok[i].astart >= (int)(b - a))
			return 1;
	return 0;
}

static int
anyallowed(const struct places_ctx *c, size_t a, size_t b)
{
	size_t	 i;

	for (i = a; i < b; i++)
		if (c->tok[i].astart >= 0)
			return 1;
	return 0;
}

/*
 * Remembers the street or house key[0..kl) the document gave, and its
 * first word in stfirst: a clear bit there tells knownthe() that no key
 * begins with a token, without building the phrase.
 */
static int
street_put(struct places_ctx *c, const char *key, size_t kl, const char *v)
{
	bloom_add(c->stfirst, whash(key, strcspn(key, " ")));
	return lexicon_put(c->streets, key, kl, v);
}

/* --- rule 1: addresses --------------------------------------------------- */

/* Returns 1 when a UK postcode (or an upstream postcode mention) starts at
 * token i; sets *end to the token after it. */
static int
postcode_at(const struct places_ctx *c, size_t i, const struct mention_list *prior,
    size_t *end)
{
	const char *s;
	size_t	 n, k;

	if (i >= c->ntok)
		return 0;
	/* places_scan() marked the tokens where prior's postcodes start. */
	if (c->tok[i].pcend != 0) {
		*end = c->tok[i].pcend - 1;
		return 1;
	}
	/* Outward code: A9, A99, AA9, AA99, A9A, AA9A; inward: 9AA. */
	s = c->text + c->tok[i].s;
	n = c->tok[i].e - c->tok[i].s;
	if (n < 2 || n > 4 || !isupper((unsigned char)s[0]))
		return 0;
	k = 1;
	if (isupper((unsigned char)s[k]))
		k++;
	if (k >= n || !isdigit((unsigned char)s[k]))
		return 0;
	k++;
	if (k < n && (isdigit((unsigned char)s[k]) || isupper((unsigned char)s[k])))
		k++;
	if (k != n || i + 1 >= c->ntok || gap(c, i) != G_SPACE)
		return 0;
	s = c->text + c->tok[i + 1].s;
	n = c->tok[i + 1].e - c->tok[i + 1].s;
	if (n != 3 || !isdigit((unsigned char)s[0]) ||
	    !isupper((unsigned char)s[1]) || !isupper((unsigned char)s[2]))
		return 0;
	*end = i + 2;
	return 1;
}

/* Is token i "St" followed by ". " ("23 St. Aidan's Road")? */
static int
stdot(const struct places_ctx *c, size_t i)
{
	size_t	 e;

	if (i + 1 >= c->ntok || !tokeq(c, i, "st"))
		return 0;
	e = c->tok[i].e;
	return c->tok[i + 1].s == e + 2 && c->text[e] == '.' &&
	    c->text[e + 1] == ' ';
}

/*
 * Parses a street name starting at token k: up to four capitalised words
 * ending in a street suffix ("Linden Grove", "St Andrews Close", "The
 * Crescent").  Returns the index of the suffix token, or -1.  *strong is
 * set when the suffix is a strong one.
 */
static long
street_at(struct places_ctx *c, size_t k, int *strong)
{
	size_t	 m, q;
	const char *v;

	if (!cap(c, k) || c->tok[k].used)
		return -1;
	if (!tokeq(c, k, "the") &&
	    (toklex(c, k, X_STOP) || tokisb(c, k, L_TITLES) ||
	    tokisb(c, k, L_MONTHS)))
		return -1;
	for (m = k; m < c->ntok && m - k < 5 && cap(c, m) && !c->tok[m].used &&
	    (m == k || gap(c, m - 1) == G_SPACE || stdot(c, m - 1)); m++)
		if (m > k && toklex(c, m, X_STOP))
			break;
	for (q = m; q-- > k + 0;) {
		if (q == k)
			break;
		if ((v = toklexget(c, q, X_SUFFIX)) != NULL) {
			/* Possessive suffix words are not streets. */
			if (c->tok[q].f & T_POSSESSIVE)
				continue;
			*strong = strcmp(v, "strong") == 0;
			return (long)q;
		}
	}
	return -1;
}

/*
 * Is token m a lower-case word that is a mutated name ("t-Sìthein",
 * "n-Eilean"): a hyphen followed by an upper-case letter?
 */
static int
mutword(const struct places_ctx *c, size_t m)
{
	size_t	 i, n;

	for (i = c->tok[m].s; i + 1 < c->tok[m].e; i++)
		if (c->text[i] == '-')
			return isupperl(cpat(c->text, c->len, i + 1, &n));
	return 0;
}

/*
 * Parses a street whose type word comes first, as in Welsh, Gaelic and
 * Irish ("Heol y Dderwen", "Cnoc an t-Sìthein", "Bóthar na Trá"): a type
 * word (street-prefixes.txt), then up to four capitalised words,
 * particles and mutated words, ending in a name word.  Returns the index
 * of the last token, or -1.
 */
static long
prefixstreet(struct places_ctx *c, size_t k)
{
	size_t	 m;
	long	 last = -1;

	if (!cap(c, k) || c->tok[k].used || !toklex(c, k, X_SPREFIX))
		return -1;
	for (m = k + 1; m < c->ntok && m - k <= 4 && !c->tok[m].used &&
	    gap(c, m - 1) == G_SPACE; m++) {
		if ((cap(c, m) && !toklex(c, m, X_STOP) &&
		    !tokisb(c, m, L_MONTHS)) || mutword(c, m)) {
			last = (long)m;
			continue;
		}
		if (!cap(c, m) && tokisb(c, m, L_W_PARTICLES))
			continue;
		break;
	}
	return last;
}

/* Extent of a capitalised phrase from i: up to max tokens joined by spaces,
 * not running into a postcode.  Returns the end (exclusive). */
static size_t
capphrase(const struct places_ctx *c, size_t i, size_t max,
    const struct mention_list *prior)
{
	size_t	 j = i, pe;

	while (j < c->ntok && j - i < max && cap(c, j) && !c->tok[j].used &&
	    (j == i || gap(c, j - 1) == G_SPACE)) {
		if (j > i && postcode_at(c, j, prior, &pe))
			break;
		if (j > i && toklex(c, j, X_STOP))
			break;
		j++;
	}
	return j;
}

static int
gazkind(const struct places_ctx *c, size_t a, size_t b, const char **kind)
{
	char	 buf[MAXPHRASE];
	const char *w;
	size_t	 n;

	int	 gz, pm;

	if ((w = ftok(c, a, &n)) == NULL)
		return 0;
	/* The bits of the first word rule most phrases out. */
	pm = bloom_has(c->pmfirst, tokinfo(c, a)->h);
	if (b == a + 1) {	/* one token: look it up in place */
		*kind = toklex(c, a, X_GAZ) ? lexicon_get(c->gaz, w, n) : NULL;
		if (*kind == NULL && pm)
			*kind = lexicon_get(c->placemem, w, n);
		return *kind != NULL;
	}
	if (!(gz = toklex(c, a, X_GAZPRE)) && !pm)
		return 0;
	n = foldtoks(c, a, b, buf, sizeof(buf));
	if (n == (size_t)-1)
		return 0;
	*kind = gz ? lexicon_get(c->gaz, buf, n) : NULL;
	if (*kind == NULL && pm)
		*kind = lexicon_get(c->placemem, buf, n);
	return *kind != NULL;
}

static int
place_emit(struct places_ctx *c, size_t a, size_t b, const char *sub,
    const char *rule, int conf)
{
	char	 key[MAXPHRASE];

	size_t	 kl;

	if ((kl = foldtoks(c, a, b, key, sizeof(key))) == (size_t)-1)
		return 0;
	/* A town before a postcode or at the end of an address is
	 * remembered for the rest of the document ("Marrowby Cross, UP1 2AA",
	 * then "in Marrowby Cross"): gazkind() finds it.  Weaker evidence is
	 * not ("took in Kayden for a week" would make a child a place). */
	if (strcmp(rule, "places/postal-town") == 0 &&
	    !lexicon_has(c->gaz, key, kl)) {
		if (lexicon_put(c->placemem, key, kl, "town") == -1)
			return -1;
		bloom_add(c->pmfirst, whash(key, strcspn(key, " ")));
	}
	return emit(c, a, b, "place", sub, rule, conf, key);
}

/* Is the phrase [a, b) a plausible locality or town inside an address? */
static int
locality_ok(struct places_ctx *c, size_t a, size_t b)
{
	char	 w[MAXPHRASE];

	if (anyallowed(c, a, b) || toklex(c, a, X_STOP) ||
	    tokisb(c, a, L_TITLES) || tokisb(c, a, L_MONTHS))
		return 0;
	fold1(c, a, w);
	if (strcmp(w, "mother") == 0 || strcmp(w, "father") == 0)
		return 0;
	return 1;
}

/*
 * Tries a street address whose street starts at token k and whose first
 * token is s (flat, building, number).  Emits the address and a town.
 */
static int
address_from(struct places_ctx *c, size_t s, size_t k,
    const struct mention_list *prior, int need_strong, int *took)
{
	long	 q;
	int	 strong = 0;
	size_t	 j, e, pe, nseg = 0, seg[4][2], last, town = 0;
	char	 key[MAXPHRASE];
	const char *kind;

	*took = 0;
	if ((q = street_at(c, k, &strong)) < 0 &&
	    (q = prefixstreet(c, k)) >= 0)
		strong = 1;
	if (q < 0) {
		/* "103 The Woodlands", "36 Riverside, Bootle L39 1LF": a
		 * number and a name without a street word. */
		if (need_strong || !cap(c, k) || c->tok[k].used ||
		    tokisb(c, k, L_TITLES) || tokisb(c, k, L_MONTHS) ||
		    (toklex(c, k, X_STOP) && !tokisb(c, k, L_W_THE)))
			return 0;
		q = (long)k;
		if (tokisb(c, k, L_W_THE)) {
			if (!cap(c, k + 1) || gap(c, k) != G_SPACE ||
			    c->tok[k + 1].used || toklex(c, k + 1, X_STOP) ||
			    (c->tok[k + 1].f & T_ALLCAPS) ||
			    anyallowed(c, k + 1, k + 2) ||
			    toklex(c, k + 1, X_DESCR))
				return 0;
			q = (long)k + 1;
		} else {
			/* After "Unit 4," three words: "Kingfisher Trading
			 * Estate". */
			size_t	 e2 = capphrase(c, k, c->flatpre ? 3 : 2, prior),
				 x;
			q = (long)e2 - 1;
			/* Needs a postcode after its locality or town, or
			 * "Flat 3," before a building ("Marlowe House"). */
			for (x = e2; x < c->ntok && x < e2 + 6; x++)
				if (postcode_at(c, x, prior, &pe))
					break;
			if (!(c->flatpre && e2 > k + 1 &&
			    toklex(c, e2 - 1, X_BUILDING)) &&
			    (x >= c->ntok || x >= e2 + 6 || gap(c, e2 - 1) !=
			    G_COMMA))
				return 0;
		}
	}
	if (need_strong && !strong)
		return 0;
	if (foldtoks(c, k, (size_t)q + 1, key, sizeof(key)) == (size_t)-1)
		return 0;
	if (allowed_over(c, k, (size_t)q + 1))
		return 0;
	/* Locality and town segments: ", Harrowdene, Grantham, NG13 4PF". */
	j = (size_t)q;
	while (nseg < 4 && gap(c, j) == G_COMMA && j + 1 < c->ntok &&
	    cap(c, j + 1) && !c->tok[j + 1].used &&
	    !postcode_at(c, j + 1, prior, &pe)) {
		e = capphrase(c, j + 1, 4, prior);
		if (e == j + 1 || !locality_ok(c, j + 1, e))
			break;
		/* A segment ends at a comma, a postcode or punctuation, not
		 * before another word ("12 Oak Road, Kayden was seen"). */
		if (e < c->ntok && gap(c, e - 1) == G_SPACE &&
		    !postcode_at(c, e, prior, &pe) &&
		    (cap(c, e) || tokisb(c, e, L_VERBS)))
			break;
		seg[nseg][0] = j + 1;
		seg[nseg][1] = e;
		nseg++;
		j = e - 1;
	}
	last = (size_t)q + 1;
	if (nseg > 0) {
		size_t	 ls = seg[nseg - 1][0], le = seg[nseg - 1][1];
		int	 pc = (gap(c, le - 1) == G_SPACE ||
		    gap(c, le - 1) == G_COMMA) && postcode_at(c, le, prior, &pe);
		if (pc || gazkind(c, ls, le, &kind)) {
			town = nseg;
			last = nseg > 1 ? seg[nseg - 2][1] : (size_t)q + 1;
		} else
			last = seg[nseg - 1][1];
	}
	if (emit(c, s, last, "address", "", "places/address", 90, key) == -1)
		return -1;
	if (town > 0 && place_emit(c, seg[town - 1][0], seg[town - 1][1],
	    "town", "places/postal-town", 90) == -1)
		return -1;
	(void)street_put(c, key, strlen(key), "");
	*took = 1;
	return 0;
}

/*
 * Is [i, k] a house name whose street may have a weak suffix ("Bramble
 * Cottage, Quenford Approach", "Heron View, Tolliver Rise")?  Its last
 * word is a building word; one that is also a common surname ("Hall",
 * "Lodge": value "surname") needs an ordinary word first ("Moor Lodge") or
 * a preposition before the name, so that "Sarah Hall, Emma Chase" stays
 * two people.
 */
static int
househead(struct places_ctx *c, size_t i, size_t k)
{
	const char *v;

	if (k <= i || (v = toklexget(c, k, X_BUILDING)) == NULL)
		return 0;
	if (strcmp(v, "surname") != 0)
		return 1;
	if (wclass(c, i) == 'o' && !(c->tok[i].f & T_ALLCAPS))
		return 1;	/* "Moor Lodge": no forename */
	return i > 0 && gap(c, i - 1) == G_SPACE &&
	    (tokisb(c, i - 1, L_STREETPREP) || tokeq(c, i - 1, "to") ||
	    tokeq(c, i - 1, "from"));
}

/*
 * After "Bramble Cottage, Quenford Approach": the house name [a, b) alone
 * later in the document is the same address, with the street's key.
 */
static int
remember_house(struct places_ctx *c, size_t a, size_t b)
{
	char	 key[MAXPHRASE];
	size_t	 kl, n;

	for (n = c->found->n; n > 0; n--)
		if (strcmp(c->found->v[n - 1].type, "address") == 0)
			break;
	if (n == 0 || (kl = foldtoks(c, a, b, key, sizeof(key))) ==
	    (size_t)-1)
		return 0;
	return street_put(c, key, kl, c->found->v[n - 1].key);
}

/* The key of the street or house key[0..kl) the document gave before. */
static const char *
streetkey(const struct places_ctx *c, const char *key, size_t kl)
{
	const char *v = lexicon_get(c->streets, key, kl);

	return v != NULL && *v != '\0' ? v : key;
}

/* Is the text between tokens j - 1 and j exactly "/"? */
static int
slashed(const struct places_ctx *c, size_t j)
{
	return j > 0 && c->tok[j].s == c->tok[j - 1].e + 1 &&
	    c->text[c->tok[j - 1].e] == '/';
}

/* Are tokens j digits only, at most two? */
static int
smallnum(const struct places_ctx *c, size_t j)
{
	size_t	 i, n = c->tok[j].e - c->tok[j].s;

	if (n < 1 || n > 2)
		return 0;
	for (i = c->tok[j].s; i < c->tok[j].e; i++)
		if (!isdigit((unsigned char)c->text[i]))
			return 0;
	return 1;
}

/*
 * Does a flat position end at token j: "Flat 2/1" and "0/2" (Glasgow:
 * floor / door), "Flat G/1", "2F1" (Edinburgh: floor F door)?  Returns
 * its first token ("Flat" when written), or -1.
 */
static long
flatpos(const struct places_ctx *c, size_t j)
{
	const char *t = c->text + c->tok[j].s;
	size_t	 n = c->tok[j].e - c->tok[j].s, f = (size_t)-1, st;

	if (n >= 3 && n <= 5 && isdigit((unsigned char)t[0])) {
		size_t	 k = 1;
		if (k < n && isdigit((unsigned char)t[k]))
			k++;
		if (k + 1 < n && (t[k] == 'F' || t[k] == 'f') &&
		    isdigit((unsigned char)t[k + 1]) && (k + 2 == n ||
		    (k + 3 == n && isdigit((unsigned char)t[k + 2]))))
			f = j;
	}
	if (f == (size_t)-1 && j > 0 && slashed(c, j) && smallnum(c, j) &&
	    (smallnum(c, j - 1) || (c->tok[j - 1].e - c->tok[j - 1].s == 1 &&
	    isupper((unsigned char)c->text[c->tok[j - 1].s]))))
		f = j - 1;
	if (f == (size_t)-1 || c->tok[f].used)
		return -1;
	st = f;
	if (f > 0 && gap(c, f - 1) == G_SPACE && tokisb(c, f - 1, L_FLATWORDS) &&
	    !c->tok[f - 1].used)
		st = f - 1;
	/* "G/1" alone is too weak: a letter floor needs "Flat". */
	if (st == f && !isdigit((unsigned char)c->text[c->tok[f].s]))
		return -1;
	return (long)st;
}

/*
 * A house name before a numbered street, after "at": "at Ard na Gréine,
 * 3 Mill Road".  Token s - 1 ends the name (a comma after it).  Returns
 * the name's first token, or -1.  Names of any words are allowed: the
 * number and street after them, and "at" before, make the address.
 */
static long
housenamebefore(struct places_ctx *c, size_t s)
{
	const char *kind;
	size_t	 b;

	if (s < 2 || gap(c, s - 1) != G_COMMA || !cap(c, s - 1) ||
	    c->tok[s - 1].used || toklex(c, s - 1, X_STOP) ||
	    (c->tok[s - 1].f & T_DIGIT))
		return -1;
	for (b = s - 1; b > 0 && s - b < 5 && gap(c, b - 1) == G_SPACE &&
	    !c->tok[b - 1].used && ((cap(c, b - 1) &&
	    !toklex(c, b - 1, X_STOP) && !tokisb(c, b - 1, L_TITLES)) ||
	    (!cap(c, b - 1) && tokisb(c, b - 1, L_W_PARTICLES))); b--)
		;
	while (b < s - 1 && !cap(c, b))
		b++;
	if (b == 0 || gap(c, b - 1) != G_SPACE || !tokeq(c, b - 1, "at") ||
	    anyallowed(c, b, s) || gazkind(c, b, s, &kind) ||
	    tokisb(c, b, L_MONTHS))
		return -1;
	return (long)b;
}

/*
 * Does a house number follow the building from token k ("Moor House, 159
 * Lodge Close")?  Then the numbered address takes the flat and building
 * when it reaches the number.
 */
static int
numberafter(const struct places_ctx *c, size_t k,
    const struct mention_list *prior)
{
	size_t	 e = capphrase(c, k, 4, prior);

	return e > k && e < c->ntok && gap(c, e - 1) == G_COMMA &&
	    (c->tok[e].f & T_HOUSENUM);
}

static int
addresspass(struct places_ctx *c, const struct mention_list *prior)
{
	size_t	 i, s, b, k;
	long	 fp;
	int	 took;
	char	 w[MAXPHRASE];

	for (i = nextc(c, 0); i < c->ntok; i = nextc(c, i + 1)) {
		if (c->tok[i].used)
			continue;
		/* Numbered: [Flat N,] [Building,] N Street. */
		if ((c->tok[i].f & T_HOUSENUM) && gap(c, i) == G_SPACE) {
			s = i;
			/* Walk back over "Building," and "Flat N,". */
			for (;;) {
				if (s >= 2 && (gap(c, s - 1) == G_COMMA ||
				    gap(c, s - 1) == G_SPACE) &&
				    (c->tok[s - 1].f & T_HOUSENUM) &&
				    tokisb(c, s - 2, L_FLATWORDS) &&
				    gap(c, s - 2) == G_SPACE &&
				    !c->tok[s - 2].used) {
					s -= 2;
					continue;
				}
				if (s >= 2 && gap(c, s - 1) == G_COMMA &&
				    toklex(c, s - 1, X_BUILDING) &&
				    cap(c, s - 1) && !c->tok[s - 1].used) {
					b = s - 1;
					while (b > 0 && s - b < 4 &&
					    cap(c, b - 1) &&
					    gap(c, b - 1) == G_SPACE &&
					    !c->tok[b - 1].used &&
					    !toklex(c, b - 1, X_STOP))
						b--;
					if (b < s - 1 || tokisb(c, b, L_FLATWORDS)) {
						s = b;
						continue;
					}
				}
				if (s >= 2 && gap(c, s - 1) == G_COMMA &&
				    (fp = flatpos(c, s - 1)) >= 0) {
					s = (size_t)fp;
					continue;
				}
				if ((fp = housenamebefore(c, s)) >= 0) {
					s = (size_t)fp;
					continue;
				}
				break;
			}
			if (address_from(c, s, i + 1, prior, 0, &took) == -1)
				return -1;
			if (took)
				continue;
		}
		/* "Flat 31, Marlowe House, ...", "Plot 9, Long Meadow
		 * Caravan Site", "Unit 4, Kingfisher Trading Estate, ...":
		 * a flat or plot, then a building or site without a
		 * number. */
		if ((c->tok[i].f & T_HOUSENUM) && gap(c, i) == G_COMMA &&
		    i > 0 && i + 1 < c->ntok && gap(c, i - 1) == G_SPACE &&
		    tokisb(c, i - 1, L_FLATWORDS) && !c->tok[i - 1].used &&
		    cap(c, i + 1) && !numberafter(c, i + 1, prior)) {
			c->flatpre = 1;
			if (address_from(c, i - 1, i + 1, prior, 0, &took) == -1)
				return -1;
			c->flatpre = 0;
			if (took)
				continue;
		}
		/* House name: "Orchard Cottage, Chapel Close". */
		if (cap(c, i) && i > 0 &&
		    (!toklex(c, i, X_STOP) || tokisb(c, i, L_W_THE)) &&
		    !tokisb(c, i, L_TITLES)) {
			for (k = i; k < c->ntok && k - i < 3 && cap(c, k) &&
			    (k == i || gap(c, k - 1) == G_SPACE); k++)
				if (gap(c, k) == G_COMMA)
					break;
			/* The sentence start last: the comma is rarer. */
			if (k < c->ntok && k > i && gap(c, k) == G_COMMA &&
			    k - i < 3 && (toklex(c, k, X_BUILDING) ||
			    toklex(c, k, X_SUFFIX) || tokisb(c, i, L_W_THE)) &&
			    !sentstart(c, i) && !anyallowed(c, i, k + 1) &&
			    freetok(c, i, k + 1)) {
				fold1(c, k, w);
				if (address_from(c, i, k + 1, prior,
				    !househead(c, i, k), &took) == -1)
					return -1;
				if (took && remember_house(c, i, k + 1) == -1)
					return -1;
			}
		}
	}
	return 0;
}

/* --- rule 2: institutions ------------------------------------------------ */

/*
 * dst = src with ASCII letters in lower case, NUL-ended; eight bytes a
 * step: a byte below 0x80 whose low seven bits are 'A'..'Z' gains 0x20.
 */
static void
lower_ascii(char *dst, const char *src, size_t n)
{
	const uint64_t	 lo7 = 0x7f7f7f7f7f7f7f7fULL;
	const uint64_t	 hi = 0x8080808080808080ULL;
	uint64_t	 w, h, up;
	size_t		 i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, src + i, 8);
		h = w & lo7;
		up = ((h + 0x3f3f3f3f3f3f3f3fULL) ^	/* >= 'A' */
		    (h + 0x2525252525252525ULL)) &	/* > 'Z' */
		    ~w & hi;
		w |= up >> 2;
		memcpy(dst + i, &w, 8);
	}
	for (; i < n; i++) {
		unsigned char ch = (unsigned char)src[i];

		dst[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	dst[n] = '\0';
}

static int
lowerhas(const struct places_ctx *c, const char *w)
{
	return strstr(c->lower, w) != NULL;
}

/*
 * Sets what the paragraph speaks of (accommodation, a refuge, a ward or
 * unit), the first time a rule asks.  Returns 0 or -1 (out of memory).
 */
static int
topics(struct places_ctx *c)
{
	if (c->topics)
		return 0;
	if (c->len + 1 > c->caplower) {
		char	*nl = realloc(c->lower, c->len + 1);
		if (nl == NULL)
			return -1;
		c->lower = nl;
		c->caplower = c->len + 1;
	}
	/* ASCII letters only: the words looked for are ASCII, and folding
	 * other letters never makes or unmakes an ASCII byte. */
	lower_ascii(c->lower, c->text, c->len);
	c->accom = lowerhas(c, "accommodation") || lowerhas(c, "hostel") ||
	    lowerhas(c, "placed") || lowerhas(c, "homeless") ||
	    lowerhas(c, "supported");
	c->refuge = lowerhas(c, "refuge");
	c->unit = lowerhas(c, " ward") || lowerhas(c, " unit") ||
	    lowerhas(c, "psychiatri") || lowerhas(c, "assessed") ||
	    lowerhas(c, "admitted") || lowerhas(c, "inpatient");
	c->topics = 1;
	return 0;
}

/* Adds the space-separated words of s[0..n) to l and to the set b.
 * Returns 0 or -1. */
static int
addwords(struct lexicon *l, uint64_t *b, const char *s, size_t n)
{
	size_t	 a = 0, i;

	for (i = 0; i <= n; i++)
		if (i == n || s[i] == ' ') {
			if (i > a && lexicon_put(l, s + a, i - a, NULL) == -1)
				return -1;
			if (i > a)
				bloom_add(b, whash(s + a, i - a));
			a = i + 1;
		}
	return 0;
}

/*
 * Can token i be in the core of an institution seen so far: a word of
 * such a core, or a token corekey() leaves out?
 */
static int
coreword(const struct places_ctx *c, size_t i)
{
	const char *w;
	size_t	 n;

	if ((w = ftok(c, i, &n)) == NULL || tokisb(c, i, L_DESIGNATORS))
		return 1;
	return bloom_has(c->iwords, c->tok[i].h) &&
	    lexicon_has(c->instword, w, n);
}

/* Core of an institution name: its words without designators. */
static size_t
corekey(const struct places_ctx *c, size_t a, size_t b, char *buf, size_t cap)
{
	size_t	 i, o = 0, n;
	const char *w;

	for (i = a; i < b; i++) {
		if ((w = ftok(c, i, &n)) == NULL)
			continue;
		if (c->tok[i].desig == -1)	/* asked for every window */
			c->tok[i].desig = tokisb(c, i, L_DESIGNATORS);
		if (c->tok[i].desig)
			continue;
		if (o + n + 2 >= cap)
			return (size_t)-1;
		if (o > 0)
			buf[o++] = ' ';
		memcpy(buf + o, w, n);
		o += n;
	}
	buf[o] = '\0';
	return o;
}

static const char *
family(const char *sub)
{
	if (strcmp(sub, "school") == 0 || strcmp(sub, "academy") == 0 ||
	    strcmp(sub, "nursery") == 0)
		return "school";
	return sub;
}

/*
 * Short forms of a new institution [a, b) (name words [na, nb)) whose
 * value is val: its one naming word when the other words are generic
 * ("Meadowbrook" of "Meadowbrook Residential Unit"), and its acronym
 * ("LRI" of "Leicester Royal Infirmary"), found later by shortpass().
 */
static int
inst_alias(struct places_ctx *c, size_t a, size_t b, size_t na, size_t nb,
    const char *sub, const char *val)
{
	char	 buf[MAXPHRASE];
	const char *w = NULL, *fam = family(sub);
	size_t	 i, n = 0, wl = 0, fl = strlen(fam);
	unsigned long cp;
	size_t	 cl;

	for (i = na; i < nb; i++) {
		if (tokisb(c, i, L_DESIGNATORS) || toklex(c, i, X_DESCR) ||
		    toklex(c, i, X_STOP))
			continue;
		if (n++ > 0 || (w = ftok(c, i, &wl)) == NULL)
			break;
	}
	if (n == 1 && w != NULL && nb - na > 1 && wl + fl + 2 < sizeof(buf)) {
		memcpy(buf, w, wl);
		buf[wl] = '|';
		memcpy(buf + wl + 1, fam, fl);
		if (!lexicon_has(c->inst, buf, wl + 1 + fl) &&
		    (lexicon_put(c->inst, buf, wl + 1 + fl, val) == -1 ||
		    lexicon_put(c->instcore, buf, wl, NULL) == -1 ||
		    addwords(c->instword, c->iwords, buf, wl) == -1))
			return -1;
	}
	/* The acronym: initials of the capitalised words, three to six. */
	for (i = a, n = 0; i < b; i++) {
		if (!cap(c, i) || tokeq(c, i, "the"))
			continue;
		if (n >= 6)
			return 0;
		cp = cpat(c->text, c->len, c->tok[i].s, &cl);
		if (cp >= 0x80)
			return 0;
		buf[n++] = (char)toupper((int)cp);
	}
	if (n < 3 || b - a < 3 || lexicon_has(c->instacr, buf, n))
		return 0;
	return lexicon_put(c->instacr, buf, n, val);
}

/*
 * Emits institution [a, b) with subtype sub, name words [na, nb).  Links
 * it to an earlier institution with the same core and family of subtype.
 */
static int
inst_emit(struct places_ctx *c, size_t a, size_t b, size_t na, size_t nb,
    const char *sub, const char *rule, int conf)
{
	char	 key[MAXPHRASE], core[MAXPHRASE], val[2 * MAXPHRASE];
	const char *v, *tab;
	size_t	 kl, cl;

	/* Span excludes a leading lower-case "the". */
	if (c->text[c->tok[a].s] == 't' && fold1(c, a, key) == 3 &&
	    strcmp(key, "the") == 0)
		a++;
	if (a >= b)
		return 0;
	kl = foldtoks(c, a, b, key, sizeof(key));
	cl = corekey(c, na, nb, core, sizeof(core) - 16);
	if (kl == (size_t)-1 || cl == (size_t)-1)
		return 0;
	if (c->posscut && kl > 2 && key[kl - 2] == '\'')
		key[kl -= 2] = '\0';
	if (cl > 0) {
		memcpy(core + cl, "|", 2);
		strcat(core, family(sub));
		cl = strlen(core);
		if ((v = lexicon_get(c->inst, core, cl)) != NULL &&
		    (tab = strchr(v, '\t')) != NULL) {
			snprintf(key, sizeof(key), "%s", tab + 1);
		} else {
			snprintf(val, sizeof(val), "%s\t%s", sub, key);
			if (lexicon_put(c->inst, core, cl, val) == -1 ||
			    lexicon_put(c->instcore, core, (size_t)(strchr(core,
			    '|') - core), NULL) == -1 ||
			    addwords(c->instword, c->iwords, core, (size_t)(strchr(core,
			    '|') - core)) == -1 ||
			    inst_alias(c, a, b, na, nb, sub, val) == -1)
				return -1;
		}
	}
	if (c->posscut) {
		/* The span ends before 's or ’s (2 or 4 bytes). */
		size_t	 e = c->tok[b - 1].e, i;

		e -= c->text[e - 2] == '\'' ? 2 : 4;
		for (i = a; i < b; i++)
			c->tok[i].used = 1;
		return mention_list_add(c->found, c->tid, c->tok[a].s, e,
		    "institution", sub, rule, conf, key, "");
	}
	return emit(c, a, b, "institution", sub, rule, conf, key);
}

/* Is every word of [a, b) generic (no naming word)? */
static int
generic(struct places_ctx *c, size_t a, size_t b)
{
	size_t	 i;

	for (i = a; i < b; i++) {
		if (toklex(c, i, X_DESCR) || toklex(c, i, X_STOP) ||
		    tokisb(c, i, L_INSTCONN) || tokisb(c, i, L_DESIGNATORS))
			continue;
		return 0;
	}
	return 1;
}

static int
instpass(struct places_ctx *c)
{
	char	 buf[MAXPHRASE];
	size_t	 i, n = 0, k, len, p, h, a;
	const char *sub, *hs;
	int	 poss;

	for (i = nextc(c, 0); i < c->ntok; i = nextc(c, i + 1)) {
		if (c->tok[i].used || !cap(c, i))
			continue;
		/* "Dr Khan and Partners", "Drs Shah and Lee". */
		if (tokisb(c, i, L_W_DOCTORS) && cap(c, i + 1)) {
			size_t	 j = i + 1;
			while (j < c->ntok && j - i < 4 && cap(c, j) &&
			    gap(c, j - 1) == G_SPACE)
				j++;
			if (j + 1 < c->ntok && gap(c, j - 1) == G_SPACE &&
			    tokisb(c, j, L_W_AND) &&
			    gap(c, j) == G_SPACE &&
			    tokisb(c, j + 1, L_W_PARTNERS) && freetok(c, i, j + 2)) {
				if (inst_emit(c, i, j + 2, i + 1, j, "gp",
				    "places/gp-partners", 90) == -1)
					return -1;
				i = j + 1;
				continue;
			}
		}
		/* "Sure Start Millbeck". */
		if (tokisb(c, i, L_W_SURE) &&
		    tokisb(c, i + 1, L_W_START) &&
		    gap(c, i) == G_SPACE && gap(c, i + 1) == G_SPACE &&
		    cap(c, i + 2) && !toklex(c, i + 2, X_HEADS) &&
		    !toklex(c, i + 2, X_STOP)) {
			size_t	 j = i + 2;
			while (j < c->ntok && j - i < 5 && cap(c, j) &&
			    !toklex(c, j, X_HEADS) &&
			    !toklex(c, j, X_DESCR) &&
			    (j == i + 2 || gap(c, j - 1) == G_SPACE))
				j++;
			/* With a head after it, the head rule takes it. */
			if (!(j < c->ntok && gap(c, j - 1) == G_SPACE &&
			    toklex(c, j, X_HEADS)) && freetok(c, i, j)) {
				if (inst_emit(c, i, j, i + 2, j,
				    "children-centre", "places/sure-start",
				    85) == -1)
					return -1;
				i = j - 1;
				continue;
			}
		}
		/* Head nouns: longest head starting here, grown word by
		 * word while it is the start of some head (spacing and the
		 * buffer only fail more for longer phrases). */
		sub = NULL;
		poss = 0;
		for (k = 1, len = 0; k <= HEADMAX && i + k <= c->ntok; k++) {
			int	 ps, one;

			/* The word tables know no possessive: "Nursery's"
			 * is looked up below without its 's. */
			if ((k > 1 && gap(c, i + k - 2) != G_SPACE) ||
			    (!(c->tok[i + k - 1].f & T_POSSESSIVE) &&
			    ((k == 1 && !toklex(c, i, X_HEADPRE)) ||
			    (k == 2 && !pairmay(c, i)))))
				break;
			if (phrase_add(c, i + k - 1, k == 1, buf, sizeof(buf),
			    &len) == -1)
				break;
			/* "Little Acorns Day Nursery's notes": the head
			 * without its possessive ends the name. */
			ps = (c->tok[i + k - 1].f & T_POSSESSIVE) && len > 2 &&
			    buf[len - 2] == '\'' && buf[len - 1] == 's' &&
			    !lexicon_has(c->headpre, buf, len);
			if (ps)
				buf[len -= 2] = '\0';
			/* One word without a possessive: its X_HEADPRE bit
			 * made it a prefix, and X_HEADS says whether it is a
			 * head, without the two look-ups. */
			one = k == 1 && !(c->tok[i].f & T_POSSESSIVE);
			if (!one && !lexicon_has(c->headpre, buf, len))
				break;
			/* Not "the Court's ruling": a building head
			 * (house, lodge, court) needs more than that. */
			if ((hs = one ? toklexget(c, i, X_HEADS) :
			    lexicon_get(c->heads, buf, len)) != NULL &&
			    !(ps && strcmp(hs, "hostel") == 0)) {
				sub = hs;
				n = k;
				poss = ps;
			}
			if (ps)
				break;
		}
		if (sub == NULL)
			continue;
		h = i + n;	/* end of the head */
		/* A weak one-word head followed by a capitalised word is
		 * not the end of the name ("Primary Care Trust"). */
		if (n == 1 && h < c->ntok && gap(c, h - 1) == G_SPACE &&
		    cap(c, h) && !toklex(c, h, X_STOP)) {
			fold1(c, i, buf);
			if (strcmp(buf, "hospital") != 0 &&
			    strcmp(buf, "infirmary") != 0 &&
			    strcmp(buf, "school") != 0 &&
			    strcmp(buf, "academy") != 0 &&
			    strcmp(buf, "nursery") != 0 &&
			    strcmp(buf, "surgery") != 0)
				continue;
		}
		/* Name words before the head. */
		p = i;
		while (p > 0 && i - p < 7 && gap(c, p - 1) == G_SPACE &&
		    !c->tok[p - 1].used) {
			size_t	 q = p - 1;
			fold1(c, q, buf);
			if (inlb(c, L_TITLES, buf, strlen(buf)) &&
			    strcmp(buf, "st") != 0)
				break;
			/* "R5 Schools should...": a label with figures
			 * (recommendation, paragraph) names no institution. */
			if (strpbrk(buf, "0123456789") != NULL)
				break;
			if (cap(c, q)) {
				if (lexicon_has(c->stop, buf, strlen(buf)) &&
				    (strcmp(buf, "the") != 0 ||
				    sentstart(c, q)))
					break;
				if (tokisb(c, q, L_MONTHS))
					break;
				p = q;
				if (strcmp(buf, "the") == 0)
					break;
				if (sentstart(c, q))
					break;
				continue;
			}
			/* Lower-case connectors inside a name: "C of E";
			 * "Journal of Family Practice" is no institution. */
			if (strcmp(buf, "of") == 0 && !tokisb(c, q - 1, L_W_C_CHURCH))
				break;
			if (q > 0 && cap(c, q - 1) &&
			    inlb(c, L_INSTCONN, buf, strlen(buf)) &&
			    strcmp(buf, "the") != 0 &&
			    gap(c, q - 1) == G_SPACE && p > q + 0) {
				p = q;
				continue;
			}
			break;
		}
		/* Drop leading connectors. */
		while (p < i && (tokisb(c, p, L_INSTCONN) &&
		    !(c->tok[p].f & T_CAP)))
			p++;
		a = p;
		if (a < i && tokisb(c, a, L_W_THE))
			a++;
		if (a >= i || generic(c, a, i)) {
			/* "Royal Hospital for Children", "School for the
			 * Deaf": the name after the head. */
			size_t	 e = h + 1;

			/* A designator before ("Royal") is needed. */
			if (p >= i || h + 1 >= c->ntok || gap(c, h - 1) != G_SPACE ||
			    !tokeq(c, h, "for") || gap(c, h) != G_SPACE ||
			    (strcmp(sub, "hospital") != 0 &&
			    strcmp(sub, "school") != 0))
				continue;
			if (tokeq(c, e, "the") && gap(c, e) == G_SPACE)
				e++;
			while (e < c->ntok && e - h <= 4 && cap(c, e) &&
			    !c->tok[e].used && !toklex(c, e, X_STOP) &&
			    (c->tok[e].f & T_POSSESSIVE) == 0 &&
			    gap(c, e - 1) == G_SPACE)
				e++;
			if (e <= h + 1 || !cap(c, e - 1) || !freetok(c, p, e) ||
			    anyallowed(c, p, e))
				continue;
			if (inst_emit(c, p, e, h + 1, e, sub,
			    "places/institution", 80) == -1)
				return -1;
			i = e - 1;
			continue;
		}
		/* A head noun inside an allowed phrase ("Westmoor
		 * Safeguarding Children Partnership") heads no institution. */
		if (!freetok(c, p, h) || allowed_over(c, p, h) ||
		    (c->tok[i].astart >= 0 &&
		    c->tok[i].aend - c->tok[i].astart >= 2))
			continue;
		/* House, Lodge, Court: a building, an institution only where
		 * the paragraph speaks of accommodation, refuges or units. */
		fold1(c, i, buf);
		if (strcmp(buf, "house") == 0 || strcmp(buf, "lodge") == 0 ||
		    strcmp(buf, "court") == 0) {
			if (i - a > 2 || p == 0 || !tokisb(c, p - 1, L_W_PLACEPREP))
				continue;
			if (topics(c) == -1)
				return -1;
			if (!(c->accom || c->refuge || c->unit) &&
			    (strcmp(buf, "court") == 0 ||
			    !tokisb(c, p - 1, L_W_INTOAT)))
				continue;
			if (h < c->ntok && gap(c, h - 1) == G_COMMA &&
			    (c->tok[h].f & T_HOUSENUM))
				continue;
			sub = c->refuge ? "refuge" : c->unit && !c->accom ?
			    "other" : "hostel";
		}
		/* "Tinnelly and Sons Ltd v. the United Kingdom": a party
		 * to a cited case, not a place that locates anyone. */
		if (h + 1 < c->ntok && gap(c, h - 1) == G_SPACE &&
		    (tokeq(c, h, "v") || tokeq(c, h, "vs") ||
		    (tokeq(c, h, "and") && tokeq(c, h + 1, "others"))))
			continue;
		c->posscut = poss;
		if (inst_emit(c, p, h, a, i, sub, "places/institution",
		    85) == -1)
			return -1;
		c->posscut = 0;
		i = h - 1;
	}
	return 0;
}

/* Short forms of institutions seen before: "St Bede's", "Brookfield". */
static int
shortpass(struct places_ctx *c)
{
	char	 buf[MAXPHRASE], key[MAXPHRASE], sub[64];
	size_t	 i, n, len;
	const char *v, *tab, *fam;
	static const char *const fams[] = { "school", "gp", "hospital",
	    "health-centre", "children-centre", "hostel", "refuge", "other",
	    NULL };
	size_t	 f;
	int	 ok[3];

	if (lexicon_size(c->inst) == 0)
		return 0;
	for (i = nextc(c, 0); i < c->ntok; i = nextc(c, i + 1)) {
		if (c->tok[i].used || !cap(c, i))
			continue;
		/* "the LRI" after "Leicester Royal Infirmary". */
		if ((c->tok[i].f & T_ALLCAPS) && lexicon_size(c->instacr) > 0 &&
		    c->tok[i].e - c->tok[i].s >= 3 &&
		    c->tok[i].e - c->tok[i].s <= 6 &&
		    (v = lexicon_get(c->instacr, c->text + c->tok[i].s,
		    c->tok[i].e - c->tok[i].s)) != NULL &&
		    (tab = strchr(v, '\t')) != NULL && !anyallowed(c, i, i + 1)) {
			snprintf(sub, sizeof(sub), "%.*s", (int)(tab - v), v);
			snprintf(key, sizeof(key), "%s", tab + 1);
			if (emit(c, i, i + 1, "institution", sub,
			    "places/institution-acronym", 75, key) == -1)
				return -1;
			continue;
		}
		/* A window whose core has a word of no known core is
		 * none: its core cannot be known either. */
		if (!coreword(c, i))
			continue;
		ok[0] = 1;
		ok[1] = i + 1 < c->ntok && coreword(c, i + 1);
		ok[2] = ok[1] && i + 2 < c->ntok && coreword(c, i + 2);
		for (n = 3; n >= 1; n--) {
			if (i + n > c->ntok || !ok[0] || (n > 1 && !ok[1]) ||
			    (n > 2 && !ok[2]) || !spaced(c, i, i + n) ||
			    !freetok(c, i, i + n))
				continue;
			len = corekey(c, i, i + n, buf, sizeof(buf) - 32);
			if (len == (size_t)-1 || len == 0 ||
			    !lexicon_has(c->instcore, buf, len))
				continue;
			/* One ordinary word is too weak a short form. */
			if (n == 1 && wclass(c, i) != 'u')
				continue;
			if (n == 2 && tokisb(c, i, L_DESIGNATORS) &&
			    wclass(c, i + 1) == 'o' &&
			    !(c->tok[i + 1].f & T_POSSESSIVE))
				continue;
			for (f = 0; fams[f] != NULL; f++) {
				size_t fl;

				fam = fams[f];
				fl = strlen(fam);
				buf[len] = '|';
				memcpy(buf + len + 1, fam, fl + 1);
				v = lexicon_get(c->inst, buf, len + 1 + fl);
				if (v != NULL)
					break;
			}
			if (v == NULL || (tab = strchr(v, '\t')) == NULL)
				continue;
			if (n == 1 && cap(c, i + 1) && gap(c, i) == G_SPACE)
				continue;
			snprintf(sub, sizeof(sub), "%.*s", (int)(tab - v), v);
			snprintf(key, sizeof(key), "%s", tab + 1);
			if (anyallowed(c, i, i + n))
				continue;
			if (emit(c, i, i + n, "institution", sub,
			    "places/institution-short", 75, key) == -1)
				return -1;
			i += n - 1;
			break;
		}
	}
	return 0;
}

/* --- rule 3: estates and parks ------------------------------------------- */

static int
estatepass(struct places_ctx *c)
{
	size_t	 i, j, a, p;

	/* Both rules need a capitalised word before token i: visit only
	 * the tokens after one (in order, as every token was before). */
	for (p = nextc(c, 0); p + 1 < c->ntok; p = nextc(c, p + 1)) {
		i = p + 1;
		if (tokeq(c, i, "estate") && i > 0 &&
		    gap(c, i - 1) == G_SPACE && cap(c, i - 1) &&
		    !c->tok[i - 1].used) {
			a = i - 1;
			while (a > 0 && i - a < 3 && cap(c, a - 1) &&
			    gap(c, a - 1) == G_SPACE && !c->tok[a - 1].used &&
			    !toklex(c, a - 1, X_STOP) && !sentstart(c, a))
				a--;
			while (a < i && toklex(c, a, X_STOP))
				a++;
			if (a < i && !generic(c, a, i) &&
			    !anyallowed(c, a, i) && !tokisb(c, a, L_TITLES)) {
				if (place_emit(c, a, i, "estate",
				    "places/estate", 85) == -1)
					return -1;
			}
			continue;
		}
		if (tokeq(c, i, "park") && (c->tok[i].f & T_CAP) && i > 0 &&
		    gap(c, i - 1) == G_SPACE && cap(c, i - 1) &&
		    !c->tok[i - 1].used && !c->tok[i].used &&
		    !(i + 1 < c->ntok && gap(c, i) == G_SPACE && cap(c, i + 1) &&
		    !toklex(c, i + 1, X_STOP))) {
			a = i - 1;
			while (a > 0 && i - a < 2 && cap(c, a - 1) &&
			    gap(c, a - 1) == G_SPACE && !c->tok[a - 1].used &&
			    !toklex(c, a - 1, X_STOP) && !sentstart(c, a))
				a--;
			while (a < i && (toklex(c, a, X_STOP) ||
			    tokisb(c, a, L_TITLES)))
				a++;
			if (a < i && !anyallowed(c, a, i + 1) &&
			    !generic(c, a, i)) {
				for (j = a; j < i; j++)
					if (tokisb(c, j, L_MONTHS))
						break;
				if (j == i && place_emit(c, a, i + 1, "park",
				    "places/park", 80) == -1)
					return -1;
			}
		}
	}
	return 0;
}

/* --- rule 4: street-only references -------------------------------------- */

/*
 * The end of the longest "The X ..." from token i (up to four words after
 * "The") that this document has given as a street or house before, or 0.
 * Not starting with "The" (house), the phrase must end in a building word
 * ("Quillon Cottage").
 */
static long
knownthe(struct places_ctx *c, size_t i, int house)
{
	char	 key[MAXPHRASE];
	size_t	 e, m, kl;

	/* Every phrase looked up begins with token i folded. */
	if (!bloom_has(c->stfirst, tokinfo(c, i)->h))
		return 0;
	for (m = i + 1; m < c->ntok && m < i + 5 && cap(c, m) &&
	    !c->tok[m].used && gap(c, m - 1) == G_SPACE &&
	    !toklex(c, m, X_STOP); m++)
		;
	for (e = m; e > i + 1; e--) {
		if (!freetok(c, i, e) || anyallowed(c, i, e) ||
		    (c->tok[e - 1].f & T_POSSESSIVE) ||
		    (house && !toklex(c, e - 1, X_BUILDING)))
			continue;
		kl = foldtoks(c, i, e, key, sizeof(key));
		if (kl != (size_t)-1 && lexicon_has(c->streets, key, kl))
			return (long)e;
	}
	return 0;
}

/*
 * Emits a street or house name met earlier in the document that starts at
 * token i (knownthe()).  Returns the token after it, 0 when there is none,
 * -1 on error.
 */
static long
known_again(struct places_ctx *c, size_t i, int house)
{
	char	 key[MAXPHRASE];
	long	 q;

	if (lexicon_size(c->streets) == 0 || (q = knownthe(c, i, house)) <= 0)
		return 0;
	if (foldtoks(c, i, (size_t)q, key, sizeof(key)) == (size_t)-1)
		return 0;
	if (emit(c, i, (size_t)q, "address", "", "places/street", 85,
	    streetkey(c, key, strlen(key))) == -1)
		return -1;
	return q;
}

static int
streetpass(struct places_ctx *c)
{
	char	 key[MAXPHRASE];
	size_t	 i, kl;
	long	 q;
	int	 strong, prep, seen;

	for (i = nextc(c, 0); i < c->ntok; i = nextc(c, i + 1)) {
		if (c->tok[i].used || !cap(c, i))
			continue;
		if (tokeq(c, i, "the")) {
			/* "at The Hollies" after "58 The Hollies". */
			if ((q = known_again(c, i, 0)) < 0)
				return -1;
			if (q > 0)
				i = (size_t)q - 1;
			continue;
		}
		if ((q = street_at(c, i, &strong)) < 0) {
			/* "Quillon Cottage was cold" after "at Quillon
			 * Cottage". */
			if ((q = known_again(c, i, 1)) < 0)
				return -1;
			if (q > 0)
				i = (size_t)q - 1;
			continue;
		}
		if (c->tok[q].f & T_POSSESSIVE)
			continue;
		if (anyallowed(c, i, (size_t)q + 1))
			continue;
		if (i > 0 && tokisb(c, i - 1, L_TITLES))
			continue;
		kl = foldtoks(c, i, (size_t)q + 1, key, sizeof(key));
		if (kl == (size_t)-1)
			continue;
		prep = i > 0 && gap(c, i - 1) == G_SPACE &&
		    tokisb(c, i - 1, L_STREETPREP);
		seen = lexicon_has(c->streets, key, kl);
		if (!seen && !prep) {
			if (!strong || sentstart(c, i))
				continue;
			/* "Sarah Lane": a known forename + surname-like
			 * suffix needs a preposition. */
			if (tokisb(c, (size_t)q, L_SURNAMEY) &&
			    wclass(c, i) != 'o')
				continue;
		}
		/* Sentence-initial ordinary words ("Close to ...") are not
		 * street names. */
		if (sentstart(c, i) && !seen && wclass(c, i) == 'o' &&
		    (size_t)q == i + 1 && !strong)
			continue;
		if (emit(c, i, (size_t)q + 1, "address", "", "places/street",
		    seen ? 85 : prep ? 75 : 65, key) == -1)
			return -1;
		(void)street_put(c, key, kl, "");
		i = (size_t)q;
	}
	return 0;
}

/*
 * A house or street called "The X" (The Maltings, The Beeches) has no
 * suffix to find it by; it is an address only where the words before say
 * so: "the address on The Maltings", "lived at The Beeches".
 */
static int
namedpass(struct places_ctx *c)
{
	char	 key[MAXPHRASE];
	size_t	 i, e, kl;

	for (i = nextc(c, 2); i < c->ntok; i = nextc(c, i + 1)) {
		if (c->tok[i].used || !cap(c, i))
			continue;
		if (!tokeq(c, i, "the") || !tokisb(c, i - 1, L_HOMEPREP) ||
		    !tokisb(c, i - 2, L_HOMEWORD) || gap(c, i - 1) != G_SPACE)
			continue;
		for (e = i + 1; e < c->ntok && e < i + 4 && cap(c, e) &&
		    !c->tok[e].used && gap(c, e - 1) == G_SPACE; e++)
			;
		if (e == i + 1 || anyallowed(c, i, e))
			continue;
		kl = foldtoks(c, i, e, key, sizeof(key));
		if (kl == (size_t)-1)
			continue;
		if (emit(c, i, e, "address", "", "places/named-house", 70,
		    key) == -1)
			return -1;
		(void)street_put(c, key, kl, "");
		i = e;
	}
	return 0;
}

/*
 * A house name alone after a preposition: "living at Quillon Cottage",
 * "visited Greenacre Farm".  Its last word is a building word that is no
 * surname (Cottage, Farm, Bungalow, View ...), with one to three
 * capitalised words before it that are not all generic.
 */
static int
housepass(struct places_ctx *c)
{
	char	 key[MAXPHRASE];
	const char *v;
	size_t	 i, a, kl;

	for (i = nextc(c, 2); i < c->ntok; i = nextc(c, i + 1)) {
		if (c->tok[i].used || !cap(c, i) ||
		    (v = toklexget(c, i, X_BUILDING)) == NULL || *v != '\0' ||
		    (c->tok[i].f & T_POSSESSIVE))
			continue;
		for (a = i; a > 0 && i - a < 3 && cap(c, a - 1) &&
		    gap(c, a - 1) == G_SPACE && !c->tok[a - 1].used &&
		    !toklex(c, a - 1, X_STOP) && !tokisb(c, a - 1, L_TITLES) &&
		    !tokisb(c, a - 1, L_MONTHS) &&
		    !(c->tok[a - 1].f & T_DIGIT); a--)
			;
		if (a == i || a == 0 || gap(c, a - 1) != G_SPACE ||
		    !(tokisb(c, a - 1, L_STREETPREP) || tokeq(c, a - 1, "to") ||
		    tokeq(c, a - 1, "from") || tokeq(c, a - 1, "visited")) ||
		    generic(c, a, i) || anyallowed(c, a, i + 1) ||
		    !freetok(c, a, i + 1))
			continue;
		/* Part of a longer name ("Rose Cottage Nursery"). */
		if (i + 1 < c->ntok && gap(c, i) == G_SPACE && cap(c, i + 1))
			continue;
		kl = foldtoks(c, a, i + 1, key, sizeof(key));
		if (kl == (size_t)-1)
			continue;
		if (emit(c, a, i + 1, "address", "", "places/house-name", 70,
		    streetkey(c, key, kl)) == -1)
			return -1;
		if (!lexicon_has(c->streets, key, kl))
			(void)street_put(c, key, kl, "");
	}
	return 0;
}

/* --- rule 5: places ------------------------------------------------------ */

/*
 * Does the phrase before token p (a "to" or "from") follow a move ("moved
 * to X", "came from X"): up to four capitalised tokens, all taken by a
 * mention, after "to", "from" or "towards" after a move word?
 */
static int
movedto(struct places_ctx *c, size_t p)
{
	size_t	 a = p;

	while (a > 0 && p - a < 4 && c->tok[a - 1].used && cap(c, a - 1) &&
	    (a == p || gap(c, a - 1) == G_SPACE))
		a--;
	if (a == p || a < 2 || gap(c, a - 1) != G_SPACE ||
	    gap(c, p - 1) != G_SPACE)
		return 0;
	return (tokeq(c, a - 1, "to") || tokeq(c, a - 1, "from") ||
	    tokeq(c, a - 1, "towards")) && gap(c, a - 2) == G_SPACE &&
	    tokisb(c, a - 2, L_MOVEWORDS);
}

/* Is the capitalised word i one that a context made a place before in
 * this document? */
static int
confirmed(const struct places_ctx *c, size_t i)
{
	const char *w;
	size_t	 n;

	if (!cap(c, i) || (w = ftok(c, i, &n)) == NULL)
		return 0;
	return lexicon_has(c->confirmed, w, n) &&
	    !(i + 1 < c->ntok && gap(c, i) == G_SPACE && cap(c, i + 1));
}

/* Is token i (or phrase) preceded by a place context? 2 = strong. */
static int
placectx(struct places_ctx *c, size_t i)
{
	size_t	 p;

	if (i == 0 || gap(c, i - 1) != G_SPACE)
		return 0;
	p = i - 1;
	if (tokeq(c, p, "in") || tokeq(c, p, "near") ||
	    tokeq(c, p, "around") || tokeq(c, p, "outside") ||
	    tokeq(c, p, "across") || tokeq(c, p, "throughout"))
		return 1;
	if ((tokeq(c, p, "to") || tokeq(c, p, "from") ||
	    tokeq(c, p, "towards") || tokeq(c, p, "at")) && i >= 2 &&
	    tokisb(c, i - 2, L_MOVEWORDS))
		return 1;
	/* "moved to Grimsby from X": a place just before. */
	if ((tokeq(c, p, "from") || tokeq(c, p, "to")) && i >= 2 &&
	    c->tok[i - 2].used == 2)
		return 1;
	/* "moved to Quenby from X" where Quenby was taken as something
	 * else (the short form of "Quenby General Hospital"): the words
	 * before are a mention after "moved to". */
	if ((tokeq(c, p, "from") || tokeq(c, p, "to")) && movedto(c, p))
		return 1;
	if (tokeq(c, p, "of") && i >= 2 && tokisb(c, i - 2, L_W_PARTOF))
		return 1;
	/* "stayed on Skye". */
	if (tokeq(c, p, "on") && i >= 2 && gap(c, i - 2) == G_SPACE &&
	    tokisb(c, i - 2, L_W_ONPLACE))
		return 1;
	/* "came to England from Gdańsk": a nation between. */
	if ((tokeq(c, p, "from") || tokeq(c, p, "to")) && i >= 4 &&
	    cap(c, i - 2) && notplacetok(c, i - 2) &&
	    gap(c, i - 2) == G_SPACE && gap(c, i - 3) == G_SPACE &&
	    (tokeq(c, i - 3, "to") || tokeq(c, i - 3, "from")) &&
	    tokisb(c, i - 4, L_MOVEWORDS))
		return 1;
	/* A place this document placed by context before: "on Lewis"
	 * after "stayed on Lewis". */
	if ((tokeq(c, p, "on") || tokeq(c, p, "in") || tokeq(c, p, "from") ||
	    tokeq(c, p, "near")) && lexicon_size(c->confirmed) > 0 &&
	    confirmed(c, i))
		return 1;
	return 0;
}

/* A single gazetteer word that is also something else needs context. */
static int
ambiguous(struct places_ctx *c, size_t a, size_t b)
{
	if (a > 0 && tokisb(c, a - 1, L_TITLES))
		return 1;
	/* Part of a longer capitalised name ("Kevin Newton"). */
	if (a > 0 && gap(c, a - 1) == G_SPACE && cap(c, a - 1) &&
	    !sentstart(c, a - 1 + 1) && !toklex(c, a - 1, X_STOP) &&
	    !(c->tok[a - 1].f & T_DIGIT))
		return 1;
	if (b < c->ntok && gap(c, b - 1) == G_SPACE && cap(c, b) &&
	    !toklex(c, b, X_STOP) && !c->tok[b].used)
		return 1;
	if (b - a == 1) {
		if (tokisb(c, a, L_MONTHS) || wclass(c, a) == 'o')
			return 1;
		if ((c->tok[a].f & T_ALLCAPS))
			return 1;
	}
	return 0;
}

/*
 * Does token i end in a place-name ending ("-worth", "-ford", "-ham") with
 * at least three letters before it?
 */
static int
placeending(const struct places_ctx *c, size_t i)
{
	const char *w, *v;
	size_t	 n, k;

	if ((w = ftok(c, i, &n)) == NULL)
		return 0;
	for (k = 2; k + 3 <= n && k <= 8; k++)
		if ((v = lexicon_get(c->affix, w + n - k, k)) != NULL &&
		    (strcmp(v, "ending") == 0 || strcmp(v, "suffix") == 0))
			return 1;
	return 0;
}

/*
 * Is token i a nation, language or faith (not-places), or a demonym made
 * from one by an English suffix: "Bangladeshi" (Bangladesh + i),
 * "Vietnamese" (Vietnam + ese), "Nigerian" (Nigeria + n), "Italian"
 * (Italy: ital + ian)?
 */
static int
notplacetok(const struct places_ctx *c, size_t i)
{
	static const char *const sfx[] = { "i", "ese", "n", "an", "ian",
	    "ish", NULL };
	static const char *const add[] = { "", "a", "ia", "y", NULL };
	char	 buf[MAXPHRASE];
	const char *w;
	size_t	 n, k, a, sl, al;

	if ((w = ftok(c, i, &n)) == NULL)
		return 0;
	if (toklex(c, i, X_NOTPLACE))	/* the word table's look-up */
		return 1;
	for (k = 0; sfx[k] != NULL; k++) {
		sl = strlen(sfx[k]);
		if (n < sl + 3 || memcmp(w + n - sl, sfx[k], sl) != 0)
			continue;
		for (a = 0; add[a] != NULL; a++) {
			al = strlen(add[a]);
			memcpy(buf, w, n - sl);
			memcpy(buf + n - sl, add[a], al);
			if (lexicon_has(c->notplace, buf, n - sl + al))
				return 1;
		}
	}
	return 0;
}

/* Is [a, b) a nation, language or nationality ("South Asian", "Sri
 * Lanka"), not a place that locates anyone? */
static int
notplace(const struct places_ctx *c, size_t a, size_t b)
{
	char	 buf[MAXPHRASE];
	size_t	 n;

	if (b > a + 1 && (n = foldtoks(c, a, b, buf, sizeof(buf))) !=
	    (size_t)-1 && lexicon_has(c->notplace, buf, n))
		return 1;
	return notplacetok(c, b - 1);
}

/*
 * Is the phrase ending at token e - 1 a cited author: "Begum and Hartley,
 * 2019", "Hartley (2019)"?
 */
static int
citation(const struct places_ctx *c, size_t e)
{
	size_t	 y = e;
	const char *s;

	if (e >= c->ntok)
		return 0;
	if (gap(c, e - 1) != G_COMMA && gap(c, e - 1) != G_OTHER)
		return 0;
	s = c->text + c->tok[y].s;
	if (c->tok[y].e - c->tok[y].s != 4 || !(c->tok[y].f & T_DIGIT) ||
	    !((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')))
		return 0;
	/* Only a comma or an opening bracket between. */
	for (s = c->text + c->tok[e - 1].e; s < c->text + c->tok[y].s; s++)
		if (*s != ',' && *s != ' ' && *s != '(')
			return 0;
	return 1;
}

/* Does [a, b) look like a place name the gazetteer does not know? */
static int
placeshape(struct places_ctx *c, size_t a, size_t b)
{
	size_t	 i;
	const char *v;
	int	 unknown = 0;

	for (i = a; i < b; i++) {
		if (tokisb(c, i, L_TITLES) || tokisb(c, i, L_MONTHS) ||
		    toklex(c, i, X_STOP) || (c->tok[i].f & T_ALLCAPS))
			return 0;
		if (wclass(c, i) == 'u')
			unknown++;
	}
	if (b - a == 1)
		return unknown == 1 || (wclass(c, a) == 'p' &&
		    !toklex(c, a, X_NOTPLACE));
	if (unknown > 0)
		return 1;
	if ((v = toklexget(c, a, X_AFFIX)) != NULL && strcmp(v, "prefix") == 0)
		return 1;
	if ((v = toklexget(c, b - 1, X_AFFIX)) != NULL &&
	    strcmp(v, "suffix") == 0)
		return 1;
	/* "Wordsworth Fold", "Ainsworth Brow": a place-name ending on the
	 * first word, or a street or settlement word last. */
	if (wclass(c, a) != 'o' && (placeending(c, a) ||
	    toklex(c, b - 1, X_SUFFIX)))
		return 1;
	return 0;
}

/*
 * Does ", County Y" or ", Co. Y" follow the phrase ending at token e - 1?
 * Returns the index of Y (a capitalised word that is no ordinary or
 * generic word: "County Council" is none), or 0.
 */
static size_t
countyat(struct places_ctx *c, size_t e)
{
	size_t	 y = e + 1;

	if (e + 1 >= c->ntok || gap(c, e - 1) != G_COMMA || !cap(c, e))
		return 0;
	if (tokeq(c, e, "county")) {
		if (gap(c, e) != G_SPACE)
			return 0;
	} else if (!(tokeq(c, e, "co") && c->tok[e].e < c->len &&
	    c->text[c->tok[e].e] == '.' && c->tok[y].s <= c->tok[e].e + 2))
		return 0;
	if (!cap(c, y) || wclass(c, y) == 'o' || toklex(c, y, X_DESCR) ||
	    toklex(c, y, X_HEADS) || toklex(c, y, X_STOP) ||
	    (c->tok[y].f & T_ALLCAPS) ||
	    (y + 1 < c->ntok && gap(c, y) == G_SPACE && cap(c, y + 1)))
		return 0;
	return y;
}

/* --- places abroad -------------------------------------------------------- */

/*
 * How strongly the words before token i place a town abroad: 2 after a
 * move, a birth or a home ("moved from X", "born in X", "lived in X",
 * "grew up in X", "fled X") or a part ("a district of X"), 1 after a
 * bare "from", "in", "to" or "near" or after "left", else 0.
 */
static int
abroadctx(const struct places_ctx *c, size_t i)
{
	static const char *const home[] = { "lived", "living", "lives",
	    "live", "up", "raised", "settled", "stayed", "remained",
	    "resident", "based", "family", "relatives", NULL };
	size_t	 p, k;

	if (i == 0 || gap(c, i - 1) != G_SPACE)
		return 0;
	p = i - 1;
	if (tokeq(c, p, "fled") || tokeq(c, p, "flee") ||
	    tokeq(c, p, "fleeing"))
		return 2;
	/* "left Florence" may be a person left behind. */
	if (tokeq(c, p, "leaving") || tokeq(c, p, "left") ||
	    tokeq(c, p, "leave"))
		return 1;
	/* "the outskirts of X", "a district of X". */
	if (tokeq(c, p, "of"))
		return p > 0 && gap(c, p - 1) == G_SPACE &&
		    (tokisb(c, p - 1, L_W_PARTOF) ||
		    tokeq(c, p - 1, "district") ||
		    tokeq(c, p - 1, "suburbs")) ? 2 : 0;
	if (!tokeq(c, p, "in") && !tokeq(c, p, "to") &&
	    !tokeq(c, p, "from") && !tokeq(c, p, "near"))
		return 0;
	if (p == 0 || gap(c, p - 1) != G_SPACE)
		return 1;
	if (tokisb(c, p - 1, L_MOVEWORDS))
		return 2;
	for (k = 0; home[k] != NULL; k++)
		if (tokeqn(c, p - 1, home[k], strlen(home[k])))
			return 2;
	return 1;
}

/* Is [e, e + 3) after a comma a country: "Kaunas, Lithuania"? */
static int
countryafter(const struct places_ctx *c, size_t e)
{
	char	 buf[MAXPHRASE];
	size_t	 k, n;

	if (e >= c->ntok || gap(c, e - 1) != G_COMMA || !cap(c, e))
		return 0;
	for (k = 1; k <= 3 && e + k <= c->ntok; k++) {
		if (k > 1 && (gap(c, e + k - 2) != G_SPACE ||
		    !cap(c, e + k - 1)))
			break;
		if ((n = foldtoks(c, e, e + k, buf, sizeof(buf))) !=
		    (size_t)-1 && lexicon_has(c->notplace, buf, n) &&
		    (e + k >= c->ntok || gap(c, e + k - 1) != G_SPACE ||
		    !cap(c, e + k)))
			return 1;
	}
	return 0;
}

/* Is the word i listed as a forename ("Florence", "Victoria")? */
static int
forename(const struct places_ctx *c, size_t i)
{
	const char *w, *v;
	size_t	 n;

	if ((w = ftok(c, i, &n)) == NULL ||
	    (v = lexicon_get(c->names, w, n)) == NULL)
		return 0;
	return strpbrk(v, "fmg") != NULL;
}

/*
 * A town abroad at token i ("moved from Kaunas", "relatives in
 * Kinshasa", "Anderlecht, Belgium"): the longest phrase of the abroad
 * lexicon, up to three capitalised words, in a strong context, that is
 * no ordinary English word, nation, language or allowed phrase, and
 * after a bare preposition no forename ("spoke to Florence").  Returns
 * the end of the phrase, or 0.
 */
static size_t
abroad(struct places_ctx *c, size_t i)
{
	char	 buf[MAXPHRASE];
	size_t	 n, k, fl;
	int	 ctx, lower;

	if (lexicon_size(c->abroad) == 0 || (c->tok[i].f & T_ALLCAPS) ||
	    tokisb(c, i, L_TITLES) || tokisb(c, i, L_MONTHS) ||
	    toklex(c, i, X_STOP))
		return 0;
	/* Without a context word only a country after a comma places a
	 * town abroad ("Kaunas, Lithuania"): with no comma after any of the
	 * first three words, nothing can match, so look nothing up. */
	if ((ctx = abroadctx(c, i)) == 0) {
		for (n = 1; n <= 3 && i + n < c->ntok; n++)
			if (gap(c, i + n - 1) == G_COMMA)
				break;
		if (n > 3 || i + n >= c->ntok)
			return 0;
	}
	for (n = 3; n >= 1; n--) {
		if (i + n > c->ntok || !spaced(c, i, i + n) ||
		    !freetok(c, i, i + n))
			continue;
		for (k = i; k < i + n; k++)
			if (!cap(c, k) || (c->tok[k].f & T_POSSESSIVE))
				break;
		if (k < i + n)
			continue;
		/* The look-up first: hunspell's class is the dearer test. */
		if ((fl = foldtoks(c, i, i + n, buf, sizeof(buf))) ==
		    (size_t)-1 || !lexicon_has(c->abroad, buf, fl))
			continue;
		for (k = i, lower = 0; k < i + n; k++)
			if (wclass(c, k) == 'o')
				lower++;
		if (lower == (int)n)
			continue;
		/* Part of a longer capitalised name. */
		if (i + n < c->ntok && gap(c, i + n - 1) == G_SPACE &&
		    cap(c, i + n))
			return 0;
		if (notplace(c, i, i + n) || anyallowed(c, i, i + n))
			return 0;
		if (ctx == 2 || countryafter(c, i + n))
			return i + n;
		if (ctx == 1 && !(n == 1 && forename(c, i)))
			return i + n;
		return 0;
	}
	return 0;
}

static int
placepass(struct places_ctx *c, const struct mention_list *prior)
{
	size_t	 i, n, e, pe, k;
	const char *kind;
	int	 ctx;

	for (i = nextc(c, 0); i < c->ntok; i = nextc(c, i + 1)) {
		if (c->tok[i].used || !cap(c, i) || c->tok[i].astart >= 0)
			continue;
		/* A phrase right before a postcode is its town. */
		e = capphrase(c, i, 4, prior);
		if (e > i && (gap(c, e - 1) == G_SPACE ||
		    gap(c, e - 1) == G_COMMA) && postcode_at(c, e, prior, &pe) &&
		    (locality_ok(c, i, e) || (e == i + 1 &&
		    tokisb(c, i, L_MONTHS) && !sentstart(c, i)))) {
			if (place_emit(c, i, e, "town", "places/postal-town",
			    85) == -1)
				return -1;
			i = e - 1;
			continue;
		}
		ctx = placectx(c, i);
		/* "Carrickbeg, County Tyrone", "Ballyduff, Co. Waterford": a
		 * townland or village, then its county. */
		if (e > i && (k = countyat(c, e)) > 0 && freetok(c, i, e) &&
		    !anyallowed(c, i, e) && !notplace(c, i, e) &&
		    !tokisb(c, i, L_TITLES) && !tokisb(c, i, L_MONTHS) &&
		    !toklex(c, i, X_STOP) && !(c->tok[i].f & T_ALLCAPS) &&
		    (gazkind(c, i, e, &kind) || (e > i + 1 ?
		    placeshape(c, i, e) : wclass(c, i) == 'u'))) {
			if (place_emit(c, i, e, "locality", "places/county",
			    80) == -1 ||
			    (!c->tok[k].used && place_emit(c, k, k + 1,
			    "locality", "places/county", 80) == -1))
				return -1;
			i = k;
			continue;
		}
		/* "in the Partick area": a district. */
		if (e > i && e < c->ntok && i > 0 && tokeq(c, i - 1, "the") &&
		    gap(c, i - 1) == G_SPACE && gap(c, e - 1) == G_SPACE &&
		    tokeq(c, e, "area") && !cap(c, e) && freetok(c, i, e) &&
		    !anyallowed(c, i, e) && !notplace(c, i, e) &&
		    !tokisb(c, i, L_TITLES) && (gazkind(c, i, e, &kind) ||
		    placeshape(c, i, e))) {
			if (place_emit(c, i, e, "locality", "places/area",
			    75) == -1)
				return -1;
			i = e - 1;
			continue;
		}
		/* "Tranter Cross police station", "Oldham town centre". */
		if (e > i && e + 1 < c->ntok && gap(c, e - 1) == G_SPACE &&
		    !cap(c, e) && tokisb(c, e, L_W_PUBLIC) && tokisb(c, e + 1, L_W_PUBLICHEAD) && !anyallowed(c, i, e) &&
		    !tokisb(c, i, L_TITLES) &&
		    !toklex(c, i, X_STOP)) {
			if (place_emit(c, i, e, "town", "places/landmark",
			    80) == -1)
				return -1;
			i = e - 1;
			continue;
		}
		/* Gazetteer, longest match. */
		for (n = 4; n >= 1; n--) {
			if (i + n > c->ntok || !spaced(c, i, i + n) ||
			    !freetok(c, i, i + n))
				continue;
			if (!cap(c, i + n - 1))
				continue;
			if (gazkind(c, i, i + n, &kind))
				break;
		}
		if (n >= 1 && ctx) {
			e = capphrase(c, i, 4, prior);
			while (e > i + n && toklex(c, e - 1, X_HEADS))
				e--;
			if (e > i + n && freetok(c, i, e) &&
			    !anyallowed(c, i, e) &&
			    !(c->tok[e - 1].f & T_POSSESSIVE) &&
			    placeshape(c, i, e))
				n = 0;
		}
		/* "London: HM Government" is a citation. */
		if (n >= 1 && c->tok[i + n - 1].e < c->len &&
		    c->text[c->tok[i + n - 1].e] == ':')
			continue;
		/* "Wales" (also a village), "(Begum and) Hartley, 2019". */
		if (n >= 1 && (notplace(c, i, i + n) ||
		    (!ctx && citation(c, i + n)))) {
			i += n - 1;
			continue;
		}
		if (n >= 1 && !anyallowed(c, i, i + n)) {
			if (c->tok[i + n - 1].f & T_POSSESSIVE && n == 1 &&
			    !ctx && wclass(c, i) != 'p')
				continue;
			if (!ambiguous(c, i, i + n) || ctx) {
				if (tokisb(c, i, L_MONTHS) && n == 1)
					continue;
				if (place_emit(c, i, i + n, strcmp(kind,
				    "locality") == 0 ? "locality" : "town",
				    "places/gazetteer", ctx ? 85 : 70) == -1)
					return -1;
				/* "Lewis" (also a word) after "stayed on":
				 * "with his father on Lewis" later too. */
				if (ctx && n == 1 && ambiguous(c, i, i + 1)) {
					const char *w;
					size_t	 wl;
					if ((w = ftok(c, i, &wl)) != NULL &&
					    lexicon_put(c->confirmed, w, wl,
					    NULL) == -1)
						return -1;
				}
				i += n - 1;
				continue;
			}
		}
		/* A town abroad in a strong context: "moved from Kaunas". */
		if ((e = abroad(c, i)) > i) {
			if (place_emit(c, i, e, "town", "places/abroad",
			    80) == -1)
				return -1;
			i = e - 1;
			continue;
		}
		/* Context: "lived in X", "moved to X". */
		if (!ctx)
			continue;
		e = capphrase(c, i, 4, prior);
		while (e > i && toklex(c, e - 1, X_HEADS))
			e--;
		if (e == i || !freetok(c, i, e) || anyallowed(c, i, e))
			continue;
		if (c->tok[e - 1].f & T_POSSESSIVE)
			continue;
		if (e < c->ntok && (gap(c, e - 1) == G_SPACE) &&
		    ((c->tok[e].f & T_DIGIT) || cap(c, e)))
			continue;
		/* "in Gaelic", "in South Asian communities". */
		if (notplace(c, i, e)) {
			i = e - 1;
			continue;
		}
		if (!placeshape(c, i, e))
			continue;
		if (place_emit(c, i, e, "locality", "places/context", 70) == -1)
			return -1;
		i = e - 1;
	}
	return 0;
}

/* --- the scan ------------------------------------------------------------ */

static int
cmpmention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

int
places_scan(void *vctx, const struct text_unit *t,
    const struct mention_list *prior, struct mention_list *found,
    char *err, size_t errlen)
{
	struct places_ctx *c = vctx;
	size_t	 i, k, first;

	c->text = t->text;
	c->len = t->len;
	c->found = found;
	c->tid = t->id;
	if (tokenise(c) == -1)
		goto oom;
	if (c->ntok == 0)
		return 0;
	/* Tokens under an upstream mention are taken.  Tokens are in text
	 * order and do not overlap: find the first one ending after the
	 * mention's start by bisection, not by a pass over the paragraph. */
	for (k = 0; prior != NULL && k < prior->n; k++) {
		const struct mention *m = &prior->v[k];
		size_t	 lo = 0, hi = c->ntok;
		while (lo < hi) {
			i = lo + (hi - lo) / 2;
			if (c->tok[i].e > m->start)
				hi = i;
			else
				lo = i + 1;
		}
		/* For postcode_at(): the first postcode starting at a token
		 * (whatever its text id, as before). */
		if (lo < c->ntok && c->tok[lo].s == m->start &&
		    c->tok[lo].pcend == 0 && strcmp(m->type, "postcode") == 0) {
			for (i = lo; i < c->ntok && c->tok[i].s < m->end; i++)
				;
			c->tok[lo].pcend = i + 1;
		}
		if (m->text != t->id)
			continue;
		for (i = lo; i < c->ntok && c->tok[i].s < m->end; i++)
			c->tok[i].used = 1;
	}
	c->topics = 0;

	first = found->n;
	allowpass(c);
	if (addresspass(c, prior) == -1 || instpass(c) == -1 ||
	    shortpass(c) == -1 || estatepass(c) == -1 ||
	    streetpass(c) == -1 || namedpass(c) == -1 ||
	    housepass(c) == -1 ||
	    placepass(c, prior) == -1)
		goto oom;
	if (found->n - first > 1)
		qsort(found->v + first, found->n - first, sizeof(*found->v),
		    cmpmention);
	return 0;
oom:
	snprintf(err, errlen, "anon-places: %s", strerror(ENOMEM));
	return -1;
}

int
places_allowed(const struct places_ctx *c, const char *s, size_t len)
{
	return lexicon_has(c->allow, s, len);
}

/* --- life ---------------------------------------------------------------- */

struct places_ctx *
places_new(const char *dict, char *err, size_t errlen)
{
	struct places_ctx *c;
	static const struct {
		size_t		 off;
		const char	*name;
	} lex[] = {
		{ offsetof(struct places_ctx, suffix), "places/street-suffixes.txt" },
		{ offsetof(struct places_ctx, sprefix), "places/street-prefixes.txt" },
		{ offsetof(struct places_ctx, building), "places/building-words.txt" },
		{ offsetof(struct places_ctx, heads), "places/institution-heads.txt" },
		{ offsetof(struct places_ctx, descr), "places/descriptors.txt" },
		{ offsetof(struct places_ctx, stop), "places/stopwords.txt" },
		{ offsetof(struct places_ctx, affix), "places/place-affixes.txt" },
		{ offsetof(struct places_ctx, gaz), "places/gazetteer.txt" },
		{ offsetof(struct places_ctx, allow), "allow/phrases.txt" },
		{ offsetof(struct places_ctx, notplace), "places/not-places.txt" },
		{ offsetof(struct places_ctx, abroad), "places/abroad.txt" },
		{ offsetof(struct places_ctx, names), "names/names.txt" },
	};
	size_t	 i;

	if ((c = calloc(1, sizeof(*c))) == NULL) {
		snprintf(err, errlen, "%s", strerror(errno));
		return NULL;
	}
	for (i = 0; i < sizeof(lex) / sizeof(lex[0]); i++) {
		struct lexicon **slot = (struct lexicon **)((char *)c +
		    lex[i].off);
		if ((*slot = lexicon_load(lex[i].name, err, errlen)) == NULL)
			goto fail;
	}
	if ((c->streets = lexicon_new()) == NULL ||
	    (c->placemem = lexicon_new()) == NULL ||
	    (c->confirmed = lexicon_new()) == NULL ||
	    (c->inst = lexicon_new()) == NULL ||
	    (c->instcore = lexicon_new()) == NULL ||
	    (c->instword = lexicon_new()) == NULL ||
	    (c->instacr = lexicon_new()) == NULL ||
	    (c->allowpre = lexicon_new()) == NULL ||
	    lexicon_each(c->allow, addprefixes, c->allowpre) != 0 ||
	    (c->headpre = lexicon_new()) == NULL ||
	    lexicon_each(c->heads, addprefixes, c->headpre) != 0) {
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		goto fail;
	}
	c->xl[X_STOP] = c->stop;
	c->xl[X_SUFFIX] = c->suffix;
	c->xl[X_BUILDING] = c->building;
	c->xl[X_HEADS] = c->heads;
	c->xl[X_DESCR] = c->descr;
	c->xl[X_NOTPLACE] = c->notplace;
	c->xl[X_AFFIX] = c->affix;
	c->xl[X_GAZ] = c->gaz;
	c->xl[X_ALLOW] = c->allow;
	c->xl[X_SPREFIX] = c->sprefix;
	if (wt_build(c) == -1) {
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		goto fail;
	}
	if ((c->wc = wordclass_open(dict, err, errlen)) == NULL)
		goto fail;
	return c;
fail:
	places_free(c);
	return NULL;
}

void
places_free(struct places_ctx *c)
{
	if (c == NULL)
		return;
	lexicon_free(c->suffix);
	lexicon_free(c->sprefix);
	lexicon_free(c->building);
	lexicon_free(c->heads);
	lexicon_free(c->descr);
	lexicon_free(c->stop);
	lexicon_free(c->affix);
	lexicon_free(c->gaz);
	lexicon_free(c->allow);
	lexicon_free(c->notplace);
	lexicon_free(c->abroad);
	lexicon_free(c->names);
	lexicon_free(c->streets);
	lexicon_free(c->placemem);
	lexicon_free(c->confirmed);
	lexicon_free(c->inst);
	lexicon_free(c->instcore);
	lexicon_free(c->instword);
	lexicon_free(c->instacr);
	lexicon_free(c->allowpre);
	lexicon_free(c->headpre);
	wordclass_free(c->wc);
	free(c->wt);
	free(c->tok);
	free(c->lower);
	free(c->fbuf);
	free(c);
}
