/*
 * docx_write.c — anon-write's DOCX output (docx.h, docs/docx.md).
 *
 * The writer re-opens the source, enumerates its units exactly as the
 * reader did, checks each against the stream's text record, applies the
 * replacements inside the tree, scrubs the package and writes a zip with
 * fixed timestamps in the source's entry order.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>
#include <zip.h>

#include "docx.h"
#include "docx_int.h"
#include "record.h"
#include "sbuf.h"
#include "stream.h"

struct otext {
	unsigned long	 id;
	char		*where;
	char		*text;
	size_t		 len;
};

struct orepl {
	unsigned long	 id;
	size_t		 start, end;
	char		*repl;
	size_t		 host;	/* segment the replacement starts in */
};

struct onote {
	unsigned long	 id;
	char		*text;	/* comment text */
};

struct docx_out {
	struct otext	*t;
	size_t		 nt, tcap;
	struct orepl	*r;
	size_t		 nr, rcap;
	struct onote	*f;
	size_t		 nf, fcap;
	char		*source;
	int		 drop;
	int		 oom;
};

#define GROW(v, n, cap) do {						\
	if ((n) == (cap)) {						\
		size_t nc_ = (cap) ? (cap) * 2 : 64;			\
		void *p_ = realloc((v), nc_ * sizeof(*(v)));		\
		if (p_ == NULL)						\
			return -1;					\
		(v) = p_;						\
		(cap) = nc_;						\
	}								\
} while (0)

struct docx_out *
docx_out_new(void)
{
	return calloc(1, sizeof(struct docx_out));
}

void
docx_out_free(struct docx_out *o)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < o->nt; i++) {
		free(o->t[i].where);
		free(o->t[i].text);
	}
	for (i = 0; i < o->nr; i++)
		free(o->r[i].repl);
	for (i = 0; i < o->nf; i++)
		free(o->f[i].text);
	free(o->t);
	free(o->r);
	free(o->f);
	free(o->source);
	free(o);
}

