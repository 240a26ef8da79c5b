/* Fuzz target: the case-file CSV parser. */
#include <stdint.h>
#include <stdio.h>

#include "casefile.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	 err[256];

	casefile_free(casefile_parse((const char *)data, size, "fuzz.csv",
	    err, sizeof(err)));
	return 0;
}
