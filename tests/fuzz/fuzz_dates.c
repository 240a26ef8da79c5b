/*
 * Fuzz target: anon-dates' scan function over text units (fuzz_text.h);
 * the header's variant picks the date policy.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "dates.h"
#include "fuzz_text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
scan(void *ctx, const struct text_unit *t, const struct mention_list *prior)
{
	struct mention_list	 found = MENTION_LIST_INIT;
	char			 err[512];

	if (dates_scan(ctx, t, prior, &found, err, sizeof(err)) == 0)
		fuzz_check_found(t, &found);
	mention_list_release(&found);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dates_ctx	 ctx[5];
	static int		 init;
	static const enum dates_policy pol[5] = { DATES_GENERALISE,
	    DATES_YEAR, DATES_SHIFT, DATES_REDACT, DATES_KEEP };
	struct dates_ctx	*c;
	struct fuzz_in		 in;
	char			 err[512];
	int			 i;

	if (!init) {
		for (i = 0; i < 5; i++)
			if (dates_init(&ctx[i], pol[i],
			    dates_shift_from_seed(7), err, sizeof(err)) == -1) {
				fprintf(stderr, "fuzz_dates: %s\n", err);
				abort();
			}
		init = 1;
	}
	if (fuzz_in_parse(&in, data, size) == 0) {
		c = &ctx[in.variant % 5];
		c->dob_col = -1;	/* a new document */
		c->last_year = 0;
		fuzz_units(&in, scan, c);
	}
	free(in.text);
	return 0;
}
