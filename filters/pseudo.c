/*
 * pseudo.c — anon-pseudo's engine (see pseudo.h and docs/pseudonyms.md).
 *
 * Four steps over the whole document:
 *  1. overlaps: per text unit, mentions are ranked (longest span, higher
 *     confidence, type priority identifier > postcode > date > address >
 *     institution > person > place, a grouping KEY, earlier start, input
 *     order) and taken greedily; one overlapping a taken one is dropped;
 *  2. grouping: persons by case-file KEY, then full names, then a sweep in
 *     document order that links forenames, title + surname, initials,
 *     nicknames and misspellings to the most plausible person already
 *     known (not one its clause named apart; a full name read recently,
 *     else most mentioned; the words around a mention are read by
 *     pseudo_context.c); addresses by
 *     number + street, places by name, institutions by name or short form;
 *  3. pseudonyms: the map's and the case file's first, then the policy in
 *     order of first appearance, numbering each label after the highest
 *     number already in use;
 *  4. replacements: the pseudonym with the mention's possessive kept, a
 *     sentence capital, and ALL CAPS when the mention was.
 *
 * Storage: step 1 runs unit by unit as the mentions arrive; each chosen
 * mention is interned as a distinct item (struct item) and its occurrence
 * (struct occ) appended to a temporary file.  Step 2 works on the items
 * where it needs sets and sums and sweeps the occurrences in document
 * order (sweep_first()/sweep_next()) where order matters; step 4 reads
 * them back.  Memory follows the distinct mentions, not the text.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casefile.h"
#include "mapfile.h"
#include "pseudo.h"
#include "pseudo_hash.h"
#include "pseudo_context.h"
#include "pseudo_name.h"
#include "record.h"
#include "sbuf.h"

/* In overlap priority order. */
enum ptype {
	T_IDENTIFIER, T_POSTCODE, T_DATE, T_ADDRESS, T_INSTITUTION, T_PERSON,
	T_PLACE, T_OTHER
};

static long	case_row(const struct pseudo *, const char *);
struct pname;
static int	is_full_name(const struct pname *);

static const char *const tname[] = {
	"identifier", "postcode", "date", "address", "institution", "person",
	"place", "other"
};

#define SX_MAX		16	/* people of one clause kept apart */
#define RECENT_UNITS	3	/* a candidate seen this close wins by recency */
#define MAXCAND		64	/* candidates considered per lookup */

/* A mention: in the unit buffer, or one occurrence during a sweep. */
struct pm {
	unsigned long	 text;
	size_t		 start;
	size_t		 end;
	size_t		 seq;		/* input order within the unit */
	size_t		 title;		/* title bytes just before start */
	const char	*surface;	/* text[start - title, end) */
	size_t		 slen;
	const char	*subtype;
	const char	*key;
	const char	*hint;
	size_t		 soff, koff, hoff; /* in the unit buffer until flushed */
	size_t		 item;		/* its distinct item (sweeps) */
	long		 ent;
	int		 conf;
	enum ptype	 type;
	unsigned	 sent : 1;	/* a sentence starts at start */
	unsigned	 sent_title : 1; /* ... at start - title */
	unsigned	 chosen : 1;
	unsigned	 not_mother : 1; /* the sentence names "the mother" */
	unsigned	 not_father : 1; /* ... "the father" */
	unsigned	 at_work : 1;	/* a short form doing a practitioner's
					   work ("Ms X completed a visit") */
	unsigned	 at_home : 1;	/* ... spoken of as family ("placed
					   with Ms X", "Ms X's mobile") */
	unsigned	 carer : 1;	/* a child is in their care ("placed
					   with Ms X"): not a parent */
	unsigned	 samesent : 1;	/* the chosen mention before it is in
					   the same clause */
	unsigned	 pron : 2;	/* a pronoun's gender: 1 'm', 2 'f' */
	unsigned	 poss : 1;	/* a possessive follows ("K.M.'s") */
	size_t		 sstart;
	uint32_t	 topic[PCTX_TOPIC_N]; /* its sentence's words, or 0s */	/* where its clause starts */
};

/*
 * A distinct chosen mention: what grouping and replacement need of it,
 * with the number of its occurrences and the first one's ordinal.  A
 * mention that can get no entity (a date, an identifier, a postcode) is
 * kept as its type and hint only, so that a document of a million case
 * references holds a handful of items.
 */
struct item {
	const char	*surface;
	size_t		 slen;
	const char	*subtype;	/* interned */
	const char	*key;
	const char	*hint;
	uint64_t	 h;
	size_t		 count;
	size_t		 first;
	long		 unkeyed;	/* the item without its case KEY, or -1 */
	long		 learned;	/* the entity last given its keys (assign()),
					   or -1: giving them again adds none */
	int		 conf;
	enum ptype	 type;
	unsigned	 not_mother : 1; /* as in struct pm */
	unsigned	 not_father : 1;
	unsigned	 at_work : 1;
	unsigned	 at_home : 1;
	unsigned	 carer : 1;
	unsigned	 pron : 2;
	unsigned	 poss : 1;
	unsigned	 full : 2;	/* 0 not known yet, 1 no, 2 a full name */
};

/*
 * One chosen mention in document order, as kept in the occurrence file:
 * where it is, its item (the top bit: a sentence starts there) and its
 * entity (-1 until grouped).
 */
struct occ {
	uint64_t	 text;
	uint64_t	 start;
	uint64_t	 end;
	uint32_t	 item;
	int32_t		 ent;
};

#define OCC_SENT	0x80000000u
#define OCC_SAMESENT	0x40000000u	/* in the clause of the one before */
#define OCC_ITEM	0x3fffffffu
#define OCC_BLOCK	4096		/* occurrences read or written at once */
#define PNC_MAX		4096		/* parsed surfaces kept (item_parse()) */

/* A person surface parsed, in item_parse()'s cache. */
struct pnc {
	size_t		 item;		/* its item + 1, or 0: empty */
	size_t		 n;		/* what pn_parse() returned */
	struct pname	 pn;
};

struct pkey {
	const char	*kind;
	const char	*value;
};

struct vote {
	const char	*s;
	size_t		 n;
};

struct pent {
	enum ptype	 type;
	const char	*id;
	const char	*pseudonym;
	const char	*role;
	const char	*canonical;
	long		 caserow;	/* -1, or row of the case file */
	int		 crole;		/* -1, or enum case_role */
	int		 gender;
	int		 fixed;		/* pseudonym from map or case file */
	int		 from_map;
	int		 appeared;
	int		 seen;		/* the sweep has passed a mention */
	size_t		 nment;
	unsigned long	 first_text;
	size_t		 first_start;
	unsigned long	 last_text;
	size_t		 last_start;
	int		 fullseen;	/* the sweep has passed a full name */
	int		 worked;	/* a short form of it was at work */
	int		 fsex;		/* its first forename's sex: 'f', 'm',
					   'u' unknown, 0 not looked up */
	unsigned long	 full_text;	/* ... the last one */
	size_t		 full_start;
	long		 best;		/* mention giving the canonical form */
	struct pkey	*key;
	size_t		 nkey;
	size_t		 capkey;
	struct vote	*vote;
	size_t		 nvote;
	size_t		 capvote;
	uint32_t	*topic;		/* words around its full names, or NULL
					   (topic_learn()) */
	size_t		 ntopic;
};

/* A taken span (choose()). */
struct tk {
	size_t	 start;
	size_t	 order;		/* when it was taken */
	size_t	 i;		/* index in p->m */
};

struct chunk {
	struct chunk	*next;
	size_t		 used;
	size_t		 cap;
	char		 data[];
};

struct counter {
	const char	*label;
	long		 n;
};

struct pseudo {
	const struct casefile	*cf;
	const char		*code;
	struct chunk		*arena;
	struct phash		*idx;		/* lookups: "type/kind\x1fvalue" */
	struct phash		*intern;
	const char		**istr;
	const char		*ilast;		/* intern()'s last answer */
	size_t			 nistr, capistr;
	/* The mentions of the current text unit. */
	struct pm		*m;
	size_t			 nm, capm;
	struct sbuf		 ubuf;		/* their surfaces, keys, hints */
	/* choose()'s work space, kept from unit to unit. */
	size_t			*ch_ord, *ch_taken;
	struct tk		*ch_tk;
	size_t			 ch_cap;
	unsigned char		*ch_cov;	/* all 0 between calls */
	size_t			 ch_covcap;
	unsigned long		 utext;
	int			 uopen;
	struct pctx_text	 ctxt;		/* the unit's text, read once */
	int			 ctxt_ok;	/* ... for this unit */
	int			 anyunit;
	/* The distinct items and their table. */
	struct item		*it;
	size_t			 nit, capit;
	uint32_t		*itab;		/* item + 1, or 0 */
	size_t			 capitab;	/* power of two */
	/* The occurrences, in a temporary file. */
	FILE			*of;
	struct occ		*ob;		/* a block of them */
	size_t			 nob;		/* in ob, appending */
	size_t			 nocc;		/* in all */
	size_t			 sw_base;	/* sweep: ordinal of ob[0] */
	size_t			 sw_i;		/* ... the current one in ob */
	size_t			 sw_n;		/* ... how many ob holds */
	int			 sw_dirty;
	struct pm		 cur;		/* ... the current one */
	FILE			*tf;		/* each occurrence's topic words */
	uint32_t		(*tb)[PCTX_TOPIC_N]; /* ... of the block in ob */
	uint32_t		 ctopic[PCTX_TOPIC_N]; /* ... of cur, */
	int			 ctopic_ok;	/* ... once read */
	size_t			 topic_bytes;	/* held by profiles */
	int			 ioerr;		/* errno of a failed read/write */
	struct pseudo_repl	 rv;		/* pseudo_repl()'s answer */
	size_t			 rnext;		/* pseudo_next_repl()'s ordinal */
	struct sbuf		 rbuf;
	struct pent		*e;
	size_t			 ne, cape;
	long			*caseent;	/* case row -> entity */
	const char		**csur;		/* case row -> "\x1fsurname\x1f..." */
	const char		**cnsur;	/* ... of the name, not aliases */
	unsigned		 ctx;		/* PICK_NOT_* of the mention */
	int			 pron;		/* 'm', 'f': its pronoun's gender */
	const struct lexicon	*fgen;		/* forename -> sex, or NULL */
	/* The sweep's people named earlier in the mention's clause. */
	long			 sx_ent[SX_MAX];
	size_t			 sx_end[SX_MAX];
	unsigned char		 sx_full[SX_MAX];
	size_t			 nsx;
	size_t			 sx_at;		/* the mention's start */
	int			 look;		/* named_after() may look */
	struct phash		*nsk;		/* surnames of a case-file person
						   and of someone else */
	struct phash		*wts;		/* "title surname" seen at work */
	struct counter		*ctr;
	size_t			 nctr, capctr;
	size_t			*out;		/* entities listed, id order */
	size_t			 nout;
	size_t			*lst;		/* ... those mentioned */
	size_t			 nlst;
	struct sbuf		 scratch;
	struct pnc		*pnc;		/* by item number, direct-mapped */
	size_t			 npnc;		/* a power of two */
	long			 nextid;
	int			 has_shift;
	long			 shift;
	int			 resolved;
};

/* ---- storage ---------------------------------------------------------- */

static char *
arena_alloc(struct pseudo *p, size_t n)
{
	struct chunk	*c = p->arena;
	size_t		 cap;
	char		*s;

	if (c == NULL || c->cap - c->used < n) {
		cap = n > 65536 ? n : 65536;
		if ((c = malloc(sizeof(*c) + cap)) == NULL)
			return NULL;
		c->cap = cap;
		c->used = 0;
		c->next = p->arena;
		p->arena = c;
	}
	s = c->data + c->used;
	c->used += n;
	return s;
}

