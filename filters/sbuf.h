/*
 * sbuf.h — a growing byte buffer, always NUL-terminated.
 *
 * The buffer owns its bytes; sbuf_release() frees them, sbuf_detach()
 * hands them to the caller, who frees them with free(3).
 */
#ifndef SBUF_H
#define SBUF_H

#include <stddef.h>

struct sbuf {
	char	*buf;
	size_t	 len;
	size_t	 cap;
};

#define SBUF_INIT { NULL, 0, 0 }

/* Each returns 0, or -1 when out of memory (the buffer is unchanged). */
int	sbuf_grow(struct sbuf *, size_t extra);
int	sbuf_add(struct sbuf *, const char *, size_t);
int	sbuf_adds(struct sbuf *, const char *);
int	sbuf_addc(struct sbuf *, int);
int	sbuf_printf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

void	 sbuf_reset(struct sbuf *);	/* length 0, memory kept */
void	 sbuf_release(struct sbuf *);
/* Returns the bytes (never NULL; "" for an empty buffer) or NULL on ENOMEM. */
char	*sbuf_detach(struct sbuf *);

#endif /* SBUF_H */
