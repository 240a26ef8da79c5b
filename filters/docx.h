/*
 * docx.h — reading and rewriting Word documents (docs/docx.md).
 *
 * A package is read whole into memory (zip entries bounded in number, size
 * and compression ratio), every XML part is parsed with libxml2 (no
 * network, no DTD, no entity expansion) and its text is enumerated as
 * units: one per paragraph (w:p, a:p: the join of its w:t, w:delText,
 * w:instrText, a:t, m:t), one per text node outside a paragraph (customXml,
 * docProps, charts), one per text-bearing attribute (alt text, field
 * instructions, hyperlink targets in the rels...).  Each unit has a WHERE
 * ("word/document.xml#p12", "#t3", "#a5", "#image") that the writer finds
 * again by enumerating the same source the same way.
 *
 * Ownership: a struct docx owns every part, buffer and XML tree; units
 * handed to a callback are valid during the call only.  Nothing here
 * prints or exits: errors are returned as -1 with a message in the
 * object's err buffer.
 */
#ifndef DOCX_H
#define DOCX_H

#include <stddef.h>

#include "sbuf.h"

struct record;
struct stream_writer;

/* Limits on what a package may hold (hostile input). */
#define DOCX_MAX_ENTRIES	10000
#define DOCX_MAX_ENTRY		(256UL * 1024 * 1024)	/* bytes, one entry */
#define DOCX_MAX_TOTAL		(1024UL * 1024 * 1024)	/* bytes, all entries */
#define DOCX_MAX_RATIO		200	/* uncompressed/compressed, above 1 MiB */

/* Open flags. */
#define DOCX_DROP_EMBEDDED	0x01	/* empty embedded objects, don't refuse */

enum docx_kind {
	DOCX_XML,	/* parsed and scanned */
	DOCX_RELS,	/* relationships: external targets scanned */
	DOCX_IMAGE,	/* reported as a finding, copied */
	DOCX_BINARY,	/* holds no text (fonts, printer settings): copied */
	DOCX_EMBEDDED	/* may hold text we cannot scan: refused or emptied */
};

struct docx_part {
	char		*name;		/* zip entry name, no leading slash */
	char		*ctype;		/* content type or "" */
	unsigned char	*data;
	size_t		 len;
	enum docx_kind	 kind;
	void		*doc;		/* xmlDoc * for DOCX_XML and DOCX_RELS */
	int		 modified;	/* tree must be serialised on output */
	int		 dropped;	/* DOCX_EMBEDDED emptied */
};

struct docx {
	struct docx_part *part;		/* in zip order */
	size_t		  npart;
	size_t		 *order;	/* main document first, then zip order */
	char		 *main;		/* name of the main document part */
	int		  flags;
	char		  err[512];
};

/* One piece of a unit's text and where it lives in the tree. */
struct docx_seg {
	void		*node;		/* xmlNode * (element or text node) */
	void		*attr;		/* xmlAttr * or NULL */
	size_t		 off;		/* offset in the unit's text */
	size_t		 len;
	int		 editable;	/* 0: w:tab, w:br... shown as one char */
};

struct docx_unit {
	struct docx_part *part;
	void		 *elem;		/* xmlNode *: the paragraph, or the node
					 * holding the text or attribute */
	char		  where[400];
	struct sbuf	  text;
	struct docx_seg	 *seg;
	size_t		  nseg;
	size_t		  segcap;
};

/*
 * Reads the package at path into d (zeroed first).  Refuses (returns -1
 * with a message in d->err) anything that is not a readable, unencrypted
 * OOXML zip within the limits, any XML part that does not parse or has a
 * DTD, and embedded objects unless flags has DOCX_DROP_EMBEDDED.  The
 * caller releases d with docx_close() whatever this returns.
 */
int	docx_open(struct docx *d, const char *path, int flags);
void	docx_close(struct docx *d);

/*
 * Calls fn for every non-empty unit of every part in d->order, then for
 * every image part (empty text, WHERE "PART#image").  Stops at the first
 * fn that returns -1.  Returns 0 or -1 (message in d->err).
 */
typedef int (*docx_unit_fn)(struct docx *, struct docx_unit *, void *);
int	docx_units(struct docx *d, docx_unit_fn fn, void *arg);

/*
 * Writes the whole stream of the document at path: meta source and
 * format, meta drop-embedded when flags asks for it, one text record per
 * unit (ids from *nextid on), a flag record per image, and the trailer.
 * Returns 0, or -1 with a message in err (no trailer written).
 */
int	docx_read_stream(const char *path, int flags, struct stream_writer *w,
	    unsigned long *nextid, char *err, size_t errlen);

/*
 * The writer side.  docx_out_new() returns an accumulator (NULL when out of
 * memory); feed it every record with docx_out_record() (0, or -1 on a
 * malformed text/replace/flag record), then docx_out_write() re-opens the
 * source named by the stream's meta source record, checks that its units
 * match the stream's text records, applies the replacements, scrubs the
 * package (or, with review, keeps its history and adds the flags as
 * comments) and writes it to out through a temporary file and rename(2).
 * Returns 0, or -1 with a message in err and no output file.
 */
struct docx_out;
struct docx_out	*docx_out_new(void);
void		 docx_out_free(struct docx_out *);
int		 docx_out_record(struct docx_out *, const struct record *);
int		 docx_out_write(struct docx_out *, const char *out, int review,
		    char *err, size_t errlen);

/* Returns 1 when path names a DOCX by its extension (.docx, .docm, .dotx). */
int	docx_is_docx_name(const char *path);

#endif /* DOCX_H */
