/*
 * sentence.c — sentence segmentation for report prose (see sentence.h).
 *
 * One left-to-right pass, no allocation besides the output array.  A
 * candidate boundary is '.', '!', '?' or an ellipsis, followed by closing
 * quotes or brackets, white space and something that can start a
 * sentence.  A full stop after a title, a common abbreviation or a single
 * letter (an initial) is not a boundary.  TAB separates table cells, which
 * are never joined.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sentence.h"

/* Abbreviations that are followed by a full stop inside a sentence. */
static const char *const abbrev[] = {
	"al", "approx", "cf", "cllr", "co", "det", "dr", "fig", "insp",
	"mr", "mrs", "ms", "mx", "no", "nos", "para", "paras", "pc", "prof",
	"ref", "rev", "sgt", "st", "supt", "vs",
};

static int
push(struct sentence_list *out, size_t start, size_t end)
{
	struct sentence	*v;
	size_t		 cap;

	if (start >= end)
		return 0;
	if (out->n == out->cap) {
		cap = out->cap ? out->cap * 2 : 16;
		if ((v = realloc(out->v, cap * sizeof(*v))) == NULL)
			return -1;
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n].start = start;
	out->v[out->n].end = end;
	out->n++;
	return 0;
}

/* Returns the length of a closing quote or bracket at s[i], or 0. */
static size_t
closer(const char *s, size_t len, size_t i)
{
	if (s[i] == '"' || s[i] == '\'' || s[i] == ')' || s[i] == ']')
		return 1;
	/* ’ U+2019, ” U+201D */
	if (i + 2 < len && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x9d))
		return 3;
	return 0;
}

/* Returns 1 when the character at s[i] may start a sentence. */
static int
starter(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (isupper(c) || isdigit(c) || c == '"' || c == '\'' || c == '(' ||
	    c == '[')
		return 1;
	/* Non-ASCII: opening quotes (U+2018, U+201C), bullets, and
	 * capital letters of other scripts are taken as starters; a
	 * lower-case accented letter rarely starts a sentence, but missing
	 * a boundary costs less than a false one. */
	if (c >= 0xc0)
		return 1;
	(void)len;
	return 0;
}

