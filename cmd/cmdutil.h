/*
 * cmdutil.h — what every program in cmd/ shares: its name in messages, one
 * diagnostics function, die-on-OOM allocation, the closing of stdout, and
 * the driver loop of a detector filter.  Only cmd/ may exit; the library
 * in filters/ returns errors instead.
 */
#ifndef CMDUTIL_H
#define CMDUTIL_H

#include <stddef.h>
#include <stdio.h>

#include "detect.h"

/* Exit statuses of every program (diff(1)'s convention). */
enum {
	EXIT_CLEAN = 0,		/* done, nothing found */
	EXIT_FINDINGS = 1,	/* done, findings reported (--check) */
	EXIT_ERROR = 2		/* usage error, bad input, truncated stream, I/O */
};

extern const char *progname;

/* Sets progname from argv[0] (its last path component). */
void	cmd_init(const char *argv0);

/*
 * For programs whose options are getopt(3) letters: when an argument
 * before "--" is --help, prints "usage: PROG SYNOPSIS" and a pointer to
 * the man page on standard output and exits 0.
 */
void	cmd_help(int argc, char *argv[], const char *synopsis);

/*
 * All messages go through here: "progname: message\n" on stderr.  The
 * message says what is wrong first, lower case, no trailing period.
 */
void	cmd_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* cmd_msg() then exit(EXIT_ERROR). */
void	cmd_die(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
/* "progname: what: strerror(errno)" then exit(EXIT_ERROR). */
void	cmd_die_errno(const char *what) __attribute__((noreturn));

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);

/*
 * Before building a large XML tree (DOCX in or out): glibc's fast bins
 * make freeing such a tree consolidate the heap again and again (about
 * 10 ms of 40 for a 140 KB report); turned off, small blocks still come
 * from the per-thread cache.  Does nothing on other C libraries.
 */
void	cmd_malloc_for_trees(void);

/*
 * Flushes and closes stdout, so that a full disk is an error and not a
 * silent success.  Returns EXIT_CLEAN, or EXIT_ERROR after a message.
 */
int	cmd_close_stdout(void);

/*
 * The whole life of a detector filter after option parsing: stream from
 * stdin to stdout through fn.  Returns the exit status (after a message on
 * failure).
 */
int	cmd_run_detector(detect_fn fn, void *ctx);

#endif /* CMDUTIL_H */
