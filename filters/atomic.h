/*
 * atomic.h — output files that appear whole or not at all.
 *
 * atomic_open() creates a temporary file beside the destination;
 * atomic_commit() flushes, syncs and renames it over the destination;
 * atomic_abort() removes it.  Exactly one of the two must be called.
 */
#ifndef ATOMIC_H
#define ATOMIC_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

struct atomic_file {
	char	*path;		/* destination */
	char	*tmp;		/* the temporary file */
	FILE	*fp;		/* open for writing */
};

/*
 * Opens a temporary file for path with permissions mode (masked by the
 * umask unless mode is 0600, which is kept as is).  Returns 0, or -1 with
 * a message in err.
 */
int	atomic_open(struct atomic_file *, const char *path, mode_t mode,
	    char *err, size_t errlen);
/* Returns 0, or -1 with a message in err (the temporary file is removed). */
int	atomic_commit(struct atomic_file *, char *err, size_t errlen);
void	atomic_abort(struct atomic_file *);

#endif /* ATOMIC_H */
