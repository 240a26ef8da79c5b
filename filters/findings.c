/*
 * findings.c — rendering findings as SARIF 2.1.0, text and JSON lines.
 *
 * SARIF columns are Unicode code points (run.columnKind), 1-based, with an
 * exclusive endColumn, over the lines of the input, as GitHub code scanning
 * and the project's scorer read them.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "accept.h"
#include "findings.h"
#include "record.h"
#include "utf8.h"

#define TOOL_NAME	"anonymise"
#define TOOL_VERSION	"0.1.0"
#define TOOL_URI	"https://example.invalid/anonymise"

#define HELP_DETECTION "Replace it with a pseudonym or a generalised " \
	"form (anonymise(1)), or, after a human decision to keep it, add " \
	"the finding's fingerprint and the reason to the accept file " \
	"(docs/ci.md)."
#define HELP_FLAG "Remove or summarise the passage, or, after a human " \
	"decision to keep it, add the finding's fingerprint and the reason " \
	"to the accept file (docs/ci.md)."

struct rule_info {
	const char	*id;
	const char	*text;
};

/* The rules: welfare flag categories first, then kinds of detection. */
static const struct rule_info rules[] = {
	{ "sexual-abuse-detail", "Detail of sexual abuse that could harm a child if published" },
	{ "injury-detail", "Graphic injury or post-mortem detail" },
	{ "self-harm-method", "Method of self-harm or suicide" },
	{ "health-of-named-family", "Health, mental health or substance misuse of identifiable living family members" },
	{ "child-voice", "The child's own words, quoted" },
	{ "current-whereabouts", "Where surviving children live now, their placement or school" },
	{ "jigsaw-identifier", "A detail that could identify the family when combined with others" },
	{ "third-party-history", "Criminal, immigration or abuse history of other people" },
	{ "person", "A person's name" },
	{ "address", "A street address" },
	{ "postcode", "A postcode" },
	{ "place", "A town, locality, estate or park that locates the family" },
	{ "institution", "A named school, surgery, hospital or other institution" },
	{ "date", "A date" },
	{ "identifier", "An identifier (NHS or NI number, phone, e-mail, URL, reference)" },
};
#define NRULES (sizeof(rules) / sizeof(rules[0]))
#define NFLAGS 8

int
findings_is_flag(const char *rule)
{
	size_t	 i;

	for (i = 0; i < NFLAGS; i++)
		if (strcmp(rule, rules[i].id) == 0)
			return 1;
	return 0;
}

static size_t
rule_index(const char *rule)
{
	size_t	 i, n;

	for (i = 0; i < NRULES; i++) {
		n = strlen(rules[i].id);
		if (strncmp(rule, rules[i].id, n) == 0 &&
		    (rule[n] == '\0' || rule[n] == '/'))
			return i;
	}
	return NRULES;
}

static uint64_t
fnv64(uint64_t h, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

int
findings_add(struct findings *f, const struct text_unit *t, size_t start,
    size_t end, const char *rule, const char *level, const char *message)
{
	struct finding	*x, *v;
	unsigned long	 line;
	char		*e;
	uint64_t	 h;

	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 32;

		if ((v = reallocarray(f->v, cap, sizeof(*v))) == NULL)
			return -1;
		f->v = v;
		f->cap = cap;
	}
	if (end > t->len)
		end = t->len;
	if (start > end)
		start = end;
	line = t->id;
	if (t->where[0] == 'L') {
		line = strtoul(t->where + 1, &e, 10);
		if (*e != '\0' || line == 0)
			line = t->id;
	}
	x = &f->v[f->n];
	memset(x, 0, sizeof(*x));
	x->line = x->endline = line;
	/* Findings come in order of their start: count code points on from
	 * the previous one rather than from the paragraph's start. */
	if (f->ptext == NULL || start < f->coloff) {
		f->coloff = 0;
		f->colcount = 0;
	}
	f->colcount += utf8_count(t->text + f->coloff, start - f->coloff);
	f->coloff = start;
	x->col = f->colcount + 1;
	x->endcol = x->col + utf8_count(t->text + start, end - start);
	/* rule + text found, then the paragraph's own hash folded in. */
	if (f->ptext == NULL) {
		f->ptext = t->text;
		f->phash = fnv64(14695981039346656037ull, t->text, t->len);
	}
	h = fnv64(14695981039346656037ull, rule, strlen(rule) + 1);
	h = fnv64(h, t->text + start, end - start);
	h ^= f->phash + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	x->fingerprint = fnv64(h, "", 1);
	x->artifact = f->nuris ? f->nuris - 1 : 0;
	x->accepted = NULL;
	x->rule = strdup(rule);
	x->level = strdup(level);
	x->message = strdup(message);
	x->surface = strndup(t->text + start, end - start);
	if (x->rule == NULL || x->level == NULL || x->message == NULL ||
	    x->surface == NULL) {
		free(x->rule), free(x->level), free(x->message);
		free(x->surface);
		return -1;
	}
	f->n++;
	return 0;
}

