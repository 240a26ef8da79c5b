/*
 * rxprefix.c — the byte sets a regular expression's matches begin with
 * (see rxprefix.h).
 *
 * The pattern is read once into a set of sequences of ASCII byte sets
 * (struct pset), element by element: a sequence is "closed" once
 * nothing more is known about what follows (a repeat, something not
 * understood, the length limit).  Only what PCRE2 would make stricter is
 * dropped (lookarounds, anchors, word boundaries are ignored; a repeat
 * counts once and closes), so the sequences never exclude a match.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rxprefix.h"

#define PX_LEN	12	/* bytes of a sequence */
#define PX_MAX	64	/* sequences of a set */
#define PX_MAXW	128	/* the same for rxprefix_make_word() */

struct pseq {
	unsigned char	 len;
	unsigned char	 closed;
	unsigned short	 loop;		/* bit j: offset j repeats (X+) */
	unsigned short	 na;		/* bit j: offset j may be a character
					 * outside ASCII */
	unsigned short	 ks;		/* bit j: at least the long s or the
					 * Kelvin sign (na implies ks) */
	uint64_t	 m[PX_LEN][2];	/* ASCII bytes allowed at each offset */
};

struct pset {
	struct pseq	*v;
	size_t		 n, cap;
};

struct pnode {
	uint64_t	 m[2];		/* bytes that lead to this node */
	int		 loop;		/* more of them may follow */
	int		 na;		/* or a character outside ASCII: 2,
					 * or only the long s or the Kelvin
					 * sign: 1 */
	int		 nakids;	/* a child has na 2 */
	int		 kskids;	/* a child has na 1 or 2 */
	int		 child, sib;
	int		 accept;	/* a sequence ends here */
	int		 jump;		/* its row in jumps, or -1 */
	int		 overlap;	/* two children allow one byte */
};

/* Nodes with this many children or more get a row of jumps. */
#define PX_JUMP	3

struct rxprefix {
	struct pnode	*v;
	size_t		 n, cap;
	size_t		 nseq;
	int		 empty;		/* a match of no characters may exist */
	uint64_t	 notafter[2];	/* a match never follows these bytes */
	short		*jumps;		/* [128] per row: the first child
					 * that allows a byte, or -1 */
};

/* A parse in progress: bad is set when the pattern is not understood. */
struct parse {
	const char	*s;
	size_t		 i;
	int		 bad;
	int		 nomem;
	int		 depth;
	size_t		 max;		/* PX_MAX or PX_MAXW */
};

static int
push(struct parse *ps, struct pset *set, const struct pseq *q)
{
	struct pseq	*v;
	size_t		 cap;

	if (set->n == set->cap) {
		cap = set->cap ? set->cap * 2 : 4;
		if ((v = realloc(set->v, cap * sizeof(*v))) == NULL) {
			ps->nomem = 1;
			return -1;
		}
		set->v = v;
		set->cap = cap;
	}
	set->v[set->n++] = *q;
	return 0;
}

/* A set of one open sequence of length 0: no constraint yet. */
static int
empty(struct parse *ps, struct pset *set, int closed)
{
	struct pseq	 q;

	memset(&q, 0, sizeof(q));
	q.closed = (unsigned char)closed;
	set->n = 0;
	return push(ps, set, &q);
}

/* A set of one open sequence of one byte set m (na: or any character
 * outside ASCII, 2, or the long s or the Kelvin sign, 1). */
static int
single(struct parse *ps, struct pset *set, const uint64_t m[2], int na)
{
	struct pseq	 q;

	memset(&q, 0, sizeof(q));
	q.len = 1;
	q.na = na >= 2 ? 1 : 0;
	q.ks = na >= 1 ? 1 : 0;
	q.m[0][0] = m[0];
	q.m[0][1] = m[1];
	set->n = 0;
	return push(ps, set, &q);
}

static void
close_all(struct pset *set)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		set->v[i].closed = 1;
}

static int	concat1(struct parse *, struct pset *, const struct pset *);

static int	covers(const struct pseq *, const struct pseq *);

/* 1 when b may be dropped from a set holding a. */
static int
drops(const struct pseq *a, const struct pseq *b)
{
	if (a->closed)
		return covers(a, b);
	return b->closed == 0 && a->len == b->len && covers(a, b) &&
	    covers(b, a);
}

/*
 * Replaces *s by every sequence of *s followed by every sequence of *a
 * (closed ones of *s stay as they are).  Too many sequences: *a is cut
 * to its first 3, 2 bytes (closed, those another covers dropped), then
 * to one byte set, the union of its first ones (or nothing when one of
 * its sequences is empty), and that closed.
 */