static const char *
arena_dup(struct pseudo *p, const char *s, size_t len)
{
	char	*d;

	if ((d = arena_alloc(p, len + 1)) == NULL)
		return NULL;
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

/* Returns one shared copy of s, for the few distinct subtypes and rules. */
static const char *
intern(struct pseudo *p, const char *s)
{
	const size_t	*v;
	const char	**nv;
	const char	*d;
	size_t		 n, len, cap;

	/* The same subtype comes in runs: the last answer first. */
	if (p->ilast != NULL && strcmp(p->ilast, s) == 0)
		return p->ilast;
	len = strlen(s);
	if ((v = phash_get(p->intern, s, len, &n)) != NULL)
		return p->ilast = p->istr[v[0]];
	if ((d = arena_dup(p, s, len)) == NULL)
		return NULL;
	if (p->nistr == p->capistr) {
		cap = p->capistr ? p->capistr * 2 : 32;
		if ((nv = reallocarray(p->istr, cap, sizeof(*nv))) == NULL)
			return NULL;
		p->istr = nv;
		p->capistr = cap;
	}
	if (phash_add(p->intern, s, len, p->nistr) == -1)
		return NULL;
	p->istr[p->nistr++] = d;
	return p->ilast = d;
}

static enum ptype
type_of(const char *s)
{
	size_t	 i;

	for (i = 0; i < T_OTHER; i++)
		if (s[0] == tname[i][0] && strcmp(s, tname[i]) == 0)
			return (enum ptype)i;
	return T_OTHER;
}

struct pseudo *
pseudo_new(const struct casefile *cf, const char *case_code)
{
	struct pseudo	*p;
	size_t		 i;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->cf = cf;
	p->code = case_code != NULL ? case_code : PSEUDO_DEFAULT_CODE;
	p->nextid = 1;
	if ((p->idx = phash_new()) == NULL ||
	    (p->intern = phash_new()) == NULL)
		goto fail;
	if (cf != NULL && cf->nperson > 0) {
		if ((p->caseent = calloc(cf->nperson, sizeof(long))) == NULL ||
		    (p->csur = calloc(cf->nperson, sizeof(*p->csur))) == NULL ||
		    (p->cnsur = calloc(cf->nperson, sizeof(*p->cnsur))) ==
		    NULL)
			goto fail;
		for (i = 0; i < cf->nperson; i++)
			p->caseent[i] = -1;
	}
	return p;
fail:
	pseudo_free(p);
	return NULL;
}

void
pseudo_free(struct pseudo *p)
{
	struct chunk	*c, *next;
	size_t		 i;

	if (p == NULL)
		return;
	for (c = p->arena; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	for (i = 0; i < p->ne; i++) {
		free(p->e[i].key);
		free(p->e[i].vote);
		free(p->e[i].topic);
	}
	pctx_text_free(&p->ctxt);
	phash_free(p->idx);
	phash_free(p->intern);
	phash_free(p->nsk);
	phash_free(p->wts);
	free(p->istr);
	free(p->m);
	sbuf_release(&p->ubuf);
	free(p->ch_ord);
	free(p->ch_taken);
	free(p->ch_tk);
	free(p->ch_cov);
	free(p->it);
	free(p->itab);
	if (p->of != NULL)
		fclose(p->of);
	free(p->ob);
	if (p->tf != NULL)
		fclose(p->tf);
	free(p->tb);
	sbuf_release(&p->rbuf);
	free(p->e);
	free(p->caseent);
	free(p->csur);
	free(p->cnsur);
	free(p->ctr);
	free(p->out);
	free(p->lst);
	sbuf_release(&p->scratch);
	free(p->pnc);
	free(p);
}

void
pseudo_set_forenames(struct pseudo *p, const struct lexicon *lx)
{
	p->fgen = lx;
}

void
pseudo_set_date_shift(struct pseudo *p, long days)
{
	p->has_shift = 1;
	p->shift = days;
}

/* ---- entities and their keys ------------------------------------------ */

static long
new_entity(struct pseudo *p, enum ptype type)
{
	struct pent	*v;
	size_t		 cap;

	if (p->ne >= INT32_MAX)		/* struct occ keeps 32 bits */
		return -1;
	if (p->ne == p->cape) {
		cap = p->cape ? p->cape * 2 : 64;
		if ((v = reallocarray(p->e, cap, sizeof(*v))) == NULL)
			return -1;
		p->e = v;
		p->cape = cap;
	}
	v = &p->e[p->ne];
	memset(v, 0, sizeof(*v));
	v->type = type;
	v->caserow = -1;
	v->crole = -1;
	v->best = -1;
	v->role = "";
	return (long)p->ne++;
}

/* Builds "type/kind\x1fvalue" in p->scratch. */
static int
idxkey(struct pseudo *p, enum ptype t, const char *kind, const char *v,
    size_t len)
{
	size_t	 tl = strlen(tname[t]), kl = strlen(kind);
	char	*o;

	/* One reservation, then plain copies: this runs for every key. */
	sbuf_reset(&p->scratch);
	if (len > SIZE_MAX / 2 - tl - kl ||
	    sbuf_grow(&p->scratch, tl + kl + 2 + len) == -1)
		return -1;
	o = p->scratch.buf;
	memcpy(o, tname[t], tl);
	o[tl] = '/';
	memcpy(o + tl + 1, kind, kl);
	o[tl + 1 + kl] = '\x1f';
	memcpy(o + tl + kl + 2, v, len);
	p->scratch.len = tl + kl + 2 + len;
	o[p->scratch.len] = '\0';
	return 0;
}

/* Returns the entities under a key of type t, or NULL with *n = 0. */
static const size_t *
lookup(struct pseudo *p, enum ptype t, const char *kind, const char *v,
    size_t len, size_t *n)
{
	*n = 0;
	if (len == 0 || idxkey(p, t, kind, v, len) == -1)
		return NULL;
	return phash_get(p->idx, p->scratch.buf, p->scratch.len, n);
}

/* Gives entity ei the key kind=v (indexed and kept for the map). */
static int
addkey(struct pseudo *p, size_t ei, const char *kind, const char *v,
    size_t len)
{
	struct pent	*e = &p->e[ei];
	struct pkey	*nk;
	const char	*val;
	size_t		 cap;
	int		 r;

	if (len == 0)
		return 0;
	if (idxkey(p, e->type, kind, v, len) == -1)
		return -1;
	if ((r = phash_add(p->idx, p->scratch.buf, p->scratch.len, ei)) != 1)
		return r;
	if (e->nkey == e->capkey) {
		cap = e->capkey ? e->capkey * 2 : 8;
		if ((nk = reallocarray(e->key, cap, sizeof(*nk))) == NULL)
			return -1;
		e->key = nk;
		e->capkey = cap;
	}
	if ((val = arena_dup(p, v, len)) == NULL ||
	    (kind = intern(p, kind)) == NULL)
		return -1;
	e->key[e->nkey].kind = kind;
	e->key[e->nkey].value = val;
	e->nkey++;
	return 0;
}

/* Joins tokens a..b-1 of pn with spaces into p->scratch2-free buffer. */
static size_t
join(const struct pname *pn, size_t a, size_t b, char *buf, size_t cap)
{
	size_t	 i, n = 0;

	for (i = a; i < b; i++) {
		if (n + pn->toklen[i] + 2 > cap)
			break;
		if (n > 0)
			buf[n++] = ' ';
		memcpy(buf + n, pn->tok[i], pn->toklen[i]);
		n += pn->toklen[i];
	}
	buf[n] = '\0';
	return n;
}

/*
 * Writes "a b" into buf (cap bytes) as snprintf()'s "%.*s %.*s" would,
 * each part cut at a NUL; returns its length, or SIZE_MAX when it does
 * not fit.  (snprintf() was 2% of the instructions in the lookups.)
 */
static size_t
join2(char *buf, size_t cap, const char *a, size_t alen, const char *b,
    size_t blen)
{
	alen = strnlen(a, alen);
	blen = strnlen(b, blen);
	if (alen + blen + 1 >= cap)
		return SIZE_MAX;
	memcpy(buf, a, alen);
	buf[alen] = ' ';
	memcpy(buf + alen + 1, b, blen);
	buf[alen + 1 + blen] = '\0';
	return alen + 1 + blen;
}

/* Records what a person mention teaches about the entity's names. */
static int
learn_person(struct pseudo *p, size_t ei, const struct pname *pn)
{
	char	 buf[PN_BUFSZ], ini[PN_MAXTOK + 1];
	size_t	 i, n, last;

	if (pn->ntok == 0)
		return 0;
	if (pn->titled && pn->title[0] != '\0' &&
	    addkey(p, ei, "title", pn->title, strlen(pn->title)) == -1)
		return -1;
	if (pn->initials) {
		for (i = 0; i < pn->ntok; i++)
			ini[i] = pn->tok[i][0];
		return addkey(p, ei, "init", ini, pn->ntok);
	}
	last = pn->ntok - 1;
	if (pn->ntok == 1)
		return addkey(p, ei, pn->titled ? "last" : "first",
		    pn->tok[0], pn->toklen[0]);
	if (pn->isinit & 1u) {
		/* "C Allen": a surname and an initial. */
		n = join(pn, 1, pn->ntok, buf, sizeof(buf));
		return addkey(p, ei, "last", buf, n);
	}
	n = join(pn, 0, pn->ntok, buf, sizeof(buf));
	if (addkey(p, ei, "full", buf, n) == -1)
		return -1;
	if (addkey(p, ei, "first", pn->tok[0], pn->toklen[0]) == -1)
		return -1;
	for (i = 1; i < pn->ntok; i++) {
		if (pn->isinit & (1u << i))
			continue;
		n = join(pn, i, pn->ntok, buf, sizeof(buf));
		if (addkey(p, ei, "last", buf, n) == -1)
			return -1;
	}
	n = pn->toklen[0] + 1 + pn->toklen[last];
	if (n < sizeof(buf)) {
		memcpy(buf, pn->tok[0], pn->toklen[0]);
		buf[pn->toklen[0]] = ' ';
		memcpy(buf + pn->toklen[0] + 1, pn->tok[last],
		    pn->toklen[last]);
		if (addkey(p, ei, "fl", buf, n) == -1)
			return -1;
	}
	ini[0] = pn->tok[0][0];
	ini[1] = pn->tok[last][0];
	if (addkey(p, ei, "init", ini, 2) == -1)
		return -1;
	if (pn->ntok > 2) {
		for (i = 0; i < pn->ntok; i++)
			ini[i] = pn->tok[i][0];
		if (addkey(p, ei, "init", ini, pn->ntok) == -1)
			return -1;
	}
	return 0;
}

static int
learn_name(struct pseudo *p, size_t ei, const char *s, size_t len)
{
	struct pname	 pn;

	pn_parse(&pn, s, len);
	return learn_person(p, ei, &pn);
}

/*
 * A professional title: Dr, PC, Sergeant, Rev...  Over the dev corpus
 * gold such a title always names a professional, and Mr, Mrs, Ms and Miss
 * never name a child: both are used as hard rules (docs/pseudonyms.md).
 */
static int
prof_title(const struct pname *pn)
{
	static const char *const social[] = {
		"mr", "mrs", "ms", "miss", "mx", "master", "sir", "lady",
		"lord", "dame"
	};
	size_t	 i;

	if (!pn->titled || pn->title[0] == '\0')
		return 0;
	for (i = 0; i < sizeof(social) / sizeof(social[0]); i++)
		if (strcmp(pn->title, social[i]) == 0)
			return 0;
	return 1;
}

/* Returns 1 when a mention parsed as pn cannot be entity e by its title. */
static int
title_excludes(const struct pname *pn, const struct pent *e)
{
	if (!pn->titled)
		return 0;
	if (case_role_is_child(e->crole) && strcmp(pn->title, "master") != 0)
		return 1;
	return e->crole >= 0 && e->crole != ROLE_PROFESSIONAL &&
	    e->crole != ROLE_OTHER_ADULT && prof_title(pn);
}

/* ---- loading the map and the case file -------------------------------- */

static long
id_number(const char *id)
{
	char	*end;
	long	 n;

	if (id[0] != 'E' || !isdigit((unsigned char)id[1]))
		return 0;
	n = strtol(id + 1, &end, 10);
	return *end == '\0' ? n : 0;
}

int
pseudo_load_map(struct pseudo *p, const struct anon_map *map)
{
	const struct map_entity	*me;
	struct pent		*e;
	long			 ei, n;
	size_t			 i, j;
	int			 r;

	if (map->has_shift && !p->has_shift) {
		p->has_shift = 1;
		p->shift = map->date_shift;
	}
	for (i = 0; i < map->nent; i++) {
		me = &map->ent[i];
		if ((ei = new_entity(p, type_of(me->type))) == -1)
			return -1;
		e = &p->e[ei];
		e->from_map = 1;
		e->fixed = 1;
		if ((e->id = arena_dup(p, me->id, strlen(me->id))) == NULL ||
		    (e->pseudonym = arena_dup(p, me->pseudonym,
		    strlen(me->pseudonym))) == NULL ||
		    (e->role = arena_dup(p, me->role, strlen(me->role))) ==
		    NULL ||
		    (e->canonical = arena_dup(p, me->canonical,
		    strlen(me->canonical))) == NULL)
			return -1;
		if (e->type == T_PERSON) {
			if ((r = case_role_parse(e->role, strlen(e->role))) >= 0)
				e->crole = r;
			e->gender = case_role_gender(e->crole);
		}
		if ((n = id_number(me->id)) >= p->nextid)
			p->nextid = n + 1;
		for (j = 0; j < me->nkey; j++) {
			if (strcmp(me->key[j].kind, "gender") == 0) {
				e->gender = me->key[j].value[0];
				continue;
			}
			if (addkey(p, (size_t)ei, me->key[j].kind,
			    me->key[j].value, strlen(me->key[j].value)) == -1)
				return -1;
			if (e->type == T_PERSON &&
			    strcmp(me->key[j].kind, "full") == 0 &&
			    learn_name(p, (size_t)ei, me->key[j].value,
			    strlen(me->key[j].value)) == -1)
				return -1;
		}
	}
	return 0;
}

/*
 * The surnames the case file gives person cp (name and aliases, every
 * tail of two or more tokens: "van der berg", "der berg", "berg"),
 * folded, as "\x1fa\x1fb\x1f".  Surnames the text adds later (a maiden
 * name the detector tied to the mother) are weaker evidence: "Ms
 * Williams" is the grandmother the case file calls Williams, not the
 * mother once called Rhiannon Williams.
 */
static const char *
case_surnames(struct pseudo *p, const struct case_person *cp, int nameonly)
{
	struct pname	 pn;
	const char	*nm;
	char		 buf[PN_BUFSZ];
	size_t		 a, i, n;

	sbuf_reset(&p->scratch);
	if (sbuf_addc(&p->scratch, '\x1f') == -1)
		return NULL;
	for (a = 0; a <= (nameonly ? 0 : cp->nalias); a++) {
		nm = a == 0 ? cp->name : cp->alias[a - 1];
		if (pn_parse(&pn, nm, strlen(nm)) < 2 || pn.initials)
			continue;
		for (i = 1; i < pn.ntok; i++) {
			if (pn.isinit & (1u << i))
				continue;
			n = join(&pn, i, pn.ntok, buf, sizeof(buf));
			if (sbuf_add(&p->scratch, buf, n) == -1 ||
			    sbuf_addc(&p->scratch, '\x1f') == -1)
				return NULL;
		}
	}
	return arena_dup(p, p->scratch.buf, p->scratch.len);
}

static int
in_surnames(const char *s, const char *tok, size_t len)
{
	const char	*hit;

	for (; (hit = strstr(s, "\x1f")) != NULL; s = hit + 1) {
		if (strncmp(hit + 1, tok, len) == 0 && hit[1 + len] == '\x1f')
			return 1;
	}
	return 0;
}

/*
 * Returns 2 when the case file's name of entity e has surname tok, 1 when
 * only an alias has it, else 0.
 */
static int
case_surname(const struct pseudo *p, const struct pent *e, const char *tok,
    size_t len)
{
	if (e->caserow < 0 || p->csur == NULL || len == 0)
		return 0;
	if (in_surnames(p->cnsur[e->caserow], tok, len))
		return 2;
	return in_surnames(p->csur[e->caserow], tok, len);
}

/* Gives every case-file person an entity (an earlier draft's if known). */
static int
load_case(struct pseudo *p)
{
	const struct case_person *cp;
	const size_t		*v;
	char			 buf[PN_BUFSZ];
	size_t			 i, j, n, len;
	long			 ei;

	if (p->cf == NULL)
		return 0;
	for (i = 0; i < p->cf->nperson; i++) {
		cp = &p->cf->person[i];
		len = strlen(cp->name);
		if (len >= sizeof(buf))
			len = sizeof(buf) - 1;
		len = pn_fold(buf, cp->name, len);
		ei = -1;
		v = lookup(p, T_PERSON, "case", buf, len, &n);
		for (j = 0; j < n && ei == -1; j++)
			if (p->e[v[j]].caserow == -1)
				ei = (long)v[j];
		if (ei == -1 && (ei = new_entity(p, T_PERSON)) == -1)
			return -1;
		p->caseent[i] = ei;
		p->e[ei].caserow = (long)i;
		p->e[ei].crole = cp->role;
		p->e[ei].role = case_role_name(cp->role);
		if (case_role_gender(cp->role) != 0)
			p->e[ei].gender = case_role_gender(cp->role);
		if (addkey(p, (size_t)ei, "case", buf, len) == -1 ||
		    learn_name(p, (size_t)ei, cp->name, strlen(cp->name)) == -1)
			return -1;
		for (j = 0; j < cp->nalias; j++)
			if (learn_name(p, (size_t)ei, cp->alias[j],
			    strlen(cp->alias[j])) == -1)
				return -1;
		if (cp->pseudonym[0] != '\0') {
			p->e[ei].pseudonym = cp->pseudonym;
			p->e[ei].fixed = 1;
		}
		p->e[ei].canonical = cp->name;
		if ((p->csur[i] = case_surnames(p, cp, 0)) == NULL ||
		    (p->cnsur[i] = case_surnames(p, cp, 1)) == NULL)
			return -1;
	}
	return 0;
}

/* ---- adding mentions -------------------------------------------------- */

static int	flush_unit(struct pseudo *);

/* Copies s into the unit buffer; returns its offset or SIZE_MAX. */
static size_t
ucopy(struct pseudo *p, const char *s, size_t len)
{
	size_t	 off = p->ubuf.len;

	if (len >= SIZE_MAX / 2 || sbuf_grow(&p->ubuf, len + 1) == -1)
		return SIZE_MAX;
	memcpy(p->ubuf.buf + off, s, len);
	p->ubuf.buf[off + len] = '\0';
	p->ubuf.len = off + len + 1;
	return off;
}

/* Returns 1 when text[end..) starts with 's or ’s and then no letter. */
static int
possessive_at(const char *text, size_t len, size_t end)
{
	size_t	 i = end;

	if (i < len && text[i] == '\'')
		i++;
	else if (len - i >= 3 && memcmp(text + i, "\xe2\x80\x99", 3) == 0)
		i += 3;
	else
		return 0;
	return i < len && (text[i] == 's' || text[i] == 'S') &&
	    (i + 1 == len || !isalpha((unsigned char)text[i + 1]));
}

int
pseudo_add(struct pseudo *p, const struct mention *mn, const char *text,
    size_t len, char *err, size_t errlen)
{
	struct pm	*m, *v;
	size_t		 start = mn->start, end = mn->end, cap, from;

	if (start > end || end > len) {
		snprintf(err, errlen, "text %lu: mention %zu-%zu outside the "
		    "text (%zu bytes)", mn->text, start, end, len);
		return -1;
	}
	/* Never split a UTF-8 sequence: widen to whole characters. */
	while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80)
		start--;
	while (end < len && ((unsigned char)text[end] & 0xC0) == 0x80)
		end++;
	if (start == end)
		return 0;
	/* The mentions come unit by unit: a unit is decided when the next
	 * one begins. */
	if (p->uopen && mn->text != p->utext) {
		if (mn->text < p->utext) {
			snprintf(err, errlen, "text %lu: mention after those "
			    "of text %lu", mn->text, p->utext);
			return -1;
		}
		if (flush_unit(p) == -1)
			goto ioerr;
	}
	if (!p->uopen) {
		if (p->anyunit && mn->text <= p->utext) {
			snprintf(err, errlen, "text %lu: mention after those "
			    "of text %lu", mn->text, p->utext);
			return -1;
		}
		p->uopen = p->anyunit = 1;
		p->utext = mn->text;
	}
	if (p->nm == p->capm) {
		cap = p->capm ? p->capm * 2 : 256;
		if ((v = reallocarray(p->m, cap, sizeof(*v))) == NULL)
			goto enomem;
		p->m = v;
		p->capm = cap;
	}
	m = &p->m[p->nm];
	memset(m, 0, sizeof(*m));
	m->text = mn->text;
	m->start = start;
	m->end = end;
	m->seq = p->nm;
	m->conf = mn->conf;
	m->type = type_of(mn->type);
	m->ent = -1;
	if (m->type == T_PERSON)
		m->title = pn_title_before(text, start);
	from = start - m->title;
	/* The unit's sentences and clauses are found once, not per mention
	 * (its mentions all come with the same text). */
	if (!p->ctxt_ok || p->ctxt.text != text || p->ctxt.len != len) {
		p->ctxt_ok = 0;
		if (pctx_text_load(&p->ctxt, text, len) == -1)
			goto enomem;
		p->ctxt_ok = 1;
	}
	m->sent = pn_sentence_start(text, start);
	m->sstart = pctx_text_clause_start(&p->ctxt, start);
	m->sent_title = m->title ? pn_sentence_start(text, from) : m->sent;
	if (m->type == T_PERSON) {
		unsigned f = pctx_work_or_home(text, len, from, end);
		unsigned r = pctx_text_roles_apart(&p->ctxt, start, end);

		m->not_mother = (r & PCTX_NOT_MOTHER) != 0;
		m->not_father = (r & PCTX_NOT_FATHER) != 0;
		m->at_work = (f & PCTX_AT_WORK) != 0;
		m->at_home = (f & PCTX_AT_HOME) != 0;
		m->carer = (f & PCTX_CARER) != 0;
		m->poss = possessive_at(text, len, end);
		/* Only a name of two words or a title can be one of two
		 * namesakes outside the case file (topic_learn()); a full
		 * name the detector gave the case file cannot. */
		if (memchr(text + from, ' ', end - from) != NULL &&
		    (m->title > 0 || strncmp(mn->key, "case:", 5) != 0) &&
		    pctx_text_topic(&p->ctxt, start, end, m->topic) == -1)
			goto enomem;
		switch (pctx_pronoun(text, len, from, end)) {
		case 'm':
			m->pron = 1;
			break;
		case 'f':
			m->pron = 2;
			break;
		}
	}
	m->slen = end - from;
	m->koff = m->hoff = SIZE_MAX;
	if ((m->soff = ucopy(p, text + from, m->slen)) == SIZE_MAX ||
	    (m->subtype = intern(p, mn->subtype)) == NULL ||
	    (*mn->key != '\0' && (m->koff = ucopy(p, mn->key,
	    strlen(mn->key))) == SIZE_MAX) ||
	    (*mn->hint != '\0' && (m->hoff = ucopy(p, mn->hint,
	    strlen(mn->hint))) == SIZE_MAX))
		goto enomem;
	p->nm++;
	return 0;
enomem:
	snprintf(err, errlen, "%s", strerror(ENOMEM));
	return -1;
ioerr:
	if (p->ioerr == ENOMEM)
		snprintf(err, errlen, "%s", strerror(ENOMEM));
	else
		snprintf(err, errlen, "temporary file: %s", strerror(p->ioerr));
	return -1;
}

/* ---- step 1: overlaps ------------------------------------------------- */

static int
bydoc(const void *a, const void *b)
{
	const struct pm	*x = a, *y = b;

	if (x->text != y->text)
		return x->text < y->text ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static const struct pm *rank_base;

/* A person the case file names is as certain as a mention gets. */
#define rank_conf(m)	rank_conf_of((m)->type, (m)->key, (m)->conf)

static int
rank_conf_of(enum ptype type, const char *key, int conf)
{
	if (type == T_PERSON && strncmp(key, "case:", 5) == 0)
		return 100;
	return conf;
}

static int
byrank(const void *a, const void *b)
{
	const struct pm	*x = &rank_base[*(const size_t *)a];
	const struct pm	*y = &rank_base[*(const size_t *)b];
	size_t		 lx = x->end - x->start, ly = y->end - y->start;

	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (rank_conf(x) != rank_conf(y))
		return rank_conf(x) > rank_conf(y) ? -1 : 1;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if ((*x->key != '\0') != (*y->key != '\0'))
		return *x->key != '\0' ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* By start, the later taken first. */
static int
bytaken(const void *a, const void *b)
{
	const struct tk *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->order > y->order ? -1 : x->order < y->order;
}

/*
 * The sorts of choose(): by insertion when short (a unit has a few
 * mentions, and qsort()'s set-up cost more than the sort), else qsort().
 * byrank() and bytaken() are total orders: both give the same result.
 */
static void
sort_ord(size_t *v, size_t n)
{
	size_t	 i, j, x;

	if (n > 16) {
		qsort(v, n, sizeof(*v), byrank);
		return;
	}
	for (i = 1; i < n; i++) {
		x = v[i];
		for (j = i; j > 0 && byrank(&v[j - 1], &x) > 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static void
sort_tk(struct tk *v, size_t n)
{
	struct tk	 x;
	size_t		 i, j;

	if (n > 16) {
		qsort(v, n, sizeof(*v), bytaken);
		return;
	}
	for (i = 1; i < n; i++) {
		x = v[i];
		for (j = i; j > 0 && bytaken(&v[j - 1], &x) > 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/*
 * Makes choose()'s work space hold n mentions and spans ending by maxend.
 * Returns 0, or -1 when out of memory.
 */
static int
choose_room(struct pseudo *p, size_t n, size_t maxend)
{
	size_t		*v;
	struct tk	*t;
	size_t		 cap;

	if (n > p->ch_cap) {
		cap = n > 2 * p->ch_cap ? n : 2 * p->ch_cap;
		if ((v = reallocarray(p->ch_ord, cap, sizeof(*v))) == NULL)
			return -1;
		p->ch_ord = v;
		if ((v = reallocarray(p->ch_taken, cap, sizeof(*v))) == NULL)
			return -1;
		p->ch_taken = v;
		if ((t = reallocarray(p->ch_tk, cap, sizeof(*t))) == NULL)
			return -1;
		p->ch_tk = t;
		p->ch_cap = cap;
	}
	if (maxend >= p->ch_covcap) {
		cap = maxend + 1 > 2 * p->ch_covcap ? maxend + 1 :
		    2 * p->ch_covcap;
		free(p->ch_cov);
		if ((p->ch_cov = calloc(cap, 1)) == NULL) {
			p->ch_covcap = 0;
			return -1;
		}
		p->ch_covcap = cap;
	}
	return 0;
}

/*
 * Chooses among the mentions of one text unit, m[a..b) sorted by start:
 * greedily by rank, skipping any that overlaps one already taken.
 * taken[] holds chosen spans sorted by start.
 */
static int
choose(struct pseudo *p, size_t a, size_t b)
{
	size_t	*ord, *taken, nt = 0, i, j, maxend = 0;
	struct tk *tk;
	unsigned char *cov;
	struct pm *m;
	int	 clash;

	for (i = a; i < b; i++)
		if (p->m[i].end > maxend)
			maxend = p->m[i].end;
	if (choose_room(p, b - a, maxend) == -1)
		return -1;
	ord = p->ch_ord;
	taken = p->ch_taken;
	cov = p->ch_cov;
	for (i = a; i < b; i++)
		ord[i - a] = i;
	rank_base = p->m;
	sort_ord(ord, b - a);
	/*
	 * cov marks, per byte, where a taken span starts (1) and the
	 * bytes strictly inside one (2): m clashes when a taken span
	 * starts in [start, end) or holds start strictly inside.  (A
	 * sorted array of the taken spans with an insertion per span was
	 * quadratic in the mentions of a long paragraph.)
	 */
	for (i = 0; i < b - a; i++) {
		m = &p->m[ord[i]];
		clash = (cov[m->start] & 2) != 0;
		for (j = m->start; !clash && j < m->end; j++)
			if (cov[j] & 1)
				clash = 1;
		if (clash)
			continue;
		m->chosen = 1;
		cov[m->start] |= 1;
		for (j = m->start + 1; j < m->end; j++)
			cov[j] |= 2;
		taken[nt++] = ord[i];
	}
	/* Back to all 0 for the next unit, at the cost of the spans only. */
	for (i = 0; i < nt; i++) {
		m = &p->m[taken[i]];
		memset(cov + m->start, 0, m->end - m->start);
	}
	/* In text order; of spans starting together, the later taken
	 * first (where an insertion into a sorted array put it). */
	if (nt > 1) {
		tk = p->ch_tk;
		for (i = 0; i < nt; i++) {
			tk[i].start = p->m[taken[i]].start;
			tk[i].order = i;
			tk[i].i = taken[i];
		}
		sort_tk(tk, nt);
		for (i = 0; i < nt; i++)
			taken[i] = tk[i].i;
	}
	/* Widen a person span over a title the detector left outside. */
	for (j = 0; j < nt; j++) {
		m = &p->m[taken[j]];
		if (m->title == 0)
			continue;
		if (j > 0 && p->m[taken[j - 1]].end > m->start - m->title) {
			m->surface += m->title;
			m->slen -= m->title;
			m->title = 0;
			continue;
		}
		m->start -= m->title;
		m->sent = m->sent_title;
		m->title = 0;
	}
	return 0;
}

/* ---- the distinct items and the occurrence file ----------------------- */

static int
unifiable(enum ptype t)
{
	return t == T_PERSON || t == T_PLACE || t == T_ADDRESS ||
	    t == T_INSTITUTION;
}

static uint64_t
hstr(uint64_t h, const char *s, size_t len)
{
	uint64_t	 w;

	/* Eight bytes a step; the value only places items in itab. */
	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	w = 0;
	if (len > 0)
		memcpy(&w, s, len);
	h = (h ^ w ^ (uint64_t)len << 56) * 0x9e3779b97f4a7c15ULL;
	return h ^ h >> 32;
}

static int
item_eq(const struct item *it, const struct pm *m, uint64_t h)
{
	return it->h == h && it->type == m->type && it->conf == m->conf &&
	    it->not_mother == m->not_mother && it->not_father == m->not_father &&
	    it->at_work == m->at_work && it->at_home == m->at_home &&
	    it->carer == m->carer && it->pron == m->pron &&
	    it->poss == m->poss && it->slen == m->slen && it->subtype == m->subtype &&
	    memcmp(it->surface, m->surface, m->slen) == 0 &&
	    strcmp(it->key, m->key) == 0 && strcmp(it->hint, m->hint) == 0;
}

/* Makes room for one more item; returns it, or NULL when out of memory. */
static struct item *
item_new(struct pseudo *p)
{
	struct item	*v;
	size_t		 cap;

	if (p->nit >= OCC_ITEM) {
		errno = ENOMEM;
		return NULL;
	}
	if (p->nit == p->capit) {
		cap = p->capit ? p->capit * 2 : 256;
		if ((v = reallocarray(p->it, cap, sizeof(*v))) == NULL)
			return NULL;
		p->it = v;
		p->capit = cap;
	}
	v = &p->it[p->nit];
	memset(v, 0, sizeof(*v));
	v->unkeyed = -1;
	v->learned = -1;
	return v;
}

static int
itab_grow(struct pseudo *p)
{
	uint32_t	*t;
	size_t		 cap = p->capitab ? p->capitab * 2 : 1024, i, j;

	if ((t = calloc(cap, sizeof(*t))) == NULL)
		return -1;
	for (i = 0; i < p->nit; i++) {
		for (j = p->it[i].h & (cap - 1); t[j] != 0; j = (j + 1) &
		    (cap - 1))
			;
		t[j] = (uint32_t)i + 1;
	}
	free(p->itab);
	p->itab = t;
	p->capitab = cap;
	return 0;
}

/*
 * Returns the item of chosen mention m, made when new (the surface, key
 * and hint copied), or -1 when out of memory.  A mention that cannot get
 * an entity is reduced to its type and hint first.
 */
static long
item_of(struct pseudo *p, struct pm *m)
{
	struct item	*it;
	uint64_t	 h = 1469598103934665603ULL;
	size_t		 j;

	if (!unifiable(m->type)) {
		m->surface = m->key = m->subtype = "";
		m->slen = 0;
		m->conf = 0;
		m->not_mother = m->not_father = 0;
		m->at_work = m->at_home = m->carer = m->pron = m->poss = 0;
	}
	h = hstr(h, m->surface, m->slen);
	h = hstr(h, m->key, strlen(m->key));
	h = hstr(h, m->hint, strlen(m->hint));
	h = hstr(h, (const char *)&m->subtype, sizeof(m->subtype));
	h ^= (uint64_t)m->type << 40 ^ (uint64_t)m->not_mother << 50 ^
	    (uint64_t)m->not_father << 51 ^ (uint64_t)m->at_work << 52 ^
	    (uint64_t)m->at_home << 53 ^ (uint64_t)m->carer << 54 ^
	    (uint64_t)m->pron << 55 ^ (uint64_t)m->poss << 57 ^
	    (uint64_t)(unsigned)m->conf;
	h *= 1099511628211ULL;
	h ^= h >> 32;		/* the flags reach the low bits itab uses */
	if (2 * (p->nit + 1) > p->capitab && itab_grow(p) == -1)
		return -1;
	for (j = h & (p->capitab - 1); p->itab[j] != 0;
	    j = (j + 1) & (p->capitab - 1))
		if (item_eq(&p->it[p->itab[j] - 1], m, h))
			return (long)p->itab[j] - 1;
	if ((it = item_new(p)) == NULL)
		return -1;
	it->h = h;
	it->type = m->type;
	it->conf = m->conf;
	it->subtype = m->subtype;
	it->not_mother = m->not_mother;
	it->not_father = m->not_father;
	it->at_work = m->at_work;
	it->at_home = m->at_home;
	it->carer = m->carer;
	it->pron = m->pron;
	it->poss = m->poss;
	it->slen = m->slen;
	it->first = p->nocc;
	if ((it->surface = arena_dup(p, m->surface, m->slen)) == NULL ||
	    (it->key = *m->key ? arena_dup(p, m->key, strlen(m->key)) : "") ==
	    NULL ||
	    (it->hint = *m->hint ? arena_dup(p, m->hint, strlen(m->hint)) :
	    "") == NULL)
		return -1;
	p->itab[j] = (uint32_t)p->nit + 1;
	return (long)p->nit++;
}

static int
ob_write(struct pseudo *p, size_t base, size_t n)
{
	if (fseeko(p->of, (off_t)(base * sizeof(struct occ)), SEEK_SET) == -1 ||
	    fwrite(p->ob, sizeof(struct occ), n, p->of) != n ||
	    fflush(p->of) == EOF) {
		p->ioerr = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

static int
ob_read(struct pseudo *p, size_t base, size_t n)
{
	if (fseeko(p->of, (off_t)(base * sizeof(struct occ)), SEEK_SET) == -1 ||
	    fread(p->ob, sizeof(struct occ), n, p->of) != n) {
		p->ioerr = ferror(p->of) && errno ? errno : EIO;
		return -1;
	}
	return 0;
}

/*
 * Writes the topic words of the n occurrences from base (the block being
 * appended): a file of their own, read back only for the few mentions
 * that need them (topic_read()), so the sweeps do not carry them.
 */
static int
tb_write(struct pseudo *p, size_t base, size_t n)
{
	if (fseeko(p->tf, (off_t)(base * sizeof(*p->tb)), SEEK_SET) == -1 ||
	    fwrite(p->tb, sizeof(*p->tb), n, p->tf) != n ||
	    fflush(p->tf) == EOF) {
		p->ioerr = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

/* Reads the topic words of occurrence i into out. */
static int
topic_read(struct pseudo *p, size_t i, uint32_t out[PCTX_TOPIC_N])
{
	if (fseeko(p->tf, (off_t)(i * sizeof(*p->tb)), SEEK_SET) == -1 ||
	    fread(out, sizeof(*p->tb), 1, p->tf) != 1) {
		p->ioerr = ferror(p->tf) && errno ? errno : EIO;
		return -1;
	}
	return 0;
}

/* Appends chosen mention m (its item made) to the occurrences. */
static int
occ_add(struct pseudo *p, const struct pm *m, size_t item)
{
	struct occ	*o;

	if (p->ob == NULL &&
	    ((p->ob = calloc(OCC_BLOCK, sizeof(*p->ob))) == NULL ||
	    (p->tb = calloc(OCC_BLOCK, sizeof(*p->tb))) == NULL)) {
		p->ioerr = ENOMEM;
		return -1;
	}
	/* tmpfile(3): mode 0600, already unlinked, gone when we exit. */
	if ((p->of == NULL && (p->of = tmpfile()) == NULL) ||
	    (p->tf == NULL && (p->tf = tmpfile()) == NULL)) {
		p->ioerr = errno;
		return -1;
	}
	memcpy(p->tb[p->nob], m->topic, sizeof(p->tb[p->nob]));
	o = &p->ob[p->nob++];
	o->text = m->text;
	o->start = m->start;
	o->end = m->end;
	o->item = (uint32_t)item | (m->sent ? OCC_SENT : 0) |
	    (m->samesent ? OCC_SAMESENT : 0);
	o->ent = -1;
	p->it[item].count++;
	p->nocc++;
	if (p->nob == OCC_BLOCK) {
		if (ob_write(p, p->nocc - p->nob, p->nob) == -1 ||
		    tb_write(p, p->nocc - p->nob, p->nob) == -1)
			return -1;
		p->nob = 0;
	}
	return 0;
}

/*
 * Decides the overlaps of the current unit and appends its chosen
 * mentions to the occurrences.  Returns 0, or -1 with p->ioerr set.
 */
static int
flush_unit(struct pseudo *p)
{
	struct pm	*m, *prev;
	size_t		 i;
	long		 it;

	if (!p->uopen)
		return 0;
	p->uopen = 0;
	p->ctxt_ok = 0;
	for (i = 0; i < p->nm; i++) {
		m = &p->m[i];
		m->surface = p->ubuf.buf + m->soff;
		m->key = m->koff != SIZE_MAX ? p->ubuf.buf + m->koff : "";
		m->hint = m->hoff != SIZE_MAX ? p->ubuf.buf + m->hoff : "";
	}
	/* bydoc() is a total order: a unit already in order (most are)
	 * needs no qsort(). */
	for (i = 1; i < p->nm && bydoc(&p->m[i - 1], &p->m[i]) < 0; i++)
		;
	if (i < p->nm)
		qsort(p->m, p->nm, sizeof(*p->m), bydoc);
	if (choose(p, 0, p->nm) == -1) {
		p->ioerr = ENOMEM;
		return -1;
	}
	for (i = 0, prev = NULL; i < p->nm; i++) {
		m = &p->m[i];
		if (!m->chosen)
			continue;
		m->samesent = prev != NULL && prev->sstart == m->sstart &&
		    m->sstart != m->start;
		prev = m;
		if ((it = item_of(p, m)) == -1) {
			p->ioerr = ENOMEM;
			return -1;
		}
		if (occ_add(p, m, (size_t)it) == -1)
			return -1;
	}
	p->nm = 0;
	sbuf_reset(&p->ubuf);
	return 0;
}

/* Makes the sweep's current mention of occurrence ob[p->sw_i]. */
static struct pm *
occ_load(struct pseudo *p)
{
	const struct occ *o = &p->ob[p->sw_i];
	const struct item *it = &p->it[o->item & OCC_ITEM];
	struct pm	*m = &p->cur;

	p->ctopic_ok = 0;
	m->text = (unsigned long)o->text;
	m->start = (size_t)o->start;
	m->end = (size_t)o->end;
	m->item = o->item & OCC_ITEM;
	m->sent = (o->item & OCC_SENT) != 0;
	m->samesent = (o->item & OCC_SAMESENT) != 0;
	m->ent = o->ent;
	m->surface = it->surface;
	m->slen = it->slen;
	m->subtype = it->subtype;
	m->key = it->key;
	m->hint = it->hint;
	m->conf = it->conf;
	m->type = it->type;
	m->not_mother = it->not_mother;
	m->not_father = it->not_father;
	m->at_work = it->at_work;
	m->at_home = it->at_home;
	m->carer = it->carer;
	m->pron = it->pron;
	m->poss = it->poss;
	m->chosen = 1;
	return m;
}

/* Reads the block of occurrences from ordinal base on. */
static int
sweep_block(struct pseudo *p, size_t base)
{
	size_t	 n = p->nocc - base < OCC_BLOCK ? p->nocc - base : OCC_BLOCK;

	p->sw_base = base;
	p->sw_i = 0;
	p->sw_n = n;
	p->sw_dirty = 0;
	return n == 0 ? 0 : ob_read(p, base, n);
}

/*
 * A sweep over the chosen mentions in document order:
 *	for (m = sweep_first(p); m != NULL; m = sweep_next(p))
 * The entity and item the body gives m are written back.  After the loop
 * p->ioerr tells whether it ended early on an error.
 */
static struct pm *
sweep_first(struct pseudo *p)
{
	if (sweep_block(p, 0) == -1 || p->sw_n == 0)
		return NULL;
	return occ_load(p);
}

static struct pm *
sweep_next(struct pseudo *p)
{
	struct occ	*o = &p->ob[p->sw_i];
	uint32_t	 item = (uint32_t)p->cur.item |
			    (p->cur.sent ? OCC_SENT : 0) |
			    (p->cur.samesent ? OCC_SAMESENT : 0);

	if (o->ent != p->cur.ent || o->item != item) {
		o->ent = (int32_t)p->cur.ent;
		o->item = item;
		p->sw_dirty = 1;
	}
	if (++p->sw_i == p->sw_n) {
		if (p->sw_dirty && ob_write(p, p->sw_base, p->sw_n) == -1)
			return NULL;
		if (sweep_block(p, p->sw_base + p->sw_n) == -1 || p->sw_n == 0)
			return NULL;
	}
	return occ_load(p);
}

/*
 * The occurrence k places from the sweep's current one (k < 0: before
 * it), as grouped so far, or NULL beyond the block in memory: a bounded
 * look around for the attribution (named_after(), clause_twin(),
 * named_next()).
 */
static const struct occ *
sweep_peek(const struct pseudo *p, long k)
{
	if (p->sw_n == 0 || (k < 0 && (size_t)-k > p->sw_i) ||
	    (k > 0 && p->sw_i + (size_t)k >= p->sw_n))
		return NULL;
	return &p->ob[(long)p->sw_i + k];
}

/* ---- step 1b: one type per name --------------------------------------- */

/*
 * pn_parse() of item i's surface, into pn.  The plans and sweeps parse
 * the same few thousand surfaces over and over, and an item's surface
 * never changes: the parses are kept in a bounded cache by item number
 * (a document with more items than it holds costs what it did without).
 */
static size_t
item_parse(struct pseudo *p, size_t i, struct pname *pn)
{
	const struct item *it = &p->it[i];
	struct pnc	*c;
	uintptr_t	 a, d;
	size_t		 k, cap;

	if (p->pnc == NULL) {
		for (cap = 64; cap < PNC_MAX && cap < p->nit; cap *= 2)
			;
		if ((p->pnc = calloc(cap, sizeof(*p->pnc))) == NULL)
			return pn_parse(pn, it->surface, it->slen);
		p->npnc = cap;
	}
	c = &p->pnc[i & (p->npnc - 1)];
	if (c->item != i + 1) {
		c->n = pn_parse(&c->pn, it->surface, it->slen);
		c->item = i + 1;
	}
	/* A copy, its tokens moved to point into its own buffer. */
	*pn = c->pn;
	a = (uintptr_t)c->pn.buf;
	for (k = 0; k < pn->ntok && k < PN_MAXTOK; k++) {
		d = (uintptr_t)c->pn.tok[k];
		if (d >= a && d < a + sizeof(c->pn.buf))
			pn->tok[k] = pn->buf + (d - a);
	}
	return c->n;
}

/* The comparison form of item i: its name tokens, folded. */
static size_t
surface_key(struct pseudo *p, size_t i, char *buf, size_t cap)
{
	struct pname	 pn;

	if (item_parse(p, i, &pn) == 0)
		return 0;
	return join(&pn, 0, pn.ntok, buf, cap);
}

/* Gives mention m the type and attributes of mention w. */
static void
retype(struct item *m, const struct item *w)
{
	m->type = w->type;
	m->subtype = w->subtype;
	m->key = w->key;
	m->hint = w->hint;
}

/*
 * Within a document one name is one kind of thing.  When the chosen
 * mentions of one surface (folded name tokens) have different types among
 * person, place, address and institution, the type with the highest sum of
 * confidences wins (a case-file person counts 100 a mention) and the others
 * take the type, subtype and KEY of its best mention: "Clare" found 300
 * times by the gazetteer and 12 times as the mother is the mother, "Old
 * Watsonfield" as a town and as a short hospital name is a town.  Then a
 * place that is a single word and the forename of a person (the case
 * file's, or a full name in the text) becomes that person: "took in Noah",
 * "Connor was arrested".
 */
static int
unify_types(struct pseudo *p)
{
	struct phash	*h, *fn;
	struct pname	 pn;
	const struct case_person *cp;
	const size_t	*v;
	char		 buf[PN_BUFSZ];
	long		 score[T_OTHER + 1];
	size_t		 i, j, n, len, best, a;
	int		 t, win, mixed, rc = -1;
	struct item	*m, *it = p->it;

	/*
	 * Over the distinct items, which are numbered in the order of their
	 * first occurrence: a group's sums count each item's occurrences,
	 * and its best mention is the first occurrence of the best item.
	 */
	if ((h = phash_new()) == NULL)
		return -1;
	if ((fn = phash_new()) == NULL) {
		phash_free(h);
		return -1;
	}
	for (i = 0; i < p->nit; i++) {
		m = &it[i];
		if (!unifiable(m->type) ||
		    (len = surface_key(p, i, buf, sizeof(buf))) == 0)
			continue;
		if (phash_add(h, buf, len, i) == -1)
			goto out;
	}
	for (i = 0; i < p->nit; i++) {
		m = &it[i];
		if (!unifiable(m->type) ||
		    (len = surface_key(p, i, buf, sizeof(buf))) == 0 ||
		    (v = phash_get(h, buf, len, &n)) == NULL || v[0] != i)
			continue;
		memset(score, 0, sizeof(score));
		mixed = 0;
		for (j = 0; j < n; j++) {
			score[it[v[j]].type] += (long)it[v[j]].count *
			    rank_conf(&it[v[j]]);
			if (it[v[j]].type != m->type)
				mixed = 1;
		}
		if (!mixed)
			continue;
		win = T_PERSON;
		for (t = 0; t <= T_OTHER; t++)
			if (score[t] > score[win])
				win = t;
		best = n;
		for (j = 0; j < n; j++)
			if (it[v[j]].type == (enum ptype)win && (best == n ||
			    rank_conf(&it[v[j]]) > rank_conf(&it[v[best]])))
				best = j;
		a = v[best];
		for (j = 0; j < n; j++)
			if (it[v[j]].type != (enum ptype)win)
				retype(&it[v[j]], &it[a]);
	}
	/* Forenames of the case file and of full names in the text. */
	for (i = 0; p->cf != NULL && i < p->cf->nperson; i++) {
		cp = &p->cf->person[i];
		for (j = 0; j <= cp->nalias; j++) {
			const char *nm = j == 0 ? cp->name : cp->alias[j - 1];

			if (pn_parse(&pn, nm, strlen(nm)) >= 2 && !pn.initials &&
			    !(pn.isinit & 1u) && phash_add(fn, pn.tok[0],
			    pn.toklen[0], i) == -1)
				goto out;
		}
	}
	for (i = 0; i < p->nit; i++) {
		m = &it[i];
		if (m->type != T_PERSON)
			continue;
		item_parse(p, i, &pn);
		if (is_full_name(&pn) && phash_add(fn, pn.tok[0],
		    pn.toklen[0], SIZE_MAX) == -1)
			goto out;
	}
	for (i = 0; i < p->nit; i++) {
		m = &it[i];
		if (m->type != T_PLACE)
			continue;
		if (pn_parse(&pn, m->surface, m->slen -
		    pn_possessive(m->surface, m->slen)) != 1 || pn.initials ||
		    phash_get(fn, pn.tok[0], pn.toklen[0], &n) == NULL)
			continue;
		m->type = T_PERSON;
		m->subtype = "";
		m->key = "";
		m->hint = "";
	}
	rc = 0;
out:
	phash_free(h);
	phash_free(fn);
	return rc;
}

/* ---- step 2: grouping ------------------------------------------------- */

static int
gender_ok(int a, int b)
{
	return a == 0 || b == 0 || a == b;
}

/* Returns 1 when x was seen later than y. */
static int
later(const struct pent *x, const struct pent *y)
{
	if (x->last_text != y->last_text)
		return x->last_text > y->last_text;
	return x->last_start > y->last_start;
}

static int
has_key(const struct pent *e, const char *kind, const char *v)
{
	size_t	 k;

	/* The first bytes rule most keys out before strcmp(). */
	for (k = 0; k < e->nkey; k++)
		if (e->key[k].kind[0] == kind[0] &&
		    strcmp(e->key[k].kind, kind) == 0 && (v == NULL ||
		    (e->key[k].value[0] == v[0] &&
		    strcmp(e->key[k].value, v) == 0)))
			return 1;
	return 0;
}

/* Returns 1 when entity e has a forename beginning with letter c. */
static int
has_initial(const struct pent *e, char c)
{
	size_t	 k;

	for (k = 0; k < e->nkey; k++)
		if (strcmp(e->key[k].kind, "first") == 0 &&
		    e->key[k].value[0] == c)
			return 1;
	return 0;
}

/* Returns e's first forename key, or NULL. */
static const char *
first_key(const struct pent *e)
{
	size_t	 k;

	for (k = 0; k < e->nkey; k++)
		if (strcmp(e->key[k].kind, "first") == 0)
			return e->key[k].value;
	return NULL;
}

/* Returns 1 when a mention of e named a medical profession. */
static int
medical(const struct pent *e)
{
	static const char *const med[] = {
		"gp", "doctor", "paediatrician", "consultant", "psychiatrist",
		NULL
	};
	size_t	 i, j;

	for (i = 0; i < e->nvote; i++)
		for (j = 0; med[j] != NULL; j++)
			if (strcmp(e->vote[i].s, med[j]) == 0)
				return 1;
	return 0;
}

/*
 * Returns 1 when the clause (clause_start()) of the mention being grouped
 * named entity ei earlier, not in apposition to it and not by a full name: "Ms Taiwo
 * attended with Ms Taiwo", "Sunil telephoned Mr Lal" are two people each;
 * "Karen Moss (K.M.)" and "Jo described Karen Moss as her rock and said
 * that Ms Moss..." one.  Initials are the exception to the full-name
 * rule: no writer names someone in full and then by initials in one
 * clause ("Rose Hart looked after Kai while RH attended"; of 44 such
 * clauses in the dev gold and its shadows, none was one person), unless
 * in apposition.
 */
static int
named_before(const struct pseudo *p, size_t ei, int initials)
{
	size_t	 k;

	for (k = 0; k < p->nsx; k++)
		if (p->sx_ent[k] == (long)ei &&
		    (!p->sx_full[k] || initials) &&
		    p->sx_end[k] + 3 < p->sx_at)
			return 1;
	return 0;
}

/*
 * Returns 1 when the rest of the clause of the mention being grouped (the
 * sweep's current one, step C) names entity ei by a short form, not in
 * apposition: "Mrs Hale could no longer give the respite care that Kay
 * had relied on" -- Mrs Hale is not Kay.  Looks only at mentions already
 * grouped (step A, B) and in the sweep's block.
 */
static int	item_full(struct pseudo *, size_t);

static int
named_after(struct pseudo *p, size_t ei)
{
	const struct occ *o;
	long		 k;

	if (!p->look)
		return 0;
	for (k = 1; (o = sweep_peek(p, k)) != NULL; k++) {
		if (o->text != p->cur.text || !(o->item & OCC_SAMESENT))
			break;
		if (o->ent == (int32_t)ei && o->start > p->cur.end + 3 &&
		    !item_full(p, o->item & OCC_ITEM))
			return 1;
	}
	return 0;
}

/*
 * Returns 1 when title + surname pn, exactly so, did a practitioner's work
 * somewhere in the document (plan_work_titles()).
 */
static int
work_title(const struct pseudo *p, const struct pname *pn)
{
	char	 buf[PN_BUFSZ];
	size_t	 n, len;

	if (p->wts == NULL || pn == NULL || !pn->titled || pn->ntok != 1 ||
	    pn->initials)
		return 0;
	len = join2(buf, sizeof(buf), pn->title, strlen(pn->title),
	    pn->tok[0], pn->toklen[0]);
	if (len == SIZE_MAX)
		return 0;
	phash_get(p->wts, buf, len, &n);
	return n > 0;
}

/*
 * Returns 1 when the clause of the mention being grouped (step C) holds
 * another mention written the same ("Ms Hale told Ms Hale that..."): two
 * people of one title + surname, so the title tells neither.
 */
static int
clause_twin(const struct pseudo *p)
{
	const struct item *it = &p->it[p->cur.item], *x;
	const struct occ *o, *prev;
	long		 k;

	if (!p->look)
		return 0;
	/* Back to the clause's first mention, then forward to its last. */
	for (k = 0; (o = sweep_peek(p, k)) != NULL &&
	    (o->item & OCC_SAMESENT) && (prev = sweep_peek(p, k - 1)) !=
	    NULL && prev->text == p->cur.text; k--)
		;
	for (; (o = sweep_peek(p, k)) != NULL && o->text == p->cur.text;
	    k++) {
		if (k > 0 && !(o->item & OCC_SAMESENT))
			break;
		x = &p->it[o->item & OCC_ITEM];
		if (k != 0 && x->slen == it->slen &&
		    memcmp(x->surface, it->surface, it->slen) == 0)
			return 1;
	}
	return 0;
}

/*
 * Returns the first of people c[0..n) that a later mention of the
 * paragraph of the mention being grouped (step C) was tied to already
 * (step A, B), or -1.
 */
static long
named_next(const struct pseudo *p, const size_t *c, size_t n)
{
	const struct occ *o;
	size_t		 i;
	long		 k;

	if (!p->look)
		return -1;
	for (k = 1; (o = sweep_peek(p, k)) != NULL && o->text == p->cur.text;
	    k++)
		for (i = 0; i < n; i++)
			if (o->ent == (int32_t)c[i])
				return (long)c[i];
	return -1;
}

static int	practitioner(const struct pent *);

/*
 * The sex of person e: from a title or case role, else from its first
 * forename by the forename lexicon (pseudo_set_forenames()), else 0.
 */
static int
pent_gender(const struct pseudo *p, struct pent *e)
{
	const char	*f;
	int		 g;

	if (e->gender != 0)
		return e->gender;
	if (e->fsex == 0) {
		/* The first forename key never changes once there. */
		if ((f = first_key(e)) == NULL)
			return 0;
		g = pn_forename_gender(p->fgen, f, strlen(f));
		e->fsex = g != 0 ? g : 'u';
	}
	return e->fsex == 'u' ? 0 : e->fsex;
}

#define TOPIC_MAX	32		/* topic words kept per person */
#define TOPIC_BUDGET	(4u << 20)	/* bytes all such profiles may hold */

/* The topic words of the sweep's current mention, read once; or NULL. */
static const uint32_t *
cur_topic(struct pseudo *p)
{
	if (!p->ctopic_ok) {
		if (topic_read(p, p->sw_base + p->sw_i, p->ctopic) == -1)
			return NULL;
		p->ctopic_ok = 1;
	}
	return p->ctopic;
}

/*
 * Adds the topic words around a full name of e (the sweep's current
 * mention, parsed as pn) to e's profile when e is outside the case file
 * and someone else has its surname: "the IDVA Leigh Sutcliffe met Ms
 * Sharp following the MARAC" and "the tenancy officer Michelle Sutcliffe
 * served a notice for rent arrears" tell apart the two women later
 * called "Ms Sutcliffe" (topic_score()).  Profiles past TOPIC_BUDGET
 * bytes are not made: the older rules then decide alone.
 */
static int
topic_learn(struct pseudo *p, struct pent *e, const struct pname *pn)
{
	const uint32_t	*w;
	size_t		 n, i, j, last;

	if (e->caserow >= 0 || pn->ntok < 2 || pn->initials)
		return 0;
	last = pn->ntok - 1;
	(void)lookup(p, T_PERSON, "last", pn->tok[last], pn->toklen[last], &n);
	if (n < 2)
		return 0;
	if (e->topic == NULL) {
		if (p->topic_bytes >= TOPIC_BUDGET)
			return 0;
		if ((e->topic = calloc(TOPIC_MAX, sizeof(*e->topic))) == NULL) {
			p->ioerr = ENOMEM;
			return -1;
		}
		p->topic_bytes += TOPIC_MAX * sizeof(*e->topic);
	}
	if ((w = cur_topic(p)) == NULL)
		return -1;
	for (i = 0; i < PCTX_TOPIC_N && w[i] != 0 && e->ntopic < TOPIC_MAX;
	    i++) {
		for (j = 0; j < e->ntopic && e->topic[j] != w[i]; j++)
			;
		if (j == e->ntopic)
			e->topic[e->ntopic++] = w[i];
	}
	return 0;
}

/* How many of the current mention's topic words e's profile holds. */
static size_t
topic_score(const struct pseudo *p, const struct pent *e)
{
	size_t	 i, j, n = 0;

	for (i = 0; i < PCTX_TOPIC_N && p->ctopic[i] != 0; i++)
		for (j = 0; j < e->ntopic; j++)
			if (e->topic[j] == p->ctopic[i]) {
				n++;
				break;
			}
	return n;
}

#define PICK_ADULT	0x1	/* a title or an initial: adults first */
#define PICK_CASE	0x2	/* a bare forename: the case file's first */
#define PICK_SURNAME	0x4	/* pn's one token is a surname: the case
				   file's holders of it first */
#define PICK_NOT_MOTHER	0x8	/* the sentence names "the mother" apart */
#define PICK_NOT_FATHER	0x10	/* ... "the father" */
#define PICK_NOSX	0x20	/* named_before() not asked */
#define PICK_AT_WORK	0x80	/* the mention does a practitioner's work */
#define PICK_AT_HOME	0x100	/* ... is spoken of as family */
#define PICK_GROWN	0x200	/* bare initials: adults first */
#define PICK_YOUNG	0x400	/* possessive bare initials: children first */
#define PICK_FULLSEEN	0x40	/* people outside the case file: whose
				   full name was read last */

/*
 * Picks the most plausible person among candidates v[0..n) for a mention
 * at unit `text`, narrowing step by step while something remains: a
 * compatible gender; adults when a title or initial was written; not
 * people addressed with another title only ("Miss" vs "Ms"); case-file
 * people for a bare forename.  Among those left: one
 * seen within RECENT_UNITS units is preferred when a forename is
 * ambiguous, else the one with most mentions, then the earliest created.
 */
static long
pick(struct pseudo *p, const size_t *v, size_t n, unsigned long text,
    const struct pname *pn, int flags)
{
	size_t		 c[MAXCAND], nc = 0, keep[MAXCAND], nk, i;
	const struct pent *e, *b;
	long		 best = -1;
	int		 gender = pn != NULL ? pn->gender : 0, recent, brecent = 0;
	int		 inunit;
	size_t		 top;
	const char	*title = pn != NULL && pn->titled ? pn->title : NULL;

	flags |= p->ctx;
	for (i = 0; i < n && nc < MAXCAND; i++) {
		e = &p->e[v[i]];
		if (e->type == T_PERSON && gender_ok(gender, e->gender) &&
		    (pn == NULL || !title_excludes(pn, e)))
			c[nc++] = v[i];
	}
#define NARROW(cond) do {						\
		for (i = nk = 0; i < nc; i++) {				\
			e = &p->e[c[i]];				\
			if (cond)					\
				keep[nk++] = c[i];			\
		}							\
		if (nk > 0 && nk < nc) {				\
			memcpy(c, keep, nk * sizeof(*c));		\
			nc = nk;					\
		}							\
	} while (0)
	/* Not someone the same clause already named apart. */
	if (!(flags & PICK_NOSX))
		NARROW(!named_before(p, c[i], pn != NULL && pn->initials) &&
		    !named_after(p, c[i]));
	/* "Mrs Hale": not one whose forename is a man's. */
	if (gender != 0)
		NARROW(gender_ok(gender, pent_gender(p, &p->e[c[i]])));
	/* "J.S. reported that he was": the one of the pronoun's sex. */
	if (p->pron != 0 && gender_ok(gender, p->pron))
		NARROW(pent_gender(p, &p->e[c[i]]) == p->pron);
	if (flags & (PICK_ADULT | PICK_GROWN))
		NARROW(!case_role_is_child(e->crole));
	if (flags & PICK_YOUNG)
		NARROW(case_role_is_child(e->crole));
	if ((flags & PICK_SURNAME) && pn->ntok == 1) {
		NARROW(e->caserow < 0 ||
		    case_surname(p, e, pn->tok[0], pn->toklen[0]));
		/* A current name before a former one ("Janet Lee"). */
		NARROW(e->caserow < 0 ||
		    case_surname(p, e, pn->tok[0], pn->toklen[0]) == 2);
	}
	if (title != NULL) {
		NARROW(!has_key(e, "title", NULL) ||
		    has_key(e, "title", title));
		/* A doctor: one called Dr, or a doctor by profession. */
		if (strcmp(title, "dr") == 0 || strcmp(title, "doctor") == 0)
			NARROW(has_key(e, "title", "dr") ||
			    has_key(e, "title", "doctor") || medical(e));
		/* Miss is a younger woman's title, never a grandmother's. */
		if (strcmp(title, "miss") == 0)
			NARROW(e->crole != ROLE_GRANDMOTHER);
	}
	if (flags & PICK_NOT_MOTHER)
		NARROW(e->crole != ROLE_MOTHER);
	if (flags & PICK_NOT_FATHER)
		NARROW(e->crole != ROLE_FATHER);
	if (flags & PICK_CASE)
		NARROW(e->caserow >= 0);
	/*
	 * Initials ("LP") after one of their people was named in the same
	 * paragraph: the one named last before them (below).
	 */
	inunit = 0;
	if (pn != NULL && pn->initials && !pn->titled && nc > 1) {
		NARROW(e->seen && e->last_text == text);
		inunit = e->seen && e->last_text == text;
		/* None yet: the first named after them in it. */
		if (!inunit && (best = named_next(p, c, nc)) != -1) {
			NARROW((long)c[i] == best);
			best = -1;
		}
	}
	if (flags & PICK_FULLSEEN) {
		for (i = 0; i < nc && p->e[c[i]].caserow < 0; i++)
			;
		if (i == nc && nc > 1) {
			NARROW(e->fullseen);
			/* At work, or among people seen at work: the one
			 * whose full names were read among the words around
			 * this mention (topic_learn()), whether the text gave
			 * a role or not.  Family share their topics too much
			 * to be told apart so. */
			for (i = 0, top = 0; i < nc; i++) {
				e = &p->e[c[i]];
				if (e->ntopic > 0)
					top |= 1;
				if (!practitioner(e) && !e->worked)
					top |= 2;
			}
			if ((top == 1 || (top == 3 &&
			    (flags & PICK_AT_WORK))) && cur_topic(p) != NULL) {
				for (i = 0, top = 0; i < nc; i++)
					if (topic_score(p, &p->e[c[i]]) > top)
						top = topic_score(p,
						    &p->e[c[i]]);
				if (top > 0)
					NARROW(topic_score(p, e) == top);
			}
			/* At work, a practitioner; spoken of as family, not. */
			if (flags & PICK_AT_WORK)
				NARROW(practitioner(e));
			/* The title + surname that did a practitioner's work
			 * elsewhere: the practitioner (plan_work_titles()). */
			else if (!(flags & PICK_AT_HOME) && work_title(p, pn) &&
			    !clause_twin(p))
				NARROW(practitioner(e));
			if (flags & PICK_AT_HOME)
				NARROW(!practitioner(e));
			/* The text unit that named one last (several named
			 * in one unit: as if none had been). */
			for (i = 0; i < nc; i++) {
				e = &p->e[c[i]];
				if (e->fullseen && (best == -1 ||
				    e->full_text > p->e[best].full_text))
					best = (long)c[i];
			}
			if (best != -1)
				NARROW(e->fullseen &&
				    e->full_text == p->e[best].full_text);
			best = -1;
		}
	}
#undef NARROW
	for (i = 0; i < nc; i++) {
		e = &p->e[c[i]];
		recent = inunit || (!(flags & PICK_ADULT) && e->fullseen &&
		    e->full_text + RECENT_UNITS >= text);
		if (best == -1) {
			best = (long)c[i];
			brecent = recent;
			continue;
		}
		b = &p->e[best];
		if (recent != brecent) {
			if (recent) {
				best = (long)c[i];
				brecent = 1;
			}
			continue;
		}
		if (recent ? later(e, b) : e->nment > b->nment) {
			best = (long)c[i];
			brecent = recent;
		}
	}
	return best;
}

/* Returns 1 when a mention of e named a profession (not a family role). */
static int
practitioner(const struct pent *e)
{
	size_t	 i;
	int	 r;

	for (i = 0; i < e->nvote; i++) {
		if (*e->vote[i].s == '\0' || strcmp(e->vote[i].s, "other") == 0)
			continue;
		r = case_role_parse(e->vote[i].s, strlen(e->vote[i].s));
		if (r < 0 || r == ROLE_PROFESSIONAL)
			return 1;
	}
	return 0;
}

/* Returns 1 when title + surname pn may name e by its title. */
static int
title_fits(const struct pname *pn, const struct pent *e)
{
	return gender_ok(pn->gender, e->gender) && !title_excludes(pn, e) &&
	    (!pn->titled || !has_key(e, "title", NULL) ||
	    has_key(e, "title", pn->title));
}

static int	has_namesake(const struct pseudo *, const struct pname *);
static int	namesake_gender(const struct pseudo *, const struct pname *,
		    int);
static int	unkey(struct pseudo *, struct pm *, const char *);

/*
 * A title + surname that fits a case-file person and someone else known
 * by a full name of the same surname (plan_namesakes()), among people
 * v[0..n): the case file's by default (pick()), the other one when the
 * title fits only them, when the mention does a practitioner's work
 * ("Mr Kane completed a tenancy visit"), or when the other one's full
 * name was seen more recently than the case-file person's -- unless the
 * mention is spoken of as family and the other one is a practitioner.
 */
static long
namesake_pick(struct pseudo *p, const struct pm *m, const struct pname *pn,
    const size_t *v, size_t n)
{
	size_t		 c[MAXCAND], nc = 0, o[MAXCAND], no = 0, i;
	const struct pent *e, *k, *u;
	long		 ki, ui;

	for (i = 0; i < n && (nc < MAXCAND && no < MAXCAND); i++) {
		e = &p->e[v[i]];
		if (e->type != T_PERSON)
			continue;
		if (e->caserow >= 0)
			c[nc++] = v[i];
		else if (has_key(e, "first", NULL) && title_fits(pn, e))
			o[no++] = v[i];
	}
	ki = pick(p, c, nc, m->text, pn, PICK_ADULT | PICK_CASE | PICK_SURNAME);
	ui = pick(p, o, no, m->text, pn, PICK_ADULT | PICK_FULLSEEN);
	if (ki == -1 || ui == -1)
		return ki != -1 ? ki : ui;
	k = &p->e[ki];
	u = &p->e[ui];
	/* "Sunil telephoned Mr Lal": the one the case file would give is
	 * named apart. */
	if ((i = (size_t)pick(p, c, nc, m->text, pn, PICK_ADULT | PICK_CASE |
	    PICK_SURNAME | PICK_NOSX)) != (size_t)-1 && named_before(p, i, 0) &&
	    !named_before(p, (size_t)ui, 0))
		return ui;
	if (named_before(p, (size_t)ki, 0) != named_before(p, (size_t)ui, 0))
		return named_before(p, (size_t)ki, 0) ? ui : ki;
	if (!title_fits(pn, k) || case_role_is_child(k->crole))
		return ui;
	if (m->at_work)
		return ui;
	if (m->at_home && practitioner(u))
		return ki;
	/*
	 * The one whose full name was seen last -- a practitioner (by a
	 * role or by short forms at work) of the title's gender, or one
	 * whose forename has the title's sex (pent_gender()) while the case
	 * file's was never called by this title.
	 */
	if (((practitioner(u) || u->worked) && (pn->gender == 0 ||
	    u->gender == pn->gender || (u->gender == 0 &&
	    namesake_gender(p, pn, pn->gender)))) ||
	    (pn->gender != 0 && pent_gender(p, &p->e[ui]) == pn->gender &&
	    !has_key(k, "title", pn->title))) {
		if (u->fullseen && (!k->fullseen ||
		    u->full_text > k->full_text || (u->full_text ==
		    k->full_text && u->full_start > k->full_start)))
			return ui;
	}
	return ki;
}

/*
 * Edits allowed between two spellings of a name of length len: one from
 * five letters, two from six when the first and last letters agree.
 */
static size_t
maxedit2(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t	 len = alen < blen ? alen : blen;

	if (len < 5)
		return 0;
	if (len >= 6 && a[0] == b[0] && a[alen - 1] == b[blen - 1])
		return 2;
	return 1;
}

static size_t
maxedit(size_t len, int strong)
{
	if (len >= 5)
		return strong && len >= 6 ? 2 : 1;
	return 0;
}

/* Keeps v[i] only when entity has a key `kind` close to tok. */
static size_t
filter_fuzzy(struct pseudo *p, const size_t *v, size_t n, const char *kind,
    const char *tok, size_t len, size_t maxd, size_t *out)
{
	const struct pent *e;
	size_t		 i, k, no = 0;

	for (i = 0; i < n; i++) {
		e = &p->e[v[i]];
		for (k = 0; k < e->nkey; k++) {
			if (strcmp(e->key[k].kind, kind) != 0)
				continue;
			size_t vl = strlen(e->key[k].value);
			size_t d = maxd < maxedit2(tok, len, e->key[k].value,
			    vl) ? maxedit2(tok, len, e->key[k].value, vl) : maxd;

			if (d > 0 && pn_edit(tok, len, e->key[k].value, vl,
			    d) <= d) {
				out[no++] = v[i];
				break;
			}
		}
	}
	return no;
}

/*
 * Persons whose key `kind` is within maxedit() of tok, or (prefix) starts
 * with tok: a nickname.  Scans the persons: used only when exact lookups
 * failed.
 */
static size_t
scan_persons(struct pseudo *p, const char *kind, const char *tok,
    size_t len, int prefix, size_t *out, size_t max)
{
	const struct pent *e;
	const size_t	*iv;
	const char	*ik;
	size_t		 i, k, no = 0, vl, d, n;

	/* Key kinds are interned (addkey()): one lookup, then pointers. */
	if ((iv = phash_get(p->intern, kind, strlen(kind), &n)) == NULL)
		return 0;
	ik = p->istr[iv[0]];
	for (i = 0; i < p->ne && no < max; i++) {
		e = &p->e[i];
		if (e->type != T_PERSON)
			continue;
		for (k = 0; k < e->nkey; k++) {
			if (e->key[k].kind != ik)
				continue;
			vl = strlen(e->key[k].value);
			if (prefix) {
				if (len >= 3 && vl > len &&
				    memcmp(e->key[k].value, tok, len) == 0)
					break;
				continue;
			}
			d = maxedit2(tok, len, e->key[k].value, vl);
			if (d > 0 && pn_edit(tok, len, e->key[k].value, vl,
			    d) <= d)
				break;
		}
		if (k < e->nkey)
			out[no++] = i;
	}
	return no;
}

static long	resolve_person1(struct pseudo *, struct pm *,
		    const struct pname *);

/*
 * Finds or creates the person of a mention not tied to the case file.  A
 * person's KEY other than "case:N" is not used: the detector saw one
 * paragraph at a time, the grouping here sees the document (and does
 * better on the dev corpus).
 */
static long
resolve_person(struct pseudo *p, struct pm *m, const struct pname *pn)
{
	long	 ei;

	if (pn->ntok == 0)
		return new_entity(p, T_PERSON);
	p->ctx = (m->not_mother ? PICK_NOT_MOTHER : 0) |
	    (m->not_father ? PICK_NOT_FATHER : 0) |
	    (m->at_work ? PICK_AT_WORK : 0) | (m->at_home ? PICK_AT_HOME : 0) |
	    (m->carer ? PICK_NOT_MOTHER | PICK_NOT_FATHER : 0);
	p->pron = m->pron == 1 ? 'm' : m->pron == 2 ? 'f' : 0;
	ei = resolve_person1(p, m, pn);
	p->ctx = 0;
	p->pron = 0;
	return ei;
}

/*
 * Whom initials that fit a child and an adult prefer.  A title: an adult.
 * Bare initials are an adult's, unless a possessive follows: a report
 * writes of a child's file, attendance or cough by initials ("K.M.'s
 * parents' evening"), and of what an adult did ("K.M. did not attend").
 * In the dev gold, children's initials are possessive 31 times and bare
 * never; adults' are bare 111 times and possessive 10.
 */
static int
initials_age(const struct pm *m, const struct pname *pn)
{
	if (pn->titled)
		return PICK_ADULT;
	return m->poss ? PICK_YOUNG : PICK_GROWN;
}

static long
resolve_person1(struct pseudo *p, struct pm *m, const struct pname *pn)
{
	const size_t	*v;
	size_t		 n, nf, last = pn->ntok - 1, cand[MAXCAND];
	char		 buf[PN_BUFSZ], ini[PN_MAXTOK + 1];
	const char	*kf;
	long		 ei = -1, row;
	size_t		 i;

	/* Deferred from step A: the detector knew it was family. */
	if ((row = case_row(p, m->key)) != -1) {
		if (pn->ntok == 1 && !pn->titled && !pn->initials) {
			/* A forename of several (case_ambiguous()). */
			v = lookup(p, T_PERSON, "first", pn->tok[0],
			    pn->toklen[0], &n);
			if (n == 0) {
				/* A misspelling ("Hape"). */
				n = scan_persons(p, "first", pn->tok[0],
				    pn->toklen[0], 0, cand, MAXCAND);
				v = cand;
			}
			if (n == 0 && (kf = first_key(&p->e[p->caseent[row]]))
			    != NULL)
				/* ... too short to tell: whose forename the
				 * detector took it for. */
				v = lookup(p, T_PERSON, "first", kf, strlen(kf),
				    &n);
			ei = pick(p, v, n, m->text, pn, PICK_CASE);
			return ei != -1 ? ei : p->caseent[row];
		}
		if (pn->initials) {
			for (i = 0; i < pn->ntok; i++)
				ini[i] = pn->tok[i][0];
			v = lookup(p, T_PERSON, "init", ini, pn->ntok, &n);
		} else if (pn->ntok >= 2 && (pn->isinit & 1u)) {
			/* Initial + surname: adults first, as below. */
			n = join(pn, 1, pn->ntok, buf, sizeof(buf));
			v = lookup(p, T_PERSON, "last", buf, n, &n);
			for (i = nf = 0; i < n && nf < MAXCAND; i++)
				if (has_initial(&p->e[v[i]], pn->tok[0][0]))
					cand[nf++] = v[i];
			ei = pick(p, cand, nf, m->text, pn,
			    PICK_ADULT | PICK_CASE);
			return ei != -1 ? ei : p->caseent[row];
		} else {
			v = lookup(p, T_PERSON, "last", pn->tok[0],
			    pn->toklen[0], &n);
			if (has_namesake(p, pn) &&
			    (ei = namesake_pick(p, m, pn, v, n)) != -1) {
				/* Not the case file's: its role goes too. */
				if (p->e[ei].caserow < 0 &&
				    unkey(p, m, intern(p, "")) == -1)
					return -1;
				return ei;
			}
		}
		ei = pick(p, v, n, m->text, pn, pn->initials ?
		    PICK_CASE | initials_age(m, pn) :
		    PICK_ADULT | PICK_CASE | PICK_SURNAME);
		return ei != -1 ? ei : p->caseent[row];
	}

	if (pn->initials) {
		for (i = 0; i < pn->ntok; i++)
			ini[i] = pn->tok[i][0];
		v = lookup(p, T_PERSON, "init", ini, pn->ntok, &n);
		ei = pick(p, v, n, m->text, pn, initials_age(m, pn));
	} else if (pn->ntok >= 2 && !(pn->isinit & 1u)) {
		n = join2(buf, sizeof(buf), pn->tok[0], pn->toklen[0],
		    pn->tok[last], pn->toklen[last]);
		v = lookup(p, T_PERSON, "fl", buf, n != SIZE_MAX ? n : 0, &n);
		ei = pick(p, v, n, m->text, pn, pn->titled ? PICK_ADULT : 0);
		if (ei == -1) {
			/* A misspelt forename with the right surname. */
			v = lookup(p, T_PERSON, "last", pn->tok[last],
			    pn->toklen[last], &n);
			if (n > MAXCAND)
				n = MAXCAND;
			nf = filter_fuzzy(p, v, n, "first", pn->tok[0],
			    pn->toklen[0], maxedit(pn->toklen[0], 1), cand);
			ei = pick(p, cand, nf, m->text, pn,
			    pn->titled ? PICK_ADULT : 0);
		}
		if (ei == -1) {
			/* A misspelt surname with the right forename. */
			v = lookup(p, T_PERSON, "first", pn->tok[0],
			    pn->toklen[0], &n);
			if (n > MAXCAND)
				n = MAXCAND;
			nf = filter_fuzzy(p, v, n, "last", pn->tok[last],
			    pn->toklen[last], maxedit(pn->toklen[last], 0),
			    cand);
			ei = pick(p, cand, nf, m->text, pn,
			    pn->titled ? PICK_ADULT : 0);
		}
		if (ei == -1) {
			/* "Ms Okafor" seen before "Sarah Okafor". */
			v = lookup(p, T_PERSON, "last", pn->tok[last],
			    pn->toklen[last], &n);
			for (i = nf = 0; i < n && nf < MAXCAND; i++) {
				size_t k;
				const struct pent *e = &p->e[v[i]];

				for (k = 0; k < e->nkey; k++)
					if (strcmp(e->key[k].kind, "first") == 0)
						break;
				if (k == e->nkey)
					cand[nf++] = v[i];
			}
			ei = pick(p, cand, nf, m->text, pn,
			    pn->titled ? PICK_ADULT : 0);
		}
	} else if (pn->ntok >= 2) {
		/* "C Allen", "J. Russell": initial + surname. */
		n = join(pn, 1, pn->ntok, buf, sizeof(buf));
		v = lookup(p, T_PERSON, "last", buf, n, &n);
		for (i = nf = 0; i < n && nf < MAXCAND; i++) {
			const struct pent *e = &p->e[v[i]];
			size_t k;

			for (k = 0; k < e->nkey; k++)
				if (strcmp(e->key[k].kind, "first") == 0 &&
				    e->key[k].value[0] == pn->tok[0][0])
					break;
			if (k < e->nkey)
				cand[nf++] = v[i];
		}
		ei = pick(p, cand, nf, m->text, pn, PICK_ADULT);
		if (ei == -1)
			ei = pick(p, v, n, m->text, pn, PICK_ADULT);
	} else if (pn->titled) {
		v = lookup(p, T_PERSON, "last", pn->tok[0], pn->toklen[0], &n);
		if (has_namesake(p, pn))
			ei = namesake_pick(p, m, pn, v, n);
		else
			ei = pick(p, v, n, m->text, pn,
			    PICK_ADULT | PICK_SURNAME | PICK_FULLSEEN);
		if (ei == -1 && maxedit(pn->toklen[0], 0) > 0) {
			n = scan_persons(p, "last", pn->tok[0], pn->toklen[0],
			    0, cand, MAXCAND);
			ei = pick(p, cand, n, m->text, pn, PICK_ADULT);
		}
	} else {
		v = lookup(p, T_PERSON, "first", pn->tok[0], pn->toklen[0], &n);
		ei = pick(p, v, n, m->text, pn, PICK_CASE);
		if (ei == -1) {
			v = lookup(p, T_PERSON, "last", pn->tok[0],
			    pn->toklen[0], &n);
			ei = pick(p, v, n, m->text, pn,
			    PICK_ADULT | PICK_SURNAME);
		}
		if (ei == -1) {
			n = scan_persons(p, "first", pn->tok[0], pn->toklen[0],
			    1, cand, MAXCAND);
			ei = pick(p, cand, n, m->text, pn, PICK_CASE);
		}
		if (ei == -1 && maxedit(pn->toklen[0], 0) > 0) {
			n = scan_persons(p, "first", pn->tok[0], pn->toklen[0],
			    0, cand, MAXCAND);
			ei = pick(p, cand, n, m->text, pn, PICK_CASE);
		}
	}
	if (ei == -1)
		ei = new_entity(p, T_PERSON);
	return ei;
}

/* Counts a subtype vote for the entity's role. */
static int
vote(struct pent *e, const char *s)
{
	struct vote	*nv;
	size_t		 i, cap;

	if (*s == '\0')
		return 0;
	for (i = 0; i < e->nvote; i++)
		if (e->vote[i].s == s) {	/* interned */
			e->vote[i].n++;
			return 0;
		}
	if (e->nvote == e->capvote) {
		cap = e->capvote ? e->capvote * 2 : 4;
		if ((nv = reallocarray(e->vote, cap, sizeof(*nv))) == NULL)
			return -1;
		e->vote = nv;
		e->capvote = cap;
	}
	e->vote[e->nvote].s = s;
	e->vote[e->nvote].n = 1;
	e->nvote++;
	return 0;
}

/* Ties mention mi to entity ei. */
static int
assign(struct pseudo *p, struct pm *m, long ei, const struct pname *pn)
{
	struct pent	*e = &p->e[ei];
	const struct item *b;
	size_t		 have, want;

	m->ent = ei;
	e->nment++;
	if (!e->appeared) {
		e->appeared = 1;
		e->first_text = m->text;
		e->first_start = m->start;
	} else if (m->text < e->first_text || (m->text == e->first_text &&
	    m->start < e->first_start)) {
		e->first_text = m->text;
		e->first_start = m->start;
	}
	if (e->best == -1)
		e->best = (long)m->item;
	else {
		b = &p->it[e->best];
		have = b->slen - pn_possessive(b->surface, b->slen);
		want = m->slen - pn_possessive(m->surface, m->slen);
		if (want > have && !pn_is_caps(m->surface, m->slen))
			e->best = (long)m->item;
	}
	if (vote(e, m->subtype) == -1)
		return -1;
	if (m->at_work)
		e->worked = 1;
	if (pn != NULL && pn->gender != 0 && e->gender == 0 && e->crole == -1)
		e->gender = pn->gender;
	/* The keys below follow from the item alone (pn is its surface
	 * parsed): an item given to the same entity again adds none. */
	if (p->it[m->item].learned == ei)
		return 0;
	if (*m->key != '\0' && m->type != T_PERSON &&
	    addkey(p, (size_t)ei, "key", m->key, strlen(m->key)) == -1)
		return -1;
	if (pn != NULL && learn_person(p, (size_t)ei, pn) == -1)
		return -1;
	p->it[m->item].learned = ei;
	return 0;
}

/* The comparison form of a place or institution: folded, words only. */
static size_t
norm(const char *s, size_t len, char *out, size_t cap)
{
	char	 f[512];
	size_t	 n, i, o = 0;
	int	 sp = 0;

	if (len >= sizeof(f))
		len = sizeof(f) - 1;
	n = pn_fold(f, s, len);
	for (i = 0; i < n && o + 2 < cap; i++) {
		unsigned char c = (unsigned char)f[i];

		if (c == '\'')
			continue;
		if (isalnum(c) || c >= 0x80) {
			if (sp && o > 0)
				out[o++] = ' ';
			sp = 0;
			out[o++] = (char)c;
		} else
			sp = 1;
	}
	out[o] = '\0';
	if (o > 4 && memcmp(out, "the ", 4) == 0) {
		memmove(out, out + 4, o - 3);
		o -= 4;
	}
	return o;
}

static int
is_head_noun(const char *w, size_t len)
{
	static const char *const heads[] = {
		"academy", "centre", "center", "clinic", "college", "hospital",
		"hostel", "house", "hub", "infirmary", "nursery", "practice",
		"refuge", "school", "surgery", "unit", "partners", NULL
	};
	size_t	 i;

	for (i = 0; heads[i] != NULL; i++)
		if (len > 0 && heads[i][0] == w[0] && strlen(heads[i]) == len &&
		    memcmp(heads[i], w, len) == 0)
			return 1;
	return 0;
}

static int
is_designator(const char *w, size_t len)
{
	static const char *const words[] = {
		"and", "c", "catholic", "ce", "childrens", "church", "community",
		"district", "e", "england", "family", "general", "health",
		"high", "infant", "infants", "junior", "medical", "nhs", "of",
		"primary", "rc", "saint", "secondary", "st", "the", "trust",
		"foundation", "group", "mother", "baby", NULL
	};
	size_t	 i;

	if (is_head_noun(w, len))
		return 1;
	for (i = 0; words[i] != NULL; i++)
		if (len > 0 && words[i][0] == w[0] && strlen(words[i]) == len &&
		    memcmp(words[i], w, len) == 0)
			return 1;
	return 0;
}

/*
 * Splits normalised institution text into its core (name words without
 * designators); returns the core's length and sets *head when a head
 * noun (School, Surgery...) is present.
 */
static size_t
inst_core(const char *s, size_t len, char *out, size_t cap, int *head)
{
	size_t	 i = 0, j, o = 0;

	*head = 0;
	while (i < len) {
		j = i;
		while (j < len && s[j] != ' ')
			j++;
		if (is_head_noun(s + i, j - i))
			*head = 1;
		if (!is_designator(s + i, j - i) && o + (j - i) + 2 < cap) {
			if (o > 0)
				out[o++] = ' ';
			memcpy(out + o, s + i, j - i);
			o += j - i;
		}
		i = j + 1;
	}
	out[o] = '\0';
	return o;
}

/*
 * Splits an address into its street (the words of the first comma part
 * that has words other than numbers and flat/unit words) and the whole
 * "number street" form.  Returns the street length; *numlen > 0 when a
 * number was written.
 */
static size_t
addr_parts(const char *s, size_t len, char *street, size_t cap,
    char *full, size_t fcap, size_t *fulllen)
{
	char	 f[512];
	size_t	 n, i = 0, j, o = 0, fo = 0;
	int	 found = 0;

	if (len >= sizeof(f))
		len = sizeof(f) - 1;
	n = pn_fold(f, s, len);
	while (i < n && !found) {
		/* one comma part */
		size_t pend = i;

		while (pend < n && f[pend] != ',')
			pend++;
		while (i < pend) {
			while (i < pend && !isalnum((unsigned char)f[i]) &&
			    (unsigned char)f[i] < 0x80)
				i++;
			j = i;
			while (j < pend && (isalnum((unsigned char)f[j]) ||
			    (unsigned char)f[j] >= 0x80 || f[j] == '\''))
				j++;
			if (j == i)
				break;
			if (isdigit((unsigned char)f[i]) ||
			    ((j - i == 4 && memcmp(f + i, "flat", 4) == 0) ||
			    (j - i == 4 && memcmp(f + i, "unit", 4) == 0) ||
			    (j - i == 9 && memcmp(f + i, "apartment", 9) == 0))) {
				if (fo + (j - i) + 2 < fcap) {
					if (fo > 0)
						full[fo++] = ' ';
					memcpy(full + fo, f + i, j - i);
					fo += j - i;
				}
			} else if (o + (j - i) + 2 < cap) {
				if (o > 0)
					street[o++] = ' ';
				memcpy(street + o, f + i, j - i);
				o += j - i;
				found = 1;
			}
			i = j;
		}
		i = pend + 1;
	}
	street[o] = '\0';
	if (fo > 0 && fo + o + 2 < fcap) {
		full[fo++] = ' ';
		memcpy(full + fo, street, o);
		fo += o;
	} else
		fo = 0;
	full[fo] = '\0';
	*fulllen = fo;
	return o;
}

/* The most recently seen (else first) of candidates v[0..n). */
static long
pick_recent(struct pseudo *p, const size_t *v, size_t n, enum ptype t,
    const char *class)
{
	long	 best = -1;
	size_t	 i;
	const struct pent *e;

	for (i = 0; i < n; i++) {
		e = &p->e[v[i]];
		if (e->type != t)
			continue;
		if (class != NULL && *class != '\0' &&
		    strcmp(class, "other") != 0 && e->nvote > 0 &&
		    strcmp(e->vote[0].s, "other") != 0 &&
		    strcmp(e->vote[0].s, class) != 0)
			continue;
		if (best == -1 || (e->seen && (!p->e[best].seen ||
		    later(e, &p->e[best]))))
			best = (long)v[i];
	}
	return best;
}

/* Finds or creates the entity of an address, place or institution. */
static long
resolve_other(struct pseudo *p, struct pm *m)
{
	char		 nb[512], street[512], full[512], core[512];
	size_t		 nl, sl, fl, cl, n;
	const size_t	*v;
	long		 ei = -1;
	int		 head;

	if (*m->key != '\0' &&
	    (v = lookup(p, m->type, "key", m->key, strlen(m->key), &n)) != NULL)
		return (long)v[0];
	nl = norm(m->surface, m->slen - (m->type == T_PLACE ?
	    pn_possessive(m->surface, m->slen) : 0), nb, sizeof(nb));
	if ((v = lookup(p, m->type, "norm", nb, nl, &n)) != NULL)
		return (long)v[0];
	if (m->type == T_ADDRESS) {
		sl = addr_parts(m->surface, m->slen, street, sizeof(street),
		    full, sizeof(full), &fl);
		if (fl > 0) {
			if ((v = lookup(p, T_ADDRESS, "addr", full, fl, &n)) !=
			    NULL)
				return (long)v[0];
			/* A bare street seen before: the same address. */
			v = lookup(p, T_ADDRESS, "street", street, sl, &n);
			for (size_t i = 0; i < n; i++) {
				size_t k;
				const struct pent *e = &p->e[v[i]];

				for (k = 0; k < e->nkey; k++)
					if (strcmp(e->key[k].kind, "addr") == 0)
						break;
				if (k == e->nkey)
					return (long)v[i];
			}
		} else if (sl > 0) {
			v = lookup(p, T_ADDRESS, "street", street, sl, &n);
			if ((ei = pick_recent(p, v, n, T_ADDRESS, NULL)) != -1)
				return ei;
		}
	} else if (m->type == T_INSTITUTION) {
		cl = inst_core(nb, nl, core, sizeof(core), &head);
		if (!head && cl > 0) {
			v = lookup(p, T_INSTITUTION, "core", core, cl, &n);
			if ((ei = pick_recent(p, v, n, T_INSTITUTION,
			    m->subtype)) != -1)
				return ei;
		}
	} else if (m->type == T_PLACE) {
		/* "the Beechwood estate" and "Beechwood". */
		if (nl > 7 && memcmp(nb + nl - 7, " estate", 7) == 0 &&
		    (v = lookup(p, T_PLACE, "norm", nb, nl - 7, &n)) != NULL)
			return (long)v[0];
	}
	return new_entity(p, m->type);
}

/* Keys a new mention of an address, place or institution adds. */
static int
learn_other(struct pseudo *p, struct pm *m, long ei)
{
	char		 nb[512], street[512], full[512], core[512];
	size_t		 nl, sl, fl, cl;
	int		 head;

	nl = norm(m->surface, m->slen - (m->type == T_PLACE ?
	    pn_possessive(m->surface, m->slen) : 0), nb, sizeof(nb));
	if (addkey(p, (size_t)ei, "norm", nb, nl) == -1)
		return -1;
	if (m->type == T_ADDRESS) {
		sl = addr_parts(m->surface, m->slen, street, sizeof(street),
		    full, sizeof(full), &fl);
		if (addkey(p, (size_t)ei, "street", street, sl) == -1 ||
		    addkey(p, (size_t)ei, "addr", full, fl) == -1)
			return -1;
	} else if (m->type == T_INSTITUTION) {
		cl = inst_core(nb, nl, core, sizeof(core), &head);
		if (addkey(p, (size_t)ei, "core", core, cl) == -1)
			return -1;
	}
	return 0;
}

static int
is_full_name(const struct pname *pn)
{
	return pn->ntok >= 2 && !pn->initials && !(pn->isinit & 1u);
}

/* Returns the case-file row of a "case:N" key, or -1. */
static long
case_row(const struct pseudo *p, const char *key)
{
	char	*end;
	long	 n;

	if (p->cf == NULL || strncmp(key, "case:", 5) != 0 ||
	    !isdigit((unsigned char)key[5]))
		return -1;
	n = strtol(key + 5, &end, 10);
	if (*end != '\0' || n < 1 || (size_t)n > p->cf->nperson)
		return -1;
	return n - 1;
}

/*
 * Returns 1 when a surname-only, initial + surname or initials-only
 * mention fits more than
 * one case-file person of a compatible gender.
 */
static int
case_ambiguous(struct pseudo *p, const struct pname *pn)
{
	const size_t	*v;
	size_t		 n, i, fit = 0;
	char		 ini[PN_MAXTOK + 1];
	const struct pent *e;

	if (pn->ntok == 0)
		return 0;
	char		 buf[PN_BUFSZ];
	size_t		 len = 0;
	int		 initsur = 0;

	if (pn->initials) {
		for (i = 0; i < pn->ntok; i++)
			ini[i] = pn->tok[i][0];
		v = lookup(p, T_PERSON, "init", ini, pn->ntok, &n);
	} else if (pn->ntok == 1 && pn->titled)
		v = lookup(p, T_PERSON, "last", pn->tok[0], pn->toklen[0], &n);
	else if (pn->ntok >= 2 && (pn->isinit & 1u)) {
		/* "R. Rigby": the mother Rhiannon or the child Ryan? */
		len = join(pn, 1, pn->ntok, buf, sizeof(buf));
		v = lookup(p, T_PERSON, "last", buf, len, &n);
		initsur = 1;
	} else if (pn->ntok == 1 && !pn->titled) {
		/* A forename two people of the case file have. */
		v = lookup(p, T_PERSON, "first", pn->tok[0], pn->toklen[0], &n);
		for (i = 0; i < n; i++)
			fit += p->e[v[i]].caserow >= 0;
		return fit > 1;
	} else
		return 0;
	for (i = 0; i < n; i++) {
		e = &p->e[v[i]];
		if (e->caserow < 0 || !gender_ok(pn->gender, e->gender) ||
		    title_excludes(pn, e))
			continue;
		if (initsur ? has_initial(e, pn->tok[0][0]) &&
		    case_surname(p, e, buf, len) : pn->initials ||
		    case_surname(p, e, pn->tok[0], pn->toklen[0]))
			fit++;
	}
	return fit > 1;
}

/*
 * Returns 1 when pn is a bare forename the detector tied to case-file
 * person ei, not written as ei's forename ("Hape") while another person of
 * the case file has ei's forename: two children called Hope.
 */
static int
shared_forename(struct pseudo *p, const struct pname *pn, long ei)
{
	const struct pent *e = &p->e[ei];
	const size_t	*v;
	size_t		 k, n, i;

	if (pn->ntok != 1 || pn->titled || pn->initials)
		return 0;
	for (k = 0; k < e->nkey; k++) {
		if (strcmp(e->key[k].kind, "first") != 0)
			continue;
		v = lookup(p, T_PERSON, "first", e->key[k].value,
		    strlen(e->key[k].value), &n);
		for (i = 0; i < n; i++)
			if ((long)v[i] != ei && p->e[v[i]].caserow >= 0)
				return 1;
	}
	return 0;
}

/*
 * Occurrence m stops being tied to the case file: it becomes the item
 * without the KEY, with subtype sub (one such item per item).
 */
static int
unkey(struct pseudo *p, struct pm *m, const char *sub)
{
	struct item	*it;
	long		 u;

	if ((u = p->it[m->item].unkeyed) == -1) {
		if ((it = item_new(p)) == NULL)
			return -1;
		*it = p->it[m->item];
		it->key = "";
		it->subtype = sub;
		it->count = 0;
		it->unkeyed = -1;
		it->learned = -1;
		u = (long)p->nit++;
		p->it[m->item].unkeyed = u;
	}
	m->item = (size_t)u;
	m->key = p->it[u].key;
	m->subtype = p->it[u].subtype;
	return 0;
}

/* Seniority of a woman's social title: Miss 1, Ms 2, Mrs 3, else 0. */
static int
title_rank(const char *t)
{
	if (strcmp(t, "miss") == 0)
		return 1;
	if (strcmp(t, "ms") == 0)
		return 2;
	if (strcmp(t, "mrs") == 0)
		return 3;
	return 0;
}

static const char *const rank_title[] = { "", "miss", "ms", "mrs" };

/*
 * A person is addressed with one title through a document, and Miss is
 * never a grandmother's.  When the women of two generations of the family
 * share a surname and the text uses exactly two women's titles with it,
 * Miss and another ("Miss Hale", "Mrs Hale"), the grandmother takes the
 * other and the younger women Miss.  Recorded as title keys before
 * grouping, so that the first "Mrs Hale" is decided like the last.
 */
static int
plan_titles(struct pseudo *p)
{
	struct pname	 pn;
	const struct item *m;
	struct pent	*g, *y;
	const char	*s, *hit, *end;
	size_t		 i, j, k, len;
	unsigned	 used;
	int		 r, senior, younger;

	for (i = 0; p->cf != NULL && i < p->cf->nperson; i++) {
		g = &p->e[p->caseent[i]];
		if (g->crole != ROLE_GRANDMOTHER)
			continue;
		for (s = p->cnsur[i]; (hit = strchr(s, '\x1f')) != NULL &&
		    (end = strchr(hit + 1, '\x1f')) != NULL; s = end) {
			len = (size_t)(end - hit - 1);
			used = 0;
			for (j = 0; j < p->nit; j++) {
				m = &p->it[j];
				if (m->type != T_PERSON ||
				    item_parse(p, j, &pn) != 1 ||
				    !pn.titled || pn.toklen[0] != len ||
				    memcmp(pn.tok[0], hit + 1, len) != 0)
					continue;
				if ((r = title_rank(pn.title)) > 0)
					used |= 1u << r;
			}
			/*
			 * Miss and one other title: Ms and Mrs alone say
			 * nothing (grandmothers are Ms as often as Mrs).
			 */
			if (used != ((1u << 1) | (1u << 2)) &&
			    used != ((1u << 1) | (1u << 3)))
				continue;
			younger = 0;
			for (k = 0; k < p->cf->nperson; k++) {
				y = &p->e[p->caseent[k]];
				if (k != i && y->crole != ROLE_GRANDMOTHER &&
				    !case_role_is_child(y->crole) &&
				    gender_ok('f', y->gender) &&
				    case_surname(p, y, hit + 1, len))
					younger = 1;
			}
			if (!younger)
				continue;
			senior = used & (1u << 3) ? 3 : 2;	/* not Miss */
			if (addkey(p, p->caseent[i], "title", rank_title[senior],
			    strlen(rank_title[senior])) == -1)
				return -1;
			for (k = 0; k < p->cf->nperson; k++) {
				y = &p->e[p->caseent[k]];
				if (k == i || y->crole == ROLE_GRANDMOTHER ||
				    case_role_is_child(y->crole) ||
				    !gender_ok('f', y->gender) ||
				    !case_surname(p, y, hit + 1, len))
					continue;
				for (r = 1; r <= 3; r++)
					if (r != senior && (used & (1u << r)) &&
					    addkey(p, p->caseent[k], "title",
					    rank_title[r],
					    strlen(rank_title[r])) == -1)
						return -1;
			}
		}
	}
	return 0;
}

/*
 * A bare forename that the detector tied to case-file person ei, who has
 * it only as a middle name ("Hope Sunita Joshi"), while another person of
 * the case file has it as forename ("Sunita Sidhu"): that other person.
 * The same for a forename + surname that is another case-file person's
 * name ("Leo Chambers", the sibling, tied to "Brodie Leo Chambers").
 * Returns -1 when there is none.
 */
static long
forename_owner(struct pseudo *p, const struct pname *pn, long ei)
{
	const size_t	*v;
	char		 tok[PN_BUFSZ];
	size_t		 n, i;

	if (pn->titled || pn->initials || pn->toklen[0] >= sizeof(tok))
		return -1;
	if (pn->ntok >= 2 && !(pn->isinit & 1u)) {
		/* "Leo Chambers", the sibling, not "Brodie Leo Chambers". */
		n = (size_t)snprintf(tok, sizeof(tok), "%.*s %.*s",
		    (int)pn->toklen[0], pn->tok[0],
		    (int)pn->toklen[pn->ntok - 1], pn->tok[pn->ntok - 1]);
		if (n >= sizeof(tok) || has_key(&p->e[ei], "fl", tok))
			return -1;
		v = lookup(p, T_PERSON, "fl", tok, n, &n);
		for (i = 0; i < n; i++)
			if (p->e[v[i]].caserow >= 0 && (long)v[i] != ei)
				return (long)v[i];
		return -1;
	}
	if (pn->ntok != 1)
		return -1;
	memcpy(tok, pn->tok[0], pn->toklen[0]);
	tok[pn->toklen[0]] = '\0';
	if (has_key(&p->e[ei], "first", tok))
		return -1;
	v = lookup(p, T_PERSON, "first", tok, pn->toklen[0], &n);
	for (i = 0; i < n; i++)
		if (p->e[v[i]].caserow >= 0 && (long)v[i] != ei)
			return (long)v[i];
	return -1;
}

/*
 * Returns 1 when item m is a full name (forename + surname), caching the
 * answer in the item.
 */
static int
item_full(struct pseudo *p, size_t i)
{
	struct item	*m = &p->it[i];
	struct pname	 pn;

	if (m->full == 0) {
		item_parse(p, i, &pn);
		m->full = is_full_name(&pn) ? 2 : 1;
	}
	return m->full == 2;
}

/* Returns 1 when a forename of case-file person e is a or close to it. */
static int
close_forename(const struct pent *e, const char *a, size_t alen)
{
	size_t	 k, vl, n;

	for (k = 0; k < e->nkey; k++) {
		if (strcmp(e->key[k].kind, "first") != 0)
			continue;
		vl = strlen(e->key[k].value);
		n = alen < vl ? alen : vl;
		/* The same, a nickname ("Dex"), or a misspelling. */
		if (n >= 2 && memcmp(a, e->key[k].value, n) == 0)
			return 1;
		if (pn_edit(a, alen, e->key[k].value, vl, 1) <= 1)
			return 1;
	}
	return 0;
}

/*
 * Someone the case file does not list may share a surname with someone
 * it does: "Lee Kane (tenancy officer)" and the grandfather Ron Kane.  The
 * detector ties every "Mr Kane" to the case file; such a mention is then
 * decided in the sweep by its context (namesake_pick()).  Records in
 * p->nsk the surnames of full names in the text that fit no case-file
 * person (not their name, nickname or a misspelling of their forename)
 * while some case-file person has that surname.
 */
static int
plan_namesakes(struct pseudo *p)
{
	struct pname	 pn;
	const struct item *m;
	const struct pent *e;
	const size_t	*v;
	char		 buf[PN_BUFSZ];
	size_t		 i, j, n, len, last;
	int		 family, other;

	if (p->cf == NULL)
		return 0;
	for (i = 0; i < p->nit; i++) {
		m = &p->it[i];
		if (m->type != T_PERSON || m->count == 0 ||
		    case_row(p, m->key) != -1 || !item_full(p, i))
			continue;
		item_parse(p, i, &pn);
		last = pn.ntok - 1;
		len = join(&pn, 1, pn.ntok, buf, sizeof(buf));
		v = lookup(p, T_PERSON, "last", pn.tok[last], pn.toklen[last],
		    &n);
		family = 0;
		other = 1;
		for (j = 0; j < n; j++) {
			e = &p->e[v[j]];
			if (e->caserow < 0)
				continue;
			if (case_surname(p, e, pn.tok[last], pn.toklen[last]) ||
			    case_surname(p, e, buf, len))
				family = 1;
			if (close_forename(e, pn.tok[0], pn.toklen[0]))
				other = 0;
		}
		if (!family || !other)
			continue;
		if (p->nsk == NULL && (p->nsk = phash_new()) == NULL)
			return -1;
		if (phash_add(p->nsk, pn.tok[last], pn.toklen[last], 0) == -1)
			return -1;
	}
	/*
	 * The gender of the practitioner of each such surname, from the
	 * titles of mentions at work ("Mr Kane completed a visit"): value
	 * 'm' or 'f' beside the 0 above.
	 */
	for (i = 0; p->nsk != NULL && i < p->nit; i++) {
		m = &p->it[i];
		if (m->type != T_PERSON || m->count == 0 || !m->at_work ||
		    item_parse(p, i, &pn) != 1 ||
		    pn.gender == 0 || !has_namesake(p, &pn))
			continue;
		if (phash_add(p->nsk, pn.tok[0], pn.toklen[0],
		    (size_t)pn.gender) == -1)
			return -1;
	}
	return 0;
}

/*
 * A person keeps one title through a document: the title + surname of a
 * mention at work ("Mrs Hale completed a health assessment") names the
 * practitioner wherever it stands, when people outside the case file
 * share the surname (pick()).  Records those in p->wts.
 */
static int
plan_work_titles(struct pseudo *p)
{
	struct pname	 pn;
	const struct item *m;
	char		 buf[PN_BUFSZ];
	size_t		 i;
	int		 len;

	for (i = 0; i < p->nit; i++) {
		m = &p->it[i];
		if (m->type != T_PERSON || m->count == 0 || !m->at_work ||
		    pn_parse(&pn, m->surface, m->slen) != 1 || !pn.titled ||
		    pn.initials || prof_title(&pn))
			continue;
		len = snprintf(buf, sizeof(buf), "%s %.*s", pn.title,
		    (int)pn.toklen[0], pn.tok[0]);
		if (len < 0 || (size_t)len >= sizeof(buf))
			continue;
		if (p->wts == NULL && (p->wts = phash_new()) == NULL)
			return -1;
		if (phash_add(p->wts, buf, (size_t)len, 1) == -1)
			return -1;
	}
	return 0;
}

/*
 * Returns 1 when the practitioner called by surname pn (plan_namesakes())
 * was seen at work under a title of gender g.
 */
static int
namesake_gender(const struct pseudo *p, const struct pname *pn, int g)
{
	const size_t	*v;
	size_t		 n, i;

	v = phash_get(p->nsk, pn->tok[0], pn->toklen[0], &n);
	for (i = 0; i < n; i++)
		if (v[i] == (size_t)g)
			return 1;
	return 0;
}

/* Returns 1 when a title + surname pn has a namesake (plan_namesakes()). */
static int
has_namesake(const struct pseudo *p, const struct pname *pn)
{
	size_t	 n;

	if (p->nsk == NULL || pn->ntok != 1 || !pn->titled ||
	    pn->initials || prof_title(pn))
		return 0;
	phash_get(p->nsk, pn->tok[0], pn->toklen[0], &n);
	return n > 0;
}

static int
group(struct pseudo *p)
{
	struct pname	 pn;
	struct pm	*m;
	struct pent	*e;
	const char	*sub;
	long		 row, ei;

	if (plan_titles(p) == -1 || plan_namesakes(p) == -1 ||
	    plan_work_titles(p) == -1)
		return -1;
	/*
	 * A: mentions the detector tied to the case file, except a bare
	 * surname or initials that fit several people of the case file
	 * ("Ms Moore": the mother or the grandmother?), decided in C.
	 */
	for (m = p->cf != NULL ? sweep_first(p) : NULL; m != NULL;
	    m = sweep_next(p)) {
		if (!m->chosen || m->type != T_PERSON ||
		    (row = case_row(p, m->key)) == -1)
			continue;
		item_parse(p, m->item, &pn);
		if (!gender_ok(pn.gender, p->e[p->caseent[row]].gender) ||
		    title_excludes(&pn, &p->e[p->caseent[row]])) {
			/*
			 * "Ms Barker" is not the father, "Mr Collins" not
			 * the child, "Dr Doyle" not the mother: someone
			 * else, and the case role is no evidence of a role.
			 */
			if ((sub = intern(p, prof_title(&pn) ?
			    "professional" : "")) == NULL ||
			    unkey(p, m, sub) == -1)
				return -1;
			continue;
		}
		if (case_ambiguous(p, &pn) || has_namesake(p, &pn) ||
		    shared_forename(p, &pn, p->caseent[row]))
			continue;
		if ((ei = forename_owner(p, &pn, p->caseent[row])) == -1)
			ei = p->caseent[row];
		if (assign(p, m, ei, &pn) == -1)
			return -1;
	}
	if (p->ioerr)
		return -1;
	/* B: full names, which define the people. */
	for (m = sweep_first(p); m != NULL; m = sweep_next(p)) {
		if (!m->chosen || m->type != T_PERSON || m->ent != -1 ||
		    !item_full(p, m->item))
			continue;
		item_parse(p, m->item, &pn);
		if ((ei = resolve_person(p, m, &pn)) == -1 ||
		    assign(p, m, ei, &pn) == -1)
			return -1;
	}
	if (p->ioerr)
		return -1;
	/* C: everything else, in document order, by what was seen before. */
	p->nsx = 0;
	for (m = sweep_first(p); m != NULL; m = sweep_next(p)) {
		if (!m->chosen)
			continue;
		if (!m->samesent)
			p->nsx = 0;
		if (m->ent == -1) {
			if (m->type == T_PERSON) {
				item_parse(p, m->item, &pn);
				p->sx_at = m->start;
				p->look = 1;
				ei = resolve_person(p, m, &pn);
				p->look = 0;
				if (ei == -1 || assign(p, m, ei, &pn) == -1)
					return -1;
			} else if (m->type == T_ADDRESS || m->type == T_PLACE ||
			    m->type == T_INSTITUTION) {
				if ((ei = resolve_other(p, m)) == -1 ||
				    assign(p, m, ei, NULL) == -1 ||
				    learn_other(p, m, ei) == -1)
					return -1;
			}
		}
		if (m->ent != -1 && m->type == T_PERSON && p->nsx < SX_MAX) {
			p->sx_ent[p->nsx] = m->ent;
			p->sx_full[p->nsx] = item_full(p, m->item) != 0;
			p->sx_end[p->nsx++] = m->end;
		}
		if (m->ent != -1) {
			e = &p->e[m->ent];
			e->seen = 1;
			e->last_text = m->text;
			e->last_start = m->start;
			if (m->type == T_PERSON && item_full(p, m->item)) {
				e->fullseen = 1;
				e->full_text = m->text;
				e->full_start = m->start;
				item_parse(p, m->item, &pn);
				if (topic_learn(p, e, &pn) == -1)
					return -1;
			}
		}
	}
	p->nsx = 0;
	return p->ioerr ? -1 : 0;
}

/* ---- step 3: pseudonyms ----------------------------------------------- */

static long *
counter(struct pseudo *p, const char *label)
{
	struct counter	*v;
	size_t		 i, cap;

	for (i = 0; i < p->nctr; i++)
		if (strcmp(p->ctr[i].label, label) == 0)
			return &p->ctr[i].n;
	if (p->nctr == p->capctr) {
		cap = p->capctr ? p->capctr * 2 : 16;
		if ((v = reallocarray(p->ctr, cap, sizeof(*v))) == NULL)
			return NULL;
		p->ctr = v;
		p->capctr = cap;
	}
	if ((label = arena_dup(p, label, strlen(label))) == NULL)
		return NULL;
	p->ctr[p->nctr].label = label;
	p->ctr[p->nctr].n = 0;
	return &p->ctr[p->nctr++].n;
}

/* Marks a pseudonym used; returns 1 if it was free, 0 if taken, -1 ENOMEM. */
static int
claim(struct pseudo *p, const char *ps, size_t ei)
{
	char	 f[256];
	size_t	 n, len = strlen(ps), k;
	const size_t *v;

	if (len >= sizeof(f))
		len = sizeof(f) - 1;
	n = pn_fold(f, ps, len);
	if (idxkey(p, T_OTHER, "used", f, n) == -1)
		return -1;
	if ((v = phash_get(p->idx, p->scratch.buf, p->scratch.len, &k)) !=
	    NULL)
		return v[0] == ei;
	return phash_add(p->idx, p->scratch.buf, p->scratch.len, ei) == -1 ?
	    -1 : 1;
}

/* Raises the counter of "Label N" (or "Child F3") to N. */
static int
note_number(struct pseudo *p, const char *ps)
{
	char	 label[256];
	size_t	 len = strlen(ps), i = len;
	long	*c, n;

	while (i > 0 && isdigit((unsigned char)ps[i - 1]))
		i--;
	if (i == len || i == 0 || len - i > 6 || i >= sizeof(label))
		return 0;
	memcpy(label, ps, i);
	label[i] = '\0';
	n = strtol(ps + i, NULL, 10);
	if ((c = counter(p, label)) == NULL)
		return -1;
	if (n > *c)
		*c = n;
	return 0;
}

/* Sets "Label N" with the next free N as the pseudonym of ei. */
static int
numbered(struct pseudo *p, size_t ei, const char *label)
{
	char	 buf[256];
	long	*c;
	int	 r;

	if ((c = counter(p, label)) == NULL)
		return -1;
	do {
		snprintf(buf, sizeof(buf), "%s%ld", label, ++*c);
		if ((r = claim(p, buf, ei)) == -1)
			return -1;
	} while (r == 0);
	if ((p->e[ei].pseudonym = arena_dup(p, buf, strlen(buf))) == NULL)
		return -1;
	return 0;
}

/* Sets a fixed label, numbering it ("Grandmother 2") if taken. */
static int
plain(struct pseudo *p, size_t ei, const char *label)
{
	char	 buf[256];
	long	 n = 1;
	int	 r;

	snprintf(buf, sizeof(buf), "%s", label);
	while ((r = claim(p, buf, ei)) == 0)
		snprintf(buf, sizeof(buf), "%s %ld", label, ++n);
	if (r == -1)
		return -1;
	if ((p->e[ei].pseudonym = arena_dup(p, buf, strlen(buf))) == NULL)
		return -1;
	return 0;
}

/* Returns 1 when case rows a and b share a surname (name or alias). */
static int
share_surname(const struct case_person *a, const struct case_person *b)
{
	struct pname	 x, y;
	const char	*an[16], *bn[16];
	size_t		 na = 0, nb = 0, i, j;

	an[na++] = a->name;
	for (i = 0; i < a->nalias && na < 16; i++)
		an[na++] = a->alias[i];
	bn[nb++] = b->name;
	for (i = 0; i < b->nalias && nb < 16; i++)
		bn[nb++] = b->alias[i];
	for (i = 0; i < na; i++) {
		if (pn_parse(&x, an[i], strlen(an[i])) < 2)
			continue;
		for (j = 0; j < nb; j++) {
			if (pn_parse(&y, bn[j], strlen(bn[j])) < 2)
				continue;
			if (x.toklen[x.ntok - 1] == y.toklen[y.ntok - 1] &&
			    memcmp(x.tok[x.ntok - 1], y.tok[y.ntok - 1],
			    x.toklen[x.ntok - 1]) == 0)
				return 1;
		}
	}
	return 0;
}

/* "Maternal grandmother" when the surname says so, else "Grandmother". */
static const char *
grandparent(const struct pseudo *p, long row, int female)
{
	const struct case_person *cp = &p->cf->person[row];
	size_t		 i;
	int		 mat = 0, pat = 0;

	for (i = 0; i < p->cf->nperson; i++) {
		if (p->cf->person[i].role == ROLE_MOTHER &&
		    share_surname(cp, &p->cf->person[i]))
			mat = 1;
		if (p->cf->person[i].role == ROLE_FATHER &&
		    share_surname(cp, &p->cf->person[i]))
			pat = 1;
	}
	if (mat && !pat)
		return female ? "Maternal grandmother" : "Maternal grandfather";
	if (pat && !mat)
		return female ? "Paternal grandmother" : "Paternal grandfather";
	return female ? "Grandmother" : "Grandfather";
}

struct profession {
	const char	*slug;
	const char	*label;
};

static const struct profession professions[] = {
	{ "doctor", "Doctor " }, { "gp", "GP " },
	{ "health-visitor", "Health Visitor " },
	{ "housing-officer", "Housing Officer " },
	{ "midwife", "Midwife " }, { "nurse", "Nurse " },
	{ "paediatrician", "Paediatrician " },
	{ "police-officer", "Police Officer " },
	{ "probation-officer", "Probation Officer " },
	{ "professional", "Professional " },
	{ "social-worker", "Social Worker " }, { "teacher", "Teacher " },
};

/* Writes the label of a profession slug ("family-support-worker" →
 * "Family Support Worker ") into buf. */
static void
profession_label(const char *slug, char *buf, size_t cap)
{
	size_t	 i, o = 0;
	int	 up = 1;

	for (i = 0; i < sizeof(professions) / sizeof(professions[0]); i++)
		if (strcmp(slug, professions[i].slug) == 0) {
			snprintf(buf, cap, "%s", professions[i].label);
			return;
		}
	for (i = 0; slug[i] != '\0' && o + 2 < cap; i++) {
		if (slug[i] == '-' || slug[i] == '_' || slug[i] == ' ') {
			buf[o++] = ' ';
			up = 1;
			continue;
		}
		buf[o++] = up ? (char)toupper((unsigned char)slug[i]) : slug[i];
		up = 0;
	}
	buf[o++] = ' ';
	buf[o] = '\0';
}

/* The most voted subtype, ignoring "other" unless it is the only one. */
static const char *
top_vote(const struct pent *e)
{
	const struct vote *b = NULL;
	size_t		 i;

	for (i = 0; i < e->nvote; i++) {
		if (strcmp(e->vote[i].s, "other") == 0)
			continue;
		if (b == NULL || e->vote[i].n > b->n)
			b = &e->vote[i];
	}
	if (b != NULL)
		return b->s;
	return e->nvote > 0 ? e->vote[0].s : "";
}

static int
person_pseudonym(struct pseudo *p, size_t ei)
{
	struct pent	*e = &p->e[ei];
	char		 buf[256];
	int		 role = e->crole;
	const char	*sub = top_vote(e);

	if (role == -1 && *sub != '\0')
		role = case_role_parse(sub, strlen(sub));
	if (*e->role == '\0')
		e->role = role >= 0 ? case_role_name(role) : sub;
	switch (role) {
	case ROLE_SUBJECT_CHILD:
	case ROLE_SIBLING:
	case ROLE_HALF_SIBLING:
		snprintf(buf, sizeof(buf), "Child %s", p->code);
		return numbered(p, ei, buf);
	case ROLE_MOTHER:
		return plain(p, ei, "Mother");
	case ROLE_FATHER:
		return plain(p, ei, "Father");
	case ROLE_MOTHER_PARTNER:
		return plain(p, ei, "Mother's partner");
	case ROLE_FATHER_PARTNER:
		return plain(p, ei, "Father's partner");
	case ROLE_GRANDMOTHER:
	case ROLE_GRANDFATHER:
		if (e->caserow >= 0)
			return plain(p, ei, grandparent(p, e->caserow,
			    role == ROLE_GRANDMOTHER));
		return plain(p, ei, role == ROLE_GRANDMOTHER ?
		    "Grandmother" : "Grandfather");
	case ROLE_OTHER_CHILD:
		return numbered(p, ei, "Child ");
	case ROLE_OTHER_ADULT:
		return numbered(p, ei, "Adult ");
	case ROLE_PROFESSIONAL:
		if (*sub == '\0' || case_role_parse(sub, strlen(sub)) >= 0)
			sub = "professional";
		e->role = sub;
		profession_label(sub, buf, sizeof(buf));
		return numbered(p, ei, buf);
	default:
		break;
	}
	if (*sub != '\0') {
		profession_label(sub, buf, sizeof(buf));
		return numbered(p, ei, buf);
	}
	/* Nothing says adult or child: "Adult" would call a child one. */
	return numbered(p, ei, "Person ");
}

static const char *
institution_label(const char *sub)
{
	static const struct { const char *sub, *label; } inst[] = {
		{ "academy", "School " }, { "children-centre",
		"Children's Centre " }, { "gp", "GP Practice " },
		{ "health-centre", "Health Centre " },
		{ "hospital", "Hospital " }, { "hostel", "Hostel " },
		{ "nursery", "Nursery " }, { "refuge", "Refuge " },
		{ "school", "School " },
	};
	size_t	 i;

	for (i = 0; i < sizeof(inst) / sizeof(inst[0]); i++)
		if (strcmp(sub, inst[i].sub) == 0)
			return inst[i].label;
	return "Institution ";
}

static int
entity_pseudonym(struct pseudo *p, size_t ei)
{
	struct pent	*e = &p->e[ei];

	switch (e->type) {
	case T_PERSON:
		return person_pseudonym(p, ei);
	case T_ADDRESS:
		return numbered(p, ei, "Address ");
	case T_PLACE:
		return numbered(p, ei, "Area ");
	case T_INSTITUTION:
		if (*e->role == '\0')
			e->role = top_vote(e);
		return numbered(p, ei, institution_label(e->role));
	default:
		return plain(p, ei, "[redacted]");
	}
}

static const struct pent *ord_base;

static int
byappearance(const void *a, const void *b)
{
	const struct pent *x = &ord_base[*(const size_t *)a];
	const struct pent *y = &ord_base[*(const size_t *)b];

	if (x->appeared != y->appeared)
		return x->appeared ? -1 : 1;
	if (x->appeared) {
		if (x->first_text != y->first_text)
			return x->first_text < y->first_text ? -1 : 1;
		if (x->first_start != y->first_start)
			return x->first_start < y->first_start ? -1 : 1;
	}
	if (x->caserow != y->caserow)
		return x->caserow < y->caserow ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static int
byid(const void *a, const void *b)
{
	const struct pent *x = &ord_base[*(const size_t *)a];
	const struct pent *y = &ord_base[*(const size_t *)b];
	long	 nx = id_number(x->id), ny = id_number(y->id);

	if (nx != ny)
		return nx < ny ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int
name_entities(struct pseudo *p)
{
	size_t	*ord, i, j, n = 0;
	struct pent *e;
	char	 buf[32];
	int	 pass;
	static const int family[] = { ROLE_SUBJECT_CHILD, ROLE_SIBLING };

	if ((ord = calloc(p->ne + 1, sizeof(*ord))) == NULL)
		return -1;
	/* The map's and the case file's pseudonyms are taken first. */
	for (i = 0; i < p->ne; i++) {
		e = &p->e[i];
		if (!e->fixed)
			continue;
		if (claim(p, e->pseudonym, i) == -1 ||
		    note_number(p, e->pseudonym) == -1)
			goto fail;
	}
	for (i = 0; i < p->ne; i++)
		if (p->e[i].appeared || p->e[i].caserow >= 0 ||
		    p->e[i].from_map)
			ord[n++] = i;
	ord_base = p->e;
	qsort(ord, n, sizeof(*ord), byappearance);

	/* The subject child first, then siblings, in case-file order. */
	for (pass = 0; pass < 2 && p->cf != NULL; pass++)
		for (i = 0; i < p->cf->nperson; i++) {
			e = &p->e[p->caseent[i]];
			if (e->fixed || e->pseudonym != NULL)
				continue;
			if (e->crole == family[pass] || (pass == 1 &&
			    e->crole == ROLE_HALF_SIBLING))
				if (person_pseudonym(p,
				    (size_t)p->caseent[i]) == -1)
					goto fail;
		}
	for (j = 0; j < n; j++) {
		e = &p->e[ord[j]];
		if (e->fixed || e->pseudonym != NULL)
			continue;
		if (entity_pseudonym(p, ord[j]) == -1)
			goto fail;
	}
	/* Ids for the new entities, in the same order. */
	for (j = 0; j < n; j++) {
		e = &p->e[ord[j]];
		if (e->id != NULL)
			continue;
		snprintf(buf, sizeof(buf), "E%ld", p->nextid++);
		if ((e->id = arena_dup(p, buf, strlen(buf))) == NULL)
			goto fail;
	}
	for (j = 0; j < n; j++) {
		e = &p->e[ord[j]];
		if (e->canonical == NULL || *e->canonical == '\0') {
			const struct item *b = e->best >= 0 ? &p->it[e->best] :
			    NULL;
			size_t skip = 0, len;

			if (b == NULL) {
				e->canonical = "";
				continue;
			}
			if (e->type == T_PERSON) {
				/* Drop a leading title from the canonical. */
				struct pname pn;

				pn_parse(&pn, b->surface, b->slen);
				while (pn.titled && skip < b->slen &&
				    b->surface[skip] != ' ')
					skip++;
				if (pn.titled && pn.ntok >= 2 && skip < b->slen)
					skip++;
				else
					skip = 0;
			}
			len = b->slen - skip;
			len -= pn_possessive(b->surface + skip, len);
			if ((e->canonical = arena_dup(p, b->surface + skip,
			    len)) == NULL)
				goto fail;
		}
	}
	free(p->out);
	p->out = ord;
	p->nout = n;
	qsort(p->out, p->nout, sizeof(*p->out), byid);
	return 0;
fail:
	free(ord);
	return -1;
}

/* ---- step 4: replacements --------------------------------------------- */

static const char *
default_hint(enum ptype t)
{
	switch (t) {
	case T_DATE:
		return "[date]";
	case T_POSTCODE:
		return "[postcode]";
	case T_IDENTIFIER:
		return "[identifier]";
	default:
		return "[redacted]";
	}
}

/*
 * Writes into p->rbuf the replacement of occurrence o and fills r.
 * Returns 0, or -1 when out of memory.
 */
static int
make_repl(struct pseudo *p, const struct occ *o, struct pseudo_repl *r)
{
	const struct item *m = &p->it[o->item & OCC_ITEM];
	struct sbuf	*sb = &p->rbuf;
	const char	*base;
	size_t		 k, poss;
	long		 ent = o->ent;
	int		 caps;

	if (ent != -1)
		base = p->e[ent].pseudonym;
	else
		base = *m->hint != '\0' ? m->hint : default_hint(m->type);
	sbuf_reset(sb);
	if (sbuf_adds(sb, base) == -1)
		return -1;
	/* ALL CAPS names stay ALL CAPS; typed placeholders
	 * ("[reference]") and dates keep their own case. */
	caps = ent != -1 && pn_is_caps(m->surface, m->slen);
	if (caps) {
		for (k = 0; k < sb->len; k++)
			sb->buf[k] = (char)toupper((unsigned char)sb->buf[k]);
	} else if ((o->item & OCC_SENT) && ent != -1 &&
	    islower((unsigned char)sb->buf[0]))
		sb->buf[0] = (char)toupper((unsigned char)sb->buf[0]);
	/* A possessive the detector put inside the span stays. */
	if ((m->type == T_PERSON || m->type == T_PLACE) &&
	    (poss = pn_possessive(m->surface, m->slen)) > 0 &&
	    sbuf_add(sb, m->surface + m->slen - poss, poss) == -1)
		return -1;
	if (sbuf_addc(sb, '\0') == -1)
		return -1;
	r->text = (unsigned long)o->text;
	r->start = (size_t)o->start;
	r->end = (size_t)o->end;
	r->entity = ent != -1 ? p->e[ent].id : "-";
	r->repl = sb->buf;
	return 0;
}

/* Lists the entities pseudo_entity() returns: those mentioned. */
static int
list_entities(struct pseudo *p)
{
	size_t	 i;

	if ((p->lst = calloc(p->nout + 1, sizeof(*p->lst))) == NULL)
		return -1;
	for (i = 0; i < p->nout; i++)
		if (p->e[p->out[i]].nment > 0)
			p->lst[p->nlst++] = p->out[i];
	return 0;
}

int
pseudo_resolve(struct pseudo *p, char *err, size_t errlen)
{
	if (p->resolved) {
		snprintf(err, errlen, "pseudo_resolve called twice");
		return -1;
	}
	p->resolved = 1;
	if (flush_unit(p) == -1 ||
	    (p->nob > 0 && (ob_write(p, p->nocc - p->nob, p->nob) == -1 ||
	    tb_write(p, p->nocc - p->nob, p->nob) == -1)))
		goto fail;
	p->nob = 0;
	/* The unit buffer is not needed any more. */
	free(p->m);
	p->m = NULL;
	p->nm = p->capm = 0;
	sbuf_release(&p->ubuf);
	free(p->ch_ord);
	free(p->ch_taken);
	free(p->ch_tk);
	free(p->ch_cov);
	p->ch_ord = p->ch_taken = NULL;
	p->ch_tk = NULL;
	p->ch_cov = NULL;
	p->ch_cap = p->ch_covcap = 0;
	free(p->itab);
	p->itab = NULL;
	p->capitab = 0;
	if (load_case(p) == -1 || unify_types(p) == -1 || group(p) == -1 ||
	    name_entities(p) == -1 || list_entities(p) == -1)
		goto fail;
	return 0;
fail:
	if (p->ioerr != 0 && p->ioerr != ENOMEM)
		snprintf(err, errlen, "temporary file: %s",
		    strerror(p->ioerr));
	else
		snprintf(err, errlen, "%s", strerror(ENOMEM));
	return -1;
}

size_t
pseudo_nrepl(const struct pseudo *p)
{
	return p->nocc;
}

size_t
pseudo_nitem(const struct pseudo *p)
{
	return p->nit;
}

const struct pseudo_repl *
pseudo_repl(struct pseudo *p, size_t i)
{
	struct occ	 o;
	const char	*s;

	if (i >= p->nocc || fseeko(p->of, (off_t)(i * sizeof(o)),
	    SEEK_SET) == -1 || fread(&o, sizeof(o), 1, p->of) != 1 ||
	    make_repl(p, &o, &p->rv) == -1 ||
	    (s = intern(p, p->rv.repl)) == NULL)
		return NULL;
	p->rv.repl = s;
	return &p->rv;
}

int
pseudo_next_repl(struct pseudo *p, struct pseudo_repl *r, char *err,
    size_t errlen)
{
	size_t	 k;

	if (p->rnext == p->nocc)
		return 0;
	k = p->rnext % OCC_BLOCK;
	if (k == 0 && ob_read(p, p->rnext, p->nocc - p->rnext < OCC_BLOCK ?
	    p->nocc - p->rnext : OCC_BLOCK) == -1) {
		snprintf(err, errlen, "temporary file: %s", strerror(p->ioerr));
		return -1;
	}
	if (make_repl(p, &p->ob[k], r) == -1) {
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return -1;
	}
	p->rnext++;
	return 1;
}

size_t
pseudo_nentity(const struct pseudo *p)
{
	return p->nlst;
}

void
pseudo_entity(const struct pseudo *p, size_t i, struct pseudo_entity *pe)
{
	const struct pent *e;

	memset(pe, 0, sizeof(*pe));
	if (i >= p->nlst)
		return;
	e = &p->e[p->lst[i]];
	pe->id = e->id;
	pe->type = tname[e->type];
	pe->role = e->role;
	pe->pseudonym = e->pseudonym;
	pe->canonical = e->canonical != NULL ? e->canonical : "";
	pe->mentions = e->nment;
}

int
pseudo_export_map(const struct pseudo *p, struct anon_map *out)
{
	struct map_entity *me;
	const struct pent *e;
	char		 g[2];
	size_t		 i, k;

	out->has_shift = p->has_shift;
	out->date_shift = p->shift;
	for (i = 0; i < p->nout; i++) {
		e = &p->e[p->out[i]];
		if ((me = anon_map_add_entity(out, e->id, tname[e->type],
		    e->role, e->pseudonym, e->canonical)) == NULL)
			return -1;
		if (e->type == T_PERSON && e->gender != 0) {
			g[0] = (char)e->gender;
			g[1] = '\0';
			if (anon_map_add_key(me, "gender", g) == -1)
				return -1;
		}
		for (k = 0; k < e->nkey; k++)
			if (anon_map_add_key(me, e->key[k].kind,
			    e->key[k].value) == -1)
				return -1;
	}
	return 0;
}
