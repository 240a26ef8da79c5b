/*
 * Fuzz target: the map-file parser.  A map that parses must format to a
 * text that parses again and formats the same (what anon-pseudo writes it
 * reads back).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mapfile.h"
#include "sbuf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct anon_map	 m = ANON_MAP_INIT, m2 = ANON_MAP_INIT;
	struct sbuf	 a = SBUF_INIT, b = SBUF_INIT;
	char		 err[512];
	size_t		 i;

	if (anon_map_parse(&m, (const char *)data, size, "fuzz.map", err,
	    sizeof(err)) == 0) {
		for (i = 0; i < m.nent; i++)
			if (anon_map_find(&m, m.ent[i].id) == NULL)
				abort();
		if (anon_map_format(&m, &a) == -1)
			goto out;
		if (anon_map_parse(&m2, a.buf, a.len, "again.map", err,
		    sizeof(err)) == -1) {
			fprintf(stderr, "formatted map does not parse: %s\n",
			    err);
			abort();
		}
		if (anon_map_format(&m2, &b) == -1)
			goto out;
		if (a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0) {
			fprintf(stderr, "map changes when read back\n");
			abort();
		}
	}
out:
	anon_map_release(&m);
	anon_map_release(&m2);
	sbuf_release(&a);
	sbuf_release(&b);
	return 0;
}