static int
concat(struct parse *ps, struct pset *s, const struct pset *a)
{
	struct pset	 u = { NULL, 0, 0 };
	struct pseq	 q;
	size_t		 i, j, l;
	int		 rc;

	if ((rc = concat1(ps, s, a)) != 1)
		return rc;
	for (l = 3; l >= 2; l--) {
		u.n = 0;
		for (i = 0; i < a->n; i++) {
			q = a->v[i];
			if (q.len > l) {
				q.len = (unsigned char)l;
				q.closed = 1;
			}
			/* A sequence still open is followed by more: only a
			 * closed one may stand for those it covers. */
			for (j = 0; j < u.n && !drops(&u.v[j], &q); j++)
				;
			if (j < u.n)
				continue;
			for (j = 0; j < u.n; )
				if (drops(&q, &u.v[j]))
					u.v[j] = u.v[--u.n];
				else
					j++;
			if (push(ps, &u, &q) == -1) {
				free(u.v);
				return -1;
			}
		}
		if ((rc = concat1(ps, s, &u)) != 1) {
			free(u.v);
			return rc;
		}
	}
	u.n = 0;
	memset(&q, 0, sizeof(q));
	q.len = 1;
	q.closed = 1;
	for (i = 0; i < a->n; i++) {
		if (a->v[i].len == 0) {
			q.len = 0;
			break;
		}
		q.m[0][0] |= a->v[i].m[0][0];
		q.m[0][1] |= a->v[i].m[0][1];
		q.na |= a->v[i].na & 1;
		q.ks |= a->v[i].ks & 1;
	}
	if (push(ps, &u, &q) == -1)
		return -1;
	if ((rc = concat1(ps, s, &u)) == 1) {
		close_all(s);
		rc = 0;
	}
	free(u.v);
	return rc;
}

/* concat() without the fallback: returns 1, *s unchanged, when the
 * result would be too large. */
static int
concat1(struct parse *ps, struct pset *s, const struct pset *a)
{
	struct pset	 r = { NULL, 0, 0 };
	struct pseq	 q;
	size_t		 i, j, k;

	for (i = 0; i < s->n; i++) {
		if (s->v[i].closed) {
			if (push(ps, &r, &s->v[i]) == -1)
				goto fail;
			continue;
		}
		for (j = 0; j < a->n; j++) {
			q = s->v[i];
			for (k = 0; k < a->v[j].len && q.len < PX_LEN; k++) {
				q.m[q.len][0] = a->v[j].m[k][0];
				q.m[q.len][1] = a->v[j].m[k][1];
				if (a->v[j].loop & (1u << k))
					q.loop |= (unsigned short)(1u << q.len);
				if (a->v[j].na & (1u << k))
					q.na |= (unsigned short)(1u << q.len);
				if (a->v[j].ks & (1u << k))
					q.ks |= (unsigned short)(1u << q.len);
				q.len++;
			}
			q.closed = a->v[j].closed || k < a->v[j].len ||
			    q.len == PX_LEN;
			if (push(ps, &r, &q) == -1)
				goto fail;
		}
		if (r.n > ps->max) {
			free(r.v);
			return 1;
		}
	}
	free(s->v);
	*s = r;
	return 0;
fail:
	free(r.v);
	return -1;
}

static int
append(struct parse *ps, struct pset *s, const struct pset *a)
{
	size_t	 i;

	for (i = 0; i < a->n; i++)
		if (push(ps, s, &a->v[i]) == -1)
			return -1;
	return 0;
}

static void
setbit(uint64_t m[2], unsigned c)
{
	if (c < 128)
		m[c >> 6] |= (uint64_t)1 << (c & 63);
}

/* Adds c, and its other case when caseless. */
static void
addch(uint64_t m[2], unsigned c, int ci)
{
	setbit(m, c);
	if (ci && c >= 'a' && c <= 'z')
		setbit(m, c - 'a' + 'A');
	if (ci && c >= 'A' && c <= 'Z')
		setbit(m, c - 'A' + 'a');
}

static void
addrange(uint64_t m[2], unsigned lo, unsigned hi, int ci)
{
	unsigned	 c;

	for (c = lo; c <= hi && c < 128; c++)
		addch(m, c, ci);
}

static void
invert(uint64_t m[2])
{
	m[0] = ~m[0];
	m[1] = ~m[1];
}

/*
 * The set of an escape \e that stands for a class of characters; returns
 * 0 and fills m, or -1 when e is not one.  *na is set when it can match
 * a character outside ASCII: without UCP, \d, \s and \w never do
 * (PCRE2's default tables), the others may.
 */