/* The bytes split_cell() stops at. */
static const unsigned char stopbyte[256] = {
	['"'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xe2] = 1,
};

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Non-breaking space U+00A0 counts as space too. */
static size_t
space_len(const char *s, size_t len, size_t i)
{
	if (is_space((unsigned char)s[i]))
		return 1;
	if (i + 1 < len && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

/*
 * Returns 1 when the full stop at s[dot] ends an abbreviation or an
 * initial rather than a sentence.
 */
static int
no_break_after(const char *s, size_t start, size_t dot)
{
	char	 w[8];
	size_t	 b, n, i;

	b = dot;
	while (b > start && isalpha((unsigned char)s[b - 1]))
		b--;
	n = dot - b;
	if (n == 0)
		return 0;
	if (n == 1) {
		/* A possessive "Anne's." ends a sentence. */
		if (b > start && (s[b - 1] == '\'' ||
		    (b >= start + 3 && (unsigned char)s[b - 1] == 0x99 &&
		    (unsigned char)s[b - 2] == 0x80)))
			return 0;
		return 1;	/* an initial: "J." "H.J." "e.g." */
	}
	if (n >= sizeof(w))
		return 0;
	for (i = 0; i < n; i++)
		w[i] = (char)tolower((unsigned char)s[b + i]);
	w[n] = '\0';
	for (i = 0; i < sizeof(abbrev) / sizeof(abbrev[0]); i++)
		if (strcmp(w, abbrev[i]) == 0)
			return 1;
	return 0;
}

/*
 * Returns the offset after a leading paragraph marker of s[i..end): a
 * paragraph number ("7", "7.23", "3.1.4", "12)"), a list label ("(b)",
 * "b)") or a bullet, each followed by white space; else i.
 */
static size_t
skip_marker(const char *s, size_t i, size_t end)
{
	size_t	 j = i, sp;

	if (j < end && isdigit((unsigned char)s[j])) {
		while (j < end && (isdigit((unsigned char)s[j]) ||
		    (s[j] == '.' && j + 1 < end &&
		    isdigit((unsigned char)s[j + 1]))))
			j++;
		if (j < end && (s[j] == '.' || s[j] == ')'))
			j++;
	} else if (j + 2 < end && s[j] == '(' &&
	    isalnum((unsigned char)s[j + 1])) {
		j++;
		while (j < end && j < i + 6 && isalnum((unsigned char)s[j]))
			j++;
		if (j >= end || s[j] != ')')
			return i;
		j++;
	} else if (j + 1 < end && islower((unsigned char)s[j]) &&
	    s[j + 1] == ')') {
		j += 2;
	} else if (j < end && (s[j] == '-' || s[j] == '*')) {
		j++;
	} else if (j + 2 < end && (unsigned char)s[j] == 0xe2 &&
	    (unsigned char)s[j + 1] == 0x80 &&
	    ((unsigned char)s[j + 2] == 0xa2 ||	/* • */
	    (unsigned char)s[j + 2] == 0x93 ||	/* – */
	    (unsigned char)s[j + 2] == 0x94)) {	/* — */
		j += 3;
	} else
		return i;
	if (j >= end)
		return end;	/* a cell holding only a number or label */
	if ((sp = space_len(s, end, j)) == 0)
		return i;
	/* A number followed by a month name is a date, not a marker; it
	 * makes no difference to the span's use, so keep it simple. */
	while (j < end && (sp = space_len(s, end, j)) > 0)
		j += sp;
	return j;
}

/* Returns the length of an opening quotation mark at s[i], or 0. */
static size_t
quote_open(const char *s, size_t len, size_t i)
{
	if (s[i] == '"')
		return 1;
	if (i + 2 < len && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x9c)
		return 3;	/* “ */
	return 0;
}

/*
 * Returns the offset just after the mark closing a quotation opened
 * before i (” when curly, else "), or 0 when the cell has none.
 */
static size_t
quote_close(const char *s, size_t len, size_t i, int curly)
{
	for (; i < len; i++) {
		if (!curly && s[i] == '"')
			return i + 1;
		if (curly && i + 2 < len && (unsigned char)s[i] == 0xe2 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x9d)
			return i + 3;
	}
	return 0;
}

/* Splits one table cell or line s[start..end). */
static int
split_cell(const char *s, size_t start, size_t end,
    struct sentence_list *out)
{
	size_t	 i, j, k, sp, cl, sent, qend, ql;
	int	 unclosed[2] = { 0, 0 };

	i = start;
	while (i < end && (sp = space_len(s, end, i)) > 0)
		i += sp;
	sent = skip_marker(s, i, end);
	qend = 0;
	for (i = sent; i < end; ) {
		unsigned char c;
		size_t tl = 0;

		/* Only '"', '.', '!', '?' and the lead byte of “ and … can
		 * open a quotation or end a sentence. */
		while (i < end && !stopbyte[(unsigned char)s[i]])
			i++;
		if (i >= end)
			break;
		c = (unsigned char)s[i];

		/* A quotation that closes within the cell is not cut: the
		 * child's "Nobody listens. I told them ..." is one piece
		 * with the sentence that reports it. */
		if (i >= qend && (ql = quote_open(s, end, i)) > 0 &&
		    !unclosed[ql == 3]) {
			qend = quote_close(s, end, i + ql, ql == 3);
			if (qend == 0) {
				/* None later either: stop looking. */
				unclosed[ql == 3] = 1;
				qend = i + ql;
			}
			i += ql;
			continue;
		}
		if (c == '.' || c == '!' || c == '?')
			tl = 1;
		else if (i + 2 < end && c == 0xe2 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0xa6)	/* … */
			tl = 3;
		if (tl == 0) {
			i++;
			continue;
		}
		j = i + tl;
		while (j < end && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
			j++;
		while (j < end && (cl = closer(s, end, j)) > 0)
			j += cl;
		if (j >= end)
			break;
		if ((sp = space_len(s, end, j)) == 0) {
			i = j > i + tl ? j : i + tl;
			continue;
		}
		k = j;
		while (k < end && (sp = space_len(s, end, k)) > 0)
			k += sp;
		if (k >= end)
			break;
		if (k < qend || !starter(s, end, k) ||
		    (c == '.' && tl == 1 && j == i + 1 &&
		    no_break_after(s, sent, i))) {
			i = k;
			continue;
		}
		if (push(out, sent, j) == -1)
			return -1;
		sent = k;
		i = k;
	}
	/* Trim trailing white space of the last sentence. */
	k = end;
	while (k > sent && is_space((unsigned char)s[k - 1]))
		k--;
	if (k >= 2 && k - 2 >= sent && (unsigned char)s[k - 2] == 0xc2 &&
	    (unsigned char)s[k - 1] == 0xa0)
		k -= 2;
	return push(out, sent, k);
}

long
sentence_split(const char *s, size_t len, struct sentence_list *out)
{
	size_t	 i, cell;

	out->n = 0;
	cell = 0;
	for (i = 0; i <= len; i++) {
		while (i < len && s[i] != '\t' && s[i] != '\n')
			i++;
		if (split_cell(s, cell, i, out) == -1)
			return -1;
		cell = i + 1;
	}
	return (long)out->n;
}

void
sentence_list_release(struct sentence_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
