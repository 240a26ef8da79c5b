/* Fuzz target: anon-flag's scan function over text units (fuzz_text.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "flag.h"
#include "fuzz_text.h"
#include "lexicon.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
scan(void *ctx, const struct text_unit *t, const struct mention_list *prior)
{
	struct flag_list	 out = FLAG_LIST_INIT;
	char			 err[512];
	size_t			 i;

	if (flag_scan(ctx, t->text, t->len, prior, &out, err,
	    sizeof(err)) == 0)
		for (i = 0; i < out.n; i++)
			if (out.v[i].start > out.v[i].end ||
			    out.v[i].end > t->len)
				abort();
	flag_list_release(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct flag_ctx	*ctx;
	struct fuzz_in		 in;
	char			 err[512], dir[4096];

	if (ctx == NULL) {
		setenv("ANON_LEXICONS", "lexicons", 0);
		snprintf(dir, sizeof(dir), "%s/flags", lexicon_dir());
		if ((ctx = flag_ctx_load(dir, err, sizeof(err))) == NULL) {
			fprintf(stderr, "fuzz_flag: %s\n", err);
			abort();
		}
	}
	if (fuzz_in_parse(&in, data, size) == 0)
		fuzz_units(&in, scan, ctx);
	free(in.text);
	return 0;
}
