/*
 * findings.c — rendering findings as SARIF 2.1.0, text and JSON lines.
 *
 * SARIF columns are Unicode code points (run.columnKind), 1-based, with an
 * exclusive endColumn, over the lines of the input, as GitHub code scanning
 * and the project's scorer read them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "record.h"
#include "utf8.h"

#define TOOL_NAME	"anonymise"
#define TOOL_VERSION	"0.1.0"
#define TOOL_URI	"https://example.invalid/anonymise"

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
	x->col = utf8_count(t->text, start) + 1;
	x->endcol = x->col + utf8_count(t->text + start, end - start);
	h = fnv64(14695981039346656037ull, rule, strlen(rule) + 1);
	h = fnv64(h, t->text + start, end - start);
	h = fnv64(h, "", 1);
	x->fingerprint = fnv64(h, t->text, t->len);
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
findings_release(struct findings *f)
{
	size_t	 i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].rule);
		free(f->v[i].level);
		free(f->v[i].message);
		free(f->v[i].surface);
	}
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
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

int
findings_sarif(FILE *fp, const struct findings *f, const char *uri)
{
	const struct finding *x;
	size_t		 i;

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
		fprintf(fp, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}%s\n",
		    i < NFLAGS ? "warning" : "error", i + 1 < NRULES ? "," : "");
	}
	fputs("          ]\n        }\n      },\n"
	    "      \"columnKind\": \"unicodeCodePoints\",\n"
	    "      \"artifacts\": [{\"location\": {\"uri\": ", fp);
	jstr(fp, uri);
	fputs("}}],\n      \"results\": [", fp);
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
		jstr(fp, uri);
		fprintf(fp, ", \"index\": 0}, \"region\": {\"startLine\": %lu, "
		    "\"startColumn\": %lu, \"endLine\": %lu, \"endColumn\": "
		    "%lu}}}], \"partialFingerprints\": {\"anonymise/v1\": "
		    "\"%016llx\"}}", x->line, x->col, x->endline, x->endcol,
		    (unsigned long long)x->fingerprint);
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
		fprintf(fp, "%s:%lu:%lu: %s: [%s] %s\n", uri, x->line, x->col,
		    x->level, x->rule, x->message);
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
		fputs("{\"file\": ", fp);
		jstr(fp, uri);
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
