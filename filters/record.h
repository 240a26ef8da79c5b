/*
 * record.h — the typed records of anon-stream version 1 (docs/anon-stream.5).
 *
 *   text	ID WHERE EOL TEXT
 *   mention	TEXT-ID START END TYPE SUBTYPE RULE CONF KEY HINT SURFACE
 *   replace	TEXT-ID START END ENTITY REPLACEMENT
 *   flag	TEXT-ID START END CATEGORY SEVERITY REASON
 *   entity	ID TYPE PSEUDONYM CANONICAL
 *   meta	KEY VALUE
 *
 * START and END are byte offsets into the unescaped TEXT of the text
 * record, END exclusive.  Parsed structures point into the record they
 * came from (no copies) unless a function says otherwise.
 */
#ifndef RECORD_H
#define RECORD_H

#include <stddef.h>

struct record;
struct stream_writer;

struct text_unit {
	unsigned long	 id;	/* 1, 2, ... in document order */
	const char	*where;	/* "L12" for a text line; DOCX: part#paragraph */
	const char	*eol;	/* "lf", "crlf", "cr" or "" (none) */
	const char	*text;	/* unescaped UTF-8, may be empty */
	size_t		 len;
};

struct mention {
	unsigned long	 text;	/* id of the text record */
	size_t		 start;
	size_t		 end;
	char		*type;	/* person address postcode place institution date identifier */
	char		*subtype; /* "nhs-number", "dob"... or "" */
	char		*rule;	/* which rule found it, e.g. "ids/nhs-mod11" */
	int		 conf;	/* 0..100 */
	char		*key;	/* grouping key: mentions with one key are one entity
				 * ("case:3", "st bede's rc primary school"); "" = none */
	char		*hint;	/* suggested replacement or "" (anon-pseudo decides) */
};

/*
 * A growing list of mentions that owns its strings (they are copied in,
 * into blocks the list keeps: no allocation per mention once the list has
 * grown).  The strings stay valid until mention_list_clear() or
 * mention_list_release(); never free() one.  Initialise with
 * MENTION_LIST_INIT; release with mention_list_release().
 */
struct mention_block;

struct mention_list {
	struct mention		*v;
	size_t			 n;
	size_t			 cap;
	struct mention_block	*blocks;	/* the strings, newest first */
};

#define MENTION_LIST_INIT { NULL, 0, 0, NULL }

struct replacement {
	unsigned long	 text;
	size_t		 start;
	size_t		 end;
	const char	*entity;	/* "-" when none */
	const char	*repl;
};

struct flag {
	unsigned long	 text;
	size_t		 start;
	size_t		 end;
	const char	*category;
	const char	*severity;	/* "note", "warning" or "error" (SARIF levels) */
	const char	*reason;
};

/* Each parser returns 0, or -1 when the record is malformed. */
int	record_text(const struct record *, struct text_unit *);
int	record_replacement(const struct record *, struct replacement *);
int	record_flag(const struct record *, struct flag *);
/* Appends a copy of the mention record to list.  Returns 0 or -1. */
int	record_mention(const struct record *, struct mention_list *);
/* Fills *m from a mention record without copying: its strings point into
 * the record.  Returns 0, or -1 when the record is malformed. */
int	record_mention_view(const struct record *, struct mention *m);

/* Returns 1 when the record has type tag t. */
int	record_is(const struct record *, const char *t);

/* Writers: each returns 0, or -1 on an I/O error or when out of memory. */
int	write_text(struct stream_writer *, const struct text_unit *);
int	write_mention(struct stream_writer *, const struct mention *,
	    const char *text);	/* text of the unit, for the SURFACE field */
int	write_replacement(struct stream_writer *, const struct replacement *);
int	write_flag(struct stream_writer *, const struct flag *);
int	write_meta(struct stream_writer *, const char *key, const char *value);

/*
 * Appends a mention, copying the strings (NULL subtype, key or hint = "").
 * Returns 0, or -1 when out of memory or when start > end.
 */
int	mention_list_add(struct mention_list *, unsigned long text,
	    size_t start, size_t end, const char *type, const char *subtype,
	    const char *rule, int conf, const char *key, const char *hint);
/* Returns 1 when [start, end) overlaps any mention in the list. */
int	mention_list_overlaps(const struct mention_list *, size_t start,
	    size_t end);
void	mention_list_clear(struct mention_list *);	/* n = 0, memory kept */
void	mention_list_release(struct mention_list *);

#endif /* RECORD_H */
