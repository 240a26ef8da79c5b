/*
 * docx_int.h — what docx.c shares with docx_write.c (not a public API).
 * The xmlNode arguments are libxml2 nodes; see docx.h for ownership.
 */
#ifndef DOCX_INT_H
#define DOCX_INT_H

#include <libxml/tree.h>

#include "docx.h"

/* Sets d->err from a printf format. */
void	docx_err(struct docx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Returns 1 when n is the WordprocessingML element local (either ns). */
int	docx_is_w(const xmlNode *n, const char *local);
/* Returns 1 when n is a paragraph (w:p or a:p). */
int	docx_is_para(const xmlNode *n);
/* Returns the part called name (leading '/' ignored), or NULL. */
struct docx_part *docx_find(struct docx *, const char *name);
/* Parses XML without network, DTD or entities; NULL with d->err set. */
void	*docx_parse(struct docx *, const char *name,
	    const unsigned char *buf, size_t len);
/* Resolves a relationship target against its source part; 0 or -1. */
int	docx_resolve(const char *source, const char *target, char *out,
	    size_t len);

#endif /* DOCX_INT_H */
