/*
 * docx.c — reading a Word package and enumerating its text (docx.h).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "docx.h"
#include "docx_int.h"
#include "record.h"
#include "sbuf.h"
#include "stream.h"

static const char *const ns_w[] = {
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main", NULL
};
static const char *const ns_a[] = {
	"http://schemas.openxmlformats.org/drawingml/2006/main",
	"http://purl.oclc.org/ooxml/drawingml/main", NULL
};
static const char *const ns_m[] = {
	"http://schemas.openxmlformats.org/officeDocument/2006/math",
	"http://purl.oclc.org/ooxml/officeDocument/math", NULL
};
#define NS_VML		"urn:schemas-microsoft-com:vml"
#define NS_RELS		"http://schemas.openxmlformats.org/package/2006/relationships"

void
docx_err(struct docx *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->err, sizeof(d->err), fmt, ap);
	va_end(ap);
}

static int
ns_in(const xmlNode *n, const char *const *set)
{
	if (n->ns == NULL || n->ns->href == NULL)
		return 0;
	for (; *set != NULL; set++)
		if (strcmp((const char *)n->ns->href, *set) == 0)
			return 1;
	return 0;
}

int
docx_is_w(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && ns_in(n, ns_w) &&
	    strcmp((const char *)n->name, local) == 0;
}

static int
is_a(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && ns_in(n, ns_a) &&
	    strcmp((const char *)n->name, local) == 0;
}

int
docx_is_para(const xmlNode *n)
{
	return docx_is_w(n, "p") || is_a(n, "p");
}

/* Elements whose content is paragraph text a user can edit. */
static int
is_text_elem(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (ns_in(n, ns_w))
		return strcmp((const char *)n->name, "t") == 0 ||
		    strcmp((const char *)n->name, "delText") == 0 ||
		    strcmp((const char *)n->name, "instrText") == 0 ||
		    strcmp((const char *)n->name, "delInstrText") == 0;
	if (ns_in(n, ns_a) || ns_in(n, ns_m))
		return strcmp((const char *)n->name, "t") == 0;
	return 0;
}

/* Elements shown as one character in a paragraph's text. */
static int
special_char(const xmlNode *n)
{
	if (docx_is_w(n, "tab") || docx_is_w(n, "ptab"))
		return '\t';
	if (docx_is_w(n, "br") || docx_is_w(n, "cr") || is_a(n, "br"))
		return '\n';
	return 0;
}

/*
 * Attributes that hold text: (element local name, attribute local name).
 * "*" matches any element.  Namespaces are not checked: these names are
 * not used for anything else in WordprocessingML, DrawingML or VML.
 */
static const struct {
	const char	*elem;
	const char	*attr;
} text_attrs[] = {
	{ "docPr", "descr" }, { "docPr", "title" },
	{ "cNvPr", "descr" }, { "cNvPr", "title" },
	{ "*", "alt" },			/* VML shapes */
	{ "imagedata", "title" },	/* VML images */
	{ "fldSimple", "instr" },
	{ "hyperlink", "tooltip" },
	{ "bookmarkStart", "name" },
	{ "alias", "val" }, { "tag", "val" },
	{ "listItem", "displayText" }, { "listItem", "value" },
	{ "listEntry", "val" }, { "default", "val" },
	{ "helpText", "val" }, { "statusText", "val" },
	{ "docVar", "val" },
	{ "Relationship", "Target" },	/* external only, see below */
};

static int
text_attr(const xmlNode *n, const xmlAttr *a)
{
	size_t i;

	for (i = 0; i < sizeof(text_attrs) / sizeof(text_attrs[0]); i++) {
		if (strcmp(text_attrs[i].attr, (const char *)a->name) != 0)
			continue;
		if (strcmp(text_attrs[i].elem, "*") == 0) {
			if (n->ns != NULL &&
			    strcmp((const char *)n->ns->href, NS_VML) == 0)
				return 1;
			continue;
		}
		if (strcmp(text_attrs[i].elem, (const char *)n->name) != 0)
			continue;
		if (strcmp(text_attrs[i].elem, "Relationship") == 0) {
			xmlChar *m = xmlGetProp(n, (const xmlChar *)"TargetMode");
			int ext = m != NULL &&
			    strcmp((const char *)m, "External") == 0;

			xmlFree(m);
			return ext;
		}
		return 1;
	}
	return 0;
}

