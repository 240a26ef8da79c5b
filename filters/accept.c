/* accept.c — the accept file (see accept.h and docs/ci.md). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accept.h"

static int
add(struct accept_list *a, uint64_t fp, const char *reason, size_t len,
    unsigned long lineno)
{
	struct accept_entry *v;

	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;

		if ((v = reallocarray(a->v, cap, sizeof(*v))) == NULL)
			return -1;
		a->v = v;
		a->cap = cap;
	}
	if ((a->v[a->n].reason = strndup(reason, len)) == NULL)
		return -1;
	a->v[a->n].fingerprint = fp;
	a->v[a->n].lineno = lineno;
	a->v[a->n].used = 0;
	a->n++;
	a->sorted = 0;
	return 0;
}

int
accept_load(struct accept_list *a, FILE *fp, const char *name, char *err,
    size_t errlen)
{
	char		*line = NULL, *p, *end;
	size_t		 cap = 0, len;
	ssize_t		 n;
	unsigned long	 lineno = 0;
	uint64_t	 v;
	int		 i, ret = -1;

	errno = 0;
	while ((n = getline(&line, &cap, fp)) > 0) {
		lineno++;
		len = (size_t)n;
		while (len > 0 && isspace((unsigned char)line[len - 1]))
			len--;
		line[len] = '\0';
		for (p = line; *p == ' ' || *p == '\t'; p++)
			continue;
		if (*p == '\0' || *p == '#')
			continue;
		v = 0;
		for (i = 0; i < 16 && isxdigit((unsigned char)p[i]); i++)
			v = v << 4 | (uint64_t)(isdigit((unsigned char)p[i]) ?
			    p[i] - '0' : (tolower((unsigned char)p[i]) - 'a' + 10));
		if (i < 16 || isxdigit((unsigned char)p[16]) ||
		    (p[16] != '\0' && p[16] != ' ' && p[16] != '\t')) {
			snprintf(err, errlen, "%s:%lu: not a fingerprint "
			    "(16 hexadecimal digits)", name, lineno);
			goto out;
		}
		for (p += 16; *p == ' ' || *p == '\t'; p++)
			continue;
		end = line + len;
		if (p == end) {
			snprintf(err, errlen, "%s:%lu: accepted finding has "
			    "no reason", name, lineno);
			goto out;
		}
		if (add(a, v, p, (size_t)(end - p), lineno) == -1) {
			snprintf(err, errlen, "out of memory");
			goto out;
		}
		errno = 0;
	}
	if (ferror(fp)) {
		snprintf(err, errlen, "%s: %s", name, strerror(errno));
		goto out;
	}
	ret = 0;
out:
	free(line);
	return ret;
}

static int
byfp(const void *x, const void *y)
{
	const struct accept_entry *a = x, *b = y;

	if (a->fingerprint != b->fingerprint)
		return a->fingerprint < b->fingerprint ? -1 : 1;
	return a->lineno < b->lineno ? -1 : a->lineno > b->lineno;
}

struct accept_entry *
accept_find(struct accept_list *a, uint64_t fp)
{
	size_t	 lo = 0, hi = a->n, mid;

	if (!a->sorted) {
		if (a->n > 1)
			qsort(a->v, a->n, sizeof(*a->v), byfp);
		a->sorted = 1;
	}
	while (lo < hi) {		/* the first entry >= fp */
		mid = lo + (hi - lo) / 2;
		if (a->v[mid].fingerprint < fp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == a->n || a->v[lo].fingerprint != fp)
		return NULL;
	a->v[lo].used = 1;
	return &a->v[lo];
}

void
accept_release(struct accept_list *a)
{
	size_t	 i;

	for (i = 0; i < a->n; i++)
		free(a->v[i].reason);
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
	a->sorted = 0;
}
