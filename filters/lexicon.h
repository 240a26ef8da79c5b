/*
 * lexicon.h — word lists under lexicons/, loaded into a hash table.
 *
 * A lexicon file is UTF-8, one entry per line: KEY or KEY<TAB>VALUE.
 * Lines starting with '#' and empty lines are ignored.  Keys are stored as
 * written; callers normalise case (lexicon_fold()) both when building the
 * file and when looking up.  The table owns its strings.
 */
#ifndef LEXICON_H
#define LEXICON_H

#include <stddef.h>

struct lexicon;

/*
 * Returns the directory holding the lexicons: $ANON_LEXICONS if set, else
 * lexicons/ beside the running program's bin/ (a build tree), else
 * ../share/anonymise/lexicons beside it (an installed tree), else the
 * compiled-in ANON_DATADIR "/lexicons".  The string is static.
 */
const char	*lexicon_dir(void);

/*
 * Loads lexicon_dir()/name (through lexicon_dir()/name.lxb when that
 * was compiled from it, see lexicon_compile()).  Returns the table, or NULL with a message in
 * err ("lexicons/towns.txt: No such file or directory", "...:12: line too
 * long").  Free with lexicon_free().
 */
struct lexicon	*lexicon_load(const char *name, char *err, size_t errlen);
/*
 * Writes the compiled form of the text lexicon at path (a file name, not
 * relative to lexicon_dir()) to out, which should be path ".lxb": the
 * hash table as it lies in memory, with the size and a hash of the text.
 * lexicon_load() maps a compiled form instead of parsing when it finds
 * one beside the text that was made from the same text, and parses the
 * text otherwise, so a missing or stale .lxb only costs time.  The file
 * is native-endian, for the machine it was built on.  Returns 0, or -1
 * with a message in err.
 */
int		 lexicon_compile(const char *path, const char *out, char *err,
		    size_t errlen);
/* Returns an empty table (to fill with lexicon_put()), or NULL on ENOMEM. */
struct lexicon	*lexicon_new(void);
/* Adds or replaces key (copied).  Returns 0, or -1 when out of memory. */
int		 lexicon_put(struct lexicon *, const char *key, size_t keylen,
		    const char *value);
void		 lexicon_free(struct lexicon *);

/* Returns 1 when key is present. */
int		 lexicon_has(const struct lexicon *, const char *key, size_t len);
/* Returns the value of key ("" when the line had none) or NULL if absent. */
const char	*lexicon_get(const struct lexicon *, const char *key, size_t len);
size_t		 lexicon_size(const struct lexicon *);
/*
 * Calls fn(arg, key, keylen, value) for every entry, in no particular
 * order (use it to build other tables, not output), until fn returns
 * non-zero.  Returns that value, or 0.  fn must not change the table.
 */
int		 lexicon_each(const struct lexicon *, int (*fn)(void *,
		    const char *, size_t, const char *), void *arg);

/*
 * Writes the lower-case form of src (ASCII and Latin-1/Latin Extended-A
 * letters; other bytes copied) into dst, which must hold len + 1 bytes.
 * Returns the length written (equal to len for these scripts).
 */
size_t		 lexicon_fold(char *dst, const char *src, size_t len);

#endif /* LEXICON_H */