static char *
memdup0(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static int
add_note(struct docx_out *o, unsigned long id, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	GROW(o->f, o->nf, o->fcap);
	if ((o->f[o->nf].text = strdup(buf)) == NULL)
		return -1;
	o->f[o->nf++].id = id;
	return 0;
}

int
docx_out_record(struct docx_out *o, const struct record *rec)
{
	if (record_is(rec, "text")) {
		struct text_unit t;

		if (record_text(rec, &t) == -1)
			return -1;
		GROW(o->t, o->nt, o->tcap);
		o->t[o->nt].id = t.id;
		o->t[o->nt].len = t.len;
		if ((o->t[o->nt].where = strdup(t.where)) == NULL ||
		    (o->t[o->nt].text = memdup0(t.text, t.len)) == NULL) {
			free(o->t[o->nt].where);
			return -1;
		}
		o->nt++;
	} else if (record_is(rec, "replace")) {
		struct replacement r;

		if (record_replacement(rec, &r) == -1 || r.start > r.end)
			return -1;
		GROW(o->r, o->nr, o->rcap);
		o->r[o->nr].id = r.text;
		o->r[o->nr].start = r.start;
		o->r[o->nr].end = r.end;
		if ((o->r[o->nr].repl = strdup(r.repl)) == NULL)
			return -1;
		o->nr++;
	} else if (record_is(rec, "flag")) {
		struct flag f;

		if (record_flag(rec, &f) == -1)
			return -1;
		if (add_note(o, f.text, "anonymise: %s (%s): %s", f.category,
		    f.severity, f.reason) == -1)
			return -1;
	} else if (record_is(rec, "mention")) {
		struct mention_list ml = MENTION_LIST_INIT;
		int rc = 0;

		if (record_mention(rec, &ml) == -1)
			return -1;
		/* Doubtful detections go to the reviewer. */
		if (ml.n == 1 && ml.v[0].conf < 60)
			rc = add_note(o, ml.v[0].text, "anonymise: doubtful "
			    "%s (%s, confidence %d): check this replacement",
			    ml.v[0].type, ml.v[0].rule, ml.v[0].conf);
		mention_list_release(&ml);
		return rc;
	} else if (record_is(rec, "meta") && rec->nfield >= 3) {
		if (strcmp(rec->field[1], "source") == 0) {
			free(o->source);
			if ((o->source = strdup(rec->field[2])) == NULL)
				return -1;
		} else if (strcmp(rec->field[1], "drop-embedded") == 0)
			o->drop = strcmp(rec->field[2], "yes") == 0;
	}
	return 0;
}

/* Applying replacements. */

struct wctx {
	struct docx_out	*o;
	size_t		 ti;	/* next text record */
	size_t		 ri;	/* next replacement */
	struct sbuf	 nb;
	/* paragraphs (main part) of the text ids that carry notes */
	struct anchor {
		void		*p;	/* xmlNode *: the w:p */
		unsigned long	 id;
	}		*anchor;
	size_t		 nanchor, acap;
};

static int
cmp_repl(const void *a, const void *b)
{
	const struct orepl *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

static int
set_seg(struct docx_seg *sg, const char *s, size_t len)
{
	xmlNode *n = sg->node;
	xmlChar *v;

	if ((v = xmlCharStrndup(s, (int)len)) == NULL)
		return -1;
	if (sg->attr != NULL) {
		xmlAttr *a = sg->attr;

		if (xmlSetNsProp(n, a->ns, a->name, v) == NULL) {
			xmlFree(v);
			return -1;
		}
	} else if (n->type == XML_TEXT_NODE ||
	    n->type == XML_CDATA_SECTION_NODE) {
		xmlNodeSetContent(n, NULL);
		xmlFree(n->content);
		n->content = v;
		v = NULL;
	} else {
		xmlNode *t;

		while (n->children != NULL) {
			t = n->children;
			xmlUnlinkNode(t);
			xmlFreeNode(t);
		}
		if ((t = xmlNewDocTextLen(n->doc, v, (int)len)) == NULL) {
			xmlFree(v);
			return -1;
		}
		xmlAddChild(n, t);
		if (docx_is_w(n, "t") || docx_is_w(n, "instrText") ||
		    docx_is_w(n, "delText"))
			xmlNodeSetSpacePreserve(n, 1);
	}
	xmlFree(v);
	return 0;
}

static int
apply(struct docx *d, struct docx_unit *u, struct orepl *r, size_t n,
    struct sbuf *nb)
{
	const char *T = u->text.buf;
	size_t i, k, j = 0;

	for (k = 0; k < n; k++) {
		if (r[k].end > u->text.len || (k > 0 &&
		    r[k].start < r[k - 1].end)) {
			docx_err(d, "%s: replacement %zu-%zu %s", u->where,
			    r[k].start, r[k].end, r[k].end > u->text.len ?
			    "beyond the end of the text" :
			    "overlaps the previous one");
			return -1;
		}
		r[k].host = (size_t)-1;
		for (i = 0; i < u->nseg; i++) {
			struct docx_seg *s = &u->seg[i];

			if (!s->editable)
				continue;
			if (s->off + s->len > r[k].start ||
			    r[k].host == (size_t)-1)
				r[k].host = i;
			if (s->off + s->len > r[k].start)
				break;
		}
		if (r[k].host == (size_t)-1) {
			docx_err(d, "%s: no text to replace in", u->where);
			return -1;
		}
	}
	for (i = 0; i < u->nseg; i++) {
		struct docx_seg *s = &u->seg[i];
		size_t p = s->off, e = s->off + s->len;
		int changed = 0;

		if (!s->editable)
			continue;
		while (j < n && r[j].host < i && r[j].end <= s->off)
			j++;
		sbuf_reset(nb);
		for (k = j; k < n; k++) {
			if (r[k].host > i && r[k].start >= e)
				break;
			if (r[k].host == i) {
				size_t st = r[k].start < p ? p :
				    (r[k].start > e ? e : r[k].start);

				if (sbuf_add(nb, T + p, st - p) == -1 ||
				    sbuf_adds(nb, r[k].repl) == -1)
					goto oom;
				p = r[k].end > e ? e : (r[k].end < st ? st :
				    r[k].end);
				changed = 1;
			} else if (r[k].start < e && r[k].end > p) {
				size_t st = r[k].start < p ? p : r[k].start;

				if (sbuf_add(nb, T + p, st - p) == -1)
					goto oom;
				p = r[k].end > e ? e : r[k].end;
				changed = 1;
			}
		}
		if (!changed)
			continue;
		if (sbuf_add(nb, T + p, e - p) == -1 ||
		    set_seg(s, nb->buf ? nb->buf : "", nb->len) == -1)
			goto oom;
		u->part->modified = 1;
	}
	return 0;
oom:
	docx_err(d, "out of memory");
	return -1;
}

static int
write_unit(struct docx *d, struct docx_unit *u, void *arg)
{
	struct wctx *w = arg;
	struct docx_out *o = w->o;
	struct otext *t;
	size_t r0, f;

	if (w->ti >= o->nt) {
		docx_err(d, "the stream has fewer text records than %s has "
		    "units (first missing: %s): not made from this source",
		    o->source, u->where);
		return -1;
	}
	t = &o->t[w->ti++];
	if (strcmp(t->where, u->where) != 0 || t->len != u->text.len ||
	    memcmp(t->text, u->text.buf, t->len) != 0) {
		docx_err(d, "text record %lu (%s) does not match %s in %s: "
		    "the stream was not made from this source or its text "
		    "was changed", t->id, t->where, u->where, o->source);
		return -1;
	}
	while (w->ri < o->nr && o->r[w->ri].id < t->id)
		w->ri++;
	r0 = w->ri;
	while (w->ri < o->nr && o->r[w->ri].id == t->id)
		w->ri++;
	if (w->ri > r0 && apply(d, u, o->r + r0, w->ri - r0, &w->nb) == -1)
		return -1;
	/* Remember where notes on this unit can be anchored. */
	for (f = 0; f < o->nf; f++) {
		xmlNode *p = u->elem;

		if (o->f[f].id != t->id)
			continue;
		if (strcmp(u->part->name, d->main) != 0 ||
		    !docx_is_w(p, "p") || u->part->kind != DOCX_XML)
			break;
		GROW(w->anchor, w->nanchor, w->acap);
		w->anchor[w->nanchor].p = p;
		w->anchor[w->nanchor++].id = t->id;
		break;
	}
	return 0;
}

/* Scrubbing. */

struct scrub {
	int	 review;
	char	**author;	/* distinct authors in order of appearance */
	size_t	 nauthor;
	int	 oom;
};

static const char *
author_alias(struct scrub *s, const char *name)
{
	static char buf[32];
	size_t i;
	char **v;

	for (i = 0; i < s->nauthor; i++)
		if (strcmp(s->author[i], name) == 0)
			break;
	if (i == s->nauthor) {
		if ((v = realloc(s->author, (i + 1) * sizeof(*v))) == NULL ||
		    (v[i] = strdup(name)) == NULL) {
			if (v != NULL)
				s->author = v;
			s->oom = 1;
			return "Author";
		}
		s->author = v;
		s->nauthor++;
	}
	snprintf(buf, sizeof(buf), "Author %zu", i + 1);
	return buf;
}

static void
drop_node(xmlNode *n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

static void
unwrap(xmlNode *n)
{
	xmlNode *c, *next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddPrevSibling(n, c);
	}
	drop_node(n);
}

static int
parent_is_pr(const xmlNode *n)
{
	const char *pn;
	size_t l;

	if (n->parent == NULL || n->parent->type != XML_ELEMENT_NODE)
		return 0;
	pn = (const char *)n->parent->name;
	l = strlen(pn);
	return l >= 2 && strcmp(pn + l - 2, "Pr") == 0;
}

static int
ends(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);

	return a >= b && strcmp(s + a - b, suf) == 0;
}

/* Returns 1 when n is a table row deleted as a tracked change. */
static int
deleted_row(xmlNode *n)
{
	xmlNode *c, *m;

	if (!docx_is_w(n, "tr"))
		return 0;
	for (c = n->children; c != NULL; c = c->next)
		if (docx_is_w(c, "trPr"))
			for (m = c->children; m != NULL; m = m->next)
				if (docx_is_w(m, "del"))
					return 1;
	return 0;
}

static int
w_elem(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    (strcmp((const char *)n->ns->href, "http://schemas.openxml"
	    "formats.org/wordprocessingml/2006/main") == 0 ||
	    strcmp((const char *)n->ns->href, "http://purl.oclc.org/ooxml/"
	    "wordprocessingml/main") == 0);
}

/* Attributes: authors renamed, initials and rsids removed. */
static int
scrub_attrs(struct scrub *s, xmlNode *n)
{
	xmlAttr *a, *next;
	int ch = 0;

	for (a = n->properties; a != NULL; a = next) {
		const char *an = (const char *)a->name;

		next = a->next;
		if (strcmp(an, "author") == 0) {
			xmlChar *v = xmlNodeListGetString(n->doc, a->children,
			    1);
			const char *al = author_alias(s, v ? (char *)v : "");

			xmlSetNsProp(n, a->ns, a->name, (const xmlChar *)al);
			xmlFree(v);
			ch = 1;
		} else if (strcmp(an, "initials") == 0) {
			xmlSetNsProp(n, a->ns, a->name, (const xmlChar *)"A");
			ch = 1;
		} else if (!s->review && strncmp(an, "rsid", 4) == 0 &&
		    a->ns != NULL) {
			xmlRemoveProp(a);
			ch = 1;
		}
	}
	return ch;
}

static int
scrub_tree(struct scrub *s, xmlNode *n)
{
	xmlNode *c, *next;
	int ch = 0;

	for (c = n->children; c != NULL; c = next) {
		const char *nm;

		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		ch |= scrub_attrs(s, c);
		nm = (const char *)c->name;
		if (w_elem(c) && (strcmp(nm, "presenceInfo") == 0)) {
			drop_node(c);
			ch = 1;
			continue;
		}
		if (!w_elem(c) || s->review) {
			ch |= scrub_tree(s, c);
			continue;
		}
		/* Publication: accept tracked changes, drop comments. */
		if (deleted_row(c) || strcmp(nm, "rsids") == 0 ||
		    strcmp(nm, "docVars") == 0 ||
		    ((strcmp(nm, "del") == 0 || strcmp(nm, "moveFrom") == 0 ||
		    strcmp(nm, "ins") == 0 || strcmp(nm, "moveTo") == 0 ||
		    strcmp(nm, "cellIns") == 0 ||
		    strcmp(nm, "cellDel") == 0 ||
		    strcmp(nm, "cellMerge") == 0) && parent_is_pr(c)) ||
		    ((strcmp(nm, "del") == 0 || strcmp(nm, "moveFrom") == 0)) ||
		    ends(nm, "Change") || ends(nm, "RangeStart") ||
		    ends(nm, "RangeEnd") ||
		    strcmp(nm, "commentReference") == 0) {
			/* bookmarks and permissions are kept */
			if ((strcmp(nm, "bookmarkStart") != 0 &&
			    strcmp(nm, "bookmarkEnd") != 0) &&
			    (strncmp(nm, "perm", 4) != 0)) {
				drop_node(c);
				ch = 1;
				continue;
			}
		}
		ch |= scrub_tree(s, c);
		if (strcmp(nm, "ins") == 0 || strcmp(nm, "moveTo") == 0) {
			unwrap(c);
			ch = 1;
		}
	}
	return ch;
}

static int
clear_root(xmlDoc *doc)
{
	xmlNode *r = xmlDocGetRootElement(doc);
	int ch = r->children != NULL;

	while (r->children != NULL)
		drop_node(r->children);
	return ch;
}

static int
drop_children_named(xmlNode *r, const char *const *names)
{
	xmlNode *c, *next;
	const char *const *p;
	int ch = 0;

	for (c = r->children; c != NULL; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (p = names; *p != NULL; p++)
			if (strcmp((const char *)c->name, *p) == 0) {
				drop_node(c);
				ch = 1;
				break;
			}
	}
	return ch;
}

static const char *const app_drop[] = {
	"Company", "Manager", "HyperlinkBase", "TitlesOfParts",
	"HeadingPairs", "Template", "HLinks", "DigSig", NULL
};

static int
scrub_part(struct docx *d, struct docx_part *p, struct scrub *s)
{
	const char *t = p->ctype;
	xmlDoc *doc = p->doc;
	int ch;

	if (ends(t, "core-properties+xml") ||
	    ends(t, "custom-properties+xml"))
		ch = clear_root(doc);
	else if (ends(t, "extended-properties+xml"))
		ch = drop_children_named(xmlDocGetRootElement(doc), app_drop);
	else if (!s->review && (ends(t, "wordprocessingml.comments+xml") ||
	    ends(t, "commentsExtended+xml") || ends(t, "commentsIds+xml") ||
	    ends(t, "commentsExtensible+xml") || ends(t, "people+xml")))
		ch = clear_root(doc);
	else {
		xmlNode *r = xmlDocGetRootElement(doc);

		ch = scrub_attrs(s, r);
		ch |= scrub_tree(s, r);
	}
	if (ch)
		p->modified = 1;
	if (s->oom) {
		docx_err(d, "out of memory");
		return -1;
	}
	return 0;
}

/* The thumbnail shows the first page: it goes, with its relationship. */
static void
drop_thumbnail(struct docx *d)
{
	struct docx_part *r = docx_find(d, "_rels/.rels");
	xmlNode *n, *next;

	if (r == NULL || r->doc == NULL)
		return;
	for (n = xmlDocGetRootElement(r->doc)->children; n != NULL;
	    n = next) {
		xmlChar *t, *g;
		char name[1024];
		struct docx_part *p;

		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		t = xmlGetProp(n, (const xmlChar *)"Type");
		g = xmlGetProp(n, (const xmlChar *)"Target");
		if (t != NULL && g != NULL &&
		    ends((const char *)t, "/thumbnail") &&
		    docx_resolve("", (const char *)g, name, sizeof(name)) == 0 &&
		    (p = docx_find(d, name)) != NULL) {
			p->dropped = 2;
			drop_node(n);
			r->modified = 1;
		}
		xmlFree(t);
		xmlFree(g);
	}
}

/* Review: notes become comments by "anonymise" on their paragraph. */

static const char *
w_href(struct docx *d)
{
	struct docx_part *m = docx_find(d, d->main);
	xmlNode *r = xmlDocGetRootElement(m->doc);

	return r->ns != NULL ? (const char *)r->ns->href :
	    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
}

static struct docx_part *
add_part(struct docx *d, const char *name, const char *ctype, xmlDoc *doc)
{
	struct docx_part *v, *p;
	size_t *o;

	if ((v = realloc(d->part, (d->npart + 1) * sizeof(*v))) == NULL)
		return NULL;
	d->part = v;
	if ((o = realloc(d->order, (d->npart + 1) * sizeof(*o))) == NULL)
		return NULL;
	d->order = o;
	p = &d->part[d->npart];
	memset(p, 0, sizeof(*p));
	if ((p->name = strdup(name)) == NULL ||
	    (p->ctype = strdup(ctype)) == NULL) {
		free(p->name);
		return NULL;
	}
	p->kind = DOCX_XML;
	p->doc = doc;
	p->modified = 1;
	d->order[d->npart] = d->npart;
	d->npart++;
	return p;
}

static xmlDoc *
comments_doc(struct docx *d)
{
	char rels[1024], name[1024];
	const char *slash = strrchr(d->main, '/');
	int dl = slash ? (int)(slash - d->main) + 1 : 0;
	struct docx_part *p, *rp, *ct;
	xmlNode *n, *root;
	xmlDoc *doc;
	const char *W = w_href(d);
	int strict = strstr(W, "purl.oclc.org") != NULL;
	const char *rtype = strict ?
	    "http://purl.oclc.org/ooxml/officeDocument/relationships/comments" :
	    "http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/comments";
	const char *ctype = "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.comments+xml";

	for (size_t i = 0; i < d->npart; i++)
		if (ends(d->part[i].ctype, "wordprocessingml.comments+xml") &&
		    d->part[i].doc != NULL)
			return d->part[i].doc;
	snprintf(rels, sizeof(rels), "%.*s_rels/%s.rels", dl, d->main,
	    d->main + dl);
	snprintf(name, sizeof(name), "%.*sanonymise-comments.xml", dl,
	    d->main);
	if ((rp = docx_find(d, rels)) == NULL || rp->doc == NULL ||
	    (ct = docx_find(d, "[Content_Types].xml")) == NULL)
		return NULL;
	if ((doc = xmlNewDoc((const xmlChar *)"1.0")) == NULL)
		return NULL;
	doc->standalone = 1;
	root = xmlNewDocNode(doc, NULL, (const xmlChar *)"comments", NULL);
	xmlDocSetRootElement(doc, root);
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)W,
	    (const xmlChar *)"w"));
	if ((p = add_part(d, name, ctype, doc)) == NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	n = xmlNewChild(xmlDocGetRootElement(rp->doc), NULL,
	    (const xmlChar *)"Relationship", NULL);
	xmlSetProp(n, (const xmlChar *)"Id", (const xmlChar *)"rIdAnonymise1");
	xmlSetProp(n, (const xmlChar *)"Type", (const xmlChar *)rtype);
	xmlSetProp(n, (const xmlChar *)"Target",
	    (const xmlChar *)"anonymise-comments.xml");
	rp->modified = 1;
	/* [Content_Types].xml is kept as bytes: parse, add, reserialise. */
	{
		xmlDoc *cd = docx_parse(d, ct->name, ct->data, ct->len);
		xmlChar *mem;
		char pn[1100];
		int len;

		if (cd == NULL)
			return NULL;
		n = xmlNewChild(xmlDocGetRootElement(cd), NULL,
		    (const xmlChar *)"Override", NULL);
		snprintf(pn, sizeof(pn), "/%s", name);
		xmlSetProp(n, (const xmlChar *)"PartName",
		    (const xmlChar *)pn);
		xmlSetProp(n, (const xmlChar *)"ContentType",
		    (const xmlChar *)ctype);
		xmlDocDumpMemoryEnc(cd, &mem, &len, "UTF-8");
		xmlFreeDoc(cd);
		if (mem == NULL)
			return NULL;
		free(ct->data);
		ct->data = malloc((size_t)len);
		if (ct->data == NULL) {
			xmlFree(mem);
			return NULL;
		}
		memcpy(ct->data, mem, (size_t)len);
		ct->len = (size_t)len;
		xmlFree(mem);
	}
	return doc;
}