/* Unit construction. */

static void
unit_reset(struct docx_unit *u, struct docx_part *p)
{
	u->part = p;
	u->elem = NULL;
	u->where[0] = '\0';
	sbuf_reset(&u->text);
	u->nseg = 0;
}

static int
unit_seg(struct docx_unit *u, void *node, void *attr, const char *s,
    size_t len, int editable)
{
	struct docx_seg *sg;

	if (u->nseg == u->segcap) {
		size_t ncap = u->segcap ? u->segcap * 2 : 16;

		sg = realloc(u->seg, ncap * sizeof(*sg));
		if (sg == NULL)
			return -1;
		u->seg = sg;
		u->segcap = ncap;
	}
	sg = &u->seg[u->nseg++];
	sg->node = node;
	sg->attr = attr;
	sg->off = u->text.len;
	sg->len = len;
	sg->editable = editable;
	return sbuf_add(&u->text, s, len);
}

static int
has_text(const struct docx_unit *u)
{
	size_t i;

	for (i = 0; i < u->text.len; i++)
		if (!isspace((unsigned char)u->text.buf[i]))
			return 1;
	return 0;
}

/* Collects the text of paragraph n, not descending into nested ones. */
static int
collect_para(struct docx_unit *u, xmlNode *n)
{
	xmlNode *c;
	int ch;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || docx_is_para(c))
			continue;
		if (is_text_elem(c)) {
			xmlChar *s = xmlNodeGetContent(c);
			int rc;

			if (s == NULL)
				continue;
			rc = unit_seg(u, c, NULL, (const char *)s,
			    strlen((const char *)s), 1);
			xmlFree(s);
			if (rc == -1)
				return -1;
		} else if ((ch = special_char(c)) != 0) {
			char cc = (char)ch;

			if (unit_seg(u, c, NULL, &cc, 1, 0) == -1)
				return -1;
		} else if (collect_para(u, c) == -1)
			return -1;
	}
	return 0;
}

struct walk {
	struct docx		*d;
	struct docx_part	*p;
	struct docx_unit	*u;
	docx_unit_fn		 fn;
	void			*arg;
	unsigned long		 np, nt, na;
	int			 inpara;
};

static int
emit(struct walk *w)
{
	if (!has_text(w->u))
		return 0;
	return w->fn(w->d, w->u, w->arg);
}

static int
walk(struct walk *w, xmlNode *n)
{
	xmlAttr *a;
	int para;

	for (; n != NULL; n = n->next) {
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && !w->inpara &&
		    n->content != NULL) {
			w->nt++;
			unit_reset(w->u, w->p);
			snprintf(w->u->where, sizeof(w->u->where), "%s#t%lu",
			    w->p->name, w->nt);
			w->u->elem = n;
			if (unit_seg(w->u, n, NULL, (const char *)n->content,
			    strlen((const char *)n->content), 1) == -1)
				goto oom;
			if (emit(w) == -1)
				return -1;
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a != NULL; a = a->next) {
			xmlChar *v;
			int rc;

			if (!text_attr(n, a))
				continue;
			w->na++;
			v = xmlNodeListGetString(n->doc, a->children, 1);
			if (v == NULL)
				continue;
			unit_reset(w->u, w->p);
			snprintf(w->u->where, sizeof(w->u->where), "%s#a%lu",
			    w->p->name, w->na);
			w->u->elem = n;
			rc = unit_seg(w->u, n, a, (const char *)v,
			    strlen((const char *)v), 1);
			xmlFree(v);
			if (rc == -1)
				goto oom;
			if (emit(w) == -1)
				return -1;
		}
		para = docx_is_para(n);
		if (para) {
			w->np++;
			unit_reset(w->u, w->p);
			snprintf(w->u->where, sizeof(w->u->where), "%s#p%lu",
			    w->p->name, w->np);
			w->u->elem = n;
			if (collect_para(w->u, n) == -1)
				goto oom;
			if (emit(w) == -1)
				return -1;
		}
		if (n->children != NULL) {
			int saved = w->inpara;

			if (para)
				w->inpara = 1;
			if (walk(w, n->children) == -1)
				return -1;
			w->inpara = saved;
		}
	}
	return 0;
