/*
 * passthru.c — the stream floor: a detector that finds nothing.  It reads
 * the stream, parses every text and mention record as each detector stage
 * does (detect_run()) and writes every record back, so its CPU time is
 * what the shared stream layer costs every stage (docs/performance.md).
 *
 *	build/passthru < STREAM > /dev/null
 */
#include <stddef.h>

#include "cmdutil.h"

static int
nothing(void *ctx, const struct text_unit *t, const struct mention_list *prior,
    struct mention_list *found, char *err, size_t errlen)
{
	return 0;
}

int
main(int argc, char *argv[])
{
	cmd_init(argv[0]);
	return cmd_run_detector(nothing, NULL);
}
