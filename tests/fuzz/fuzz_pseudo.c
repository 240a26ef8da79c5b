/*
 * Fuzz target: anon-pseudo's engine (pseudo.h) over one document.
 *
 * The input is read as fuzz_text.h describes; the variant bits choose the
 * setup: bit 0 the case file fixtures/fuzz/casefile/sample.csv, bit 1 the
 * map fixtures/fuzz/mapfile/sample.map loaded first, bit 2 the forename
 * sexes, bits 3-5 a salt for the choices below.  The mentions of each
 * unit are the header's (as fuzz_text.h clamps them) and those derived
 * from the text: runs of capitalised words, initials such as "K.M.", a
 * title and the word after it ("Ms Lowe"), and the last word of a longer
 * run (overlapping the run).  Their type, subtype, key ("case:N") and
 * hint are picked by a hash of the salt and the span.  They go to
 * pseudo_add() in stream order; after pseudo_resolve() every replacement
 * must lie inside its unit, in order and without overlap, name an entity
 * of this document (or "-"), and every entity must have a pseudonym; the
 * exported map must format to a text that parses.  Invalid UTF-8 is run
 * as it is, then repaired, each time with a new engine.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "fuzz_text.h"
#include "lexicon.h"
#include "mapfile.h"
#include "pseudo.h"
#include "sbuf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const subtypes[] = {
	"", "", "professional", "mother", "father", "subject-child",
	"social-worker", "health-visitor", "gp", "police-officer", "school",
	"hospital", "nursery", "dob", "child", "sibling"
};
static const char *const keys[] = {
	"", "", "", "", "case:1", "case:2", "case:3", "case:9"
};
static const char *const hints[] = {
	"", "", "", "", "", "Child F1", "Mother", "Professional 1"
};

static struct casefile		*cf;
static struct anon_map		 map = ANON_MAP_INIT;
static struct lexicon		*fgen;

static void
die(const char *what, const char *err)
{
	fprintf(stderr, "fuzz_pseudo: %s: %s\n", what, err);
	abort();
}

static void
setup(void)
{
	char	 err[1024], buf[8192];
	FILE	*fp;
	size_t	 n;

	setenv("ANON_LEXICONS", "lexicons", 0);
	if ((cf = casefile_load("fixtures/fuzz/casefile/sample.csv", err,
	    sizeof(err))) == NULL)
		die("casefile", err);
	/* Parsed from memory: anon_map_load() refuses a file others can
	 * read, as a checked-out fixture is. */
	if ((fp = fopen("fixtures/fuzz/mapfile/sample.map", "rb")) == NULL)
		die("map", "cannot open fixtures/fuzz/mapfile/sample.map");
	n = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	if (anon_map_parse(&map, buf, n, "sample.map", err, sizeof(err)) == -1)
		die("map", err);
	if ((fgen = lexicon_load("names/forename-gender.txt", err,
	    sizeof(err))) == NULL)
		die("forenames", err);
}

static unsigned
mix(unsigned salt, size_t a, size_t b)
{
	uint32_t	 h = 2166136261u ^ salt;

	h = (h ^ (uint32_t)a) * 16777619u;
	h = (h ^ (uint32_t)b) * 16777619u;
	h ^= h >> 13;
	return h;
}

