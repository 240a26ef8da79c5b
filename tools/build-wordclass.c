/*
 * build-wordclass — writes lexicons/wordclass/en_GB.txt, what hunspell's
 * en_GB dictionary says about each word it knows (see wordclass.h):
 *
 *	KEY<TAB>o	accepted in lower case (an ordinary word)
 *	KEY<TAB>p	accepted only capitalised (a proper noun)
 *
 * KEY is the lower-case form (lexicon_fold()).  Every word form the .dic
 * and .aff can make is expanded (each stem with each of its affixes, and
 * the prefix-suffix cross products; the affix conditions are not
 * evaluated, hunspell itself decides), then hunspell is asked about the
 * lower-case and the capitalised form of each, exactly as the stages
 * asked it at run time.  Run by tools/build-wordclass.sh.
 *
 *	build-wordclass DICT.aff DICT.dic VERSION > en_GB.txt
 *
 * (DICT.aff and DICT.dic must share the path DICT.)
 */
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "wordclass.h"

struct rule {
	int	 pfx;
	int	 cross;
	char	 strip[64];
	char	 add[64];
};

static struct rule	*rules[256];
static size_t		 nrules[256];
static Hunhandle	*hun;
static struct wordclass	*wc;
static struct lexicon	*seen;
static size_t		 nout;

static void
readaff(const char *path)
{
	char	 line[1024], kind[8], flag[8], a[64], b[64], c[128];
	FILE	*fp;
	int	 n;
	struct rule *r;
	unsigned char f;
	static int cross[256];

	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		exit(2);
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (strncmp(line, "PFX ", 4) != 0 && strncmp(line, "SFX ", 4) !=
		    0)
			continue;
		n = sscanf(line, "%7s %7s %63s %63s %127s", kind, flag, a, b, c);
		f = (unsigned char)flag[0];
		if (n == 4 && (a[0] == 'Y' || a[0] == 'N') && a[1] == '\0') {
			cross[f] = a[0] == 'Y';
			continue;
		}
		if (n < 4)
			continue;
		rules[f] = realloc(rules[f], (nrules[f] + 1) * sizeof(**rules));
		if (rules[f] == NULL) {
			perror("realloc");
			exit(2);
		}
		r = &rules[f][nrules[f]++];
		r->pfx = kind[0] == 'P';
		r->cross = cross[f];
		snprintf(r->strip, sizeof(r->strip), "%s",
		    strcmp(a, "0") == 0 ? "" : a);
		snprintf(r->add, sizeof(r->add), "%s", strcmp(b, "0") == 0 ? "" :
		    b);
		if ((r->add[0] != '\0' && strchr(r->add, '/') != NULL)) {
			fprintf(stderr, "continuation classes not supported\n");
			exit(2);
		}
	}
	fclose(fp);
}

/* Asks hunspell (through wordclass.c) about the forms of w. */
static void
classify(const char *w)
{
	char	 low[256];
	size_t	 n = strlen(w);
	int	 cl;

	if (n == 0 || n >= sizeof(low))
		return;
	lexicon_fold(low, w, n);
	if (lexicon_has(seen, low, n))
		return;
	if (lexicon_put(seen, low, n, NULL) == -1) {
		perror("lexicon_put");
		exit(2);
	}
	cl = wordclass_of(wc, low, n);
	if (cl != WORDCLASS_UNKNOWN) {
		printf("%s\t%c\n", low, cl);
		nout++;
	}
}

/* Offers form w: when hunspell accepts it as written, its class counts. */
static void
offer(const char *w)
{
	if (Hunspell_spell(hun, w))
		classify(w);
}

static void
expand(const char *stem, const char *flags)
{
	char	 a[512], b[512];
	const unsigned char *f, *g;
	size_t	 i, j, sl, n;
	struct rule *r, *q;

	offer(stem);
	sl = strlen(stem);
	for (f = (const unsigned char *)flags; *f != '\0'; f++)
		for (i = 0; i < nrules[*f]; i++) {
			r = &rules[*f][i];
			n = strlen(r->strip);
			if (r->pfx) {
				if (strncmp(stem, r->strip, n) != 0)
					continue;
				snprintf(a, sizeof(a), "%s%s", r->add,
				    stem + n);
			} else {
				if (n > sl || strcmp(stem + sl - n, r->strip) !=
				    0)
					continue;
				snprintf(a, sizeof(a), "%s%.*s%s", "",
				    (int)(sl - n), stem, r->add);
			}
			offer(a);
			if (!r->pfx || !r->cross)
				continue;
			/* A prefix with each cross-product suffix. */
			for (g = (const unsigned char *)flags; *g != '\0'; g++)
				for (j = 0; j < nrules[*g]; j++) {
					size_t m, al = strlen(a);

					q = &rules[*g][j];
					if (q->pfx || !q->cross)
						continue;
					m = strlen(q->strip);
					if (m > al || strcmp(a + al - m,
					    q->strip) != 0)
						continue;
					snprintf(b, sizeof(b), "%.*s%s",
					    (int)(al - m), a, q->add);
					offer(b);
				}
		}
}

int
main(int argc, char *argv[])
{
	char	 line[1024], *p, *flags, dict[4096], err[512];
	FILE	*fp;
	unsigned long lineno = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: build-wordclass AFF DIC VERSION\n");
		return 2;
	}
	readaff(argv[1]);
	snprintf(dict, sizeof(dict), "%.*s", (int)strlen(argv[1]) - 4, argv[1]);
	if ((wc = wordclass_open(dict, err, sizeof(err))) == NULL) {
		fprintf(stderr, "build-wordclass: %s\n", err);
		return 2;
	}
	if ((hun = Hunspell_create(argv[1], argv[2])) == NULL ||
	    (seen = lexicon_new()) == NULL || (fp = fopen(argv[2], "r")) ==
	    NULL) {
		perror(argv[2]);
		return 2;
	}
	printf("# wordclass/en_GB.txt — what hunspell's en_GB dictionary says "
	    "about a word,\n# built by tools/build-wordclass.sh; see "
	    "docs/data-sources/wordclass.md.\n"
	    "# Source: Debian package hunspell-en-gb %s (en_GB.aff, "
	    "en_GB.dic;\n# LibreOffice dictionaries, en_GB by David Bartlett, "
	    "Andrew Brown, Marco A.G. Pinto\n# and others, from Kevin "
	    "Atkinson's word list; LGPL, see the package's copyright).\n"
	    "# KEY<TAB>o: accepted in lower case; KEY<TAB>p: accepted only "
	    "capitalised.\n# Words absent here are rejected in both forms.\n",
	    argv[3]);
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (lineno++ == 0)
			continue;	/* the word count */
		line[strcspn(line, "\t\r\n")] = '\0';
		/* "word/FLAGS morph", "word morph" or "word". */
		if ((p = strchr(line, ' ')) != NULL)
			*p = '\0';
		flags = "";
		if ((p = strchr(line, '/')) != NULL) {
			*p = '\0';
			flags = p + 1;
		}
		expand(line, flags);
	}
	fclose(fp);
	fprintf(stderr, "build-wordclass: %zu words\n", nout);
	Hunspell_destroy(hun);
	wordclass_free(wc);
	lexicon_free(seen);
	return 0;
}
