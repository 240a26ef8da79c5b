/*
 * report.c — the reviewer's HTML report (see report.h).
 *
 * Everything is kept until the end: the table of pseudonyms and the
 * counts come before the document, and entity records may come last.
 * Strings live in one arena and are referred to by offset, so that the
 * arena can grow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "report.h"
#include "sbuf.h"
#include "stream.h"
#include "utf8.h"

enum { ANN_REPL = 'r', ANN_MENTION = 'm', ANN_FLAG = 'f' };

struct ann {
	int		 kind;
	size_t		 text;		/* index into report.texts */
	size_t		 start, end;
	size_t		 a, b, c;	/* r: entity, replacement, type
					 * m: type, rule, subtype
					 * f: category, severity, reason */
	int		 conf;
	int		 shown;		/* drawn in the document */
};

struct rtext {
	unsigned long	 id;
	size_t		 where, text, len;
};

struct entity {
	size_t		 id, type, pseudo, canon;
	size_t		 count;
};

struct report {
	struct sbuf	 arena;
	struct rtext	*texts;
	size_t		 ntexts, captexts;
	struct ann	*anns;
	size_t		 nanns, capanns;
	struct entity	*ents;
	size_t		 nents, capents;
	size_t		 source;	/* 0 = none (offset 0 is "") */
	int		 resolved;
};

/* The types of detection, for colours and counts; "other" last. */
static const char *const types[] = {
	"person", "address", "postcode", "place", "institution", "date",
	"identifier", "other"
};
#define NTYPES (sizeof(types) / sizeof(types[0]))

#define STR(r, off)	((r)->arena.buf + (off))

