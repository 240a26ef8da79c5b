/*
 * findings.h — what anon-write reports: welfare flags and, in check mode,
 * every detection still present.  Rendered as SARIF 2.1.0, as compiler-
 * style text lines, or as JSON lines.
 *
 * A findings list owns its strings (copied in); findings_release() frees.
 *
 * One list may hold the findings of several inputs (artifacts): after
 * findings_artifact(), findings_add() attributes findings to that input,
 * and the renderers name each finding's own input and ignore their uri
 * argument.  Without findings_artifact() every finding belongs to uri.
 */
#ifndef FINDINGS_H
#define FINDINGS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct accept_list;
struct text_unit;

struct finding {
	char		*rule;		/* "child-voice", "person", "identifier/nhs-number" */
	char		*level;		/* "error", "warning" or "note" */
	char		*message;
	char		*surface;	/* the text found */
	unsigned long	 line;		/* 1-based: input line, or DOCX paragraph */
	unsigned long	 col;		/* 1-based, in code points */
	unsigned long	 endline;
	unsigned long	 endcol;	/* exclusive */
	uint64_t	 fingerprint;	/* stable: rule, surface and paragraph text */
	size_t		 artifact;	/* index into findings.uris */
	char		*accepted;	/* the accept file's reason, or NULL */
};

struct findings {
	struct finding	*v;
	size_t		 n;
	size_t		 cap;
	char		**uris;		/* inputs, as paths relative to the cwd */
	size_t		 nuris;
	/* The hash of the current paragraph, so that many findings in one
	 * long paragraph hash it once (reset by findings_paragraph()). */
	const char	*ptext;		/* NULL: hash the next paragraph */
	uint64_t	 phash;
	size_t		 coloff;	/* a byte offset in that paragraph */
	size_t		 colcount;	/* code points before coloff */
};

#define FINDINGS_INIT { NULL, 0, 0, NULL, 0, NULL, 0, 0, 0 }

/*
 * Adds a finding over bytes [start, end) of t.  The line is the number in
 * t->where ("L12" → 12) or else t->id.  Returns 0 or -1 (ENOMEM).
 */
int	findings_add(struct findings *, const struct text_unit *t,
	    size_t start, size_t end, const char *rule, const char *level,
	    const char *message);
/* Says that the next findings belong to another paragraph.  Call it
 * before the first findings_add() of each paragraph. */
void	findings_paragraph(struct findings *);
void	findings_release(struct findings *);
/* Drops the findings after the first n and the inputs after the first nuris. */
void	findings_truncate(struct findings *, size_t n, size_t nuris);

/*
 * Starts the findings of another input, named by path as given to
 * anon-read ("-" is standard input).  Returns 0 or -1 (ENOMEM).
 */
int	findings_artifact(struct findings *, const char *path);

/*
 * Returns path relative to the working directory when it lies below it,
 * without "./" prefixes; "stdin" for "-"; path itself otherwise.  The
 * caller frees the result.  NULL when out of memory.
 */
char	*findings_relpath(const char *path);

/*
 * Marks the findings whose fingerprint is in the accept list as accepted
 * (with its reason) and sets *open to the number not accepted.  Text and
 * JSON output leave accepted findings out; SARIF keeps them as suppressed
 * results.  Returns 0 or -1 (ENOMEM).
 */
int	findings_accept(struct findings *, struct accept_list *, size_t *open);

/*
 * Each renderer writes the whole list to fp for the artifact uri and
 * returns 0, or -1 on a write error.
 */
int	findings_sarif(FILE *fp, const struct findings *, const char *uri);
int	findings_text(FILE *fp, const struct findings *, const char *uri);
int	findings_json(FILE *fp, const struct findings *, const char *uri);

/* Returns 1 when rule is one of the eight welfare flag categories. */
int	findings_is_flag(const char *rule);

#endif /* FINDINGS_H */
