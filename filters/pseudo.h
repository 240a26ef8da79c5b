/*
 * pseudo.h — anon-pseudo's engine: overlap resolution, grouping of
 * mentions into entities, pseudonyms by policy (docs/pseudonyms.md), and
 * the map kept between drafts (docs/anon-map.5).
 *
 * Use: pseudo_new(), optionally pseudo_load_map(), pseudo_add() for every
 * mention in stream order (with the text of its unit), pseudo_resolve(),
 * then read the results with pseudo_next_repl() (or pseudo_repl()) and
 * pseudo_nentity()/pseudo_entity(), and pseudo_export_map().
 *
 * Memory grows with the number of distinct mentions, not with the text:
 * the overlaps of a unit are decided when the next unit begins, each
 * chosen mention is reduced to a distinct item (surface, type, subtype,
 * KEY, hint, confidence) and its occurrence (unit, span, item, entity)
 * goes to an unlinked temporary file, which the grouping sweeps in
 * document order and the replacements are read from.  Strings the engine
 * returns belong to it and live until pseudo_free() unless said otherwise.
 */
#ifndef PSEUDO_H
#define PSEUDO_H

#include <stddef.h>

struct anon_map;
struct casefile;
struct mention;

#define PSEUDO_DEFAULT_CODE	"F"

struct lexicon;
struct pseudo;

/*
 * Returns a new engine, or NULL when out of memory.  cf (may be NULL) must
 * outlive the engine; case_code NULL means PSEUDO_DEFAULT_CODE.
 */
struct pseudo	*pseudo_new(const struct casefile *cf, const char *case_code);
void		 pseudo_free(struct pseudo *);

/*
 * Takes over the entities of a map written for an earlier draft: they
 * keep their ids and pseudonyms, and their keys let this draft's mentions
 * find them.  Call before pseudo_add().  Returns 0, or -1 when out of
 * memory.
 */
int		 pseudo_load_map(struct pseudo *, const struct anon_map *);

/*
 * Gives the engine the sexes of forenames (lexicons/names/forename-gender.txt,
 * KEY<TAB>f|m), which must outlive it: a pronoun that refers to a short
 * form then tells apart two people it fits (docs/pseudonyms.md).  Without
 * it (NULL, the default) only titles and case roles give a gender.
 */
void		 pseudo_set_forenames(struct pseudo *, const struct lexicon *);

/* Records the stream's "meta date-shift DAYS" for the map. */
void		 pseudo_set_date_shift(struct pseudo *, long days);

/*
 * Adds mention m, found in the text unit text[0..len).  The mentions of a
 * unit come together, units in increasing order.  Returns 0, or -1 with a
 * message in err when the span lies outside the text, when a unit comes
 * back or out of order, when out of memory or when the temporary file
 * cannot be written.
 */
int		 pseudo_add(struct pseudo *, const struct mention *m,
		    const char *text, size_t len, char *err, size_t errlen);

/*
 * Chooses among the last unit's overlapping mentions, groups the chosen
 * ones into entities and gives each a pseudonym.  Returns 0, or -1 with a
 * message in err when out of memory or on a temporary file error.
 */
int		 pseudo_resolve(struct pseudo *, char *err, size_t errlen);

/* One replacement to write, in (text, start) order. */
struct pseudo_repl {
	unsigned long	 text;
	size_t		 start;
	size_t		 end;
	const char	*entity;	/* "E3", or "-" for dates and identifiers */
	const char	*repl;
};

/*
 * Fills *r with the next replacement, in document order.  Returns 1, 0
 * when there are no more, or -1 with a message in err.  The strings of
 * *r live until the next call.
 */
int		 pseudo_next_repl(struct pseudo *, struct pseudo_repl *r,
		    char *err, size_t errlen);

/*
 * The number of replacements, and the i-th one (for tests: it reads the
 * temporary file at i; its repl lives until pseudo_free(), the struct
 * until the next call), or NULL on an error.
 */
size_t		 pseudo_nrepl(const struct pseudo *);
/* The number of distinct mentions kept in memory (for tests). */
size_t		 pseudo_nitem(const struct pseudo *);
const struct pseudo_repl *pseudo_repl(struct pseudo *, size_t i);

/* One entity mentioned in this document, in id order. */
struct pseudo_entity {
	const char	*id;
	const char	*type;
	const char	*role;		/* case role, profession, subtype or "" */
	const char	*pseudonym;
	const char	*canonical;
	size_t		 mentions;
};

size_t		 pseudo_nentity(const struct pseudo *);
/* Fills *e with the i-th entity (0 <= i < pseudo_nentity()). */
void		 pseudo_entity(const struct pseudo *, size_t i,
		    struct pseudo_entity *e);

/*
 * Writes every entity known (earlier drafts' included), their keys and
 * the date shift into out, which must be empty.  Returns 0, or -1 when out
 * of memory.
 */
int		 pseudo_export_map(const struct pseudo *, struct anon_map *out);

#endif /* PSEUDO_H */
