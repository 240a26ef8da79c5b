/*
 * wordclass.c — hunspell's verdict on a word, from a precomputed table
 * (wordclass.h).
 */
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon.h"
#include "wordclass.h"

#define WC_MAX	200

struct wordclass {
	struct lexicon	*table;		/* wordclass/en_GB.txt, or */
	Hunhandle	*hun;		/* hunspell itself, */
	struct lexicon	*cache;		/* with its answers so far */
};

struct wordclass *
wordclass_open(const char *dict, char *err, size_t errlen)
{
	struct wordclass *wc;
	char		 aff[4096], dic[4096];

	if ((wc = calloc(1, sizeof(*wc))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (dict == NULL) {
		if ((wc->table = lexicon_load("wordclass/en_GB.txt", err,
		    errlen)) == NULL) {
			free(wc);
			return NULL;
		}
		return wc;
	}
	snprintf(aff, sizeof(aff), "%s.aff", dict);
	snprintf(dic, sizeof(dic), "%s.dic", dict);
	/* Hunspell does not report a missing file; look first. */
	if (access(aff, R_OK) == -1 || access(dic, R_OK) == -1) {
		snprintf(err, errlen, "%s: cannot read hunspell dictionary",
		    access(aff, R_OK) == -1 ? aff : dic);
		free(wc);
		return NULL;
	}
	if ((wc->cache = lexicon_new()) == NULL ||
	    (wc->hun = Hunspell_create(aff, dic)) == NULL) {
		snprintf(err, errlen, "%s: cannot load hunspell dictionary",
		    dict);
		wordclass_free(wc);
		return NULL;
	}
	return wc;
}

void
wordclass_free(struct wordclass *wc)
{
	if (wc == NULL)
		return;
	lexicon_free(wc->table);
	lexicon_free(wc->cache);
	if (wc->hun != NULL)
		Hunspell_destroy(wc->hun);
	free(wc);
}

/* Upper-cases the first letter of the folded word s in place. */
static void
capitalise(char *s)
{
	unsigned char	*u = (unsigned char *)s;
	unsigned	 cp;

	if (u[0] >= 'a' && u[0] <= 'z')
		u[0] -= 32;
	else if (u[0] == 0xC3 && u[1] >= 0xA0 && u[1] <= 0xBE && u[1] != 0xB7)
		u[1] -= 0x20;
	else if ((u[0] == 0xC4 || u[0] == 0xC5) && u[1] != '\0') {
		cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
		/* lexicon_fold() maps these pairs; undo it. */
		if ((cp <= 0x137 && cp % 2 == 1) ||
		    (cp >= 0x139 && cp <= 0x148 && cp % 2 == 0) ||
		    (cp >= 0x14A && cp <= 0x177 && cp % 2 == 1) ||
		    (cp >= 0x179 && cp <= 0x17E && cp % 2 == 0)) {
			cp--;
			u[0] = (unsigned char)(0xC0 | (cp >> 6));
			u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		}
	}
}

/* hunspell's own: the word is a number, digits with single . , or -. */
static int
isnumber(const char *s, size_t len)
{
	size_t	 i;
	int	 last = 0;	/* 1 digit, 2 separator */

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			last = 1;
		else if ((s[i] == '.' || s[i] == ',' || s[i] == '-') &&
		    i > 0 && last == 1)
			last = 2;
		else
			return 0;
	}
	return last == 1;
}

/*
 * en_GB's compound rules for ordinals: [0-9]*1[0-9]th and
 * [0-9]*[02-9](1st|2nd|3rd|[04-9]th), and 0th.
 */
static int
isordinal(const char *s, size_t len)
{
	size_t	 i, d;
	char	 last, prev;

	for (d = 0; d < len && s[d] >= '0' && s[d] <= '9'; d++)
		;
	if (d == 0 || len - d != 2)
		return 0;
	for (i = d; i < len; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return 0;
	last = s[d - 1];
	prev = d >= 2 ? s[d - 2] : '0';
	if (prev == '1' && d >= 2)
		return memcmp(s + d, "th", 2) == 0;
	switch (last) {
	case '1':
		return memcmp(s + d, "st", 2) == 0;
	case '2':
		return memcmp(s + d, "nd", 2) == 0;
	case '3':
		return memcmp(s + d, "rd", 2) == 0;
	default:
		return memcmp(s + d, "th", 2) == 0;
	}
}

static void	lookup(const struct wordclass *, const char *, size_t, int *,
		    int *);

/* Both sides of the hyphen at dash; returns 1 when the word is accepted. */
static int
split(const struct wordclass *wc, const char *s, size_t len, const char *dash,
    int *low, int *cap)
{
	int	 ll, lc, rl, rc;

	lookup(wc, dash + 1, (size_t)(s + len - dash - 1), &rl, &rc);
	if (!rl)
		return 0;
	lookup(wc, s, (size_t)(dash - s), &ll, &lc);
	*low = ll;
	*cap = lc;
	return lc;
}

/*
 * The table's answer for the folded word s[0..len), with hunspell's rules
 * for what the table cannot hold: *low = accepted in lower case, *cap =
 * accepted capitalised.
 */
static void
lookup(const struct wordclass *wc, const char *s, size_t len, int *low,
    int *cap)
{
	const char	*v;
	const char	*dash, *dash2;

	*low = *cap = 0;
	if ((v = lexicon_get(wc->table, s, len)) != NULL) {
		*low = v[0] == WORDCLASS_LOWER;
		*cap = 1;
		return;
	}
	if (isnumber(s, len) || isordinal(s, len)) {
		*low = *cap = 1;
		return;
	}
	/*
	 * Hunspell's BREAK "-": split at the second inner hyphen when there
	 * is one, else (or when that fails) at the first, and accept when
	 * both sides are words.
	 */
	if (len < 3 || (dash = memchr(s + 1, '-', len - 2)) == NULL)
		return;
	dash2 = memchr(dash + 1, '-', (size_t)(s + len - 1 - (dash + 1)));
	if (dash2 != NULL && split(wc, s, len, dash2, low, cap))
		return;
	(void)split(wc, s, len, dash, low, cap);
}

/* Folds w into buf, with ’ as '; returns the length or 0 if too long. */
static size_t
fold(char *buf, const char *w, size_t len)
{
	size_t	 i, n = 0;

	if (len == 0 || len > WC_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		if (i + 2 < len && (unsigned char)w[i] == 0xE2 &&
		    (unsigned char)w[i + 1] == 0x80 &&
		    (unsigned char)w[i + 2] == 0x99) {
			buf[n++] = '\'';
			i += 2;
		} else
			buf[n++] = w[i];
	}
	lexicon_fold(buf, buf, n);
	return n;
}

int
wordclass_of(struct wordclass *wc, const char *w, size_t len)
{
	char		 low[WC_MAX + 1], cap[WC_MAX + 1];
	const char	*v;
	size_t		 n;
	int		 l, c, r;

	if ((n = fold(low, w, len)) == 0)
		return WORDCLASS_UNKNOWN;
	if (wc->table != NULL) {
		lookup(wc, low, n, &l, &c);
		return l ? WORDCLASS_LOWER : c ? WORDCLASS_PROPER :
		    WORDCLASS_UNKNOWN;
	}
	if ((v = lexicon_get(wc->cache, low, n)) != NULL)
		return v[0];
	if (Hunspell_spell(wc->hun, low))
		r = WORDCLASS_LOWER;
	else {
		memcpy(cap, low, n + 1);
		capitalise(cap);
		r = Hunspell_spell(wc->hun, cap) ? WORDCLASS_PROPER :
		    WORDCLASS_UNKNOWN;
	}
	if (lexicon_size(wc->cache) < 200000)
		(void)lexicon_put(wc->cache, low, n, r == WORDCLASS_LOWER ?
		    "o" : r == WORDCLASS_PROPER ? "p" : "u");
	return r;
}
