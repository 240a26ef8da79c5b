/*
 * sentence.h — sentence segmentation for report prose.
 *
 * Case reviews number their paragraphs ("7.23 On 4 May ..."), use titles
 * with and without a full stop (Mr. Dr Ms.), initials (J.R., K. Smith),
 * decimals (0.4th centile), quotations that end a sentence inside the
 * quote marks (... bed.”) and table rows with TAB-separated cells.
 * sentence_split() cuts one paragraph into sentences that respect these.
 *
 * Ownership: a sentence_list owns its array; initialise it with
 * SENTENCE_LIST_INIT and free it with sentence_list_release().  Nothing
 * here prints or exits.
 */
#ifndef SENTENCE_H
#define SENTENCE_H

#include <stddef.h>

struct sentence {
	size_t	start;	/* byte offset of the first character */
	size_t	end;	/* byte offset after the last character (exclusive) */
};

struct sentence_list {
	struct sentence	*v;
	size_t		 n;
	size_t		 cap;
};

#define SENTENCE_LIST_INIT { NULL, 0, 0 }

/*
 * Replaces the contents of out with the sentences of s[0..len).  Spans
 * exclude surrounding white space, a leading paragraph number ("7.23",
 * "12", "R3", "(b)", "-", a bullet) and table-cell separators.  Returns
 * the number of sentences, or -1 when out of memory.
 */
long	sentence_split(const char *s, size_t len, struct sentence_list *out);

void	sentence_list_release(struct sentence_list *);

#endif /* SENTENCE_H */
