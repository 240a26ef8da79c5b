/* cmdutil.c — messages, allocation and stdout handling for cmd/. */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdutil.h"
#include "stream.h"

const char *progname = "anonymise";

void
cmd_init(const char *argv0)
{
	const char	*slash;

	if (argv0 != NULL && *argv0 != '\0') {
		slash = strrchr(argv0, '/');
		progname = slash != NULL ? slash + 1 : argv0;
	}
}

void
cmd_help(int argc, char *argv[], const char *synopsis)
{
	int	 i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0) {
			printf("usage: %s %s\nSee %s(1).\n", progname,
			    synopsis, progname);
			exit(cmd_close_stdout());
		}
}

static void
vmsg(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cmd_msg(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void
cmd_die(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	exit(EXIT_ERROR);
}

void
cmd_die_errno(const char *what)
{
	cmd_die("%s: %s", what, strerror(errno));
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		cmd_die("out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n ? n : 1, size ? size : 1)) == NULL)
		cmd_die("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		cmd_die("out of memory");
	return p;
}

char *
xstrdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL)
		cmd_die("out of memory");
	return p;
}

void
cmd_malloc_for_trees(void)
{
#if defined(__GLIBC__) && defined(M_MXFAST)
	(void)mallopt(M_MXFAST, 0);
#endif
}

int
cmd_close_stdout(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		cmd_msg("write error: %s", strerror(errno ? errno : EIO));
		return EXIT_ERROR;
	}
	if (fclose(stdout) == EOF) {
		cmd_msg("write error: %s", strerror(errno));
		return EXIT_ERROR;
	}
	return EXIT_CLEAN;
}

int
cmd_run_detector(detect_fn fn, void *ctx)
{
	struct stream_reader	*r;
	struct stream_writer	*w;
	char			 err[512];
	int			 rc;

	if ((r = stream_reader_new(stdin, "-")) == NULL ||
	    (w = stream_writer_new(stdout)) == NULL)
		cmd_die("out of memory");
	rc = detect_run(r, w, fn, ctx, err, sizeof(err)) == 0 ?
	    EXIT_CLEAN : EXIT_ERROR;
	if (rc != EXIT_CLEAN)
		cmd_msg("%s", err);
	stream_reader_free(r);
	stream_writer_free(w);
	if (cmd_close_stdout() != EXIT_CLEAN)
		rc = EXIT_ERROR;
	return rc;
}
