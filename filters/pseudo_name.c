/*
 * pseudo_name.c — folding and parsing of person names for anon-pseudo.
 */
#include <ctype.h>
#include <string.h>

#include "lexicon.h"
#include "pseudo_name.h"

/*
 * Base letters of U+00C0..U+00FF and U+0100..U+017F in lower case.  A '*'
 * means "not a letter: copy the bytes"; '2' means a two-letter expansion
 * handled in fold2().
 */
static const char lat1[64 + 1] =
    "aaaaaa2ceeeeiiii"		/* U+00C0 */
    "dnooooo*ouuuuyt2"		/* U+00D0 */
    "aaaaaa2ceeeeiiii"		/* U+00E0 */
    "dnooooo*ouuuuyty";		/* U+00F0 */
static const char latA[128 + 1] =
    "aaaaaaccccccccdd"		/* U+0100 */
    "ddeeeeeeeeeegggg"		/* U+0110 */
    "gggghhhhiiiiiiii"		/* U+0120 */
    "iiiijjkkklllllll"		/* U+0130 */
    "lllnnnnnnnnnoooo"		/* U+0140 */
    "oo22rrrrrrssssss"		/* U+0150 */
    "sstttttttuuuuuuu"		/* U+0160 */
    "uuuuwwyyyzzzzzzs";		/* U+0170 */

static const char *
fold2(unsigned cp)
{
	switch (cp) {
	case 0xC6: case 0xE6:
		return "ae";
	case 0xDF:
		return "ss";
	case 0x152: case 0x153:
		return "oe";
	default:
		return NULL;
	}
}

size_t
pn_fold(char *dst, const char *src, size_t len)
{
	const unsigned char	*s = (const unsigned char *)src;
	size_t			 i = 0, o = 0;
	unsigned		 cp;
	char			 c;
	const char		*two;

	while (i < len) {
		if (s[i] < 0x80) {
			dst[o++] = (char)tolower(s[i]);
			i++;
			continue;
		}
		if (i + 1 < len && s[i] >= 0xC2 && s[i] <= 0xCD &&
		    (s[i + 1] & 0xC0) == 0x80) {
			cp = ((unsigned)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
			c = 0;
			if (cp == 0xA0)
				c = ' ';
			else if (cp >= 0xC0 && cp <= 0xFF)
				c = lat1[cp - 0xC0];
			else if (cp >= 0x100 && cp <= 0x17F)
				c = latA[cp - 0x100];
			else if (cp >= 0x300 && cp <= 0x36F) {
				i += 2;		/* combining mark */
				continue;
			}
			if (c == '2' && (two = fold2(cp)) != NULL) {
				dst[o++] = two[0];
				dst[o++] = two[1];
				i += 2;
				continue;
			}
			if (c != 0 && c != '*' && c != '2') {
				dst[o++] = c;
				i += 2;
				continue;
			}
		}
		if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80) {
			if (s[i + 2] == 0x98 || s[i + 2] == 0x99) {
				dst[o++] = '\'';
				i += 3;
				continue;
			}
			if (s[i + 2] == 0x90 || s[i + 2] == 0x91) {
				dst[o++] = '-';
				i += 3;
				continue;
			}
		}
		dst[o++] = (char)s[i++];
	}
	dst[o] = '\0';
	return o;
}

struct title {
	const char	*t;
	int		 gender;
};

/* Sorted; letters only, in lower case, 2 to 15 of them. */
static const struct title titles[] = {
	{ "chief", 0 }, { "cllr", 0 }, { "constable", 0 },
	{ "councillor", 0 }, { "dame", 'f' }, { "dc", 0 },
	{ "dci", 0 }, { "detective", 0 }, { "di", 0 }, { "doctor", 0 },
	{ "dr", 0 },
	{ "ds", 0 }, { "dsi", 0 }, { "insp", 0 }, { "inspector", 0 },
	{ "lady", 'f' }, { "lord", 'm' }, { "master", 'm' },
	{ "miss", 'f' }, { "mr", 'm' }, { "mrs", 'f' }, { "ms", 'f' },
	{ "mx", 0 }, { "pc", 0 }, { "pcso", 0 }, { "police", 0 },
	{ "ps", 0 }, { "prof", 0 }, { "professor", 0 },
	{ "rev", 0 }, { "revd", 0 }, { "reverend", 0 }, { "sergeant", 0 },
	{ "sgt", 0 }, { "sir", 'm' }, { "superintendent", 0 }, { "supt", 0 },
	{ "wpc", 'f' },
};

