/*
 * anon-pseudo — choose one replacement per place and keep them consistent.
 *
 * First version: overlapping mentions are resolved by one rule (longest,
 * then most confident, then by type priority); a mention with a HINT gets
 * it; others get a label by type and a number per distinct KEY (or folded
 * surface) in order of first appearance.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdutil.h"
#include "lexicon.h"
#include "record.h"
#include "sbuf.h"
#include "stream.h"

struct state {
	struct lexicon	*numbers;	/* label \x1f key → "Label N" */
	struct lexicon	*counts;	/* label → last number */
	struct sbuf	 held;		/* text record and what followed */
	struct mention_list ml;
	struct text_unit t;
	struct sbuf	 strs;
	int		 have;
};

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s [--case file] [--case-code code] "
	    "[--map file]\n", progname);
	exit(EXIT_ERROR);
}

static int
type_rank(const char *type)
{
	static const char *const order[] = { "identifier", "postcode", "date",
	    "address", "institution", "person", "place" };
	size_t	 i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (strcmp(type, order[i]) == 0)
			return (int)i;
	return 99;
}

static int
bypriority(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;
	size_t	 lx = x->end - x->start, ly = y->end - y->start;

	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (x->conf != y->conf)
		return x->conf > y->conf ? -1 : 1;
	if (type_rank(x->type) != type_rank(y->type))
		return type_rank(x->type) - type_rank(y->type);
	return x->start < y->start ? -1 : x->start > y->start;
}

static const char *
label(const struct mention *m)
{
	static const struct { const char *sub, *label; } inst[] = {
		{ "school", "School" }, { "academy", "School" },
		{ "nursery", "Nursery" }, { "gp", "GP Practice" },
		{ "hospital", "Hospital" }, { "health-centre", "Health Centre" },
		{ "children-centre", "Children's Centre" },
		{ "hostel", "Hostel" }, { "refuge", "Refuge" },
	};
	size_t	 i;

	if (strcmp(m->type, "address") == 0)
		return "Address";
	if (strcmp(m->type, "place") == 0)
		return "Area";
	if (strcmp(m->type, "person") == 0)
		return "Person";
	if (strcmp(m->type, "institution") == 0) {
		for (i = 0; i < sizeof(inst) / sizeof(inst[0]); i++)
			if (strcmp(m->subtype, inst[i].sub) == 0)
				return inst[i].label;
		return "Institution";
	}
	return NULL;
}

/* Returns the pseudonym for m, numbering a new key after the last. */
static const char *
pseudonym(struct state *st, const struct mention *m, const char *text)
{
	struct sbuf	 key = SBUF_INIT;
	const char	*lab, *v, *last;
	char		 num[160], *fold;
	size_t		 len;
	int		 n;

	if (m->hint[0] != '\0')
		return m->hint;
	if ((lab = label(m)) == NULL)
		return "[redacted]";
	if (m->key[0] != '\0') {
		fold = xstrdup(m->key);
		len = strlen(fold);
	} else {
		len = m->end - m->start;
		fold = xmalloc(len + 1);
		lexicon_fold(fold, text + m->start, len);
	}
	if (sbuf_adds(&key, lab) == -1 || sbuf_addc(&key, '\x1f') == -1 ||
	    sbuf_add(&key, fold, len) == -1)
		cmd_die("out of memory");
	free(fold);
	if ((v = lexicon_get(st->numbers, key.buf, key.len)) == NULL) {
		last = lexicon_get(st->counts, lab, strlen(lab));
		n = last != NULL ? atoi(last) + 1 : 1;
		snprintf(num, sizeof(num), "%d", n);
		if (lexicon_put(st->counts, lab, strlen(lab), num) == -1)
			cmd_die("out of memory");
		snprintf(num, sizeof(num), "%s %d", lab, n);
		if (lexicon_put(st->numbers, key.buf, key.len, num) == -1)
			cmd_die("out of memory");
		v = lexicon_get(st->numbers, key.buf, key.len);
	}
	sbuf_release(&key);
	return v;
}

static int
emit_raw(struct stream_writer *w, const char *raw, size_t len)
{
	struct record	 rec;

	memset(&rec, 0, sizeof(rec));
	rec.raw = (char *)raw;
	rec.rawlen = len;
	return stream_write_record(w, &rec);
}

