/*
 * pseudo_context.c — what the words around a person mention say about
 * whom it names, for anon-pseudo's attribution of shared short forms
 * (docs/pseudonyms.md): the clause it stands in, a role word for the
 * mother or father elsewhere in its sentence, and whether a title +
 * surname is at work or spoken of as family.  Text only: no state but
 * struct pctx_text, the lists of one text that pctx_text_load() makes so
 * that each mention's questions cost a search, not a walk of its
 * sentence.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pseudo_context.h"
#include "pseudo_name.h"

/* Returns 1 when text[i] ends a sentence or a cell. */
static int
sentence_end(const char *text, size_t len, size_t i)
{
	if (text[i] == '\t' || text[i] == '\n')
		return 1;
	return (text[i] == '.' || text[i] == '?' || text[i] == '!') &&
	    (i + 1 == len || text[i + 1] == ' ');
}

#define CLAUSE_SCAN	1024	/* bytes looked back for a clause's start */

/*
 * Returns where the clause holding text[i] starts: after the end of a
 * sentence or cell, a comma or a semicolon, looking back at most
 * CLAUSE_SCAN bytes (further, i itself: a clause of its own), so that a
 * paragraph without punctuation stays linear.
 */
size_t
pctx_clause_start(const char *text, size_t len, size_t i)
{
	size_t	 a = i;

	while (a > 0 && !sentence_end(text, len, a - 1) &&
	    text[a - 1] != ',' && text[a - 1] != ';')
		if (i - --a >= CLAUSE_SCAN)
			return i;
	return a;
}

/* Counts the spaces in text[a..b). */
static size_t
spaces(const char *text, size_t a, size_t b)
{
	size_t	 n = 0;

	for (; a < b; a++)
		n += text[a] == ' ';
	return n;
}

/*
 * Returns 1 when the sentence around text[start..end) speaks of "the
 * mother" (or "Mother", the review's name for her) apart from the mention:
 * "Mother and Kay were living with Ms Jones" — so Ms Jones is someone
 * else.  word is "mother" or "father".  Not when the role word stands next
 * to the mention ("the mother, Ms Jones"), is a possessive ("Mother's
 * partner") or part of "mother and baby".
 */
int
pctx_role_apart(const char *text, size_t len, size_t start, size_t end,
    const char *word)
{
	size_t	 a = start, b = end, wl = strlen(word), i;
	int	 cap, the;

	while (a > 0 && !sentence_end(text, len, a - 1))
		a--;
	while (b < len && !sentence_end(text, len, b))
		b++;
	for (i = a; i + wl <= b; i++) {
		if ((text[i] | 0x20) != word[0])	/* the cheap test first */
			continue;
		if ((i >= start && i < end) || strncasecmp(text + i, word,
		    wl) != 0 || (i > 0 && isalpha((unsigned char)text[i - 1])) ||
		    (i + wl < len && isalpha((unsigned char)text[i + wl])))
			continue;
		cap = isupper((unsigned char)text[i]);
		the = i >= a + 4 && strncasecmp(text + i - 4, "the ", 4) == 0;
		if (!cap && !the)
			continue;
		if (cap && !the && i >= a + 4 && (strncmp(text + i - 4, "her ",
		    4) == 0 || strncmp(text + i - 4, "his ", 4) == 0))
			continue;
		if (i + wl < len && (text[i + wl] == '\'' ||
		    strncmp(text + i + wl, "\xe2\x80\x99", 3) == 0 ||
		    strncmp(text + i + wl, " and baby", 9) == 0))
			continue;
		if (i < start ? spaces(text, i + wl, start) >= 3 :
		    spaces(text, end, i) >= 3)
			return 1;
	}
	return 0;
}

/* Appends v to the list *v_ (*n used, *cap allocated); -1 if no memory. */
static int
push(size_t **v, size_t *n, size_t *cap, size_t x)
{
	size_t	*nv, nc;

	if (*n == *cap) {
		nc = *cap ? *cap * 2 : 64;
		if ((nv = reallocarray(*v, nc, sizeof(**v))) == NULL)
			return -1;
		*v = nv;
		*cap = nc;
	}
	(*v)[(*n)++] = x;
	return 0;
}