oom:
	docx_err(w->d, "out of memory");
	return -1;
}

int
docx_units(struct docx *d, docx_unit_fn fn, void *arg)
{
	struct docx_unit u;
	struct walk w;
	size_t i;
	int rc = 0;

	memset(&u, 0, sizeof(u));
	for (i = 0; i < d->npart && rc == 0; i++) {
		struct docx_part *p = &d->part[d->order[i]];

		if (p->doc == NULL)
			continue;
		memset(&w, 0, sizeof(w));
		w.d = d;
		w.p = p;
		w.u = &u;
		w.fn = fn;
		w.arg = arg;
		rc = walk(&w, xmlDocGetRootElement(p->doc));
	}
	for (i = 0; i < d->npart && rc == 0; i++) {
		struct docx_part *p = &d->part[d->order[i]];

		if (p->kind != DOCX_IMAGE)
			continue;
		unit_reset(&u, p);
		snprintf(u.where, sizeof(u.where), "%s#image", p->name);
		if (sbuf_add(&u.text, "", 0) == -1) {
			docx_err(d, "out of memory");
			rc = -1;
		} else
			rc = fn(d, &u, arg);
	}
	sbuf_release(&u.text);
	free(u.seg);
	return rc;
}

/* Package reading. */

int
docx_is_docx_name(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot != NULL && (strcasecmp(dot, ".docx") == 0 ||
	    strcasecmp(dot, ".docm") == 0 || strcasecmp(dot, ".dotx") == 0);
}

static int
sniff(struct docx *d, const char *path)
{
	unsigned char m[8];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		docx_err(d, "%s: %s", path, strerror(errno));
		return -1;
	}
	n = fread(m, 1, sizeof(m), fp);
	fclose(fp);
	if (n >= 8 && memcmp(m, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0) {
		docx_err(d, "%s: an OLE compound file, not a DOCX: a "
		    "password-protected (encrypted) document or a Word 97-2003 "
		    ".doc; remove the password or save it as .docx", path);
		return -1;
	}
	if (n >= 5 && memcmp(m, "%PDF-", 5) == 0) {
		docx_err(d, "%s: a PDF file, not a DOCX", path);
		return -1;
	}
	if (n >= 5 && memcmp(m, "{\\rtf", 5) == 0) {
		docx_err(d, "%s: an RTF file, not a DOCX", path);
		return -1;
	}
	if (n < 4 || memcmp(m, "PK\3\4", 4) != 0) {
		docx_err(d, "%s: not a DOCX (no zip signature)", path);
		return -1;
	}
	return 0;
}

static int
bad_name(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == '/' || strchr(s, '\\') != NULL)
		return 1;
	for (p = s; p != NULL; p = strchr(p, '/')) {
		if (*p == '/')
			p++;
		if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0'))
			return 1;
	}
	return 0;
}

/*
 * An Info-ZIP Unicode Path extra field (0x7075) that differs from the
 * entry's name lets one reader (LibreOffice) see "word/document.xml" where
 * another (libzip, which drops the field when its CRC does not match) sees
 * something else: a part we would not scan.  libzip hides the field, so
 * the central directory is walked here.  Returns 1 and names the entry in
 * bad when such a field is found.
 */