static int
add_comments(struct docx *d, struct docx_out *o, struct wctx *w)
{
	struct docx_part *m = docx_find(d, d->main);
	xmlDoc *cd;
	xmlNode *croot, *c;
	xmlNs *ns;
	long maxid = -1;
	size_t a, f;

	if (w->nanchor == 0)
		return 0;
	if ((cd = comments_doc(d)) == NULL) {
		docx_err(d, "cannot add a comments part to %s", d->main);
		return -1;
	}
	croot = xmlDocGetRootElement(cd);
	ns = croot->ns;
	for (c = croot->children; c != NULL; c = c->next) {
		xmlChar *v = xmlGetNsProp(c, (const xmlChar *)"id", ns->href);

		if (v != NULL && atol((char *)v) > maxid)
			maxid = atol((char *)v);
		xmlFree(v);
	}
	for (a = 0; a < w->nanchor; a++) {
		xmlNode *p = w->anchor[a].p, *pn, *n, *r, *pp, *t;
		xmlNs *pns = p->ns;
		char id[32];

		for (f = 0; f < o->nf; f++) {
			if (o->f[f].id != w->anchor[a].id)
				continue;
			snprintf(id, sizeof(id), "%ld", ++maxid);
			n = xmlNewChild(croot, ns, (const xmlChar *)"comment",
			    NULL);
			xmlNewNsProp(n, ns, (const xmlChar *)"id",
			    (const xmlChar *)id);
			xmlNewNsProp(n, ns, (const xmlChar *)"author",
			    (const xmlChar *)"anonymise");
			xmlNewNsProp(n, ns, (const xmlChar *)"initials",
			    (const xmlChar *)"AN");
			pp = xmlNewChild(n, ns, (const xmlChar *)"p", NULL);
			r = xmlNewChild(pp, ns, (const xmlChar *)"r", NULL);
			t = xmlNewTextChild(r, ns, (const xmlChar *)"t",
			    (const xmlChar *)o->f[f].text);
			(void)t;
			/* range around the paragraph's content */
			pn = xmlNewDocNode(p->doc, pns,
			    (const xmlChar *)"commentRangeStart", NULL);
			xmlNewNsProp(pn, pns, (const xmlChar *)"id",
			    (const xmlChar *)id);
			if (p->children != NULL && docx_is_w(p->children, "pPr"))
				xmlAddNextSibling(p->children, pn);
			else if (p->children != NULL)
				xmlAddPrevSibling(p->children, pn);
			else
				xmlAddChild(p, pn);
			pn = xmlNewChild(p, pns,
			    (const xmlChar *)"commentRangeEnd", NULL);
			xmlNewNsProp(pn, pns, (const xmlChar *)"id",
			    (const xmlChar *)id);
			r = xmlNewChild(p, pns, (const xmlChar *)"r", NULL);
			pn = xmlNewChild(r, pns,
			    (const xmlChar *)"commentReference", NULL);
			xmlNewNsProp(pn, pns, (const xmlChar *)"id",
			    (const xmlChar *)id);
		}
	}
	m->modified = 1;
	return 0;
}