static int
grow(void **v, size_t *cap, size_t n, size_t size)
{
	void	*p;
	size_t	 c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 64;
	if ((p = reallocarray(*v, c, size)) == NULL)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

/* Copies s[0..len) into the arena; returns its offset or (size_t)-1. */
static size_t
keep(struct report *r, const char *s, size_t len)
{
	size_t	 off = r->arena.len;

	if (sbuf_add(&r->arena, s, len) == -1 || sbuf_addc(&r->arena, 0) == -1)
		return (size_t)-1;
	return off;
}

struct report *
report_new(void)
{
	struct report	*r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	if (keep(r, "", 0) == (size_t)-1) {	/* offset 0: "" */
		free(r);
		return NULL;
	}
	return r;
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	sbuf_release(&r->arena);
	free(r->texts);
	free(r->anns);
	free(r->ents);
	free(r);
}

static int
add_ann(struct report *r, int kind, unsigned long tid, size_t start,
    size_t end, const char *a, const char *b, const char *c, int conf,
    char *err, size_t errlen)
{
	struct ann	*x;
	struct rtext	*t;

	if (r->ntexts == 0 || r->texts[r->ntexts - 1].id != tid) {
		snprintf(err, errlen, "record for text %lu outside that text",
		    tid);
		return -1;
	}
	t = &r->texts[r->ntexts - 1];
	if (end > t->len) {
		snprintf(err, errlen, "text %lu: span %zu-%zu beyond the text",
		    tid, start, end);
		return -1;
	}
	if (grow((void **)&r->anns, &r->capanns, r->nanns, sizeof(*x)) == -1)
		goto oom;
	x = &r->anns[r->nanns];
	memset(x, 0, sizeof(*x));
	x->kind = kind;
	x->text = r->ntexts - 1;
	x->start = start;
	x->end = end;
	x->conf = conf;
	if ((x->a = keep(r, a, strlen(a))) == (size_t)-1 ||
	    (x->b = keep(r, b, strlen(b))) == (size_t)-1 ||
	    (x->c = keep(r, c, strlen(c))) == (size_t)-1)
		goto oom;
	r->nanns++;
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}

int
report_add(struct report *r, const struct record *rec, char *err,
    size_t errlen)
{
	struct text_unit	 t;
	struct replacement	 p;
	struct flag		 f;
	struct mention_list	 ml = MENTION_LIST_INIT;
	struct rtext		*x;
	struct entity		*e;
	int			 ret;

	if (record_is(rec, "text")) {
		if (record_text(rec, &t) == -1)
			goto bad;
		if (grow((void **)&r->texts, &r->captexts, r->ntexts,
		    sizeof(*x)) == -1)
			goto oom;
		x = &r->texts[r->ntexts];
		x->id = t.id;
		x->len = t.len;
		if ((x->where = keep(r, t.where, strlen(t.where))) ==
		    (size_t)-1 || (x->text = keep(r, t.text, t.len)) ==
		    (size_t)-1)
			goto oom;
		r->ntexts++;
	} else if (record_is(rec, "replace")) {
		if (record_replacement(rec, &p) == -1)
			goto bad;
		return add_ann(r, ANN_REPL, p.text, p.start, p.end, p.entity,
		    p.repl, "", 0, err, errlen);
	} else if (record_is(rec, "flag")) {
		if (record_flag(rec, &f) == -1)
			goto bad;
		return add_ann(r, ANN_FLAG, f.text, f.start, f.end, f.category,
		    f.severity, f.reason, 0, err, errlen);
	} else if (record_is(rec, "mention")) {
		if (record_mention(rec, &ml) == -1)
			goto bad;
		ret = add_ann(r, ANN_MENTION, ml.v[0].text, ml.v[0].start,
		    ml.v[0].end, ml.v[0].type, ml.v[0].rule, ml.v[0].subtype,
		    ml.v[0].conf, err, errlen);
		mention_list_release(&ml);
		return ret;
	} else if (record_is(rec, "entity")) {
		if (rec->nfield < 5)
			goto bad;
		if (grow((void **)&r->ents, &r->capents, r->nents,
		    sizeof(*e)) == -1)
			goto oom;
		e = &r->ents[r->nents];
		e->count = 0;
		if ((e->id = keep(r, rec->field[1], rec->fieldlen[1])) ==
		    (size_t)-1 ||
		    (e->type = keep(r, rec->field[2], rec->fieldlen[2])) ==
		    (size_t)-1 ||
		    (e->pseudo = keep(r, rec->field[3], rec->fieldlen[3])) ==
		    (size_t)-1 ||
		    (e->canon = keep(r, rec->field[4], rec->fieldlen[4])) ==
		    (size_t)-1)
			goto oom;
		r->nents++;
	} else if (record_is(rec, "meta")) {
		if (rec->nfield >= 3 && strcmp(rec->field[1], "source") == 0 &&
		    r->source == 0 && (r->source = keep(r, rec->field[2],
		    rec->fieldlen[2])) == (size_t)-1)
			goto oom;
	}
	return 0;
bad:
	mention_list_release(&ml);
	snprintf(err, errlen, "-:%lu: malformed %s record", rec->lineno,
	    rec->field[0]);
	return -1;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* Writes s[0..len) with HTML's five special characters escaped. */
static void
esc(FILE *fp, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		switch (s[i]) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		default: fputc(s[i], fp);
		}
}

static void
escs(FILE *fp, const char *s)
{
	esc(fp, s, strlen(s));
}

/* Returns the index of a known type, or that of "other". */
static size_t
type_index(const char *t)
{
	size_t	 i;

	for (i = 0; i + 1 < NTYPES; i++)
		if (strcmp(t, types[i]) == 0)
			return i;
	return NTYPES - 1;
}

static struct entity *
find_entity(struct report *r, const char *id)
{
	size_t	 i;

	if (strcmp(id, "-") == 0 || *id == '\0')
		return NULL;
	for (i = 0; i < r->nents; i++)
		if (strcmp(STR(r, r->ents[i].id), id) == 0)
			return &r->ents[i];
	return NULL;
}

static int
byspan(const void *x, const void *y)
{
	const struct ann *a = x, *b = y;

	if (a->text != b->text)
		return a->text < b->text ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;	/* longest first */
	return a->kind - b->kind;
}

/*
 * Works out each replacement's type (its entity's, else that of a mention
 * over the same bytes) and which annotations the document can draw:
 * replacements that do not overlap, and mentions no replacement covers.
 */
static void
resolve(struct report *r)
{
	struct ann	*x, *y;
	struct entity	*e;
	size_t		 i, j, lo, lastend = 0, lasttext = (size_t)-1;
	const char	*type;

	if (r->resolved)
		return;
	r->resolved = 1;
	if (r->nanns > 1)
		qsort(r->anns, r->nanns, sizeof(*r->anns), byspan);
	for (i = 0, lo = 0; i < r->nanns; i++) {
		x = &r->anns[i];
		if (x->kind != ANN_REPL)
			continue;
		if (x->text != lasttext)
			lastend = 0, lasttext = x->text;
		type = "";
		if ((e = find_entity(r, STR(r, x->a))) != NULL) {
			type = STR(r, e->type);
			e->count++;
		}
		while (lo < r->nanns && r->anns[lo].text < x->text)
			lo++;
		for (j = lo; *type == '\0' && j < r->nanns &&
		    r->anns[j].text == x->text && r->anns[j].start < x->end;
		    j++) {
			y = &r->anns[j];
			if (y->kind == ANN_MENTION && y->end > x->start)
				type = STR(r, y->a);
		}
		x->c = type_index(type);	/* an index, not an offset */
		if (x->start >= lastend || x->start == x->end) {
			x->shown = 1;
			lastend = x->end;
		}
	}
	/* Mentions: drawn when no drawn replacement or mention overlaps. */
	for (i = 0; i < r->nanns; i++) {
		x = &r->anns[i];
		if (x->kind != ANN_MENTION || x->start == x->end)
			continue;
		x->shown = 1;
		for (j = i; j-- > 0 && r->anns[j].text == x->text; )
			if (r->anns[j].shown && r->anns[j].kind != ANN_FLAG &&
			    r->anns[j].end > x->start)
				x->shown = 0;
		for (j = i + 1; x->shown && j < r->nanns &&
		    r->anns[j].text == x->text && r->anns[j].start < x->end;
		    j++)
			if (r->anns[j].kind == ANN_REPL && r->anns[j].shown)
				x->shown = 0;
	}
}

static const char css[] =
"body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60em;"
"padding:0 1em 4em;color:#222}\n"
".confidential{position:sticky;top:0;z-index:2;background:#b00020;"
"color:#fff;font-weight:bold;text-align:center;padding:.4em;"
"letter-spacing:.05em}\n"
"table{border-collapse:collapse;margin:.5em 0}\n"
"th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left;"
"vertical-align:top}\n"
"td.n{text-align:right}\n"
".doc p{margin:.3em 0;padding-left:3.5em;position:relative}\n"
".doc p.legend{padding-left:0}\n"
".doc .ln{position:absolute;left:0;width:3em;text-align:right;"
"color:#999;font-size:80%}\n"
".doc p.flagged{border-left:4px solid #e08000;background:#fff8ec}\n"
".flagref{font-size:75%;color:#a05000;margin-left:.5em}\n"
"mark{position:relative;border-radius:3px;padding:0 2px;"
"border-bottom:2px solid rgba(0,0,0,.35)}\n"
"mark:hover::after{content:attr(data-original);position:absolute;"
"left:0;top:1.6em;background:#222;color:#fff;padding:.1em .4em;"
"white-space:nowrap;z-index:1;border-radius:3px}\n"
".unreplaced{text-decoration:underline wavy #c00}\n"
".t-person{background:#ffd6d6}.t-address{background:#d6e4ff}"
".t-postcode{background:#d6f0ff}.t-place{background:#dcf5d6}"
".t-institution{background:#efd6ff}.t-date{background:#fff2b3}"
".t-identifier{background:#ffe0c2}.t-other{background:#e6e6e6}\n"
"li.flag{margin:.4em 0}\n"
"li.flag blockquote{margin:.2em 0 .2em 1em;color:#555;"
"border-left:3px solid #ddd;padding-left:.5em}\n"
".sev-error b{color:#b00020}.sev-warning b{color:#a05000}\n";

/* Writes a paragraph's text with its drawn annotations. */
static void
paragraph(struct report *r, FILE *fp, const struct rtext *t, size_t tidx,
    size_t first, size_t last, unsigned long *flagno)
{
	const char	*s = STR(r, t->text);
	const struct ann *x;
	size_t		 i, pos = 0;
	int		 flagged = 0;

	for (i = first; i < last; i++)
		if (r->anns[i].kind == ANN_FLAG)
			flagged = 1;
	fprintf(fp, "<p id=\"t%lu\"%s><span class=\"ln\">", t->id,
	    flagged ? " class=\"flagged\"" : "");
	if (STR(r, t->where)[0] == 'L')
		escs(fp, STR(r, t->where) + 1);
	else
		escs(fp, STR(r, t->where));
	fputs("</span>", fp);
	for (i = first; i < last; i++) {
		x = &r->anns[i];
		if (!x->shown || x->start < pos)
			continue;
		esc(fp, s + pos, x->start - pos);
		if (x->kind == ANN_REPL) {
			fprintf(fp, "<mark class=\"r t-%s\" data-type=\"%s\" "
			    "data-entity=\"", types[x->c], types[x->c]);
			escs(fp, STR(r, x->a));
			fputs("\" data-original=\"", fp);
			esc(fp, s + x->start, x->end - x->start);
			fputs("\" title=\"", fp);
			esc(fp, s + x->start, x->end - x->start);
			fputs("\">", fp);
			escs(fp, STR(r, x->b));
			fputs("</mark>", fp);
		} else {
			fprintf(fp, "<span class=\"unreplaced t-%s\" "
			    "data-type=\"%s\" title=\"detected, not replaced: ",
			    types[type_index(STR(r, x->a))],
			    types[type_index(STR(r, x->a))]);
			escs(fp, STR(r, x->a));
			fprintf(fp, " (%s, %d%%)\">", STR(r, x->b), x->conf);
			esc(fp, s + x->start, x->end - x->start);
			fputs("</span>", fp);
		}
		pos = x->end;
	}
	esc(fp, s + pos, t->len - pos);
	for (i = first; i < last; i++)
		if (r->anns[i].kind == ANN_FLAG) {
			(*flagno)++;
			fprintf(fp, "<a class=\"flagref\" href=\"#flag%lu\">"
			    "&#9873; ", *flagno);
			escs(fp, STR(r, r->anns[i].a));
			fputs("</a>", fp);
		}
	fputs("</p>\n", fp);
	(void)tidx;
}

/* Writes at most about 300 bytes of s[start..end), cut at a character. */
static void
excerpt(FILE *fp, const char *s, size_t start, size_t end)
{
	if (end - start > 300) {
		end = utf8_back(s, start + 300);
		esc(fp, s + start, end - start);
		fputs(" &#8230;", fp);
	} else
		esc(fp, s + start, end - start);
}

int
report_html(struct report *r, FILE *fp)
{
	size_t		 i, j, k, nrepl[NTYPES], nment[NTYPES], nent[NTYPES];
	size_t		 nflags = 0, nrepls = 0, nmentions = 0;
	unsigned long	 flagno = 0;
	const struct ann *x;
	const struct rtext *t;
	int		 any;

	resolve(r);
	memset(nrepl, 0, sizeof(nrepl));
	memset(nment, 0, sizeof(nment));
	memset(nent, 0, sizeof(nent));
	for (i = 0; i < r->nanns; i++) {
		x = &r->anns[i];
		if (x->kind == ANN_REPL) {
			nrepl[x->c]++;
			nrepls++;
		} else if (x->kind == ANN_MENTION && x->shown) {
			nment[type_index(STR(r, x->a))]++;
			nmentions++;
		} else if (x->kind == ANN_FLAG)
			nflags++;
	}
	for (i = 0; i < r->nents; i++)
		nent[type_index(STR(r, r->ents[i].type))]++;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n"
	    "<meta name=\"referrer\" content=\"no-referrer\">\n"
	    "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
	    "<title>CONFIDENTIAL: anonymisation report", fp);
	if (r->source != 0) {
		fputs(" for ", fp);
		escs(fp, STR(r, r->source));
	}
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
	fputs("<div class=\"confidential\" id=\"confidential\">CONFIDENTIAL"
	    " &#8212; this report contains the real names and details that "
	    "the anonymised document replaces.  Keep it with the case file; "
	    "never publish it.</div>\n"
	    "<h1>Anonymisation report</h1>\n", fp);
	if (r->source != 0) {
		fputs("<p>Source: <code id=\"source\">", fp);
		escs(fp, STR(r, r->source));
		fputs("</code></p>\n", fp);
	}

	/* Counts by type. */
	fputs("<section id=\"counts\">\n<h2>Counts by type</h2>\n"
	    "<table>\n<thead><tr><th>Type</th><th>Replacements</th>"
	    "<th>Entities</th><th>Detected, not replaced</th></tr></thead>\n"
	    "<tbody>\n", fp);
	for (i = 0; i < NTYPES; i++) {
		if (nrepl[i] + nment[i] + nent[i] == 0)
			continue;
		fprintf(fp, "<tr data-type=\"%s\"><td><mark class=\"t-%s\">%s"
		    "</mark></td><td class=\"n\">%zu</td><td class=\"n\">%zu"
		    "</td><td class=\"n\">%zu</td></tr>\n", types[i],
		    types[i], types[i], nrepl[i], nent[i], nment[i]);
	}
	fprintf(fp, "</tbody>\n<tfoot><tr><th>all</th><td class=\"n\" "
	    "id=\"total-replacements\">%zu</td><td class=\"n\">%zu</td>"
	    "<td class=\"n\">%zu</td></tr>\n<tr><th>flags</th>"
	    "<td class=\"n\" id=\"total-flags\">%zu</td><td></td><td></td>"
	    "</tr></tfoot>\n</table>\n</section>\n", nrepls, r->nents,
	    nmentions, nflags);

	/* Pseudonyms: from entity records, else grouped by replacement. */
	fputs("<section id=\"pseudonyms\">\n<h2>Pseudonyms</h2>\n"
	    "<table id=\"pseudonym-table\">\n<thead><tr><th>Pseudonym</th>"
	    "<th>Type</th><th>Real name or detail</th><th>Replacements</th>"
	    "</tr></thead>\n<tbody>\n", fp);
	if (r->nents > 0) {
		for (i = 0; i < r->nents; i++) {
			fputs("<tr class=\"entity\" data-entity=\"", fp);
			escs(fp, STR(r, r->ents[i].id));
			fputs("\"><td>", fp);
			escs(fp, STR(r, r->ents[i].pseudo));
			fprintf(fp, "</td><td><mark class=\"t-%s\">",
			    types[type_index(STR(r, r->ents[i].type))]);
			escs(fp, STR(r, r->ents[i].type));
			fputs("</mark></td><td>", fp);
			escs(fp, STR(r, r->ents[i].canon));
			fprintf(fp, "</td><td class=\"n\">%zu</td></tr>\n",
			    r->ents[i].count);
		}
	} else {
		/* No entity records: one row per replacement text, with
		 * the distinct originals it stands for. */
		for (i = 0; i < r->nanns; i++) {
			const char *repl;
			size_t n = 0;

			x = &r->anns[i];
			if (x->kind != ANN_REPL)
				continue;
			repl = STR(r, x->b);
			for (j = 0; j < i; j++)
				if (r->anns[j].kind == ANN_REPL &&
				    strcmp(STR(r, r->anns[j].b), repl) == 0)
					break;
			if (j < i)
				continue;	/* row already written */
			fputs("<tr class=\"entity\"><td>", fp);
			escs(fp, repl);
			fprintf(fp, "</td><td><mark class=\"t-%s\">%s</mark>"
			    "</td><td>", types[x->c], types[x->c]);
			for (j = i; j < r->nanns; j++) {
				const struct ann *y = &r->anns[j];
				const char *ys = STR(r, r->texts[y->text].text);

				if (y->kind != ANN_REPL ||
				    strcmp(STR(r, y->b), repl) != 0)
					continue;
				n++;
				for (k = i; k < j; k++) {
					const struct ann *z = &r->anns[k];

					if (z->kind == ANN_REPL &&
					    strcmp(STR(r, z->b), repl) == 0 &&
					    z->end - z->start == y->end - y->start &&
					    memcmp(STR(r, r->texts[z->text].text) +
					    z->start, ys + y->start,
					    y->end - y->start) == 0)
						break;
				}
				if (k < j)
					continue;	/* original seen */
				if (j > i)
					fputs("; ", fp);
				esc(fp, ys + y->start, y->end - y->start);
			}
			fprintf(fp, "</td><td class=\"n\">%zu</td></tr>\n", n);
		}
	}
	fputs("</tbody>\n</table>\n</section>\n", fp);

	/* Flags, in document order. */
	fprintf(fp, "<section id=\"flags\">\n<h2>Flags (%zu)</h2>\n", nflags);
	if (nflags == 0)
		fputs("<p>No passage was flagged.</p>\n", fp);
	else
		fputs("<ol id=\"flag-list\">\n", fp);
	for (i = 0, k = 0; i < r->nanns; i++) {
		x = &r->anns[i];
		if (x->kind != ANN_FLAG)
			continue;
		t = &r->texts[x->text];
		k++;
		fputs("<li class=\"flag sev-", fp);
		escs(fp, STR(r, x->b));
		fprintf(fp, "\" id=\"flag%zu\" data-category=\"", k);
		escs(fp, STR(r, x->a));
		fprintf(fp, "\"><b>");
		escs(fp, STR(r, x->a));
		fputs("</b> (", fp);
		escs(fp, STR(r, x->b));
		fprintf(fp, ") <a href=\"#t%lu\">", t->id);
		if (STR(r, t->where)[0] == 'L')
			fprintf(fp, "line %s", STR(r, t->where) + 1);
		else
			escs(fp, STR(r, t->where));
		fputs("</a>: <span class=\"reason\">", fp);
		escs(fp, STR(r, x->c));
		fputs("</span>\n<blockquote>", fp);
		excerpt(fp, STR(r, t->text), x->start, x->end);
		fputs("</blockquote></li>\n", fp);
	}
	if (nflags > 0)
		fputs("</ol>\n", fp);
	fputs("</section>\n", fp);

	/* The document. */
	fputs("<section id=\"document\" class=\"doc\">\n<h2>Document</h2>\n"
	    "<p class=\"legend\">Each replacement is shown highlighted by "
	    "type; hover over it for the original.  <span class=\"unreplaced"
	    "\">Wavy underlines</span> mark detections left as they were."
	    "</p>\n", fp);
	for (i = 0, j = 0; i < r->ntexts; i++) {
		t = &r->texts[i];
		for (k = j; k < r->nanns && r->anns[k].text == i; k++)
			continue;
		any = t->len > 0 || k > j;
		if (any)
			paragraph(r, fp, t, i, j, k, &flagno);
		j = k;
	}
	fputs("</section>\n</body>\n</html>\n", fp);
	return ferror(fp) ? -1 : 0;
}