static int
ambiguous_names(const char *path, char *bad, size_t badlen)
{
	unsigned char *buf = NULL, *e, *p, *end;
	long sz;
	size_t cdoff, cdsize, n, k;
	FILE *fp;
	int rc = 0;

#define U16(q) ((size_t)(q)[0] | (size_t)(q)[1] << 8)
#define U32(q) (U16(q) | U16((q) + 2) << 16)
	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	if (fseek(fp, 0, SEEK_END) == -1 || (sz = ftell(fp)) < 22 ||
	    (unsigned long)sz > DOCX_MAX_TOTAL ||
	    (buf = malloc((size_t)sz)) == NULL ||
	    fseek(fp, 0, SEEK_SET) == -1 ||
	    fread(buf, 1, (size_t)sz, fp) != (size_t)sz)
		goto out;
	for (e = buf + sz - 22; e >= buf && e + 65557 >= buf + sz; e--)
		if (memcmp(e, "PK\5\6", 4) == 0)
			break;
	if (e < buf || e + 65557 < buf + sz)
		goto out;
	n = U16(e + 10);
	cdsize = U32(e + 12);
	cdoff = U32(e + 16);
	if (cdoff > (size_t)sz || cdsize > (size_t)sz - cdoff)
		goto out;
	p = buf + cdoff;
	end = p + cdsize;
	for (k = 0; k < n && p + 46 <= end; k++) {
		size_t nl = U16(p + 28), xl = U16(p + 30), cl = U16(p + 32);
		unsigned char *x, *xe;

		if (memcmp(p, "PK\1\2", 4) != 0 ||
		    p + 46 + nl + xl + cl > end)
			break;
		x = p + 46 + nl;
		xe = x + xl;
		while (x + 4 <= xe) {
			size_t id = U16(x), l = U16(x + 2);

			if (x + 4 + l > xe)
				break;
			if (id == 0x7075 && (l < 5 || l - 5 != nl ||
			    memcmp(x + 9, p + 46, nl) != 0)) {
				snprintf(bad, badlen, "%.*s", (int)nl,
				    (char *)p + 46);
				rc = 1;
				goto out;
			}
			x += 4 + l;
		}
		p += 46 + nl + xl + cl;
	}
out:
#undef U16
#undef U32
	free(buf);
	fclose(fp);
	return rc;
}

