/*
 * anon-places — reports the street addresses, places and institutions of
 * an anon-stream.  See anon-places(1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmdutil.h"
#include "places.h"

#define SYNOPSIS "[-d dictionary]"

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s " SYNOPSIS "\n", progname);
	exit(EXIT_ERROR);
}

int
main(int argc, char *argv[])
{
	struct places_ctx	*ctx;
	const char		*dict = NULL;
	char			 err[512];
	int			 ch, rc;

	cmd_init(argv[0]);
	cmd_help(argc, argv, SYNOPSIS);
	while ((ch = getopt(argc, argv, "d:")) != -1)
		switch (ch) {
		case 'd':
			dict = optarg;
			break;
		default:
			usage();
		}
	argc -= optind;
	if (argc != 0)
		usage();
	if ((ctx = places_new(dict, err, sizeof(err))) == NULL)
		cmd_die("%s", err);
	rc = cmd_run_detector(places_scan, ctx);
	places_free(ctx);
	return rc;
}
