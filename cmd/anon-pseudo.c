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
 *
 * The spool holds the records as read, one a line, without header or
 * trailer: they were checked on the way in, so the copy out only looks
 * for the text records' ids and passes every line on as bytes.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
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

#define SPOOL_BLOCK	(1024 * 1024)	/* bytes written or read at once */

/* Writes what b holds to the spool and empties it.  Returns 0 or -1. */
static int
spool_drain(struct sbuf *b, FILE *spool)
{
	if (b->len > 0 && fwrite(b->buf, 1, b->len, spool) != b->len)
		return -1;
	sbuf_reset(b);
	return 0;
}

/* Reads stdin into the spool, feeding the engine.  Returns 0 or -1. */
static int
collect(struct pseudo *p, FILE *spool)
{
	struct stream_reader	*r;
	struct record		*rec;
	struct mention		 mn;
	struct text_unit	 t;
	struct sbuf		 cur = SBUF_INIT, sb = SBUF_INIT;
	unsigned long		 curid = 0;
	char			 err[256], *end;
	long			 days;
	int			 rc, have = 0, ret = -1;

	if ((r = stream_reader_new(stdin, "-")) == NULL)
		cmd_die("out of memory");
	while ((rc = stream_read(r, &rec)) == 1) {
		if (sbuf_add(&sb, rec->raw, rec->rawlen) == -1 ||
		    sbuf_addc(&sb, '\n') == -1)
			cmd_die("out of memory");
		if (sb.len >= SPOOL_BLOCK && spool_drain(&sb, spool) == -1) {
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
			if (record_mention_view(rec, &mn) == -1) {
				cmd_msg("-:%lu: malformed mention record",
				    rec->lineno);
				goto out;
			}
			if (!have || mn.text != curid) {
				cmd_msg("-:%lu: mention of text %lu outside "
				    "that text's records", rec->lineno,
				    mn.text);
				goto out;
			}
			if (pseudo_add(p, &mn, cur.buf, cur.len, err,
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
	if (spool_drain(&sb, spool) == -1) {
		cmd_msg("temporary file: %s", strerror(errno));
		goto out;
	}
	ret = 0;
out:
	stream_reader_free(r);
	sbuf_release(&cur);
	sbuf_release(&sb);
	return ret;
}

/* The spool read back a line at a time. */
struct spool_in {
	FILE	*fp;
	char	*buf;
	size_t	 pos, end, cap;
};

/*
 * Sets *line and *len to the next line, without its newline.  Returns 1,
 * 0 at the end, or -1 on a read error or when out of memory.
 */
static int
spool_line(struct spool_in *s, const char **line, size_t *len)
{
	char	*nl, *nb;
	size_t	 n, cap;

	while (s->buf == NULL ||
	    (nl = memchr(s->buf + s->pos, '\n', s->end - s->pos)) == NULL) {
		if (feof(s->fp))
			return s->pos == s->end ? 0 : -1;
		if (ferror(s->fp))
			return -1;
		if (s->pos > 0) {
			memmove(s->buf, s->buf + s->pos, s->end - s->pos);
			s->end -= s->pos;
			s->pos = 0;
		}
		/* A line longer than the buffer: grow it to hold one. */
		if (s->cap - s->end < SPOOL_BLOCK / 2) {
			if (s->cap > SIZE_MAX / 2) {
				errno = ENOMEM;
				return -1;
			}
			cap = s->cap ? s->cap * 2 : SPOOL_BLOCK;
			if ((nb = realloc(s->buf, cap)) == NULL)
				return -1;
			s->buf = nb;
			s->cap = cap;
		}
		n = fread(s->buf + s->end, 1, s->cap - s->end, s->fp);
		s->end += n;
	}
	*line = s->buf + s->pos;
	*len = (size_t)(nl - (s->buf + s->pos));
	s->pos += *len + 1;
	return 1;
}

/*
 * Returns 1 and sets *id when line is a text record (its id checked on
 * the way in), else 0.
 */
static int
text_id(const char *line, size_t len, unsigned long *id)
{
	unsigned long	 x = 0;
	size_t		 i;

	if (len < 5 || memcmp(line, "text\t", 5) != 0)
		return 0;
	for (i = 5; i < len && line[i] >= '0' && line[i] <= '9'; i++)
		x = x * 10 + (unsigned long)(line[i] - '0');
	*id = x;
	return 1;
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

/* Appends v in decimal and a TAB to b (room made). */
static void
add_num(struct sbuf *b, uintmax_t v)
{
	char	 tmp[24];
	size_t	 n = sizeof(tmp);

	tmp[--n] = '\t';
	do
		tmp[--n] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	memcpy(b->buf + b->len, tmp + n, sizeof(tmp) - n);
	b->len += sizeof(tmp) - n;
	b->buf[b->len] = '\0';
}

/* Appends s escaped (stream_escape()'s rules) to b.  Returns 0 or -1.
 * Entity ids and pseudonyms are short: a byte loop beats the general
 * escaper's set-up. */
static int
add_escaped(struct sbuf *b, const char *s)
{
	size_t	 n = strlen(s);
	char	*o;

	if (n > SIZE_MAX / 4 || sbuf_grow(b, 2 * n) == -1)
		return -1;
	o = b->buf + b->len;
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\\': *o++ = '\\'; *o++ = '\\'; break;
		case '\t': *o++ = '\\'; *o++ = 't'; break;
		case '\n': *o++ = '\\'; *o++ = 'n'; break;
		case '\r': *o++ = '\\'; *o++ = 'r'; break;
		default: *o++ = *s; break;
		}
	}
	*o = '\0';
	b->len = (size_t)(o - b->buf);
	return 0;
}

/*
 * Writes the replacements of text units up to id, each built as one line
 * in b (what write_replacement() writes, without its per-field calls).
 * Returns 0, -1 on a write error, -2 on an error already told.
 */
static int
flush_repl(struct pseudo *p, struct stream_writer *w, struct ahead *a,
    unsigned long id, struct sbuf *b)
{
	const char	*ent;

	while (a->have == 1 && a->r.text <= id) {
		sbuf_reset(b);
		ent = a->r.entity != NULL ? a->r.entity : "";
		if (sbuf_add(b, "replace\t", 8) == -1 ||
		    sbuf_grow(b, 3 * 22) == -1)
			return -1;
		add_num(b, a->r.text);
		add_num(b, a->r.start);
		add_num(b, a->r.end);
		if (add_escaped(b, ent) == -1 || sbuf_addc(b, '\t') == -1 ||
		    (a->r.repl != NULL && add_escaped(b, a->r.repl) == -1) ||
		    stream_write_raw(w, b->buf, b->len) == -1)
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
	struct spool_in		 in = { spool, NULL, 0, 0, 0 };
	struct stream_writer	*w;
	struct sbuf		 b = SBUF_INIT;
	struct pseudo_entity	 pe;
	const char		*f[4], *line;
	struct ahead		 a;
	unsigned long		 curid = 0, id;
	size_t			 i, len;
	int			 rc, ret = -1, fr;

	if ((w = stream_writer_new(stdout)) == NULL)
		cmd_die("out of memory");
	if (advance(p, &a) == -1)
		goto out;
	while ((rc = spool_line(&in, &line, &len)) == 1) {
		if (text_id(line, len, &id)) {
			if ((fr = flush_repl(p, w, &a, curid, &b)) == -1)
				goto ioerr;
			if (fr == -2)
				goto out;
			curid = id;
		}
		if (stream_write_raw(w, line, len) == -1)
			goto ioerr;
	}
	if (rc == -1) {
		cmd_msg("temporary file: %s", ferror(spool) ?
		    strerror(errno) : "truncated");
		goto out;
	}
	if ((fr = flush_repl(p, w, &a, (unsigned long)-1, &b)) == -1)
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
	free(in.buf);
	sbuf_release(&b);
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
	if (collect(p, spool) == -1)
		goto out;
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
	fclose(spool);
	anon_map_release(&out);
	pseudo_free(p);
	lexicon_free(fgen);
	casefile_free(cf);
	if (cmd_close_stdout() != EXIT_CLEAN)
		rc = EXIT_ERROR;
	return rc;
}
