/* Fuzz target: the anon-stream reader, and the typed record parsers. */
#include <stdint.h>
#include <stdio.h>

#include "record.h"
#include "stream.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct stream_reader	*r;
	struct record		*rec;
	struct mention_list	 ml = MENTION_LIST_INIT;
	struct text_unit	 t;
	struct replacement	 p;
	struct flag		 f;
	FILE			*fp;

	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	r = stream_reader_new(fp, "fuzz");
	while (r != NULL && stream_read(r, &rec) == 1) {
		(void)record_text(rec, &t);
		(void)record_replacement(rec, &p);
		(void)record_flag(rec, &f);
		(void)record_mention(rec, &ml);
	}
	mention_list_release(&ml);
	stream_reader_free(r);
	fclose(fp);
	return 0;
}