static int
read_zip(struct docx *d, const char *path)
{
	zip_t *za;
	zip_int64_t n, i;
	size_t total = 0;
	int zerr;

	if ((za = zip_open(path, ZIP_RDONLY, &zerr)) == NULL) {
		zip_error_t ze;

		zip_error_init_with_code(&ze, zerr);
		docx_err(d, "%s: not a readable zip: %s", path,
		    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	{
		char bad[300];

		if (ambiguous_names(path, bad, sizeof(bad))) {
			docx_err(d, "%s: zip entry %s has a Unicode path field "
			    "naming another entry: readers would disagree on "
			    "its name", path, bad);
			goto fail;
		}
	}
	n = zip_get_num_entries(za, 0);
	if (n < 0 || n > DOCX_MAX_ENTRIES) {
		docx_err(d, "%s: too many zip entries (%lld, limit %d)", path,
		    (long long)n, DOCX_MAX_ENTRIES);
		goto fail;
	}
	if ((d->part = calloc(n ? (size_t)n : 1, sizeof(*d->part))) == NULL)
		goto oom;
	for (i = 0; i < n; i++) {
		struct docx_part *p;
		zip_stat_t st;
		zip_file_t *zf;
		zip_int64_t got;
		size_t j;
		char extra;

		if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) == -1) {
			docx_err(d, "%s: entry %lld: %s", path, (long long)i,
			    zip_strerror(za));
			goto fail;
		}
		if (st.name == NULL || bad_name(st.name)) {
			docx_err(d, "%s: entry %lld: unsafe name", path,
			    (long long)i);
			goto fail;
		}
		if (st.name[strlen(st.name) - 1] == '/')
			continue;	/* directory */
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			docx_err(d, "%s: %s: encrypted zip entry", path,
			    st.name);
			goto fail;
		}
		if (st.size > DOCX_MAX_ENTRY ||
		    st.size > DOCX_MAX_TOTAL - total) {
			docx_err(d, "%s: %s: too large (%llu bytes; limits "
			    "%lu per entry, %lu in all)", path, st.name,
			    (unsigned long long)st.size, DOCX_MAX_ENTRY,
			    DOCX_MAX_TOTAL);
			goto fail;
		}
		if (st.size > 1024 * 1024 &&
		    st.size / (st.comp_size ? st.comp_size : 1) >
		    DOCX_MAX_RATIO) {
			docx_err(d, "%s: %s: compression ratio above %d "
			    "(a zip bomb?)", path, st.name, DOCX_MAX_RATIO);
			goto fail;
		}
		for (j = 0; j < d->npart; j++)
			if (strcasecmp(d->part[j].name, st.name) == 0) {
				docx_err(d, "%s: %s: duplicate zip entry",
				    path, st.name);
				goto fail;
			}
		p = &d->part[d->npart];
		if ((p->name = strdup(st.name)) == NULL ||
		    (p->data = malloc(st.size + 1)) == NULL)
			goto oom;
		d->npart++;
		p->len = (size_t)st.size;
		if ((zf = zip_fopen_index(za, (zip_uint64_t)i, 0)) == NULL) {
			docx_err(d, "%s: %s: %s", path, st.name,
			    zip_strerror(za));
			goto fail;
		}
		got = zip_fread(zf, p->data, st.size);
		/* Reading past the end checks the CRC and the size. */
		if (got == (zip_int64_t)st.size)
			got = zip_fread(zf, &extra, 1) == 0 ? got : -1;
		if (got != (zip_int64_t)st.size) {
			zip_error_t *ze = zip_file_get_error(zf);

			docx_err(d, "%s: %s: cannot read: %s", path, st.name,
			    got < 0 ? zip_error_strerror(ze) :
			    "size differs from the directory");
			zip_fclose(zf);
			goto fail;
		}
		p->data[p->len] = '\0';
		zip_fclose(zf);
		total += p->len;
	}
	zip_discard(za);
	return 0;
oom:
	docx_err(d, "out of memory");
fail:
	zip_discard(za);
	return -1;
}

struct docx_part *
docx_find(struct docx *d, const char *name)
{
	size_t i;

	if (*name == '/')
		name++;
	for (i = 0; i < d->npart; i++)
		if (strcasecmp(d->part[i].name, name) == 0)
			return &d->part[i];
	return NULL;
}

