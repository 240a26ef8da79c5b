/*
 * anon-report — the reviewer's report: an anon-stream in, one
 * self-contained HTML page out (see anon-report(1) and report.h).
 *
 * The page holds the real names, so the file is created with mode 0600,
 * and like every writer it appears whole or not at all: nothing is written
 * unless the whole stream, trailer included, was read.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "cmdutil.h"
#include "report.h"
#include "stream.h"

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s [-o report.html] [file]\n", progname);
	exit(EXIT_ERROR);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct stream_reader	*rd;
	struct report		*rep;
	struct record		*rec;
	struct atomic_file	 out;
	const char		*inpath = "-", *outpath = NULL;
	FILE			*in = stdin;
	char			 err[512];
	int			 c, rc;

	cmd_init(argv[0]);
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			printf("usage: %s [-o report.html] [file]\nReads an "
			    "anon-stream and writes the reviewer's HTML "
			    "report.  See anon-report(1).\n", progname);
			return EXIT_CLEAN;
		case 'o':
			outpath = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage();
	if (argc == 1 && strcmp(argv[0], "-") != 0) {
		inpath = argv[0];
		if ((in = fopen(inpath, "r")) == NULL)
			cmd_die_errno(inpath);
	}
	if ((rd = stream_reader_new(in, inpath)) == NULL ||
	    (rep = report_new()) == NULL)
		cmd_die("out of memory");
	while ((rc = stream_read(rd, &rec)) == 1)
		if (report_add(rep, rec, err, sizeof(err)) == -1)
			break;
	if (rc == 1)
		cmd_msg("%s", err);
	else if (rc == -1)
		cmd_msg("%s", stream_reader_error(rd));
	else if (outpath == NULL) {
		if (report_html(rep, stdout) == -1)
			rc = -1;
	} else if (atomic_open(&out, outpath, 0600, err, sizeof(err)) == -1) {
		cmd_msg("%s", err);
		rc = -1;
	} else if (report_html(rep, out.fp) == -1) {
		cmd_msg("%s: write error: %s", outpath, strerror(errno));
		atomic_abort(&out);
		rc = -1;
	} else if (atomic_commit(&out, err, sizeof(err)) == -1) {
		cmd_msg("%s", err);
		rc = -1;
	}
	report_free(rep);
	stream_reader_free(rd);
	if (in != stdin)
		fclose(in);
	rc = rc == 0 ? EXIT_CLEAN : EXIT_ERROR;
	if (cmd_close_stdout() != EXIT_CLEAN)
		rc = EXIT_ERROR;
	return rc;
}
