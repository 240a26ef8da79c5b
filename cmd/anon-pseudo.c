/*
 * anon-pseudo — group mentions into entities and give each a pseudonym.
 *
 * The only stage that needs the whole document: the stream is spooled to
 * an unlinked temporary file (mode 0600) while the mentions are collected,
 * the engine in filters/pseudo.c decides (keeping the distinct mentions in
 * memory and their occurrences in a temporary file of its own), the map
 * is written, and the spool is copied out with the replace records after
 * each text unit's records, then one entity record per entity and the
 * trailer.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "cmdutil.h"
#include "lexicon.h"
#include "mapfile.h"
#include "pseudo.h"
#include "record.h"
#include "sbuf.h"
#include "stream.h"

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s [--case file] [--case-code code] "
	    "[--map file]\n", progname);
	exit(EXIT_ERROR);
}

static int
valid_code(const char *s)
{
	size_t	 i;

	if (*s == '\0' || strlen(s) > 16)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* Reads stdin into the spool, feeding the engine.  Returns 0 or -1. */
static int
collect(struct pseudo *p, struct stream_writer *spool)
{
	struct stream_reader	*r;
	struct record		*rec;
	struct mention_list	 ml = MENTION_LIST_INIT;
	struct text_unit	 t;
	struct sbuf		 cur = SBUF_INIT;
	unsigned long		 curid = 0;
	char			 err[256], *end;
	long			 days;
	int			 rc, have = 0, ret = -1;

	if ((r = stream_reader_new(stdin, "-")) == NULL)
		cmd_die("out of memory");
	while ((rc = stream_read(r, &rec)) == 1) {
		if (stream_write_record(spool, rec) == -1) {
			cmd_msg("temporary file: %s", strerror(errno));
			goto out;
		}
		if (record_is(rec, "text")) {
			if (record_text(rec, &t) == -1) {
				cmd_msg("-:%lu: malformed text record",
				    rec->lineno);
				goto out;
			}
			sbuf_reset(&cur);
			if (sbuf_add(&cur, t.text, t.len) == -1)
				cmd_die("out of memory");
			curid = t.id;
			have = 1;
		} else if (record_is(rec, "mention")) {
			mention_list_clear(&ml);
			if (record_mention(rec, &ml) == -1 || ml.n != 1) {
				cmd_msg("-:%lu: malformed mention record",
				    rec->lineno);
				goto out;
			}
			if (!have || ml.v[0].text != curid) {
				cmd_msg("-:%lu: mention of text %lu outside "
				    "that text's records", rec->lineno,
				    ml.v[0].text);
				goto out;
			}
			if (pseudo_add(p, &ml.v[0], cur.buf, cur.len, err,
			    sizeof(err)) == -1) {
				cmd_msg("-:%lu: %s", rec->lineno, err);
				goto out;
			}
		} else if (record_is(rec, "meta") && rec->nfield >= 3 &&
		    strcmp(rec->field[1], "date-shift") == 0) {
			errno = 0;
			days = strtol(rec->field[2], &end, 10);
			if (errno != 0 || end == rec->field[2] || *end != '\0') {
				cmd_msg("-:%lu: date-shift is not a number of "
				    "days", rec->lineno);
				goto out;
			}
			pseudo_set_date_shift(p, days);
		}
	}
	if (rc == -1) {
		cmd_msg("%s", stream_reader_error(r));
		goto out;
	}
	if (stream_write_end(spool) == -1) {
		cmd_msg("temporary file: %s", strerror(errno));
		goto out;
	}
	ret = 0;
out:
	stream_reader_free(r);
	mention_list_release(&ml);
	sbuf_release(&cur);
	return ret;
}

/* The next replacement, read ahead one. */
struct ahead {
	struct pseudo_repl	 r;
	int			 have;	/* 1: r holds one; 0: none left */
};

static int
advance(struct pseudo *p, struct ahead *a)
{
	char	 err[256];

	if ((a->have = pseudo_next_repl(p, &a->r, err, sizeof(err))) == -1) {
		cmd_msg("%s", err);
		return -1;
	}
	return 0;
}

/* Writes the replacements of text units up to id.  Returns 0, -1 on a
 * write error, -2 on an error already told. */
static int
flush_repl(struct pseudo *p, struct stream_writer *w, struct ahead *a,
    unsigned long id)
{
	struct replacement	 r;

	while (a->have == 1 && a->r.text <= id) {
		r.text = a->r.text;
		r.start = a->r.start;
		r.end = a->r.end;
		r.entity = a->r.entity;
		r.repl = a->r.repl;
		if (write_replacement(w, &r) == -1)
			return -1;
		if (advance(p, a) == -1)
			return -2;
	}
	return 0;
}