/* Parses an XML buffer safely.  Returns the tree or NULL (message in d). */
void *
docx_parse(struct docx *d, const char *name, const unsigned char *buf,
    size_t len)
{
	xmlParserCtxtPtr ctx;
	xmlDocPtr doc;

	if (len > INT32_MAX) {
		docx_err(d, "%s: too large to parse", name);
		return NULL;
	}
	if ((ctx = xmlNewParserCtxt()) == NULL) {
		docx_err(d, "out of memory");
		return NULL;
	}
	/* No NOENT, DTDLOAD, HUGE: entities stay unexpanded, no DTD is
	 * read, depth and sizes keep libxml2's default limits. */
	doc = xmlCtxtReadMemory(ctx, (const char *)buf, (int)len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || !ctx->wellFormed) {
		const xmlError *e = xmlCtxtGetLastError(ctx);
		char msg[200];
		size_t n;

		snprintf(msg, sizeof(msg), "%s", e != NULL && e->message ?
		    e->message : "not well-formed");
		if (strstr(msg, "Excessive depth") != NULL)
			snprintf(msg, sizeof(msg), "elements nested deeper "
			    "than 256 levels");
		n = strlen(msg);
		while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
		docx_err(d, "%s: XML does not parse: %s (line %d)", name, msg,
		    e != NULL ? e->line : 0);
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctx);
		return NULL;
	}
	xmlFreeParserCtxt(ctx);
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		docx_err(d, "%s: XML has a document type declaration "
		    "(entities are not allowed)", name);
		xmlFreeDoc(doc);
		return NULL;
	}
	if (xmlDocGetRootElement(doc) == NULL) {
		docx_err(d, "%s: XML has no root element", name);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* Content types: Default by extension, Override by part name. */
static int
content_types(struct docx *d)
{
	struct docx_part *ct = docx_find(d, "[Content_Types].xml");
	xmlDocPtr doc;
	xmlNode *n;
	size_t i;

	if (ct == NULL) {
		docx_err(d, "no [Content_Types].xml: not an OOXML package");
		return -1;
	}
	if ((doc = docx_parse(d, ct->name, ct->data, ct->len)) == NULL)
		return -1;
	ct->kind = DOCX_BINARY;		/* no text, copied as is */
	for (i = 0; i < d->npart; i++) {
		struct docx_part *p = &d->part[i];
		const char *dot = strrchr(p->name, '.');
		const char *slash = strrchr(p->name, '/');

		if (slash != NULL && dot != NULL && dot < slash)
			dot = NULL;
		for (n = xmlDocGetRootElement(doc)->children; n != NULL;
		    n = n->next) {
			xmlChar *k, *v;

			if (n->type != XML_ELEMENT_NODE)
				continue;
			v = xmlGetProp(n, (const xmlChar *)"ContentType");
			if (strcmp((const char *)n->name, "Override") == 0) {
				k = xmlGetProp(n, (const xmlChar *)"PartName");
				if (k != NULL && v != NULL && strcasecmp(
				    (const char *)k + (*k == '/'),
				    p->name) == 0) {
					free(p->ctype);
					p->ctype = strdup((const char *)v);
				}
			} else if (strcmp((const char *)n->name,
			    "Default") == 0 && p->ctype == NULL &&
			    dot != NULL) {
				k = xmlGetProp(n, (const xmlChar *)"Extension");
				if (k != NULL && v != NULL && strcasecmp(
				    (const char *)k, dot + 1) == 0)
					p->ctype = strdup((const char *)v);
			} else
				k = NULL;
			xmlFree(k);
			xmlFree(v);
		}
		/* A Default may be overridden after it was seen. */
		if (p->ctype == NULL && (p->ctype = strdup("")) == NULL) {
			xmlFreeDoc(doc);
			docx_err(d, "out of memory");
			return -1;
		}
	}
	xmlFreeDoc(doc);
	return 0;
}

static int
ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);

	return a >= b && strcasecmp(s + a - b, suf) == 0;
}

static enum docx_kind
classify(const struct docx_part *p)
{
	const char *t = p->ctype;

	if (strcmp(p->name, "[Content_Types].xml") == 0)
		return DOCX_BINARY;
	if (ends_with(p->name, ".rels") ||
	    strcmp(t, "application/vnd.openxmlformats-package."
	    "relationships+xml") == 0)
		return DOCX_RELS;
	if (strncmp(t, "image/", 6) == 0)
		return DOCX_IMAGE;
	if (strstr(t, "obfuscatedFont") != NULL ||
	    strncmp(t, "application/x-font", 18) == 0 ||
	    strncmp(t, "font/", 5) == 0 ||
	    strstr(t, "printerSettings") != NULL)
		return DOCX_BINARY;
	if (strstr(t, "html") != NULL || strstr(t, "rtf") != NULL)
		return DOCX_EMBEDDED;	/* altChunk: not WordprocessingML */
	if (ends_with(t, "+xml") || strcmp(t, "application/xml") == 0 ||
	    strcmp(t, "text/xml") == 0 || strstr(t, "vmlDrawing") != NULL)
		return DOCX_XML;
	return DOCX_EMBEDDED;	/* OLE, ActiveX, packages, HTML, unknown */
}