/*
 * Returns 1 when "mother" or "father" at text[i..i+6) would count for
 * pctx_role_apart() wherever the mention stands: a whole word, after
 * "the " or with a capital not after "her "/"his ", not possessive, not
 * "mother and baby".  (pctx_role_apart() asks that "the ", "her " and
 * "his " lie in the sentence; they cannot reach back over its end, as
 * none of their bytes ends a sentence.)
 */
static int
role_counts(const char *text, size_t len, size_t i)
{
	int	 cap, the;

	if ((i > 0 && isalpha((unsigned char)text[i - 1])) ||
	    (i + 6 < len && isalpha((unsigned char)text[i + 6])))
		return 0;
	cap = isupper((unsigned char)text[i]);
	the = i >= 4 && strncasecmp(text + i - 4, "the ", 4) == 0;
	if (!cap && !the)
		return 0;
	if (cap && !the && i >= 4 && (strncmp(text + i - 4, "her ", 4) == 0 ||
	    strncmp(text + i - 4, "his ", 4) == 0))
		return 0;
	if (i + 6 < len && (text[i + 6] == '\'' ||
	    strncmp(text + i + 6, "\xe2\x80\x99", 3) == 0 ||
	    strncmp(text + i + 6, " and baby", 9) == 0))
		return 0;
	return 1;
}

int
pctx_text_load(struct pctx_text *t, const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t	 i;
	int	 c, k;

	/* The bytes that may end a sentence or a clause or begin a role
	 * word: the loop passes over the others on one test. */
	static const unsigned char stop[256] = {
		['\t'] = 1, ['\n'] = 1, ['.'] = 1, ['?'] = 1, ['!'] = 1,
		[','] = 1, [';'] = 1, ['m'] = 1, ['M'] = 1, ['f'] = 1, ['F'] = 1
	};

	t->text = text;
	t->len = len;
	t->nsend = t->nbrk = t->nrole = 0;
	t->words_ok = 0;
	for (i = 0; i < len; i++) {
		while (i + 4 <= len && (stop[u[i]] | stop[u[i + 1]] |
		    stop[u[i + 2]] | stop[u[i + 3]]) == 0)
			i += 4;		/* ordinary text, four bytes a step */
		if (i == len)
			break;
		c = u[i];
		if (!stop[c])
			continue;
		switch (c) {
		case '\t': case '\n': case '.': case '?': case '!':
			if (sentence_end(text, len, i) &&
			    push(&t->send, &t->nsend, &t->capsend, i) == -1)
				return -1;
			/* FALLTHROUGH */
		case ',': case ';':
			if ((c == ',' || c == ';' || sentence_end(text, len,
			    i)) && push(&t->brk, &t->nbrk, &t->capbrk,
			    i) == -1)
				return -1;
			break;
		case 'm': case 'M': case 'f': case 'F':
			/* "mother" or "father", case ignored: for letters,
			 * x | 0x20 == c holds of c and its capital only. */
			k = (c | 0x20) == 'f';
			if (i + 6 <= len &&
			    (text[i + 1] | 0x20) == (k ? 'a' : 'o') &&
			    (text[i + 2] | 0x20) == 't' &&
			    (text[i + 3] | 0x20) == 'h' &&
			    (text[i + 4] | 0x20) == 'e' &&
			    (text[i + 5] | 0x20) == 'r' &&
			    role_counts(text, len, i) &&
			    push(&t->role, &t->nrole, &t->caprole,
			    i * 2 + (size_t)k) == -1)
				return -1;
			break;
		}
	}
	return 0;
}

void
pctx_text_free(struct pctx_text *t)
{
	free(t->send);
	free(t->brk);
	free(t->role);
	free(t->word);
	memset(t, 0, sizeof(*t));
}