void
findings_paragraph(struct findings *f)
{
	f->ptext = NULL;
}

void
findings_release(struct findings *f)
{
	size_t	 i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].rule);
		free(f->v[i].level);
		free(f->v[i].message);
		free(f->v[i].surface);
		free(f->v[i].accepted);
	}
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
	for (i = 0; i < f->nuris; i++)
		free(f->uris[i]);
	free(f->uris);
	f->uris = NULL;
	f->nuris = 0;
}

void
findings_truncate(struct findings *f, size_t n, size_t nuris)
{
	while (f->n > n) {
		f->n--;
		free(f->v[f->n].rule);
		free(f->v[f->n].level);
		free(f->v[f->n].message);
		free(f->v[f->n].surface);
		free(f->v[f->n].accepted);
	}
	while (f->nuris > nuris)
		free(f->uris[--f->nuris]);
}

char *
findings_relpath(const char *path)
{
	char		 cwd[PATH_MAX];
	size_t		 n;
	const char	*p = path;
	char		*s, *q;

	if (strcmp(path, "-") == 0)
		return strdup("stdin");
	if (path[0] == '/' && getcwd(cwd, sizeof(cwd)) != NULL) {
		n = strlen(cwd);
		if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/')
			p = path + n + 1;
	}
	for (;;) {			/* "./a", ".//a" → "a" */
		while (p[0] == '.' && p[1] == '/')
			p += 2;
		if (p[0] != '/' || p == path)
			break;
		p++;
	}
	if ((s = strdup(*p != '\0' ? p : path)) == NULL)
		return NULL;
	for (p = q = s; *p != '\0'; p++)	/* "a//b" → "a/b" */
		if (!(p[0] == '/' && p[1] == '/'))
			*q++ = *p;
	*q = '\0';
	return s;
}

int
findings_artifact(struct findings *f, const char *path)
{
	char	**v, *s;

	if ((s = findings_relpath(path)) == NULL)
		return -1;
	if ((v = reallocarray(f->uris, f->nuris + 1, sizeof(*v))) == NULL) {
		free(s);
		return -1;
	}
	f->uris = v;
	f->uris[f->nuris++] = s;
	return 0;
}

int
findings_accept(struct findings *f, struct accept_list *a, size_t *open)
{
	struct accept_entry *e;
	size_t		 i;

	*open = 0;
	for (i = 0; i < f->n; i++) {
		free(f->v[i].accepted);
		f->v[i].accepted = NULL;
		if (a != NULL &&
		    (e = accept_find(a, f->v[i].fingerprint)) != NULL) {
			if ((f->v[i].accepted = strdup(e->reason)) == NULL)
				return -1;
		} else
			(*open)++;
	}
	return 0;
}

/* The finding's input: its own artifact, or uri for a single input. */
static const char *
uri_of(const struct findings *f, const struct finding *x, const char *uri)
{
	return f->nuris > 0 ? f->uris[x->artifact] : uri;
}

/*
 * Writes path as a JSON string holding a URI reference: relative paths
 * stay relative, absolute ones become file: URIs, and every byte outside
 * RFC 3986's unreserved set and '/' is percent-encoded.
 */
static void
juri(FILE *fp, const char *path)
{
	const unsigned char *p;

	fputs(path[0] == '/' ? "\"file://" : "\"", fp);
	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			fputc(*p, fp);
		else
			fprintf(fp, "%%%02X", *p);
	fputc('"', fp);
}

/* Writes s as a JSON string. */
static void
jstr(FILE *fp, const char *s)
{
	const unsigned char *p;

	fputc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
}

/* The artifact index of x in the run's artifacts array. */
static size_t
artifact_of(const struct findings *f, const struct finding *x)
{
	return f->nuris > 0 ? x->artifact : 0;
}

