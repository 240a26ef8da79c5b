/*
 * flag.h — passages whose publication would harm a child (anon-flag(1)).
 *
 * A flag_ctx holds the compiled rules: per category, weighted patterns
 * and feature weights read from lexicons/flags/CATEGORY.txt, and the
 * context rules (negation, policy and training text, recommendations,
 * hypotheticals, role words, first-person words) from
 * lexicons/flags/context.txt.  The file format is in anon-flag(1), FILES.
 *
 * flag_scan() scores every sentence of one paragraph and reports the
 * sentences (adjacent ones of one category merged) whose score reaches
 * the category's threshold.  flag_run() is the filter loop: it copies the
 * stream and writes each paragraph's flag records after its text record
 * and the records that follow it, before the next text record.
 *
 * Ownership: the caller owns a flag_ctx (flag_ctx_free()) and a
 * flag_list (flag_list_release()); reasons are stored in the list.
 * Nothing here prints or exits.  A flag_ctx keeps scratch buffers, so
 * one context must not be shared between threads.
 */
#ifndef FLAG_H
#define FLAG_H

#include <stddef.h>

#include "record.h"

#define FLAG_NCAT	8
#define FLAG_REASON_MAX	240

/* The category ids, in this order; also the lexicon file names. */
extern const char *const flag_categories[FLAG_NCAT];

struct flag_found {
	size_t		 start;		/* byte offsets into the paragraph */
	size_t		 end;
	int		 cat;		/* index into flag_categories */
	const char	*severity;	/* "error", "warning" or "note" */
	double		 score;
	size_t		 sent;		/* index of its first sentence */
	size_t		 nsent;		/* 1 or 2 */
	char		 reason[FLAG_REASON_MAX];
};

struct flag_list {
	struct flag_found	*v;
	size_t			 n;
	size_t			 cap;
};

#define FLAG_LIST_INIT { NULL, 0, 0 }

struct flag_ctx;
struct stream_reader;
struct stream_writer;

/* Returns an empty context, or NULL when out of memory. */
struct flag_ctx	*flag_ctx_new(void);

/*
 * Adds the rules in buf[0..len) to ctx: a category file when cat is one
 * of flag_categories, the context file when cat is NULL.  name is used in
 * messages ("lexicons/flags/injury-detail.txt:12: bad weight").  Returns 0,
 * or -1 with a message in err.
 */
int	flag_ctx_parse(struct flag_ctx *, const char *cat, const char *name,
	    const char *buf, size_t len, char *err, size_t errlen);

/* Compiles the rules added so far (PCRE2, JIT).  Returns 0 or -1. */
int	flag_ctx_compile(struct flag_ctx *, char *err, size_t errlen);

/*
 * Returns a compiled context from dir/CATEGORY.txt for every category and
 * dir/context.txt, or NULL with a message in err.
 */
struct flag_ctx	*flag_ctx_load(const char *dir, char *err, size_t errlen);
void		 flag_ctx_free(struct flag_ctx *);

/*
 * Returns a context with the rules of base (loaded or compiled), for
 * another thread: it shares what base has made that is only read, so
 * base must outlive it and must not be used while the clone is made.
 * NULL with a message in err when out of memory.
 */
struct flag_ctx	*flag_ctx_clone(struct flag_ctx *base, char *err,
		    size_t errlen);

/*
 * Scans one paragraph text[0..len) (valid UTF-8) with the person and
 * other mentions upstream stages found in it (prior may be NULL), and
 * replaces the contents of out with its flags in text order.  Returns 0,
 * or -1 with a message in err.
 */
int	flag_scan(struct flag_ctx *, const char *text, size_t len,
	    const struct mention_list *prior, struct flag_list *out,
	    char *err, size_t errlen);

void	flag_list_release(struct flag_list *);

/*
 * Copies the stream r to w, adding flag records.  Returns 0 after the
 * trailer was written, or -1 with a message in err (no trailer written).
 * If nflags is not NULL it receives the number of flags written.
 */
int	flag_run(struct stream_reader *, struct stream_writer *,
	    struct flag_ctx *, unsigned long *nflags, char *err, size_t errlen);

/*
 * flag_run() with nctx contexts (loaded alike): with more than one, the
 * paragraphs are scored on nctx threads, each with its own context, and
 * written in input order, the same bytes as flag_run() writes.
 */
int	flag_run_n(struct stream_reader *, struct stream_writer *,
	    struct flag_ctx *const *ctx, int nctx, unsigned long *nflags,
	    char *err, size_t errlen);

#endif /* FLAG_H */
