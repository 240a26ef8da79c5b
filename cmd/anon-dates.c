/*
 * anon-dates — reports the dates of an anon-stream with their replacement
 * under a policy.  See anon-dates(1).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmdutil.h"
#include "dates.h"
#include "detect.h"
#include "record.h"
#include "stream.h"

#define SYNOPSIS \
	"[--dates generalise|month|year|shift|redact|keep] [--map file] [--seed n]"

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s " SYNOPSIS "\n", progname);
	exit(EXIT_ERROR);
}

/*
 * Under --dates=shift the offset goes downstream first, as a meta record,
 * so that anon-pseudo can keep it in the map; then the usual detector loop.
 */
static int
run_shift(struct dates_ctx *ctx)
{
	struct stream_reader	*r;
	struct stream_writer	*w;
	char			 err[512], days[32];
	int			 rc;

	if ((r = stream_reader_new(stdin, "-")) == NULL ||
	    (w = stream_writer_new(stdout)) == NULL)
		cmd_die("out of memory");
	snprintf(days, sizeof(days), "%ld", ctx->shift);
	if (write_meta(w, "date-shift", days) == -1) {
		cmd_msg("standard output: write error");
		rc = EXIT_ERROR;
	} else if (detect_run(r, w, dates_scan, ctx, err, sizeof(err)) != 0) {
		cmd_msg("%s", err);
		rc = EXIT_ERROR;
	} else
		rc = EXIT_CLEAN;
	stream_reader_free(r);
	stream_writer_free(w);
	if (cmd_close_stdout() != EXIT_CLEAN)
		rc = EXIT_ERROR;
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dates", required_argument, NULL, 'd' },
		{ "map", required_argument, NULL, 'm' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct dates_ctx	 ctx;
	enum dates_policy	 policy = DATES_GENERALISE;
	const char		*map = NULL;
	unsigned long long	 seed = 0;
	int			 ch, have_seed = 0, rc;
	long			 shift = 0;
	char			 err[512], *end;

	cmd_init(argv[0]);
	cmd_help(argc, argv, SYNOPSIS);
	while ((ch = getopt_long(argc, argv, "d:m:s:", longopts, NULL)) != -1)
		switch (ch) {
		case 'd':
			if (dates_policy_parse(optarg, &policy) == -1) {
				cmd_msg("unknown date policy '%s' (generalise, "
				    "month, year, shift, redact or keep)", optarg);
				usage();
			}
			break;
		case 'm':
			map = optarg;
			break;
		case 's':
			errno = 0;
			seed = strtoull(optarg, &end, 10);
			if (end == optarg || *end != '\0' || errno != 0 ||
			    optarg[0] == '-') {
				cmd_msg("bad seed '%s' (a number)", optarg);
				usage();
			}
			have_seed = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	if (argc != 0)
		usage();

	if (policy == DATES_SHIFT) {
		rc = map != NULL ?
		    dates_shift_from_map(map, &shift, err, sizeof(err)) : 0;
		if (rc == -1)
			cmd_die("%s", err);
		if (rc == 0) {
			if (!have_seed)
				cmd_msg("warning: date shift from the default "
				    "seed 0, which anyone can repeat; give "
				    "--seed or a map holding date-shift");
			shift = dates_shift_from_seed(seed);
		}
	}
	if (dates_init(&ctx, policy, shift, err, sizeof(err)) == -1)
		cmd_die("%s", err);
	rc = policy == DATES_SHIFT ? run_shift(&ctx) :
	    cmd_run_detector(dates_scan, &ctx);
	dates_release(&ctx);
	return rc;
}
