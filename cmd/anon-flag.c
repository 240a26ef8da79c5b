/*
 * anon-flag — mark passages whose publication would harm a child.
 * See anon-flag(1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmdutil.h"
#include "flag.h"
#include "lexicon.h"
#include "stream.h"

#define SYNOPSIS "[-d dir]"
#define MAXCTX	4	/* scoring threads, at most */

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s " SYNOPSIS "\n", progname);
	exit(EXIT_ERROR);
}

int
main(int argc, char *argv[])
{
	struct stream_reader	*r;
	struct stream_writer	*w;
	struct flag_ctx		*ctx[MAXCTX];
	const char		*env;
	long			 ncpu;
	const char		*dir = NULL;
	char			 path[4096], err[512];
	int			 ch, rc, i, nctx;

	cmd_init(argv[0]);
	cmd_help(argc, argv, SYNOPSIS);
	while ((ch = getopt(argc, argv, "d:")) != -1) {
		switch (ch) {
		case 'd':
			dir = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	if (argc != 0)
		usage();
	if (dir == NULL) {
		snprintf(path, sizeof(path), "%s/flags", lexicon_dir());
		dir = path;
	}
	/*
	 * One context per core, each scoring on its own thread (the
	 * output does not depend on how many).
	 */
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	if ((env = getenv("ANON_FLAG_THREADS")) != NULL && *env != '\0')
		ncpu = strtol(env, NULL, 10);
	nctx = ncpu < 1 ? 1 : ncpu > MAXCTX ? MAXCTX : (int)ncpu;
	if ((ctx[0] = flag_ctx_load(dir, err, sizeof(err))) == NULL)
		cmd_die("%s", err);
	for (i = 1; i < nctx; i++)
		if ((ctx[i] = flag_ctx_clone(ctx[0], err, sizeof(err))) == NULL)
			cmd_die("%s", err);
	if ((r = stream_reader_new(stdin, "-")) == NULL ||
	    (w = stream_writer_new(stdout)) == NULL)
		cmd_die("out of memory");
	rc = EXIT_CLEAN;
	if (flag_run_n(r, w, ctx, nctx, NULL, err, sizeof(err)) == -1) {
		cmd_msg("%s", err);
		rc = EXIT_ERROR;
	}
	stream_reader_free(r);
	stream_writer_free(w);
	/* The clones first: they share the first context's rules. */
	for (i = nctx - 1; i >= 0; i--)
		flag_ctx_free(ctx[i]);
	if (cmd_close_stdout() != EXIT_CLEAN)
		rc = EXIT_ERROR;
	return rc;
}