/* Resolves a relationship target against the part that holds it. */
int
docx_resolve(const char *source, const char *target, char *out, size_t len)
{
	char buf[1024];
	char *seg[64];
	size_t n = 0, i;
	char *s, *save;

	if (*target == '/')
		snprintf(buf, sizeof(buf), "%s", target + 1);
	else {
		const char *slash = strrchr(source, '/');
		int dl = slash ? (int)(slash - source) + 1 : 0;

		snprintf(buf, sizeof(buf), "%.*s%s", dl, source, target);
	}
	for (s = strtok_r(buf, "/", &save); s != NULL;
	    s = strtok_r(NULL, "/", &save)) {
		if (strcmp(s, ".") == 0)
			continue;
		if (strcmp(s, "..") == 0) {
			if (n > 0)
				n--;
			continue;
		}
		if (n == sizeof(seg) / sizeof(seg[0]))
			return -1;
		seg[n++] = s;
	}
	if (len == 0)
		return -1;
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (strlen(out) + strlen(seg[i]) + 2 > len)
			return -1;
		if (i > 0)
			strcat(out, "/");
		strcat(out, seg[i]);
	}
	return 0;
}

static int
find_main(struct docx *d)
{
	struct docx_part *r = docx_find(d, "_rels/.rels");
	xmlNode *n;

	if (r == NULL || r->doc == NULL) {
		docx_err(d, "no _rels/.rels: not an OOXML package");
		return -1;
	}
	for (n = xmlDocGetRootElement(r->doc)->children; n != NULL;
	    n = n->next) {
		xmlChar *t, *g;
		char name[1024];

		if (n->type != XML_ELEMENT_NODE)
			continue;
		t = xmlGetProp(n, (const xmlChar *)"Type");
		g = xmlGetProp(n, (const xmlChar *)"Target");
		if (t != NULL && g != NULL &&
		    ends_with((const char *)t, "/officeDocument") &&
		    docx_resolve("", (const char *)g, name,
		    sizeof(name)) == 0 && docx_find(d, name) != NULL) {
			d->main = strdup(docx_find(d, name)->name);
			xmlFree(t);
			xmlFree(g);
			return d->main ? 0 : -1;
		}
		xmlFree(t);
		xmlFree(g);
	}
	docx_err(d, "no main document part (officeDocument relationship) "
	    "in _rels/.rels");
	return -1;
}

static int open_parts(struct docx *, const char *, int);

int
docx_open(struct docx *d, const char *path, int flags)
{
	memset(d, 0, sizeof(*d));
	d->flags = flags;
	xmlInitParser();
	if (open_parts(d, path, flags) == -1) {
		size_t pl = strlen(path);
		char tmp[2048];

		/* Every message names the file first. */
		if (strncmp(d->err, path, pl) != 0 || d->err[pl] != ':') {
			snprintf(tmp, sizeof(tmp), "%s: %s", path, d->err);
			memcpy(d->err, tmp, sizeof(d->err) - 1);
			d->err[sizeof(d->err) - 1] = '\0';
		}
		return -1;
	}
	return 0;
}

