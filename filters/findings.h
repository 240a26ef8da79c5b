/*
 * findings.h — what anon-write reports: welfare flags and, in check mode,
 * every detection still present.  Rendered as SARIF 2.1.0, as compiler-
 * style text lines, or as JSON lines.
 *
 * A findings list owns its strings (copied in); findings_release() frees.
 */
#ifndef FINDINGS_H
#define FINDINGS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
};

struct findings {
	struct finding	*v;
	size_t		 n;
	size_t		 cap;
};

#define FINDINGS_INIT { NULL, 0, 0 }

/*
 * Adds a finding over bytes [start, end) of t.  The line is the number in
 * t->where ("L12" → 12) or else t->id.  Returns 0 or -1 (ENOMEM).
 */
int	findings_add(struct findings *, const struct text_unit *t,
	    size_t start, size_t end, const char *rule, const char *level,
	    const char *message);
void	findings_release(struct findings *);

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