static int
escclass(int e, uint64_t m[2], int *na)
{
	m[0] = m[1] = 0;
	*na = e == 'd' || e == 's' || e == 'w' ? 0 : 2;
	switch (e) {
	case 'd': case 'D':
		addrange(m, '0', '9', 0);
		break;
	case 'w': case 'W':
		addrange(m, '0', '9', 0);
		addrange(m, 'a', 'z', 0);
		addrange(m, 'A', 'Z', 0);
		setbit(m, '_');
		break;
	case 's': case 'S':
		addrange(m, 9, 13, 0);
		setbit(m, ' ');
		break;
	case 'h': case 'H':
		setbit(m, 9);
		setbit(m, ' ');
		break;
	case 'v': case 'V':
		addrange(m, 10, 13, 0);
		break;
	case 'N':
		setbit(m, '\n');
		invert(m);
		return 0;
	default:
		return -1;
	}
	if (e >= 'A' && e <= 'Z')
		invert(m);
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Reads the escape at s[i] == '\\' that stands for one character;
 * returns its code point (advancing i past it), or -1 when it is not one
 * of those understood.
 */
static long
escchar(struct parse *ps)
{
	const char	*s = ps->s;
	size_t		 i = ps->i + 1;
	long		 v = 0;
	int		 h, n;

	switch (s[i]) {
	case 't': ps->i = i + 1; return '\t';
	case 'n': ps->i = i + 1; return '\n';
	case 'r': ps->i = i + 1; return '\r';
	case 'f': ps->i = i + 1; return '\f';
	case 'a': ps->i = i + 1; return 7;
	case 'e': ps->i = i + 1; return 27;
	case 'x':
		i++;
		if (s[i] == '{') {
			for (i++, n = 0; (h = hexval(s[i])) >= 0 && n < 8;
			    i++, n++)
				v = v * 16 + h;
			if (s[i] != '}' || n == 0)
				return -1;
			ps->i = i + 1;
			return v;
		}
		for (n = 0; n < 2 && (h = hexval(s[i])) >= 0; i++, n++)
			v = v * 16 + h;
		ps->i = i;
		return v;
	default:
		break;
	}
	/* An escaped ASCII character that is neither letter nor digit
	 * stands for itself. */
	if ((unsigned char)s[i] < 128 && s[i] != '\0' &&
	    !(s[i] >= '0' && s[i] <= '9') && !(s[i] >= 'a' && s[i] <= 'z') &&
	    !(s[i] >= 'A' && s[i] <= 'Z')) {
		ps->i = i + 1;
		return (unsigned char)s[i];
	}
	return -1;
}

/* Skips a character of the pattern (UTF-8); returns its first byte. */
static unsigned
skipchar(struct parse *ps)
{
	unsigned	 c = (unsigned char)ps->s[ps->i++];

	if (c >= 0xc0)
		while (((unsigned char)ps->s[ps->i] & 0xc0) == 0x80)
			ps->i++;
	return c;
}

/* The ASCII characters a character outside ASCII can match: none, or
 * when caseless (K is the Kelvin sign's, s the long s's), every letter. */
static void
nonascii(uint64_t m[2], int ci)
{
	if (ci) {
		addrange(m, 'a', 'z', 1);
	}
}

/*
 * 1 when s begins with \p{L} or \p{N}, filling m with their ASCII
 * members (they hold characters outside ASCII too).
 */
static int
uniprop(const char *s, uint64_t m[2])
{
	m[0] = m[1] = 0;
	if (s[0] != '\\' || s[1] != 'p' || s[2] != '{' || s[4] != '}')
		return 0;
	if (s[3] == 'L') {
		addrange(m, 'a', 'z', 1);
		return 1;
	}
	if (s[3] == 'N') {
		addrange(m, '0', '9', 0);
		return 1;
	}
	return 0;
}

/* 1 when a caseless ASCII letter of m can match a character outside
 * ASCII: k (the Kelvin sign), s (the long s). */
static int
folds_out(const uint64_t m[2], int ci)
{
	static const char kk[] = "kKsS";
	int	 i;

	for (i = 0; ci && kk[i] != '\0'; i++)
		if ((m[kk[i] >> 6] >> (kk[i] & 63)) & 1)
			return 1;
	return 0;
}

/* Reads a class at s[i] == '['; fills m and *na (as single()). */
static void
parse_class(struct parse *ps, uint64_t m[2], int ci, int *na)
{
	const char	*s = ps->s;
	uint64_t	 e[2];
	long		 lo, hi;
	int		 neg = 0, first = 1, ena;

	m[0] = m[1] = 0;
	*na = 0;
	ps->i++;
	if (s[ps->i] == '^') {
		neg = 1;
		ps->i++;
	}
	for (;; first = 0) {
		if (s[ps->i] == '\0') {
			ps->bad = 1;
			return;
		}
		if (s[ps->i] == ']' && !first)
			break;
		if (s[ps->i] == '[' && (s[ps->i + 1] == ':' ||
		    s[ps->i + 1] == '.' || s[ps->i + 1] == '=')) {
			ps->bad = 1;	/* POSIX classes */
			return;
		}
		if (s[ps->i] == '\\') {
			if (uniprop(s + ps->i, e)) {
				m[0] |= e[0];
				m[1] |= e[1];
				*na = 2;
				ps->i += 5;
				continue;
			}
			if (escclass(s[ps->i + 1], e, &ena) == 0) {
				m[0] |= e[0];
				m[1] |= e[1];
				if (ena > *na)
					*na = ena;
				ps->i += 2;
				continue;
			}
			if ((lo = escchar(ps)) < 0) {
				ps->bad = 1;
				return;
			}
		} else
			lo = (long)skipchar(ps);
		if ((unsigned long)lo >= 0x80)
			lo = 0x80;	/* some character outside ASCII */
		hi = lo;
		if (s[ps->i] == '-' && s[ps->i + 1] != ']' &&
		    s[ps->i + 1] != '\0') {
			ps->i++;
			if (s[ps->i] == '\\') {
				if ((hi = escchar(ps)) < 0) {
					ps->bad = 1;
					return;
				}
			} else
				hi = (long)skipchar(ps);
			if ((unsigned long)hi >= 0x80)
				hi = 0x80;
		}
		if (lo < 0x80)
			addrange(m, (unsigned)lo, hi < 0x80 ? (unsigned)hi : 127,
			    ci);
		if (hi >= 0x80) {
			/* What it adds is a guess from above: right for a
			 * class, wrong for one negated. */
			if (!neg)
				nonascii(m, ci);
			*na = 2;
		}
	}
	ps->i++;
	if (*na == 0 && folds_out(m, ci))
		*na = 1;
	if (neg) {
		invert(m);
		*na = 2;
	}
}

/* Skips a group at s[i] == '(' (with what it holds). */
static void
skip_group(struct parse *ps)
{
	const char	*s = ps->s;
	int		 depth = 0, first;

	for (;;) {
		switch (s[ps->i]) {
		case '\0':
			ps->bad = 1;
			return;
		case '\\':
			ps->i++;
			if (s[ps->i] == '\0') {
				ps->bad = 1;
				return;
			}
			ps->i++;
			break;
		case '[':
			ps->i++;
			if (s[ps->i] == '^')
				ps->i++;
			for (first = 1; s[ps->i] != ']' || first; first = 0) {
				if (s[ps->i] == '\0') {
					ps->bad = 1;
					return;
				}
				if (s[ps->i] == '\\' && s[ps->i + 1] != '\0')
					ps->i++;
				ps->i++;
			}
			ps->i++;
			break;
		case '(':
			depth++;
			ps->i++;
			break;
		case ')':
			ps->i++;
			if (--depth == 0)
				return;
			break;
		default:
			ps->i++;
			break;
		}
	}
}

static int	parse_alt(struct parse *, int, struct pset *);

/* Reads one element at s[i] into *a (from nothing). */
static int
parse_atom(struct parse *ps, int ci, struct pset *a)
{
	const char	*s = ps->s;
	uint64_t	 m[2] = { 0, 0 };
	long		 c;
	int		 na;

	switch (s[ps->i]) {
	case '(':
		if (s[ps->i + 1] != '?' && s[ps->i + 1] != '*') {
			ps->i++;
			goto group;
		}
		if (s[ps->i + 1] == '*') {
			/* (*MARK:NAME) and (*:NAME) only name the path;
			 * other verbs change what matches. */
			if (strncmp(s + ps->i, "(*MARK:", 7) != 0 &&
			    strncmp(s + ps->i, "(*:", 3) != 0) {
				ps->bad = 1;
				return 0;
			}
			while (s[ps->i] != ')' && s[ps->i] != '\0')
				ps->i++;
			if (s[ps->i] == '\0') {
				ps->bad = 1;
				return 0;
			}
			ps->i++;
			return empty(ps, a, 0);
		}
		/* (?...) */
		if (s[ps->i + 2] == ':' || s[ps->i + 2] == '>') {
			ps->i += 3;
			goto group;
		}
		if (strncmp(s + ps->i + 2, "i:", 2) == 0) {
			ci = 1;
			ps->i += 4;
			goto group;
		}
		if (strncmp(s + ps->i + 2, "-i:", 3) == 0) {
			ci = 0;
			ps->i += 5;
			goto group;
		}
		if (s[ps->i + 2] == '=' || s[ps->i + 2] == '!' ||
		    (s[ps->i + 2] == '<' && (s[ps->i + 3] == '=' ||
		    s[ps->i + 3] == '!'))) {
			/* Lookarounds consume nothing: no constraint. */
			skip_group(ps);
			return empty(ps, a, 0);
		}
		ps->bad = 1;
		return 0;
	case '[':
		parse_class(ps, m, ci, &na);
		return single(ps, a, m, na);
	case '\\':
		if (uniprop(s + ps->i, m)) {
			ps->i += 5;
			return single(ps, a, m, 2);
		}
		if (escclass(s[ps->i + 1], m, &na) == 0) {
			ps->i += 2;
			return single(ps, a, m, na);
		}
		if (strchr("bBAzZGK", s[ps->i + 1]) != NULL) {
			ps->i += 2;
			return empty(ps, a, 0);
		}
		if ((c = escchar(ps)) < 0) {
			ps->bad = 1;
			return 0;
		}
		if (c < 0x80)
			addch(m, (unsigned)c, ci);
		else
			nonascii(m, ci);
		return single(ps, a, m, c >= 0x80 ? 2 : folds_out(m, ci));
	case '.':
		ps->i++;
		setbit(m, '\n');
		invert(m);
		return single(ps, a, m, 2);
	case '^':
	case '$':
		ps->i++;
		return empty(ps, a, 0);
	case '*':
	case '+':
	case '?':
		ps->bad = 1;
		return 0;
	default:
		c = (long)skipchar(ps);
		if (c < 0x80)
			addch(m, (unsigned)c, ci);
		else
			nonascii(m, ci);
		return single(ps, a, m, c >= 0x80 ? 2 : folds_out(m, ci));
	}
group:
	if (++ps->depth > 50) {
		ps->bad = 1;
		return 0;
	}
	if (empty(ps, a, 0) == -1 || parse_alt(ps, ci, a) == -1)
		return -1;
	ps->depth--;
	if (s[ps->i] != ')') {
		ps->bad = 1;
		return 0;
	}
	ps->i++;
	return 0;
}

/*
 * Reads a quantifier at s[i], if any: sets *min and *max (-1: no limit)
 * and returns 1, else 0.
 */
static int
quantifier(struct parse *ps, long *min, long *max)
{
	const char	*s = ps->s;
	size_t		 i = ps->i;
	long		 lo = 0, hi;

	switch (s[i]) {
	case '?': *min = 0; *max = 1; i++; break;
	case '*': *min = 0; *max = -1; i++; break;
	case '+': *min = 1; *max = -1; i++; break;
	case '{':
		i++;
		if (!(s[i] >= '0' && s[i] <= '9')) {
			/* "{,2}", "{ 2}" are quantifiers in some versions
			 * of PCRE2 and literal in others. */
			if (s[i] == ',' || s[i] == ' ')
				ps->bad = 1;
			return 0;
		}
		while (s[i] >= '0' && s[i] <= '9' && lo < 100000)
			lo = lo * 10 + (s[i++] - '0');
		hi = lo;
		if (s[i] == ',') {
			i++;
			hi = -1;
			if (s[i] >= '0' && s[i] <= '9') {
				hi = 0;
				while (s[i] >= '0' && s[i] <= '9' &&
				    hi < 100000)
					hi = hi * 10 + (s[i++] - '0');
			}
		}
		if (s[i] != '}') {
			ps->bad = 1;	/* "{2 }" and the like: unsure */
			return 0;
		}
		i++;
		*min = lo;
		*max = hi;
		break;
	default:
		return 0;
	}
	if (s[i] == '?' || s[i] == '+')
		i++;
	ps->i = i;
	return 1;
}

/* Reads a sequence of elements up to '|', ')' or the end onto *set. */
static int
parse_seq(struct parse *ps, int ci, struct pset *set)
{
	struct pset	 a = { NULL, 0, 0 }, e = { NULL, 0, 0 };
	long		 min, max;
	int		 rc = 0;

	while (!ps->bad && ps->s[ps->i] != '\0' && ps->s[ps->i] != '|' &&
	    ps->s[ps->i] != ')') {
		if ((rc = parse_atom(ps, ci, &a)) == -1 || ps->bad)
			break;
		if (quantifier(ps, &min, &max)) {
			if ((max != 1 || min > 1) && a.n == 1 &&
			    a.v[0].len == 1 && !a.v[0].closed)
				a.v[0].loop = 1;	/* X+ */
			else if (max != 1 || min > 1)
				close_all(&a);	/* one repeat is known */
			if (min == 0) {
				if ((rc = empty(ps, &e, 0)) == -1 ||
				    (rc = append(ps, &e, &a)) == -1)
					break;
				free(a.v);
				a = e;
				e.v = NULL;
				e.n = e.cap = 0;
			}
		}
		if ((rc = concat(ps, set, &a)) == -1)
			break;
	}
	free(a.v);
	free(e.v);
	return rc;
}

/* Reads alternatives up to ')' or the end: *set becomes their union,
 * each following the sequences *set held. */
static int
parse_alt(struct parse *ps, int ci, struct pset *set)
{
	struct pset	 out = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	int		 rc = -1;

	for (;;) {
		b.n = 0;
		if (append(ps, &b, set) == -1 || parse_seq(ps, ci, &b) == -1 ||
		    append(ps, &out, &b) == -1)
			goto out;
		if (ps->bad || ps->s[ps->i] != '|')
			break;
		ps->i++;
	}
	free(set->v);
	*set = out;
	out.v = NULL;
	rc = 0;
out:
	free(out.v);
	free(b.v);
	return rc;
}

/* 1 when every byte b allows, a allows too, over b's first a->len. */
static int
covers(const struct pseq *a, const struct pseq *b)
{
	size_t	 j;

	if (a->len > b->len)
		return 0;
	for (j = 0; j < a->len; j++)
		if ((a->m[j][0] & b->m[j][0]) != b->m[j][0] ||
		    (a->m[j][1] & b->m[j][1]) != b->m[j][1] ||
		    ((b->loop >> j) & 1) > ((a->loop >> j) & 1) ||
		    ((b->na >> j) & 1) > ((a->na >> j) & 1) ||
		    ((b->ks >> j) & 1) > ((a->ks >> j) & 1))
			return 0;
	return 1;
}

static int
node_new(struct rxprefix *p, const uint64_t m[2], int loop, int na)
{
	struct pnode	*v;
	size_t		 cap;

	if (p->n == p->cap) {
		cap = p->cap ? p->cap * 2 : 16;
		if ((v = realloc(p->v, cap * sizeof(*v))) == NULL)
			return -1;
		p->v = v;
		p->cap = cap;
	}
	p->v[p->n].m[0] = m[0];
	p->v[p->n].m[1] = m[1];
	p->v[p->n].loop = loop;
	p->v[p->n].na = na;
	p->v[p->n].nakids = 0;
	p->v[p->n].kskids = 0;
	p->v[p->n].child = p->v[p->n].sib = -1;
	p->v[p->n].accept = 0;
	p->v[p->n].jump = -1;
	p->v[p->n].overlap = 0;
	return (int)p->n++;
}

/* Gives the nodes with PX_JUMP children or more a row of jumps. */
static int
make_jumps(struct rxprefix *p)
{
	size_t	 i, rows = 0, b;
	int	 c, k, r;

	for (i = 0; i < p->n; i++) {
		uint64_t seen[2] = { 0, 0 };

		for (k = 0, c = p->v[i].child; c != -1; c = p->v[c].sib) {
			k++;
			if ((seen[0] & p->v[c].m[0]) != 0 ||
			    (seen[1] & p->v[c].m[1]) != 0)
				p->v[i].overlap = 1;
			seen[0] |= p->v[c].m[0];
			seen[1] |= p->v[c].m[1];
		}
		if (k >= PX_JUMP && !p->v[i].accept)
			rows++;
	}
	if (rows == 0)
		return 0;
	if ((p->jumps = malloc(rows * 128 * sizeof(*p->jumps))) == NULL)
		return -1;
	for (i = 0, r = 0; i < p->n; i++) {
		for (k = 0, c = p->v[i].child; c != -1; c = p->v[c].sib)
			k++;
		if (k < PX_JUMP || p->v[i].accept)
			continue;
		p->v[i].jump = r;
		for (b = 0; b < 128; b++) {
			for (c = p->v[i].child; c != -1; c = p->v[c].sib)
				if ((p->v[c].m[b >> 6] >> (b & 63)) & 1)
					break;
			p->jumps[r * 128 + b] = (short)c;
		}
		r++;
	}
	return 0;
}

/* 1 when src has alternatives at its top level (or is not understood). */
static int
top_alt(const char *src)
{
	struct parse	 ps;

	memset(&ps, 0, sizeof(ps));
	ps.s = src;
	while (!ps.bad && src[ps.i] != '\0') {
		if (src[ps.i] == '|' || src[ps.i] == ')')
			return 1;
		if (src[ps.i] == '(')
			skip_group(&ps);
		else if (src[ps.i] == '[') {
			uint64_t m[2];
			int	 na;

			parse_class(&ps, m, 0, &na);
		} else if (src[ps.i] == '\\')
			ps.i += src[ps.i + 1] != '\0' ? 2 : 1;
		else
			ps.i++;
	}
	return ps.bad;
}

/*
 * The prefix test of src; with wordend, of src followed by (?!\w): each
 * sequence that describes a whole match (open, shorter than PX_LEN)
 * gets one more element, a non-word ASCII byte or any character
 * outside ASCII (\w is ASCII without UCP; the end of the text passes
 * any test).
 */
static struct rxprefix *
make(const char *src, int caseless, int wordend)
{
	struct rxprefix	*p;
	struct parse	 ps;
	struct pset	 set = { NULL, 0, 0 };
	uint64_t	 all[2] = { ~(uint64_t)0, ~(uint64_t)0 };
	size_t		 i, j, k;
	int		 cur, c, last, lp, na;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	if (node_new(p, all, 0, 2) == -1)
		goto nomem;
	memset(&ps, 0, sizeof(ps));
	ps.max = wordend ? PX_MAXW : PX_MAX;
	/* A leading (?i) sets the option for the whole pattern. */
	if (strncmp(src, "(?i)", 4) == 0) {
		caseless = 1;
		src += 4;
	}
	ps.s = src;
	/* A leading "(?<![...])": the bytes a match never follows (when no
	 * alternative at the top level goes without it). */
	if (strncmp(src, "(?<![", 5) == 0 && src[5] != '^' &&
	    !top_alt(src)) {
		uint64_t m[2];
		int	 lna;

		ps.i = 4;
		parse_class(&ps, m, 0, &lna);
		/* Not when a quantifier makes it optional. */
		if (!ps.bad && src[ps.i] == ')' &&
		    strchr("?*+{", src[ps.i + 1]) == NULL) {
			p->notafter[0] = m[0];
			p->notafter[1] = m[1];
		}
		ps.bad = 0;
		ps.i = 0;
	}
	if (empty(&ps, &set, 0) == -1 || parse_alt(&ps, caseless, &set) == -1)
		goto nomem;
	if (ps.bad || src[ps.i] != '\0') {
		/* Not understood: pass everything. */
		p->v[0].accept = 1;
		free(set.v);
		return p;
	}
	for (i = 0; i < set.n; i++) {
		struct pseq *q = &set.v[i];

		if (q->len == 0 && !q->closed)
			p->empty = 1;
		if (!wordend || q->closed || q->len >= PX_LEN)
			continue;
		q->m[q->len][0] = ~((uint64_t)0x3ff << '0');
		q->m[q->len][1] = ~((uint64_t)0x3ffffff << ('A' - 64) |
		    (uint64_t)0x3ffffff << ('a' - 64) |
		    (uint64_t)1 << ('_' - 64));
		q->na |= (unsigned short)(1u << q->len);
		q->ks |= (unsigned short)(1u << q->len);
		q->len++;
		q->closed = 1;
	}
	/* Drop the sequences another one covers. */
	for (i = 0; i < set.n; i++) {
		for (j = 0; j < set.n; j++)
			if (j != i && set.v[j].len != 0xff &&
			    covers(&set.v[j], &set.v[i]) &&
			    (!covers(&set.v[i], &set.v[j]) || j < i))
				break;
		if (j < set.n)
			set.v[i].len = 0xff;	/* dropped */
	}
	for (i = 0; i < set.n; i++) {
		if (set.v[i].len == 0xff)
			continue;
		p->nseq++;
		for (cur = 0, k = 0; k < set.v[i].len; k++) {
			last = -1;
			lp = (set.v[i].loop >> k) & 1;
			na = (set.v[i].na >> k) & 1 ? 2 :
			    (set.v[i].ks >> k) & 1 ? 1 : 0;
			for (c = p->v[cur].child; c != -1; c = p->v[c].sib) {
				if (p->v[c].m[0] == set.v[i].m[k][0] &&
				    p->v[c].m[1] == set.v[i].m[k][1] &&
				    p->v[c].loop == lp && p->v[c].na == na)
					break;
				last = c;
			}
			if (c == -1) {
				if ((c = node_new(p, set.v[i].m[k], lp,
				    na)) == -1)
					goto nomem;
				if (last == -1)
					p->v[cur].child = c;
				else
					p->v[last].sib = c;
			}
			if (na == 2)
				p->v[cur].nakids = 1;
			if (na)
				p->v[cur].kskids = 1;
			cur = c;
		}
		p->v[cur].accept = 1;
	}
	free(set.v);
	if (p->n > SHRT_MAX || make_jumps(p) == -1)
		goto nomem;
	return p;
nomem:
	free(set.v);
	rxprefix_free(p);
	return NULL;
}

struct rxprefix *
rxprefix_make(const char *src, int caseless)
{
	return make(src, caseless, 0);
}

struct rxprefix *
rxprefix_make_word(const char *src, int caseless)
{
	return make(src, caseless, 1);
}

static int	walk(const struct rxprefix *, int, const unsigned char *,
		    size_t);

/* 1 when t[0..n) begins with the long s or the Kelvin sign (or is cut
 * short inside a character). */
static int
ks_at(const unsigned char *t, size_t n)
{
	if (t[0] == 0xc5)
		return n < 2 || t[1] == 0xbf;
	if (t[0] == 0xe2)
		return n < 2 || (t[1] == 0x84 && (n < 3 || t[2] == 0xaa));
	return 0;
}

#define INSET(nd, b)	(((nd).m[(b) >> 6] >> ((b) & 63)) & 1)

/*
 * The walk at a node that repeats: after each further byte of its set
 * (none, one, ...), on to its children; bounded, passing long runs.
 */
static int
walk_loop(const struct rxprefix *p, int node, const unsigned char *t,
    size_t n)
{
	const struct pnode *v = p->v;
	size_t	 k;
	int	 c;

	for (k = 0; k < 32; k++) {
		if (k == n)
			return 1;
		if (t[k] >= 0x80)
			return v[node].na == 2 || v[node].nakids ||
			    ((v[node].na || v[node].kskids) &&
			    ks_at(t + k, n - k));
		for (c = v[node].child; c != -1; c = v[c].sib)
			if (INSET(v[c], t[k]) &&
			    walk(p, c, t + k + 1, n - k - 1))
				return 1;
		if (!INSET(v[node], t[k]))
			return 0;
	}
	return 1;
}

static int
walk(const struct rxprefix *p, int node, const unsigned char *t, size_t n)
{
	const struct pnode *v = p->v;
	int	 c;

	for (;;) {
		if (v[node].accept || n == 0)
			return 1;
		if (*t >= 0x80)
			return v[node].nakids || (v[node].loop &&
			    v[node].na == 2) || ((v[node].kskids ||
			    (v[node].loop && v[node].na)) && ks_at(t, n));
		if (v[node].loop)
			return walk_loop(p, node, t, n);
		/* Follow the one child that allows t[0] without recursion
		 * when it is the last that does. */
		if (v[node].jump >= 0)
			c = p->jumps[v[node].jump * 128 + *t];
		else
			for (c = v[node].child; c != -1; c = v[c].sib)
				if ((v[c].m[*t >> 6] >> (*t & 63)) & 1)
					break;
		if (c == -1)
			return 0;
		if (!v[node].overlap) {
			node = c;
			t++;
			n--;
			continue;
		}
		for (node = c; (c = v[c].sib) != -1; )
			if (((v[c].m[*t >> 6] >> (*t & 63)) & 1) &&
			    walk(p, c, t + 1, n - 1))
				return 1;
		t++;
		n--;
	}
}

int
rxprefix_may(const struct rxprefix *p, const unsigned char *t, size_t n)
{
	if (p == NULL)
		return 1;
	return walk(p, 0, t, n);
}

int
rxprefix_step(const struct rxprefix *p, const unsigned char *t, size_t n)
{
	const struct pnode *v;
	int	 node = 0, c, next;

	if (p == NULL)
		return RXP_PASS;
	v = p->v;
	for (; n > 0; t++, n--) {
		if (v[node].accept)
			return RXP_PASS;
		if (*t >= 0x80)
			return RXP_ROOT;
		/* One node must allow the byte: a repeating node itself
		 * (staying there) or one of its children. */
		next = v[node].loop && INSET(v[node], *t) ? node : -1;
		for (c = v[node].child; c != -1; c = v[c].sib)
			if (INSET(v[c], *t)) {
				if (next != -1)
					return RXP_ROOT;
				next = c;
			}
		if (next == -1)
			return RXP_FAIL;
		node = next;
	}
	return v[node].accept ? RXP_PASS : node;
}

int
rxprefix_may_at(const struct rxprefix *p, int node, const unsigned char *t,
    size_t n)
{
	return walk(p, node, t, n);
}

void
rxprefix_next(const struct rxprefix *p, int state, uint64_t m[2])
{
	const struct pnode *v = p->v;
	int	 c;

	m[0] = m[1] = 0;
	if (v[state].loop) {
		m[0] |= v[state].m[0];
		m[1] |= v[state].m[1];
	}
	for (c = v[state].child; c != -1; c = v[c].sib) {
		m[0] |= v[c].m[0];
		m[1] |= v[c].m[1];
	}
}

/* Marks every byte at and after depth d (b0, b1 chosen before it). */
static void
first3_all(uint64_t (*out)[128][2], int d, unsigned b0, unsigned b1)
{
	unsigned	 a, b;

	for (a = d == 0 ? 0 : b0; a < (d == 0 ? 128 : b0 + 1); a++)
		for (b = d <= 1 ? 0 : b1; b < (d <= 1 ? 128 : b1 + 1); b++)
			out[a][b][0] = out[a][b][1] = ~(uint64_t)0;
}

/*
 * rxprefix_first3() from node at depth d (bytes b0, b1 chosen before
 * it).  A node that accepts or repeats lets anything follow it.
 */
static void
first3(const struct rxprefix *p, int node, int d, unsigned b0, unsigned b1,
    uint64_t (*out)[128][2])
{
	const struct pnode *v = p->v;
	unsigned	 b;
	int		 c;

	if (v[node].accept || v[node].loop) {
		first3_all(out, d, b0, b1);
		return;
	}
	for (c = v[node].child; c != -1; c = v[c].sib) {
		if (d == 2) {
			out[b0][b1][0] |= v[c].m[0];
			out[b0][b1][1] |= v[c].m[1];
			continue;
		}
		for (b = 0; b < 128; b++)
			if (INSET(v[c], b))
				first3(p, c, d + 1, d == 0 ? b : b0, b, out);
	}
}

void
rxprefix_first3(const struct rxprefix *p, uint64_t (*out)[128][2])
{
	if (p == NULL)
		first3_all(out, 0, 0, 0);
	else
		first3(p, 0, 0, 0, 0, out);
}

int
rxprefix_after(const struct rxprefix *p, unsigned char b)
{
	return p == NULL || b >= 0x80 ||
	    !((p->notafter[b >> 6] >> (b & 63)) & 1);
}

int
rxprefix_empty(const struct rxprefix *p)
{
	return p == NULL || p->v[0].accept || p->empty;
}

size_t
rxprefix_count(const struct rxprefix *p)
{
	return p == NULL || p->v[0].accept ? 0 : p->nseq;
}

void
rxprefix_free(struct rxprefix *p)
{
	if (p == NULL)
		return;
	free(p->v);
	free(p->jumps);
	free(p);
}
