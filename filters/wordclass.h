/*
 * wordclass.h — what hunspell's en_GB dictionary says about a word,
 * without loading hunspell.
 *
 * Three answers, the ones the detectors use to tell names from words:
 *
 *	WORDCLASS_LOWER    'o'  accepted in lower case: an ordinary word
 *	                        ("hope", "reading", "will")
 *	WORDCLASS_PROPER   'p'  accepted only capitalised: a proper noun
 *	                        ("Sarah", "Oldham")
 *	WORDCLASS_UNKNOWN  'u'  rejected in both forms ("Kayden", "Okafor")
 *
 * By default the answers come from lexicons/wordclass/en_GB.txt, which
 * tools/build-wordclass.sh precomputes by asking hunspell about every word
 * form the Debian en_GB dictionary can make (docs/data-sources/
 * wordclass.md); through its compiled form it loads in well under a
 * millisecond, where Hunspell_create() takes about 50.  Words the table
 * cannot hold are answered by hunspell's own rules: numbers ("1,000",
 * "12-14"), ordinals ("21st") and hyphenated words, accepted when their
 * parts are ("well-known", "Anglo-Saxon").  A typographic apostrophe
 * counts as ' (the dictionary's ICONV).  Given a dictionary path,
 * wordclass_open() asks hunspell itself instead (another dictionary, and
 * the tests that check the table against hunspell).
 *
 * The word is given as written (UTF-8, any case).  The answer is the same
 * for every casing of a word: 'p' means hunspell accepts it with only its
 * first letter upper case (Latin-1 and Latin Extended-A letters are
 * cased as lexicon_fold() does).
 *
 * Ownership: the caller frees the handle with wordclass_free().  A handle
 * is not shared between threads (the hunspell form caches answers).
 * Nothing here prints or exits.
 */
#ifndef WORDCLASS_H
#define WORDCLASS_H

#include <stddef.h>

#define WORDCLASS_LOWER		'o'
#define WORDCLASS_PROPER	'p'
#define WORDCLASS_UNKNOWN	'u'

struct wordclass;

/*
 * Returns a handle answering from lexicon_dir()/wordclass/en_GB.txt when
 * dict is NULL, else from hunspell with dict.aff and dict.dic (dict is the
 * path without the suffix, e.g. "/usr/share/hunspell/en_GB").  Returns
 * NULL with a message in err when a file cannot be read.
 */
struct wordclass	*wordclass_open(const char *dict, char *err,
			    size_t errlen);
void			 wordclass_free(struct wordclass *);

/*
 * Returns WORDCLASS_LOWER, WORDCLASS_PROPER or WORDCLASS_UNKNOWN for the
 * word w[0..len) (no NUL needed).  Words longer than 200 bytes, and empty
 * ones, are WORDCLASS_UNKNOWN.
 */
int	wordclass_of(struct wordclass *, const char *w, size_t len);

#endif /* WORDCLASS_H */