/* Output. */

static int
part_bytes(struct docx *d, struct docx_part *p, xmlChar **mem, int *len)
{
	*mem = NULL;
	if (p->doc != NULL && p->modified) {
		xmlDocDumpMemoryEnc(p->doc, mem, len, "UTF-8");
		if (*mem == NULL) {
			docx_err(d, "%s: cannot serialise", p->name);
			return -1;
		}
	}
	return 0;
}

static int
write_file(struct docx *d, const char *out, const void *buf, size_t len)
{
	struct stat st;
	char *tmp;
	size_t n = strlen(out);
	mode_t um;
	int fd;

	if (lstat(out, &st) == 0 && !S_ISREG(st.st_mode)) {
		docx_err(d, "%s: not a regular file (a symlink or device): "
		    "refusing to replace it", out);
		return -1;
	}
	if ((tmp = malloc(n + 16)) == NULL) {
		docx_err(d, "out of memory");
		return -1;
	}
	snprintf(tmp, n + 16, "%s.tmp.XXXXXX", out);
	if ((fd = mkstemp(tmp)) == -1) {
		docx_err(d, "%s: %s", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	um = umask(0);
	umask(um);
	if (fchmod(fd, 0666 & ~um) == -1)
		goto fail;
	{
		const char *b = buf;
		size_t left = len;

		while (left > 0) {
			ssize_t w = write(fd, b, left);

			if (w < 0) {
				if (errno == EINTR)
					continue;
				goto fail;
			}
			b += w;
			left -= (size_t)w;
		}
	}
	if (fsync(fd) == -1 || close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, out) == -1)
		goto fail;
	free(tmp);
	return 0;
fail:
	docx_err(d, "%s: %s", out, strerror(errno));
	if (fd != -1)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}

static int
save(struct docx *d, const char *out)
{
	zip_source_t *src = NULL, *zs;
	zip_t *za = NULL;
	zip_error_t ze;
	xmlChar **mem = NULL;
	zip_stat_t st;
	char *buf = NULL;
	size_t i;
	int rc = -1;

	zip_error_init(&ze);
	if ((mem = calloc(d->npart ? d->npart : 1, sizeof(*mem))) == NULL)
		goto oom;
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		goto zerr;
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		goto zerr;
	for (i = 0; i < d->npart; i++) {
		struct docx_part *p = &d->part[i];
		const void *data = p->data;
		size_t len = p->len;
		zip_int64_t idx;
		int l;

		if (p->dropped == 2)
			continue;
		if (part_bytes(d, p, &mem[i], &l) == -1)
			goto fail;
		if (mem[i] != NULL) {
			data = mem[i];
			len = (size_t)l;
		} else if (p->dropped)
			len = 0;
		if ((zs = zip_source_buffer(za, len ? data : "", len, 0)) ==
		    NULL)
			goto zaerr;
		if ((idx = zip_file_add(za, p->name, zs,
		    ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(zs);
			goto zaerr;
		}
		/* 1980-01-01 00:00: fixed, so output bytes are stable. */
		if (zip_file_set_dostime(za, (zip_uint64_t)idx, 0,
		    (1 << 5) | 1, 0) == -1 ||
		    zip_set_file_compression(za, (zip_uint64_t)idx,
		    ZIP_CM_DEFLATE, 6) == -1)
			goto zaerr;
	}
	if (zip_close(za) == -1)
		goto zaerr;
	za = NULL;
	if (zip_source_stat(src, &st) == -1 || zip_source_open(src) == -1)
		goto zserr;
	if ((buf = malloc(st.size ? st.size : 1)) == NULL) {
		zip_source_close(src);
		goto oom;
	}
	if (zip_source_read(src, buf, st.size) != (zip_int64_t)st.size) {
		zip_source_close(src);
		goto zserr;
	}
	zip_source_close(src);
	rc = write_file(d, out, buf, st.size);
	goto done;
zaerr:
	docx_err(d, "writing the zip: %s", zip_strerror(za));
	goto fail;
zserr:
	docx_err(d, "writing the zip: %s",
	    zip_error_strerror(zip_source_error(src)));
	goto fail;
zerr:
	docx_err(d, "writing the zip: %s", zip_error_strerror(&ze));
	goto fail;
oom:
	docx_err(d, "out of memory");
fail:
done:
	if (za != NULL)
		zip_discard(za);
	if (src != NULL)
		zip_source_free(src);
	for (i = 0; mem != NULL && i < d->npart; i++)
		xmlFree(mem[i]);
	free(mem);
	free(buf);
	zip_error_fini(&ze);
	return rc;
}

int
docx_out_write(struct docx_out *o, const char *out, int review, char *err,
    size_t errlen)
{
	struct docx d;
	struct wctx w;
	struct scrub s;
	size_t i;
	int rc = -1;

	memset(&w, 0, sizeof(w));
	memset(&s, 0, sizeof(s));
	memset(&d, 0, sizeof(d));
	if (o->source == NULL) {
		snprintf(err, errlen, "the stream has no meta source record: "
		    "it was not read from a DOCX");
		return -1;
	}
	if (docx_open(&d, o->source, o->drop ? DOCX_DROP_EMBEDDED : 0) == -1)
		goto out;
	if (o->nr > 1)
		qsort(o->r, o->nr, sizeof(*o->r), cmp_repl);
	w.o = o;
	if (docx_units(&d, write_unit, &w) == -1)
		goto out;
	if (w.ti != o->nt) {
		docx_err(&d, "the stream has %zu text records, %s has %zu "
		    "units: not made from this source", o->nt, o->source,
		    w.ti);
		goto out;
	}
	s.review = review;
	for (i = 0; i < d.npart; i++)
		if (d.part[i].kind == DOCX_XML &&
		    scrub_part(&d, &d.part[i], &s) == -1)
			goto out;
	if (!review)
		drop_thumbnail(&d);
	else if (add_comments(&d, o, &w) == -1)
		goto out;
	rc = save(&d, out);
out:
	if (rc == -1)
		snprintf(err, errlen, "%s", d.err);
	for (i = 0; i < s.nauthor; i++)
		free(s.author[i]);
	free(s.author);
	free(w.anchor);
	sbuf_release(&w.nb);
	docx_close(&d);
	return rc;
}
