/* atomic.c — temporary file, then rename(2). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"

int
atomic_open(struct atomic_file *a, const char *path, mode_t mode, char *err,
    size_t errlen)
{
	size_t	 len = strlen(path);
	mode_t	 mask;
	int	 fd;

	memset(a, 0, sizeof(*a));
	if ((a->path = strdup(path)) == NULL ||
	    (a->tmp = malloc(len + 16)) == NULL) {
		free(a->path);
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	snprintf(a->tmp, len + 16, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(a->tmp)) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		free(a->path), free(a->tmp);
		a->path = a->tmp = NULL;
		return -1;
	}
	if (mode != 0600) {
		mask = umask(0);
		umask(mask);
		mode &= ~mask;
	}
	if (fchmod(fd, mode) == -1 || (a->fp = fdopen(fd, "wb")) == NULL) {
		snprintf(err, errlen, "%s: %s", a->tmp, strerror(errno));
		close(fd);
		unlink(a->tmp);
		free(a->path), free(a->tmp);
		a->path = a->tmp = NULL;
		return -1;
	}
	return 0;
}

int
atomic_commit(struct atomic_file *a, char *err, size_t errlen)
{
	int	 ok;

	ok = fflush(a->fp) != EOF && !ferror(a->fp) &&
	    fsync(fileno(a->fp)) == 0;
	if (!ok)
		snprintf(err, errlen, "%s: %s", a->path, strerror(errno ? errno : EIO));
	if (fclose(a->fp) == EOF && ok) {
		snprintf(err, errlen, "%s: %s", a->path, strerror(errno));
		ok = 0;
	}
	a->fp = NULL;
	if (ok && rename(a->tmp, a->path) == -1) {
		snprintf(err, errlen, "%s: %s", a->path, strerror(errno));
		ok = 0;
	}
	if (!ok)
		unlink(a->tmp);
	free(a->path), free(a->tmp);
	a->path = a->tmp = NULL;
	return ok ? 0 : -1;
}

void
atomic_abort(struct atomic_file *a)
{
	if (a->fp != NULL)
		fclose(a->fp);
	if (a->tmp != NULL)
		unlink(a->tmp);
	free(a->path), free(a->tmp);
	a->path = a->tmp = NULL;
	a->fp = NULL;
}
