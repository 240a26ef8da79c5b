/*
 * anon-ids — find UK identifiers and postcodes in an anon-stream
 * (anon-ids(1)).  The rules live in filters/ids.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmdutil.h"
#include "ids.h"

#define SYNOPSIS "[-r patterns]"

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s " SYNOPSIS "\n", progname);
	exit(EXIT_ERROR);
}

int
main(int argc, char *argv[])
{
	struct ids	*ids;
	const char	*extra = NULL;
	char		 err[1024];
	int		 ch, rc;

	cmd_init(argv[0]);
	cmd_help(argc, argv, SYNOPSIS);
	while ((ch = getopt(argc, argv, "r:")) != -1) {
		switch (ch) {
		case 'r':
			extra = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	if (argc != 0)
		usage();

	if ((ids = ids_new(NULL, extra, err, sizeof(err))) == NULL)
		cmd_die("%s", err);
	rc = cmd_run_detector(ids_scan, ids);
	ids_free(ids);
	return rc;
}
