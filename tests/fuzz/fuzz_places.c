/*
 * Fuzz target: anon-places' scan function over text units (fuzz_text.h).
 * The context remembers streets and institutions across inputs, as it
 * does across the paragraphs of a document.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_text.h"
#include "places.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
scan(void *ctx, const struct text_unit *t, const struct mention_list *prior)
{
	struct mention_list	 found = MENTION_LIST_INIT;
	char			 err[512];

	if (places_scan(ctx, t, prior, &found, err, sizeof(err)) == 0)
		fuzz_check_found(t, &found);
	mention_list_release(&found);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct places_ctx *ctx;
	struct fuzz_in		 in;
	char			 err[512];

	if (ctx == NULL) {
		setenv("ANON_LEXICONS", "lexicons", 0);
		if ((ctx = places_new(NULL, err, sizeof(err))) == NULL) {
			fprintf(stderr, "fuzz_places: %s\n", err);
			abort();
		}
	}
	if (fuzz_in_parse(&in, data, size) == 0)
		fuzz_units(&in, scan, ctx);
	free(in.text);
	return 0;
}