static int
open_parts(struct docx *d, const char *path, int flags)
{
	size_t i, k;
	int nemb = 0;

	if (sniff(d, path) == -1 || read_zip(d, path) == -1 ||
	    content_types(d) == -1)
		return -1;
	for (i = 0; i < d->npart; i++) {
		struct docx_part *p = &d->part[i];

		p->kind = classify(p);
		/* A package inside (an altChunk .docx named as XML). */
		if (p->kind == DOCX_XML && p->len >= 4 &&
		    memcmp(p->data, "PK\3\4", 4) == 0)
			p->kind = DOCX_EMBEDDED;
		if (p->kind == DOCX_XML || p->kind == DOCX_RELS) {
			if ((p->doc = docx_parse(d, p->name, p->data,
			    p->len)) == NULL)
				return -1;
		} else if (p->kind == DOCX_EMBEDDED) {
			if (flags & DOCX_DROP_EMBEDDED) {
				p->dropped = 1;
				continue;
			}
			/* Name every such part before refusing. */
			if (nemb++ == 0)
				docx_err(d, "%s: cannot scan %s (%s)", path,
				    p->name, *p->ctype ? p->ctype :
				    "no content type");
			else if (strlen(d->err) + strlen(p->name) + 40 <
			    sizeof(d->err)) {
				strcat(d->err, ", ");
				strcat(d->err, p->name);
			}
		}
	}
	if (nemb > 0) {
		if (strlen(d->err) + 80 < sizeof(d->err))
			strcat(d->err, ": embedded objects or unknown "
			    "parts; --drop-embedded empties them");
		return -1;
	}
	if (find_main(d) == -1)
		return -1;
	if ((d->order = calloc(d->npart ? d->npart : 1,
	    sizeof(*d->order))) == NULL) {
		docx_err(d, "out of memory");
		return -1;
	}
	k = 0;
	for (i = 0; i < d->npart; i++)
		if (strcmp(d->part[i].name, d->main) == 0)
			d->order[k++] = i;
	for (i = 0; i < d->npart; i++)
		if (strcmp(d->part[i].name, d->main) != 0)
			d->order[k++] = i;
	return 0;
}

void
docx_close(struct docx *d)
{
	size_t i;

	for (i = 0; i < d->npart; i++) {
		free(d->part[i].name);
		free(d->part[i].ctype);
		free(d->part[i].data);
		if (d->part[i].doc != NULL)
			xmlFreeDoc(d->part[i].doc);
	}
	free(d->part);
	free(d->order);
	free(d->main);
	d->part = NULL;
	d->order = NULL;
	d->main = NULL;
	d->npart = 0;
}

/* anon-read's side. */

struct rd {
	struct stream_writer	*w;
	unsigned long		*nextid;
};

static int
read_unit(struct docx *d, struct docx_unit *u, void *arg)
{
	struct rd *rd = arg;
	struct text_unit t;

	t.id = (*rd->nextid)++;
	t.where = u->where;
	t.eol = "";
	t.text = u->text.buf ? u->text.buf : "";
	t.len = u->text.len;
	if (write_text(rd->w, &t) == -1)
		goto fail;
	if (u->part->kind == DOCX_IMAGE) {
		struct flag f;
		char reason[600];

		snprintf(reason, sizeof(reason), "check this picture by eye: "
		    "%s", u->part->name);
		f.text = t.id;
		f.start = f.end = 0;
		f.category = "image";
		f.severity = "warning";
		f.reason = reason;
		if (write_flag(rd->w, &f) == -1)
			goto fail;
	}
	return 0;
fail:
	docx_err(d, "write error");
	return -1;
}

int
docx_read_stream(const char *path, int flags, struct stream_writer *w,
    unsigned long *nextid, char *err, size_t errlen)
{
	struct docx d;
	struct rd rd;
	int rc = -1;

	if (docx_open(&d, path, flags) == -1)
		goto out;
	if (write_meta(w, "source", path) == -1 ||
	    write_meta(w, "format", "docx") == -1 ||
	    ((flags & DOCX_DROP_EMBEDDED) &&
	    write_meta(w, "drop-embedded", "yes") == -1)) {
		docx_err(&d, "write error");
		goto out;
	}
	rd.w = w;
	rd.nextid = nextid;
	rc = docx_units(&d, read_unit, &rd);
	if (rc == 0 && stream_write_end(w) == -1) {
		docx_err(&d, "write error");
		rc = -1;
	}
out:
	if (rc == -1)
		snprintf(err, errlen, "%s", d.err);
	docx_close(&d);
	return rc;
}
