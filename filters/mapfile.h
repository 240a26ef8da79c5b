/*
 * mapfile.h — the pseudonym map kept between drafts (docs/anon-map.5).
 *
 *   anon-map	1
 *   date-shift	DAYS
 *   entity	ID	TYPE	ROLE	PSEUDONYM	CANONICAL
 *   key	ID	KIND	VALUE
 *
 * Fields are TAB-separated and escaped as in anon-stream(5).  The map owns
 * every string in it; anon_map_release() frees them all.  Entities keep
 * the order in which they were added (the file order), so that writing a
 * map is deterministic.
 */
#ifndef MAPFILE_H
#define MAPFILE_H

#include <stddef.h>

#define ANON_MAP_MAGIC		"anon-map"
#define ANON_MAP_VERSION	1

struct sbuf;

struct map_key {
	char	*kind;		/* "full", "first", "last", "case", "norm"... */
	char	*value;
};

struct map_entity {
	char		*id;		/* "E1" */
	char		*type;		/* person address place institution ... */
	char		*role;		/* "subject-child", "health-visitor", "school" or "" */
	char		*pseudonym;	/* "Child F1" */
	char		*canonical;	/* the real name, for the reviewer */
	struct map_key	*key;
	size_t		 nkey;
	size_t		 capkey;
};

struct anon_map {
	struct map_entity	*ent;
	size_t			 nent;
	size_t			 capent;
	int			 has_shift;
	long			 date_shift;	/* days, when has_shift */
};

#define ANON_MAP_INIT { NULL, 0, 0, 0, 0 }

void	anon_map_release(struct anon_map *);

/*
 * Appends an entity (strings copied; NULL = "").  Returns it, or NULL when
 * out of memory or when id is already present.  The pointer stays valid
 * until the next anon_map_add_entity().
 */
struct map_entity *anon_map_add_entity(struct anon_map *, const char *id,
	    const char *type, const char *role, const char *pseudonym,
	    const char *canonical);
/* Returns the entity with id, or NULL. */
struct map_entity *anon_map_find(const struct anon_map *, const char *id);
/*
 * Adds a key (copied) unless the entity has it already.  Returns 0, or -1
 * when out of memory.
 */
int	anon_map_add_key(struct map_entity *, const char *kind,
	    const char *value);

/*
 * Parses a map held in buf; name is used in messages.  Returns 0, or -1
 * with "NAME:LINE: what is wrong" in err (the map is then partly filled;
 * release it).
 */
int	anon_map_parse(struct anon_map *, const char *buf, size_t len,
	    const char *name, char *err, size_t errlen);

/*
 * Loads the map at path.  Returns 0 when loaded, 1 when path does not
 * exist (the map is left empty), -1 with a message in err when it cannot
 * be read, is not a regular file, is readable or writable by group or
 * others, or is malformed.
 */
int	anon_map_load(struct anon_map *, const char *path, char *err,
	    size_t errlen);

/* Appends the text form of the map to sb.  Returns 0 or -1 (ENOMEM). */
int	anon_map_format(const struct anon_map *, struct sbuf *sb);

/*
 * Writes the map to path atomically: a temporary file beside it, created
 * with mode 0600, synced, then renamed over path.  Returns 0, or -1 with
 * a message in err (the temporary file is removed).
 */
int	anon_map_save(const struct anon_map *, const char *path, char *err,
	    size_t errlen);

#endif /* MAPFILE_H */