/* The number of v[0..n) (ascending) less than x. */
static size_t
below(const size_t *v, size_t n, size_t x)
{
	size_t	 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
pctx_text_clause_start(const struct pctx_text *t, size_t i)
{
	size_t	 k = below(t->brk, t->nbrk, i), a;

	a = k == 0 ? 0 : t->brk[k - 1] + 1;
	return i - a >= CLAUSE_SCAN ? i : a;
}

/* Returns 1 when text[a..b) holds at least three spaces. */
static int
three_spaces(const char *text, size_t a, size_t b)
{
	size_t	 n = 0;

	for (; a < b; a++)
		if (text[a] == ' ' && ++n == 3)
			return 1;
	return 0;
}

/*
 * Common words that say nothing of a topic: function words of four
 * letters or more and the verbs every chronology entry uses.
 */
static const char *const topic_stop[] = {
	"about", "after", "again", "also", "been", "before", "being", "both",
	"could", "does", "done", "during", "each", "from", "have", "having",
	"here", "into", "just", "more", "most", "much", "must", "never",
	"next", "only", "other", "over", "same", "should", "since", "some",
	"such", "than", "that", "their", "them", "then", "there", "these",
	"they", "this", "those", "through", "under", "until", "upon", "very",
	"were", "what", "when", "where", "which", "while", "will", "with",
	"would", "later", "following", "said", "told", "noted", "recorded",
	"stated", "reported", "asked", "days", "week", "weeks",
	"month", "months", "year", "years", "time", "record", "records",
	"because", "whether", "without", "within", "between", "against", NULL
};

/* FNV-1a of ASCII letters text[i..i+n) in lower case; never 0. */
static uint32_t
topic_hash(const char *text, size_t i, size_t n)
{
	uint32_t h = 2166136261u;
	size_t	 k;

	for (k = 0; k < n; k++)
		h = (h ^ ((unsigned char)text[i + k] | 0x20)) * 16777619u;
	return h != 0 ? h : 1;
}

/*
 * Returns 1 when hash h is a stop word's: an open-addressed table of
 * their hashes, made on first use (a collision only drops one more word
 * from a topic).
 */
#define STOP_SLOTS	256
static int
topic_stopword(uint32_t h)
{
	static uint32_t	 tab[STOP_SLOTS];
	static int	 made;
	size_t		 i, j;
	uint32_t	 sh;

	if (!made) {
		for (i = 0; topic_stop[i] != NULL; i++) {
			sh = topic_hash(topic_stop[i], 0,
			    strlen(topic_stop[i]));
			for (j = sh & (STOP_SLOTS - 1); tab[j] != 0;
			    j = (j + 1) & (STOP_SLOTS - 1))
				;
			tab[j] = sh;
		}
		made = 1;
	}
	for (j = h & (STOP_SLOTS - 1); tab[j] != 0;
	    j = (j + 1) & (STOP_SLOTS - 1))
		if (tab[j] == h)
			return 1;
	return 0;
}

#define TOPIC_REACH	160	/* bytes looked at on either side */

/* Lists the content words of t's text[s0..s1) (pctx_text_topic()). */
static int
topic_words(struct pctx_text *t, size_t s0, size_t s1)
{
	const unsigned char *u = (const unsigned char *)t->text;
	struct pctx_word *v;
	size_t		 i, n, cap;
	uint32_t	 h;
	unsigned	 cls, c;

	/* Words: runs of letters and non-ASCII bytes.  A word's class
	 * collects 1 for a lower-case letter, 2 for a capital, 4 for a
	 * non-ASCII byte. */
	static unsigned char wcls[256];

	if (wcls['a'] == 0) {
		for (c = 0; c < 256; c++)
			wcls[c] = c - 'a' < 26 ? 1 : c - 'A' < 26 ? 2 :
			    c >= 0x80 ? 4 : 0;
	}
	t->nword = 0;
	for (i = s0; i < s1; i += n) {
		for (n = 0, cls = 0; i + n < s1 && wcls[u[i + n]] != 0; n++)
			cls |= wcls[u[i + n]];
		if (n == 0) {
			/* Not a letter: on to the next that is. */
			while (++n + i < s1 && wcls[u[i + n]] == 0)
				;
			continue;
		}
		if (!((cls == 1 && n >= 4) || (cls == 2 && n >= 3)) ||
		    (i > 0 && (unsigned)(u[i - 1] - '0') < 10) ||
		    (i > 0 && i == s0 && wcls[u[i - 1]] != 0) ||
		    (i + n < t->len && i + n == s1 && wcls[u[i + n]] != 0))
			continue;	/* or cut by the window */
		h = topic_hash(t->text, i, n);
		if (cls == 1 && topic_stopword(h))
			continue;
		if (t->nword == t->capword) {
			cap = t->capword ? t->capword * 2 : 64;
			if ((v = reallocarray(t->word, cap, sizeof(*v))) ==
			    NULL)
				return -1;
			t->word = v;
			t->capword = cap;
		}
		t->word[t->nword].off = i;
		t->word[t->nword].end = i + n;
		t->word[t->nword++].h = h;
	}
	t->ws0 = s0;
	t->ws1 = s1;
	t->words_ok = 1;
	return 0;
}

/* Adds hash h to out[0..*n) unless there; returns 1 when out is full. */
static int
topic_add(uint32_t out[PCTX_TOPIC_N], size_t *n, uint32_t h)
{
	size_t	 j;

	for (j = 0; j < *n && out[j] != h; j++)
		;
	if (j == *n)
		out[(*n)++] = h;
	return *n == PCTX_TOPIC_N;
}

int
pctx_text_topic(struct pctx_text *t, size_t start, size_t end,
    uint32_t out[PCTX_TOPIC_N])
{
	size_t		 k, s0, s1, lo, hi, nout = 0, dl, dr;

	memset(out, 0, PCTX_TOPIC_N * sizeof(*out));
	/* The sentence (after the end before start, to the end after),
	 * within reach of the mention; its words are listed once for all
	 * its mentions. */
	k = below(t->send, t->nsend, start);
	s0 = k > 0 ? t->send[k - 1] + 1 : 0;
	s1 = k < t->nsend ? t->send[k] : t->len;
	if (start > TOPIC_REACH && s0 < start - TOPIC_REACH)
		s0 = start - TOPIC_REACH;
	if (s1 < end)
		s1 = end;	/* a full stop inside the mention ("J. Law") */
	if (s1 - end > TOPIC_REACH)
		s1 = end + TOPIC_REACH;
	if ((!t->words_ok || t->ws0 != s0 || t->ws1 != s1) &&
	    topic_words(t, s0, s1) == -1)
		return -1;
	/* The first word at or after start, then outwards, nearest first,
	 * stepping over words inside the mention. */
	lo = 0;
	hi = t->nword;
	while (lo < hi) {
		k = lo + (hi - lo) / 2;
		if (t->word[k].off < start)
			lo = k + 1;
		else
			hi = k;
	}
	hi = lo;
	while (hi < t->nword && t->word[hi].off < end)
		hi++;
	for (;;) {
		dl = lo > 0 && t->word[lo - 1].off >= s0 &&
		    t->word[lo - 1].end <= start ? start - t->word[lo - 1].off :
		    SIZE_MAX;
		dr = hi < t->nword && t->word[hi].end <= s1 ?
		    t->word[hi].off - end : SIZE_MAX;
		if (dl == SIZE_MAX && dr == SIZE_MAX)
			break;
		if (dl <= dr) {
			if (topic_add(out, &nout, t->word[--lo].h))
				break;
		} else if (topic_add(out, &nout, t->word[hi++].h))
			break;
	}
	return (int)nout;
}

unsigned
pctx_text_roles_apart(const struct pctx_text *t, size_t start, size_t end)
{
	size_t		 k, a, b, i;
	unsigned	 f = 0, w;

	if (t->nrole == 0)
		return 0;
	/* The sentence: after the last end before start, to the first end
	 * at or after end. */
	k = below(t->send, t->nsend, start);
	a = k == 0 ? 0 : t->send[k - 1] + 1;
	k = below(t->send, t->nsend, end);
	b = k == t->nsend ? t->len : t->send[k];
	for (k = below(t->role, t->nrole, a * 2); k < t->nrole; k++) {
		i = t->role[k] / 2;
		if (i + 6 > b)
			break;
		w = t->role[k] % 2 ? PCTX_NOT_FATHER : PCTX_NOT_MOTHER;
		if ((f & w) || (i >= start && i < end))
			continue;
		if (i < start ? three_spaces(t->text, i + 6, start) :
		    three_spaces(t->text, end, i))
			f |= w;
		if (f == (PCTX_NOT_MOTHER | PCTX_NOT_FATHER))
			break;
	}
	return f;
}

/* A phrase of the lists below and its length in bytes. */
struct phrase {
	const char	*s;
	size_t		 n;
};
#define P(lit)	{ (lit), sizeof(lit) - 1 }

/*
 * Context words around a title + surname ("Ms Lowe") that tell a
 * practitioner at work from a member of the family, for when a
 * professional and someone of the case file share the surname.  At work:
 * the subject of a professional act ("Ms Lowe completed a health
 * assessment", "Mr Dane served a notice"), a role in apposition ("Ms
 * Lowe, the school nurse", "Mr Dane (housing officer)"), the agent of a
 * visit ("Visit by Mr Dane").  At home: spoken of as family or as a
 * patient ("placed with Ms Lowe", "Ms Lowe's mobile", "Ms Lowe was seen
 * by").  Common case-review wording, in lower case; matched whole words,
 * case ignored.
 */
static const struct phrase work_after[] = {
	P("visited"), P("completed"), P("recorded"), P("undertook"),
	P("closed the"), P("served"), P("wrote"), P("was allocated"),
	P("assessed"), P("examined"), P("noted"), P("documented"),
	P("carried out"), P("conducted"), P("chaired"), P("convened"),
	P("reviewed"), P("discharged"), P("arranged"), P("did not ask"),
	P("had a caseload"), P("referred"), P("made a referral"),
	P("made an unannounced"), P("made a home visit"), P("prescribed"),
	P("supervised"), P("interviewed"), P("observed"), P("transferred"),
	P("allocated"), { NULL, 0 }
};
static const struct phrase work_before[] = {
	P("visit by"), P("visited by"), P("assessed by"), P("examined by"),
	P("seen by"), P("assessment by"), P("referral by"), P("referred by"),
	P("allocated to"), { NULL, 0 }
};
static const struct phrase home_after[] = {
	P("'s mobile"), P("'s telephone"), P("'s phone"),
	P("\xe2\x80\x99s mobile"), P("\xe2\x80\x99s telephone"),
	P("\xe2\x80\x99s phone"), P("was seen by"), P("and the children"),
	P("and her children"), P("and his children"), P("was arrested"),
	P("was admitted"), P("had a history"), P("was detained"),
	P("gave birth"), P("was pregnant"), { NULL, 0 }
};
static const struct phrase home_before[] = {
	P("placed with"), P("left with"), P("cared for by"),
	P("looked after by"), P("registered to"), P("call from"), P("care of"),
	P("collected by"), P("living with"), P("lived with"), P("stayed with"),
	P("staying with"), { NULL, 0 }
};
/*
 * Whom a child is placed with or left with is not a parent: of 56 titled
 * person mentions after these words in the dev gold, none was ("lived
 * with", "living with" were: they are not here).
 */
static const struct phrase carer_before[] = {
	P("placed with"), P("left with"), P("cared for by"),
	P("looked after by"), P("care of"), P("staying with"),
	P("stayed with"), { NULL, 0 }
};
/*
 * Someone who asks for a check on the family or raises concerns about it
 * stands outside it: not a parent either ("a welfare check at the request
 * of Ms Stone"; every one of 46 such mentions in the dev gold is a
 * grandparent).
 */
static const struct phrase outsider_before[] = {
	P("request of"), { NULL, 0 }
};
static const struct phrase outsider_after[] = {
	P("raised concerns"), P("raised concern"), { NULL, 0 }
};
static const struct phrase role_nouns[] = {
	P("worker"), P("visitor"), P("nurse"), P("officer"), P("reviewer"),
	P("manager"), P("teacher"), P("headteacher"), P("doctor"), P("gp"),
	P("consultant"), P("practitioner"), P("midwife"), P("paediatrician"),
	P("chair"), P("therapist"), P("psychologist"), P("psychiatrist"),
	P("constable"), P("sergeant"), P("detective"), P("advocate"),
	P("idva"), P("coordinator"), P("co-ordinator"), P("clinician"),
	P("author"), { NULL, 0 }
};

/*
 * Returns the length of the phrase of list w that text[i..] begins with.
 * The phrases begin and end with a lower-case letter or a byte of which
 * bit 0x20 is set, so that a byte ORed with 0x20 that differs from the
 * phrase's rules the phrase out before strncasecmp().
 */
static size_t
phrase_at(const char *text, size_t len, size_t i, const struct phrase *w)
{
	size_t	 n;
	int	 c;

	if (i >= len)
		return 0;
	c = (unsigned char)text[i] | 0x20;
	for (; w->s != NULL; w++) {
		n = w->n;
		if ((unsigned char)w->s[0] == c && i + n <= len &&
		    strncasecmp(text + i, w->s, n) == 0 &&
		    (i + n == len || !isalpha((unsigned char)text[i + n])))
			return n;
	}
	return 0;
}

/* Returns 1 when a phrase of list w ends just before text[i] (spaces). */
static int
phrase_before(const char *text, size_t i, const struct phrase *w)
{
	size_t	 n;
	int	 c;

	while (i > 0 && text[i - 1] == ' ')
		i--;
	if (i == 0)
		return 0;
	c = (unsigned char)text[i - 1] | 0x20;
	for (; w->s != NULL; w++) {
		n = w->n;
		if ((unsigned char)w->s[n - 1] == c && n <= i &&
		    strncasecmp(text + i - n, w->s, n) == 0 &&
		    (n == i || !isalpha((unsigned char)text[i - n - 1])))
			return 1;
	}
	return 0;
}

/*
 * Returns 1 when text[i..] puts a role in apposition: ", the school
 * nurse", ", an independent reviewer", " (housing officer)": up to four
 * words, one of them a role noun.
 */
static int
role_apposition(const char *text, size_t len, size_t i)
{
	size_t	 w;

	if (i + 2 < len && text[i] == ',' && text[i + 1] == ' ')
		i += 2;
	else if (i + 2 < len && text[i] == ' ' && text[i + 1] == '(')
		i += 2;
	else
		return 0;
	for (w = 0; w < 4 && i < len; w++) {
		if (phrase_at(text, len, i, role_nouns) > 0)
			return 1;
		while (i < len && (isalpha((unsigned char)text[i]) ||
		    text[i] == '-'))
			i++;
		if (i >= len || text[i] != ' ')
			return 0;
		i++;
	}
	return 0;
}

unsigned
pctx_work_or_home(const char *text, size_t len, size_t from, size_t end)
{
	size_t		 i, n;
	unsigned	 f = 0;

	for (i = from; i < end && text[i] != ' '; i++)
		;
	if (pn_title(text + from, i - from) < 0 || i == end ||
	    memchr(text + i + 1, ' ', end - i - 1) != NULL)
		return 0;
	if (phrase_before(text, from, work_before) ||
	    role_apposition(text, len, end))
		f |= PCTX_AT_WORK;
	if (phrase_before(text, from, home_before) ||
	    phrase_at(text, len, end, home_after) > 0)
		f |= PCTX_AT_HOME;
	if (phrase_before(text, from, carer_before) ||
	    phrase_before(text, from, outsider_before))
		f |= PCTX_CARER;
	for (i = end; i < len && text[i] == ' '; i++)
		;
	if (i == end)
		return f;
	if (phrase_at(text, len, i, outsider_after) > 0)
		f |= PCTX_CARER;
	if (phrase_at(text, len, i, work_after) > 0)
		f |= PCTX_AT_WORK;
	/* "Ms Lowe saw Kai": a practitioner sees a named person; a
	 * patient sees "the GP" or "Dr Moss". */
	if ((n = phrase_at(text, len, i, (const struct phrase[]){ P("saw"),
	    { NULL, 0 } })) > 0 && i + n + 1 < len && text[i + n] == ' ' &&
	    isupper((unsigned char)text[i + n + 1])) {
		for (i += n + 1, n = 0; i + n < len &&
		    isalpha((unsigned char)text[i + n]); n++)
			;
		if (pn_title(text + i, n) < 0)
			f |= PCTX_AT_WORK;
	}
	return f;
}

/* Returns the length of the word of letters at text[i..], or 0. */
static size_t
word_len(const char *text, size_t len, size_t i)
{
	size_t	 n = 0;

	while (i + n < len && isalpha((unsigned char)text[i + n]))
		n++;
	return n;
}

/* Returns 1 when text[i..i+n) is word w (in lower case), case ignored. */
static int
is_word(const char *text, size_t i, size_t n, const char *w)
{
	return n > 0 && ((unsigned char)text[i] | 0x20) == (unsigned char)w[0] &&
	    strlen(w) == n && strncasecmp(text + i, w, n) == 0;
}

/*
 * Words after which a name stands as the subject of a clause: "because
 * J.S. reported", "and K.M. said".  A clause's start counts too.
 */
static const char *const subject_after[] = {
	"that", "because", "when", "while", "whilst", "after", "before",
	"although", "though", "but", "and", "so", "until", "once", "whereas",
	"where", "then", "later", "also", "as", "if", "since", NULL
};

/*
 * The personal pronouns that end the search: 'f' or 'm' for a subject's
 * ("she", "herself"), -1 for another person's or not the subject's case
 * ("they", "him", "her"), 0 for another word.
 */
static int
pronoun(const char *text, size_t i, size_t n)
{
	static const struct {
		struct phrase	 p;
		int		 g;
	} pr[] = {
		{ P("she"), 'f' }, { P("herself"), 'f' }, { P("he"), 'm' },
		{ P("himself"), 'm' }, { P("they"), -1 }, { P("them"), -1 },
		{ P("their"), -1 }, { P("themselves"), -1 }, { P("i"), -1 },
		{ P("we"), -1 }, { P("him"), -1 }, { P("his"), -1 },
		{ P("her"), -1 }, { P("hers"), -1 },
	};
	size_t	 k;
	int	 c;

	if (n > 10)
		return 0;
	c = (unsigned char)text[i] | 0x20;
	if (c != 's' && c != 'h' && c != 't' && c != 'i' && c != 'w')
		return 0;
	for (k = 0; k < sizeof(pr) / sizeof(pr[0]); k++)
		if (pr[k].p.n == n && (unsigned char)pr[k].p.s[0] == c &&
		    strncasecmp(text + i, pr[k].p.s, n) == 0)
			return pr[k].g;
	return 0;
}

#define PRONOUN_WORDS	12	/* words looked ahead for the pronoun */

int
pctx_pronoun(const char *text, size_t len, size_t from, size_t end)
{
	size_t	 a, i, n, w;
	int	 g;

	if (pn_possessive(text + from, end - from) > 0 ||
	    (end < len && (text[end] == '\'' || (end + 3 <= len &&
	    memcmp(text + end, "\xe2\x80\x99", 3) == 0))))
		return 0;
	/* Then a verb: a word in lower case, not "and", "or", "with". */
	i = end;
	if (i >= len || text[i] != ' ')
		return 0;
	i++;
	n = word_len(text, len, i);
	if (n == 0 || !islower((unsigned char)text[i]) ||
	    is_word(text, i, n, "and") || is_word(text, i, n, "or") ||
	    is_word(text, i, n, "nor") || is_word(text, i, n, "with"))
		return 0;
	/*
	 * The subject: at its clause's start (after a sentence end, a cell,
	 * a comma or a semicolon) or after a conjunction.
	 */
	for (a = from; a > 0 && text[a - 1] == ' '; a--)
		;
	if (a > 0 && !sentence_end(text, len, a - 1) && text[a - 1] != ',' &&
	    text[a - 1] != ';') {
		for (n = 0; a > 0 && isalpha((unsigned char)text[a - 1]); a--)
			n++;
		if (n == 0 || (a > 0 && text[a - 1] != ' '))
			return 0;
		for (w = 0; subject_after[w] != NULL; w++)
			if (is_word(text, a, n, subject_after[w]))
				break;
		if (subject_after[w] == NULL)
			return 0;
	}
	/*
	 * The first personal pronoun of the sentence after it, a few words
	 * on: "J.S. reported that he was", "K.M. told Ms Hall that she".
	 */
	for (w = 0; i < len && w < PRONOUN_WORDS; w++) {
		if ((n = word_len(text, len, i)) > 0) {
			if ((g = pronoun(text, i, n)) != 0)
				return g > 0 ? g : 0;
			i += n;
		} else if (sentence_end(text, len, i) || text[i] == ';' ||
		    text[i] == ':' || text[i] == '(')
			return 0;
		else
			i++;
		while (i < len && !isalpha((unsigned char)text[i]) &&
		    !sentence_end(text, len, i) && text[i] != ';' &&
		    text[i] != ':' && text[i] != '(')
			i++;
	}
	return 0;
}