int
pn_title(const char *t, size_t len)
{
	char	 low[16];
	size_t	 i, lo, hi;

	if (len > 0 && t[len - 1] == '.')
		len--;
	if (len < 2 || len >= sizeof(low))
		return -1;	/* every title has 2 to 15 letters */
	for (i = 0; i < len; i++) {
		if (!isalpha((unsigned char)t[i]))
			return -1;
		low[i] = (char)tolower((unsigned char)t[i]);
	}
	low[len] = '\0';
	/* The titles of low's first letter (the table is sorted), then
	 * two bytes rule most out. */
	lo = 0;
	hi = sizeof(titles) / sizeof(titles[0]);
	while (lo < hi) {
		i = lo + (hi - lo) / 2;
		if (titles[i].t[0] < low[0])
			lo = i + 1;
		else
			hi = i;
	}
	for (i = lo; i < sizeof(titles) / sizeof(titles[0]) &&
	    titles[i].t[0] == low[0]; i++)
		if (titles[i].t[1] == low[1] &&
		    strcmp(low + 2, titles[i].t + 2) == 0)
			return titles[i].gender;
	return -1;
}

size_t
pn_possessive(const char *s, size_t len)
{
	if (len >= 3 && s[len - 1] == 's' && s[len - 2] == '\'')
		return 2;
	if (len >= 5 && s[len - 1] == 's' &&
	    memcmp(s + len - 4, "\xE2\x80\x99", 3) == 0)
		return 4;
	if (len >= 3 && s[len - 1] == '\'' && s[len - 2] == 's')
		return 1;
	if (len >= 5 && memcmp(s + len - 3, "\xE2\x80\x99", 3) == 0 &&
	    s[len - 4] == 's')
		return 3;
	return 0;
}

int
pn_is_caps(const char *s, size_t len)
{
	size_t	 i, run = 0, best = 0;

	for (i = 0; i < len; i++) {
		if (islower((unsigned char)s[i]))
			return 0;
		if (isupper((unsigned char)s[i])) {
			if (++run > best)
				best = run;
		} else if ((unsigned char)s[i] < 0x80)
			run = 0;
	}
	return best >= 3;
}

static int
is_space_at(const char *s, size_t len, size_t i, size_t *w)
{
	if (s[i] == ' ' || s[i] == '\t') {
		*w = 1;
		return 1;
	}
	if (i + 1 < len && (unsigned char)s[i] == 0xC2 &&
	    (unsigned char)s[i + 1] == 0xA0) {
		*w = 2;
		return 1;
	}
	return 0;
}

/* Returns 1 when word w looks like initials only: "K.S.", "K.S", "KS". */
static int
is_initials(const char *w, size_t len)
{
	size_t	 i, letters = 0, dots = 0;
	int	 vowel = 0;

	for (i = 0; i < len; i++) {
		if (isalpha((unsigned char)w[i])) {
			if (i + 1 < len && isalpha((unsigned char)w[i + 1]) &&
			    dots > 0)
				return 0;
			letters++;
			if (strchr("AEIOUYaeiouy", w[i]) != NULL)
				vowel = 1;
		} else if (w[i] == '.')
			dots++;
		else
			return 0;
	}
	if (letters < 2 || letters > 4)
		return 0;
	if (dots > 0)
		return dots + 1 >= letters;
	for (i = 0; i < len; i++)
		if (!isupper((unsigned char)w[i]))
			return 0;
	return letters == 2 || !vowel;
}

struct word {
	const char	*p;
	size_t		 len;
	int		 comma;
};

/* Appends a folded token; returns 0, or -1 when the buffer is full. */
static int
addtok(struct pname *pn, size_t *used, const char *p, size_t len)
{
	size_t	 n;
	char	*d;

	while (len > 0 && strchr("()[]{}\"'.,;:!?", p[len - 1]) != NULL)
		len--;
	while (len > 0 && strchr("()[]{}\"'", p[0]) != NULL) {
		p++;
		len--;
	}
	/* A closing curly quote. */
	while (len >= 3 && memcmp(p + len - 3, "\xE2\x80\x9D", 3) == 0)
		len -= 3;
	while (len >= 3 && memcmp(p, "\xE2\x80\x9C", 3) == 0) {
		p += 3;
		len -= 3;
	}
	if (len == 0)
		return 0;
	if (pn->ntok == PN_MAXTOK || *used + len + 1 > sizeof(pn->buf))
		return -1;
	d = pn->buf + *used;
	n = pn_fold(d, p, len);
	pn->tok[pn->ntok] = d;
	pn->toklen[pn->ntok] = n;
	if (n == 1)
		pn->isinit |= 1u << pn->ntok;
	pn->ntok++;
	*used += n + 1;
	return 0;
}