/* Writes the held unit, then one replace record per chosen mention. */
static int
flush(struct state *st, struct stream_writer *w)
{
	struct mention_list	 chosen = MENTION_LIST_INIT;
	struct replacement	 r;
	struct mention		*m;
	size_t			 i, off, nl;
	int			 ret = -1;

	if (!st->have)
		return 0;
	for (off = 0; off < st->held.len; off = nl + 1) {
		nl = (size_t)((char *)memchr(st->held.buf + off, '\n',
		    st->held.len - off) - st->held.buf);
		if (emit_raw(w, st->held.buf + off, nl - off) == -1)
			goto out;
	}
	qsort(st->ml.v, st->ml.n, sizeof(*st->ml.v), bypriority);
	for (i = 0; i < st->ml.n; i++) {
		m = &st->ml.v[i];
		if (m->end > st->t.len || m->start == m->end ||
		    mention_list_overlaps(&chosen, m->start, m->end))
			continue;
		if (mention_list_add(&chosen, m->text, m->start, m->end,
		    m->type, m->subtype, m->rule, m->conf, m->key,
		    m->hint) == -1)
			cmd_die("out of memory");
		r.text = st->t.id;
		r.start = m->start;
		r.end = m->end;
		r.entity = "-";
		r.repl = pseudonym(st, m, st->t.text);
		if (write_replacement(w, &r) == -1)
			goto out;
	}
	ret = 0;
out:
	mention_list_release(&chosen);
	mention_list_clear(&st->ml);
	sbuf_reset(&st->held);
	st->have = 0;
	return ret;
}

static int
run(struct state *st, struct stream_reader *r, struct stream_writer *w)
{
	struct record	*rec;
	struct text_unit t;
	int		 rc;

	while ((rc = stream_read(r, &rec)) == 1) {
		if (record_is(rec, "text")) {
			if (flush(st, w) == -1)
				goto ioerr;
			if (record_text(rec, &t) == -1)
				cmd_die("-:%lu: malformed text record",
				    rec->lineno);
			sbuf_reset(&st->strs);
			if (sbuf_add(&st->strs, t.text, t.len) == -1)
				cmd_die("out of memory");
			st->t = t;
			st->t.text = st->strs.buf;
			st->t.where = st->t.eol = "";
			st->have = 1;
		} else if (record_is(rec, "mention") && st->have) {
			if (record_mention(rec, &st->ml) == -1)
				cmd_die("-:%lu: malformed mention record",
				    rec->lineno);
		} else if (!st->have) {
			if (stream_write_record(w, rec) == -1)
				goto ioerr;
			continue;
		}
		if (sbuf_add(&st->held, rec->raw, rec->rawlen) == -1 ||
		    sbuf_addc(&st->held, '\n') == -1)
			cmd_die("out of memory");
	}
	if (rc == -1) {
		cmd_msg("%s", stream_reader_error(r));
		return EXIT_ERROR;
	}
	if (flush(st, w) == -1 || stream_write_end(w) == -1)
		goto ioerr;
	return EXIT_CLEAN;
ioerr:
	cmd_msg("write error");
	return EXIT_ERROR;
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
	struct stream_reader	*r;
	struct stream_writer	*w;
	struct state		 st;
	int			 c, rc;

	cmd_init(argv[0]);
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
		case 'C':
		case 'm':
			break;		/* accepted; used from the names issue on */
		case 'h':
			printf("usage: %s [--case file] [--case-code code] "
			    "[--map file]\nSee anon-pseudo(1).\n", progname);
			return EXIT_CLEAN;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	memset(&st, 0, sizeof(st));
	if ((st.numbers = lexicon_new()) == NULL ||
	    (st.counts = lexicon_new()) == NULL ||
	    (r = stream_reader_new(stdin, "-")) == NULL ||
	    (w = stream_writer_new(stdout)) == NULL)
		cmd_die("out of memory");
	rc = run(&st, r, w);
	stream_reader_free(r);
	stream_writer_free(w);
	lexicon_free(st.numbers);
	lexicon_free(st.counts);
	sbuf_release(&st.held);
	sbuf_release(&st.strs);
	mention_list_release(&st.ml);
	if (cmd_close_stdout() != EXIT_CLEAN)
		rc = EXIT_ERROR;
	return rc;
}