int
findings_sarif(FILE *fp, const struct findings *f, const char *uri)
{
	const struct finding *x;
	size_t		 i, nart;
	char		 full[512];

	fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	    "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
	    "      \"tool\": {\n        \"driver\": {\n"
	    "          \"name\": \"" TOOL_NAME "\",\n"
	    "          \"version\": \"" TOOL_VERSION "\",\n"
	    "          \"informationUri\": \"" TOOL_URI "\",\n"
	    "          \"rules\": [\n", fp);
	for (i = 0; i < NRULES; i++) {
		fputs("            {\"id\": ", fp);
		jstr(fp, rules[i].id);
		fputs(", \"shortDescription\": {\"text\": ", fp);
		jstr(fp, rules[i].text);
		snprintf(full, sizeof(full), "%s.  %s", rules[i].text,
		    i < NFLAGS ? "Publishing this passage could harm the "
		    "welfare of a child." : "A published case review must "
		    "not contain it: it could identify the child.");
		fputs("}, \"fullDescription\": {\"text\": ", fp);
		jstr(fp, full);
		fputs("}, \"help\": {\"text\": ", fp);
		jstr(fp, i < NFLAGS ? HELP_FLAG : HELP_DETECTION);
		/* Check mode reports both kinds as warnings. */
		fprintf(fp, "}, \"defaultConfiguration\": {\"level\": "
		    "\"warning\"}}%s\n", i + 1 < NRULES ? "," : "");
	}
	fputs("          ]\n        }\n      },\n"
	    "      \"columnKind\": \"unicodeCodePoints\",\n"
	    "      \"artifacts\": [", fp);
	/* Every input checked, with or without findings. */
	nart = f->nuris > 0 ? f->nuris : 1;
	for (i = 0; i < nart; i++) {
		fputs(i ? ",\n        " : "\n        ", fp);
		fputs("{\"location\": {\"uri\": ", fp);
		juri(fp, f->nuris > 0 ? f->uris[i] : uri);
		fputs("}, \"roles\": [\"analysisTarget\"]}", fp);
	}
	fputs("\n      ],\n      \"results\": [", fp);
	for (i = 0; i < f->n; i++) {
		x = &f->v[i];
		fputs(i ? ",\n        {" : "\n        {", fp);
		fputs("\"ruleId\": ", fp);
		jstr(fp, x->rule);
		if (rule_index(x->rule) < NRULES)
			fprintf(fp, ", \"ruleIndex\": %zu", rule_index(x->rule));
		fputs(", \"level\": ", fp);
		jstr(fp, x->level);
		fputs(", \"message\": {\"text\": ", fp);
		jstr(fp, x->message);
		fputs("}, \"locations\": [{\"physicalLocation\": "
		    "{\"artifactLocation\": {\"uri\": ", fp);
		juri(fp, uri_of(f, x, uri));
		fprintf(fp, ", \"index\": %zu}, \"region\": {\"startLine\": %lu, "
		    "\"startColumn\": %lu, \"endLine\": %lu, \"endColumn\": "
		    "%lu}}}], \"partialFingerprints\": {\"anonymise/v1\": "
		    "\"%016llx\"}", artifact_of(f, x), x->line, x->col,
		    x->endline, x->endcol, (unsigned long long)x->fingerprint);
		if (x->accepted != NULL) {
			fputs(", \"suppressions\": [{\"kind\": \"external\", "
			    "\"status\": \"accepted\", \"justification\": ", fp);
			jstr(fp, x->accepted);
			fputs("}]", fp);
		}
		fputc('}', fp);
	}
	fputs(f->n ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n", fp);
	return ferror(fp) ? -1 : 0;
}

int
findings_text(FILE *fp, const struct findings *f, const char *uri)
{
	const struct finding *x;
	size_t		 i;

	for (i = 0; i < f->n; i++) {
		x = &f->v[i];
		if (x->accepted != NULL)
			continue;
		fprintf(fp, "%s:%lu:%lu: %s: [%s] %s\n", uri_of(f, x, uri),
		    x->line, x->col, x->level, x->rule, x->message);
	}
	return ferror(fp) ? -1 : 0;
}

int
findings_json(FILE *fp, const struct findings *f, const char *uri)
{
	const struct finding *x;
	size_t		 i;

	for (i = 0; i < f->n; i++) {
		x = &f->v[i];
		if (x->accepted != NULL)
			continue;
		fputs("{\"file\": ", fp);
		jstr(fp, uri_of(f, x, uri));
		fprintf(fp, ", \"line\": %lu, \"column\": %lu, \"endLine\": %lu, "
		    "\"endColumn\": %lu, \"level\": ", x->line, x->col,
		    x->endline, x->endcol);
		jstr(fp, x->level);
		fputs(", \"rule\": ", fp);
		jstr(fp, x->rule);
		fputs(", \"text\": ", fp);
		jstr(fp, x->surface);
		fputs(", \"message\": ", fp);
		jstr(fp, x->message);
		fprintf(fp, ", \"fingerprint\": \"%016llx\"}\n",
		    (unsigned long long)x->fingerprint);
	}
	return ferror(fp) ? -1 : 0;
}
