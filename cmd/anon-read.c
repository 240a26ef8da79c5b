/*
 * anon-read — turn a report into an anon-stream.
 *
 * Plain text: one text record per line, the line ending kept in the EOL
 * field and a byte order mark announced by a meta record, so anon-write
 * can give back exactly the bytes it was given apart from replacements.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdutil.h"
#include "docx.h"
#include "record.h"
#include "stream.h"
#include "textin.h"

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s [--drop-embedded] [file]\n", progname);
	exit(EXIT_ERROR);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "drop-embedded", no_argument, NULL, 'E' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct stream_writer	*w;
	const char		*path = "-";
	FILE			*in;
	char			 err[512];
	int			 c, rc, dxflags = 0;

	cmd_init(argv[0]);
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'E':
			dxflags |= DOCX_DROP_EMBEDDED;
			break;
		case 'h':
			fprintf(stdout, "usage: %s [file]\n"
			    "Reads a plain-text report (or - for standard input) "
			    "and writes an anon-stream.\nSee anon-read(1).\n",
			    progname);
			return EXIT_CLEAN;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage();
	if (argc == 1)
		path = argv[0];

	/* DOCX: by name; its reader refuses .doc, PDF and other impostors. */
	if (strcmp(path, "-") != 0 && docx_is_docx_name(path)) {
		unsigned long nextid = 1;

		cmd_malloc_for_trees();
		if ((w = stream_writer_new(stdout)) == NULL)
			cmd_die("out of memory");
		rc = docx_read_stream(path, dxflags, w, &nextid, err,
		    sizeof(err)) == 0 ? EXIT_CLEAN : EXIT_ERROR;
		if (rc != EXIT_CLEAN)
			cmd_msg("%s", err);
		stream_writer_free(w);
		if (cmd_close_stdout() != EXIT_CLEAN)
			rc = EXIT_ERROR;
		return rc;
	}
	if (strcmp(path, "-") == 0)
		in = stdin;
	else if ((in = fopen(path, "rb")) == NULL)
		cmd_die_errno(path);
	if ((w = stream_writer_new(stdout)) == NULL)
		cmd_die("out of memory");
	rc = textin_read(in, path, w, err, sizeof(err)) == 0 ?
	    EXIT_CLEAN : EXIT_ERROR;
	if (rc != EXIT_CLEAN)
		cmd_msg("%s", err);
	if (in != stdin)
		fclose(in);
	stream_writer_free(w);
	if (cmd_close_stdout() != EXIT_CLEAN)
		rc = EXIT_ERROR;
	return rc;
}