/* Copies the spool to stdout with the decisions.  Returns 0 or -1. */
static int
emit(struct pseudo *p, FILE *spool)
{
	struct stream_reader	*r;
	struct stream_writer	*w;
	struct record		*rec;
	struct text_unit	 t;
	struct pseudo_entity	 pe;
	const char		*f[4];
	struct ahead		 a;
	unsigned long		 curid = 0;
	size_t			 i;
	int			 rc, ret = -1, fr;

	if ((r = stream_reader_new(spool, "spool")) == NULL ||
	    (w = stream_writer_new(stdout)) == NULL)
		cmd_die("out of memory");
	if (advance(p, &a) == -1)
		goto out;
	while ((rc = stream_read(r, &rec)) == 1) {
		if (record_is(rec, "text") && record_text(rec, &t) == 0) {
			if ((fr = flush_repl(p, w, &a, curid)) == -1)
				goto ioerr;
			if (fr == -2)
				goto out;
			curid = t.id;
		}
		if (stream_write_record(w, rec) == -1)
			goto ioerr;
	}
	if (rc == -1) {
		cmd_msg("%s", stream_reader_error(r));
		goto out;
	}
	if ((fr = flush_repl(p, w, &a, (unsigned long)-1)) == -1)
		goto ioerr;
	if (fr == -2)
		goto out;
	for (i = 0; i < pseudo_nentity(p); i++) {
		pseudo_entity(p, i, &pe);
		f[0] = pe.id;
		f[1] = pe.type;
		f[2] = pe.pseudonym;
		f[3] = pe.canonical;
		if (stream_write(w, "entity", 4, f) == -1)
			goto ioerr;
	}
	if (stream_write_end(w) == -1)
		goto ioerr;
	ret = 0;
	goto out;
ioerr:
	cmd_msg("write error: %s", strerror(errno));
out:
	stream_reader_free(r);
	stream_writer_free(w);
	return ret;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "case", required_argument, NULL, 'c' },
		{ "case-code", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ "map", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 }
	};
	struct casefile		*cf = NULL;
	struct anon_map		 map = ANON_MAP_INIT, out = ANON_MAP_INIT;
	struct pseudo		*p;
	struct lexicon		*fgen;
	struct stream_writer	*sw;
	const char		*casepath = NULL, *code = NULL, *mappath = NULL;
	char			 err[512];
	FILE			*spool;
	int			 c, rc = EXIT_ERROR;

	cmd_init(argv[0]);
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'C':
			code = optarg;
			break;
		case 'c':
			casepath = optarg;
			break;
		case 'h':
			printf("usage: %s [--case file] [--case-code code] "
			    "[--map file]\nSee anon-pseudo(1).\n", progname);
			return EXIT_CLEAN;
		case 'm':
			mappath = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	if (argc != 0)
		usage();
	if (code != NULL && !valid_code(code))
		cmd_die("case code '%s' is not 1-16 letters, digits or '-'",
		    code);

	if (casepath != NULL &&
	    (cf = casefile_load(casepath, err, sizeof(err))) == NULL)
		cmd_die("%s", err);
	if (mappath != NULL &&
	    anon_map_load(&map, mappath, err, sizeof(err)) == -1)
		cmd_die("%s", err);
	if ((p = pseudo_new(cf, code)) == NULL || pseudo_load_map(p, &map) == -1)
		cmd_die("out of memory");
	if ((fgen = lexicon_load("names/forename-gender.txt", err,
	    sizeof(err))) == NULL)
		cmd_die("%s", err);
	pseudo_set_forenames(p, fgen);
	anon_map_release(&map);

	/* tmpfile(3): mode 0600, already unlinked, gone when we exit. */
	if ((spool = tmpfile()) == NULL)
		cmd_die_errno("temporary file");
	if ((sw = stream_writer_new(spool)) == NULL)
		cmd_die("out of memory");
	if (collect(p, sw) == -1)
		goto out;
	stream_writer_free(sw);
	sw = NULL;
	if (fflush(spool) == EOF || ferror(spool)) {
		cmd_msg("temporary file: %s", strerror(errno));
		goto out;
	}
	if (pseudo_resolve(p, err, sizeof(err)) == -1) {
		cmd_msg("%s", err);
		goto out;
	}
	/* The map first: if it cannot be written, no trailer goes out. */
	if (mappath != NULL) {
		if (pseudo_export_map(p, &out) == -1)
			cmd_die("out of memory");
		if (anon_map_save(&out, mappath, err, sizeof(err)) == -1) {
			cmd_msg("%s", err);
			goto out;
		}
	}
	rewind(spool);
	if (emit(p, spool) == -1)
		goto out;
	rc = EXIT_CLEAN;
out:
	stream_writer_free(sw);
	fclose(spool);
	anon_map_release(&out);
	pseudo_free(p);
	lexicon_free(fgen);
	casefile_free(cf);
	if (cmd_close_stdout() != EXIT_CLEAN)
		rc = EXIT_ERROR;
	return rc;
}