size_t
pn_parse(struct pname *pn, const char *s, size_t len)
{
	struct word	 w[PN_MAXTOK * 2], tmp;
	size_t		 nw = 0, i, j, sp, used = 0, first = 0;
	int		 g;

	memset(pn, 0, sizeof(*pn));
	pn->caps = pn_is_caps(s, len);
	len -= pn_possessive(s, len);

	for (i = 0; i < len; ) {
		if (is_space_at(s, len, i, &sp)) {
			i += sp;
			continue;
		}
		j = i;
		while (j < len && !is_space_at(s, len, j, &sp))
			j++;
		if (nw < sizeof(w) / sizeof(w[0])) {
			w[nw].p = s + i;
			w[nw].len = j - i;
			w[nw].comma = 0;
			if (w[nw].len > 1 && s[j - 1] == ',') {
				w[nw].len--;
				w[nw].comma = 1;
			}
			nw++;
		} else {
			/* Keep the last word (the surname) in the last slot. */
			w[nw - 1].p = s + i;
			w[nw - 1].len = j - i;
			w[nw - 1].comma = 0;
		}
		i = j;
	}
	if (nw == 0)
		return 0;

	/* "SMITH, Kayden" reads as "Kayden SMITH". */
	if (nw >= 2 && w[0].comma && pn_title(w[0].p, w[0].len) < 0) {
		tmp = w[0];
		memmove(w, w + 1, (nw - 1) * sizeof(w[0]));
		w[nw - 1] = tmp;
	}
	while (first + 1 < nw && (g = pn_title(w[first].p, w[first].len)) >= 0) {
		if (!pn->titled && w[first].len < sizeof(pn->title)) {
			size_t tl = pn_fold(pn->title, w[first].p, w[first].len);

			if (tl > 0 && pn->title[tl - 1] == '.')
				pn->title[tl - 1] = '\0';
		}
		pn->titled = 1;
		if (g != 0 && pn->gender == 0)
			pn->gender = g;
		first++;
	}

	if (nw - first == 1 && is_initials(w[first].p, w[first].len)) {
		pn->initials = 1;
		for (i = 0; i < w[first].len && pn->ntok < PN_MAXTOK; i++)
			if (isalpha((unsigned char)w[first].p[i]))
				(void)addtok(pn, &used, w[first].p + i, 1);
		return pn->ntok;
	}

	for (i = first; i < nw; i++) {
		if (pn->ntok == PN_MAXTOK - 1 && i + 1 < nw)
			continue;	/* drop extra middle names */
		if (addtok(pn, &used, w[i].p, w[i].len) == -1)
			break;
	}
	/* "K S" written with spaces: initials too. */
	if (pn->ntok >= 2 && !pn->titled &&
	    pn->isinit == (1u << pn->ntok) - 1)
		pn->initials = 1;
	return pn->ntok;
}

size_t
pn_edit(const char *a, size_t alen, const char *b, size_t blen, size_t max)
{
	size_t	 row[65], i, j, prev, cur, best;

	if (alen > 64 || blen > 64)
		return (alen == blen && memcmp(a, b, alen) == 0) ? 0 : max + 1;
	if ((alen > blen ? alen - blen : blen - alen) > max)
		return max + 1;
	for (j = 0; j <= blen; j++)
		row[j] = j;
	for (i = 1; i <= alen; i++) {
		prev = row[0];
		row[0] = i;
		best = row[0];
		for (j = 1; j <= blen; j++) {
			cur = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (cur + 1 < row[j])
				row[j] = cur + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			prev = cur;
			if (row[j] < best)
				best = row[j];
		}
		if (best > max)
			return max + 1;
	}
	return row[blen] > max ? max + 1 : row[blen];
}

size_t
pn_title_before(const char *text, size_t start)
{
	size_t	 i = start, end;

	if (i >= 1 && text[i - 1] == ' ')
		i--;
	else if (i >= 2 && (unsigned char)text[i - 2] == 0xC2 &&
	    (unsigned char)text[i - 1] == 0xA0)
		i -= 2;
	else
		return 0;
	end = i;
	if (i > 0 && text[i - 1] == '.')
		i--;
	while (i > 0 && isalpha((unsigned char)text[i - 1]))
		i--;
	if (i == end || (i > 0 && (isalnum((unsigned char)text[i - 1]) ||
	    (unsigned char)text[i - 1] >= 0x80)))
		return 0;
	if (!isupper((unsigned char)text[i]))
		return 0;
	return pn_title(text + i, end - i) >= 0 ? start - i : 0;
}

int
pn_sentence_start(const char *text, size_t start)
{
	size_t	 i = start;
	unsigned char c;

	while (i > 0) {
		c = (unsigned char)text[i - 1];
		if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '[')
			i--;
		else if (i >= 2 && c == 0xA0 &&
		    (unsigned char)text[i - 2] == 0xC2)
			i -= 2;
		else if (i >= 3 && (c == 0x9C || c == 0x98) &&
		    (unsigned char)text[i - 2] == 0x80 &&
		    (unsigned char)text[i - 3] == 0xE2)
			i -= 3;
		else
			break;
	}
	if (i == 0)
		return 1;
	c = (unsigned char)text[i - 1];
	return c == '\t' || c == '.' || c == '!' || c == '?' || c == ':';
}

int
pn_forename_gender(const struct lexicon *lx, const char *tok, size_t len)
{
	const char	*v;

	if (lx == NULL || len == 0 || len == 1 ||
	    (v = lexicon_get(lx, tok, len)) == NULL)
		return 0;
	return *v == 'f' || *v == 'm' ? *v : 0;
}
