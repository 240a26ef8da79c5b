/*
 * Fuzz target: the accept-file parser.  Every entry loaded must be found
 * again by its fingerprint.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "accept.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct accept_list	 l = ACCEPT_LIST_INIT;
	FILE			*fp;
	char			 err[512];
	size_t			 i, n;
	uint64_t		*fps;

	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	(void)accept_load(&l, fp, "fuzz.accept", err, sizeof(err));
	fclose(fp);
	n = l.n;
	if ((fps = malloc((n + 1) * sizeof(*fps))) != NULL) {
		for (i = 0; i < n; i++)
			fps[i] = l.v[i].fingerprint;
		for (i = 0; i < n; i++)
			if (accept_find(&l, fps[i]) == NULL)
				abort();
		(void)accept_find(&l, 0x0123456789abcdefULL);
		free(fps);
	}
	accept_release(&l);
	return 0;
}
