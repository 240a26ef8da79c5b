/* Fuzz target: anon-ids' scan function over text units (fuzz_text.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_text.h"
#include "ids.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
scan(void *ctx, const struct text_unit *t, const struct mention_list *prior)
{
	struct mention_list	 found = MENTION_LIST_INIT;
	char			 err[512];

	if (ids_scan(ctx, t, prior, &found, err, sizeof(err)) == 0)
		fuzz_check_found(t, &found);
	mention_list_release(&found);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ids	*ids;
	struct fuzz_in		 in;
	char			 err[512];

	if (ids == NULL) {
		setenv("ANON_LEXICONS", "lexicons", 0);
		if ((ids = ids_new(NULL, NULL, err, sizeof(err))) == NULL) {
			fprintf(stderr, "fuzz_ids: %s\n", err);
			abort();
		}
	}
	if (fuzz_in_parse(&in, data, size) == 0)
		fuzz_units(&in, scan, ids);
	free(in.text);
	return 0;
}
