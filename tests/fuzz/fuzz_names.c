/*
 * Fuzz target: anon-names' scan function over text units (fuzz_text.h),
 * with the case file fixtures/fuzz/casefile/sample.csv; each input is a
 * new document (names_reset()).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "fuzz_text.h"
#include "lexicon.h"
#include "names.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
scan(void *ctx, const struct text_unit *t, const struct mention_list *prior)
{
	struct mention_list	 found = MENTION_LIST_INIT;
	char			 err[512];

	if (names_scan(ctx, t, prior, &found, err, sizeof(err)) == 0)
		fuzz_check_found(t, &found);
	mention_list_release(&found);
}

static struct names *
setup(void)
{
	static struct casefile	*cf;
	struct names_config	 cfg;
	struct names		*nm;
	char			 err[1024];

	setenv("ANON_LEXICONS", "lexicons", 0);
	if ((cf = casefile_load("fixtures/fuzz/casefile/sample.csv", err,
	    sizeof(err))) == NULL)
		goto fail;
	memset(&cfg, 0, sizeof(cfg));
	cfg.casefile = cf;
	if ((cfg.lex = lexicon_load("names/names.txt", err, sizeof(err))) ==
	    NULL)
		goto fail;
	if ((nm = names_new(&cfg, err, sizeof(err))) == NULL)
		goto fail;
	return nm;
fail:
	fprintf(stderr, "fuzz_names: %s\n", err);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct names	*nm;
	struct fuzz_in		 in;

	if (nm == NULL)
		nm = setup();
	names_reset(nm);
	if (fuzz_in_parse(&in, data, size) == 0)
		fuzz_units(&in, scan, nm);
	free(in.text);
	return 0;
}