static int
up(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Adds [st, en) with choices drawn from the salt; -1 when out of memory. */
static int
derive(struct mention_list *l, unsigned long id, unsigned salt, size_t st,
    size_t en, int person)
{
	unsigned	 h = mix(salt, st, en);
	const char	*type;

	if (en <= st)
		return 0;
	type = person || (h & 3) != 0 ? "person" : fuzz_types[(h >> 2) & 7];
	return mention_list_add(l, id, st, en, type,
	    subtypes[(h >> 5) & 15], "fuzz/derived", 50 + (int)(h >> 9) % 50,
	    keys[(h >> 13) & 7], hints[(h >> 16) & 7]);
}

/* Derives the mentions of a unit from its capitalised words. */
static int
scan(struct mention_list *l, const char *s, size_t len, unsigned long id,
    unsigned salt)
{
	size_t	 i, w, run, last, wend;
	int	 nword, title;

	for (i = 0; i < len; ) {
		if (!up(s[i]) || (i > 0 && s[i - 1] != ' ' && s[i - 1] != '(' &&
		    s[i - 1] != '"')) {
			i++;
			continue;
		}
		/* A run of capitalised words (with initials, apostrophes,
		 * hyphens and full stops inside) joined by single spaces. */
		run = last = i;
		nword = 0;
		title = 0;
		for (w = i; w < len && up(s[w]); ) {
			for (wend = w; wend < len && s[wend] != ' ' &&
			    s[wend] != ',' && s[wend] != ';'; wend++)
				;
			if (nword == 0 && wend - w <= 3 &&
			    (memcmp(s + w, "Ms", 2) == 0 ||
			    memcmp(s + w, "Mr", 2) == 0 ||
			    memcmp(s + w, "Dr", 2) == 0))
				title = 1;
			/* Initials "K.M." alone are a mention too. */
			if (wend - w >= 2 && s[w + 1] == '.' &&
			    derive(l, id, salt ^ 0x55, w, wend, 1) == -1)
				return -1;
			last = w;
			nword++;
			w = wend;
			if (w + 1 < len && s[w] == ' ' && up(s[w + 1]))
				w++;
			else
				break;
		}
		if (derive(l, id, salt, run, w, title) == -1)
			return -1;
		if (nword > 1 && (mix(salt, run, last) & 1) &&
		    derive(l, id, salt ^ 0xAA, fuzz_boundary(s, len, last), w,
		    1) == -1)
			return -1;
		i = w > i ? w : i + 1;
	}
	return 0;
}

static int
cmp_start(const void *a, const void *b)
{
	const struct mention	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Runs one document through a new engine and checks what it gives. */
static void
run(struct fuzz_in *in)
{
	struct mention_list	 ml = MENTION_LIST_INIT;
	struct pseudo		*p;
	struct pseudo_repl	 r;
	struct pseudo_entity	 e;
	struct anon_map		 out = ANON_MAP_INIT, back = ANON_MAP_INIT;
	struct sbuf		 sb = SBUF_INIT;
	size_t			*ulen = NULL, nunit = 0, off, nl, i, j, n;
	size_t			 pend = 0;
	unsigned long		 ptext = 0, id;
	unsigned		 salt = in->variant >> 3;
	char			 err[512], *copy;
	int			 rc;

	if ((p = pseudo_new(in->variant & 1 ? cf : NULL, NULL)) == NULL)
		return;
	if ((in->variant & 2) && pseudo_load_map(p, &map) == -1)
		goto out;
	if (in->variant & 4)
		pseudo_set_forenames(p, fgen);
	if (in->variant & 8)
		pseudo_set_date_shift(p, (long)salt - 3);
	for (off = 0; off <= in->len; off = nl + 1) {
		for (nl = off; nl < in->len && in->text[nl] != '\n'; nl++)
			;
		if ((copy = malloc(nl - off + 1)) == NULL)
			goto out;
		memcpy(copy, in->text + off, nl - off);
		copy[nl - off] = '\0';
		id = ++nunit;
		if ((ulen = reallocarray(ulen, nunit, sizeof(*ulen))) == NULL) {
			free(copy);
			goto out;
		}
		ulen[nunit - 1] = nl - off;
		if (fuzz_prior(in, id, copy, nl - off, &ml) == -1 ||
		    scan(&ml, copy, nl - off, id, salt) == -1) {
			free(copy);
			goto out;
		}
		/* Stream order is filter order; some variants sort. */
		if (salt & 1)
			qsort(ml.v, ml.n, sizeof(ml.v[0]), cmp_start);
		for (i = 0; i < ml.n; i++)
			if (pseudo_add(p, &ml.v[i], copy, nl - off, err,
			    sizeof(err)) == -1) {
				/* The spans lie inside the unit: only a
				 * resource error may refuse them. */
				if (strstr(err, "memory") == NULL &&
				    strstr(err, "temporary") == NULL)
					die("pseudo_add", err);
				free(copy);
				goto out;
			}
		/* The engine must keep its own copy of what it needs. */
		memset(copy, 'x', nl - off);
		free(copy);
	}
	if (pseudo_resolve(p, err, sizeof(err)) == -1)
		goto out;

	n = 0;
	while ((rc = pseudo_next_repl(p, &r, err, sizeof(err))) == 1) {
		if (r.text < 1 || r.text > nunit || r.start >= r.end ||
		    r.end > ulen[r.text - 1])
			die("replacement", "outside its unit");
		if (r.text < ptext || (r.text == ptext && r.start < pend))
			die("replacement", "out of order or overlapping");
		ptext = r.text;
		pend = r.end;
		if (r.repl == NULL || r.entity == NULL)
			die("replacement", "without text or entity");
		if (strcmp(r.entity, "-") != 0) {
			for (j = 0; j < pseudo_nentity(p); j++) {
				pseudo_entity(p, j, &e);
				if (strcmp(e.id, r.entity) == 0)
					break;
			}
			if (j == pseudo_nentity(p))
				die("replacement", "names an unknown entity");
		}
		n++;
	}
	if (rc == -1)
		goto out;
	if (n != pseudo_nrepl(p))
		die("replacements", "count differs from pseudo_nrepl()");
#ifdef FUZZ_PSEUDO_DEBUG
	fprintf(stderr, "variant %u: %zu units, %zu replacements, %zu "
	    "entities\n", in->variant, nunit, n, pseudo_nentity(p));
#endif
	for (i = 0; i < pseudo_nentity(p); i++) {
		pseudo_entity(p, i, &e);
		if (e.id == NULL || e.type == NULL || e.role == NULL ||
		    e.pseudonym == NULL || *e.pseudonym == '\0' ||
		    e.canonical == NULL)
			die("entity", "without id, type or pseudonym");
	}
	if (pseudo_export_map(p, &out) == 0 && anon_map_format(&out, &sb) == 0 &&
	    anon_map_parse(&back, sb.buf, sb.len, "export.map", err,
	    sizeof(err)) == -1)
		die("exported map does not parse", err);
out:
	anon_map_release(&out);
	anon_map_release(&back);
	sbuf_release(&sb);
	mention_list_release(&ml);
	free(ulen);
	pseudo_free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in;

	if (cf == NULL)
		setup();
	if (fuzz_in_parse(&in, data, size) == 0) {
		run(&in);
		if (fuzz_repair(in.text, in.len))
			run(&in);
	}
	free(in.text);
	return 0;
}
