/*
 * anon-write — the last stage: apply replacements and render the document,
 * and report findings (SARIF, text, JSON).
 *
 * Nothing is written unless the whole stream, trailer included, was read:
 * the document goes to a temporary file that is renamed into place (or, for
 * standard output, copied out) only at the end.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "accept.h"
#include "apply.h"
#include "atomic.h"
#include "cmdutil.h"
#include "docx.h"
#include "findings.h"
#include "record.h"
#include "sbuf.h"
#include "stream.h"

enum format { FMT_TEXT, FMT_SARIF, FMT_JSON };

struct note {			/* a replacement or finding of the held unit */
	int		 kind;	/* 'r' replacement, 'f' flag, 'm' mention */
	size_t		 start, end;
	size_t		 s1, s2, s3;	/* offsets of strings in unit.strs */
};

struct unit {
	int		 have;
	struct text_unit t;
	struct sbuf	 text;		/* where \0 eol \0 text */
	struct sbuf	 strs;
	struct note	*note;
	size_t		 nnote, capnote;
};

struct writer {
	int		 check;
	FILE		*doc;		/* document output, NULL in check mode */
	int		 bom;
	int		 docx_in;	/* the stream came from a DOCX */
	int		 started;
	char		*source;
	const char	*inname;	/* the stream being read, for messages */
	int		 artifact;	/* its findings_artifact() was called */
	struct docx_out	*dx;		/* DOCX output (-o *.docx) or NULL */
	struct findings	 found;
	struct sbuf	 line;
	struct span_repl *spans;
	size_t		 capspans;
	char		 err[512];
};

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s [-o output] [--review] [--sarif file] [file]\n"
	    "       %s --check [--accept file] [--format text|sarif|json] "
	    "[--sarif file] [file ...]\n", progname, progname);
	exit(EXIT_ERROR);
}

static size_t
keep(struct unit *u, const char *s)
{
	size_t	 off = u->strs.len;

	if (sbuf_add(&u->strs, s, strlen(s) + 1) == -1)
		cmd_die("out of memory");
	return off;
}

static void
add_note(struct unit *u, int kind, size_t start, size_t end, const char *a,
    const char *b, const char *c)
{
	struct note	*n;

	if (u->nnote == u->capnote) {
		u->capnote = u->capnote ? u->capnote * 2 : 16;
		u->note = xrealloc(u->note, u->capnote * sizeof(*u->note));
	}
	n = &u->note[u->nnote++];
	n->kind = kind;
	n->start = start;
	n->end = end;
	n->s1 = keep(u, a);
	n->s2 = keep(u, b);
	n->s3 = keep(u, c);
}

static int
bynote(const void *a, const void *b)
{
	const struct note *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;	/* longest first */
	return x->kind - y->kind;
}

/*
 * Sorts notes by bynote(), keeping equal ones in their order, as glibc's
 * qsort() (a merge sort) does: a paragraph's few notes by insertion,
 * which costs less than qsort()'s set-up; many by qsort().
 */
static void
sort_notes(struct note *v, size_t n)
{
	struct note	 x;
	size_t		 i, j;

	if (n > 32) {
		qsort(v, n, sizeof(*v), bynote);
		return;
	}
	for (i = 1; i < n; i++) {
		if (bynote(&v[i - 1], &v[i]) <= 0)
			continue;
		x = v[i];
		for (j = i; j > 0 && bynote(&v[j - 1], &x) > 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Names the input the next findings belong to, once per stream. */
static void
artifact(struct writer *w, const char *path)
{
	if (w->artifact)
		return;
	if (findings_artifact(&w->found, path) == -1)
		cmd_die("out of memory");
	w->artifact = 1;
}

/* Renders the held unit: its text with replacements, its findings. */
/* Returns 1 for a DOCX unit that is a paragraph: "word/document.xml#p12". */
static int
is_paragraph(const char *where)
{
	const char *h = strrchr(where, '#');

	return h != NULL && h[1] == 'p' && h[2] >= '0' && h[2] <= '9';
}

static int
flush(struct writer *w, struct unit *u)
{
	size_t		 i, n = 0, lastend = 0;
	struct note	*x;
	char		 msg[256];
	const char	*s = u->strs.buf;

	if (!u->have)
		return 0;
	artifact(w, w->inname);
	if (u->nnote > 1)
		sort_notes(u->note, u->nnote);
	findings_paragraph(&w->found);
	if (u->nnote > w->capspans) {
		w->capspans = u->nnote;
		w->spans = xrealloc(w->spans, w->capspans * sizeof(*w->spans));
	}
	for (i = 0; i < u->nnote; i++) {
		x = &u->note[i];
		if (x->end > u->t.len) {
			snprintf(w->err, sizeof(w->err), "text %lu: span "
			    "%zu-%zu beyond the text", u->t.id, x->start, x->end);
			return -1;
		}
		switch (x->kind) {
		case 'r':
			w->spans[n].start = x->start;
			w->spans[n].end = x->end;
			w->spans[n].repl = s + x->s2;
			n++;
			break;
		case 'f':
			if (findings_add(&w->found, &u->t, x->start, x->end,
			    s + x->s1, s + x->s2, s + x->s3) == -1)
				cmd_die("out of memory");
			break;
		case 'm':
			/* Check mode: one finding per place, the first
			 * detection that covers it. */
			if (x->start < lastend)
				break;
			lastend = x->end;
			snprintf(msg, sizeof(msg), "possible %s%s%s%s \"%.*s\"",
			    strcmp(s + x->s1, "person") == 0 ? "name" :
			    s + x->s1, s[x->s2] ? " (" : "", s + x->s2,
			    s[x->s2] ? ")" : "", (int)(x->end - x->start),
			    u->t.text + x->start);
			if (findings_add(&w->found, &u->t, x->start, x->end,
			    s + x->s1, "warning", msg) == -1)
				cmd_die("out of memory");
			break;
		}
	}
	/* The text of a DOCX is its paragraphs, not attribute values such
	 * as bookmark names or authors, which were only scanned. */
	if (w->doc != NULL && !(w->docx_in && !is_paragraph(u->t.where))) {
		sbuf_reset(&w->line);
		if (!w->started && w->bom &&
		    sbuf_add(&w->line, "\xEF\xBB\xBF", 3) == -1)
			cmd_die("out of memory");
		w->started = 1;
		if (apply_spans(&w->line, u->t.text, u->t.len, w->spans, n,
		    msg, sizeof(msg)) == -1) {
			snprintf(w->err, sizeof(w->err), "text %lu: %s",
			    u->t.id, msg);
			return -1;
		}
		if (strcmp(u->t.eol, "crlf") == 0)
			sbuf_adds(&w->line, "\r\n");
		else if (strcmp(u->t.eol, "lf") == 0 || w->docx_in)
			/* The text of a DOCX: one paragraph a line. */
			sbuf_addc(&w->line, '\n');
		if (fwrite(w->line.buf, 1, w->line.len, w->doc) != w->line.len) {
			snprintf(w->err, sizeof(w->err), "write error: %s",
			    strerror(errno));
			return -1;
		}
	}
	u->have = 0;
	u->nnote = 0;
	sbuf_reset(&u->strs);
	return 0;
}

static int
hold(struct writer *w, struct unit *u, const struct record *rec)
{
	struct text_unit t;
	size_t		 wl, el;

	if (record_text(rec, &t) == -1) {
		snprintf(w->err, sizeof(w->err), "-:%lu: malformed text "
		    "record", rec->lineno);
		return -1;
	}
	wl = strlen(t.where);
	el = strlen(t.eol);
	sbuf_reset(&u->text);
	if (sbuf_add(&u->text, t.where, wl + 1) == -1 ||
	    sbuf_add(&u->text, t.eol, el + 1) == -1 ||
	    sbuf_add(&u->text, t.text, t.len) == -1)
		cmd_die("out of memory");
	u->t = t;
	u->t.where = u->text.buf;
	u->t.eol = u->text.buf + wl + 1;
	u->t.text = u->text.buf + wl + 1 + el + 1;
	u->have = 1;
	return 0;
}

/* Takes one annotation record for the held unit. */
static int
annotate(struct writer *w, struct unit *u, const struct record *rec)
{
	struct replacement	 r;
	struct flag		 f;
	struct mention		 m;
	unsigned long		 tid;

	if (record_is(rec, "replace")) {
		if (record_replacement(rec, &r) == -1)
			goto bad;
		tid = r.text;
		if (!w->check)
			add_note(u, 'r', r.start, r.end, r.entity, r.repl, "");
	} else if (record_is(rec, "flag")) {
		if (record_flag(rec, &f) == -1)
			goto bad;
		tid = f.text;
		add_note(u, 'f', f.start, f.end, f.category, f.severity,
		    f.reason);
	} else if (record_is(rec, "mention")) {
		if (record_mention_view(rec, &m) == -1)
			goto bad;
		tid = m.text;
		/* The rule is the type: a subtype (role evidence) may
		 * change between runs, and the fingerprint must not. */
		if (w->check)
			add_note(u, 'm', m.start, m.end, m.type, m.subtype,
			    "");
	} else
		return 0;		/* entity, meta and unknown records */
	if (!u->have || tid != u->t.id) {
		snprintf(w->err, sizeof(w->err), "-:%lu: %s record for "
		    "text %lu outside that text", rec->lineno, rec->field[0],
		    tid);
		return -1;
	}
	return 0;
bad:
	snprintf(w->err, sizeof(w->err), "-:%lu: malformed %s record",
	    rec->lineno, rec->field[0]);
	return -1;
}

static int
meta(struct writer *w, const struct record *rec)
{
	if (rec->nfield < 3)
		return 0;
	if (strcmp(rec->field[1], "source") == 0 && w->source == NULL) {
		w->source = xstrdup(rec->field[2]);
		artifact(w, w->source);
	}
	else if (strcmp(rec->field[1], "bom") == 0)
		w->bom = strcmp(rec->field[2], "1") == 0;
	else if (strcmp(rec->field[1], "format") == 0 &&
	    strcmp(rec->field[2], "docx") == 0)
		w->docx_in = 1;
	else if (strcmp(rec->field[1], "format") == 0 &&
	    strcmp(rec->field[2], "text") != 0 &&
	    strcmp(rec->field[2], "docx") != 0) {
		snprintf(w->err, sizeof(w->err), "cannot write format '%s'",
		    rec->field[2]);
		return -1;
	}
	return 0;
}

/* Reads the whole stream.  Returns 0 when it was complete and rendered. */
static int
consume(struct writer *w, struct stream_reader *r)
{
	struct unit	 u;
	struct record	*rec;
	int		 rc, ret = -1;

	memset(&u, 0, sizeof(u));
	while ((rc = stream_read(r, &rec)) == 1) {
		if (w->dx != NULL && docx_out_record(w->dx, rec) == -1) {
			snprintf(w->err, sizeof(w->err), "line %lu: malformed "
			    "%s record", rec->lineno, rec->field[0]);
			goto out;
		}
		if (record_is(rec, "text")) {
			if (flush(w, &u) == -1 || hold(w, &u, rec) == -1)
				goto out;
		} else if (record_is(rec, "meta")) {
			if (meta(w, rec) == -1)
				goto out;
		} else if (annotate(w, &u, rec) == -1)
			goto out;
	}
	if (rc == -1) {
		snprintf(w->err, sizeof(w->err), "%s", stream_reader_error(r));
		goto out;
	}
	ret = flush(w, &u);
out:
	sbuf_release(&u.text);
	sbuf_release(&u.strs);
	free(u.note);
	return ret;
}

static int
write_findings(FILE *fp, const struct findings *f, enum format fmt,
    const char *uri)
{
	switch (fmt) {
	case FMT_SARIF:
		return findings_sarif(fp, f, uri);
	case FMT_JSON:
		return findings_json(fp, f, uri);
	default:
		return findings_text(fp, f, uri);
	}
}

/* Copies the finished temporary document to standard output. */
static int
copy_out(FILE *tmp)
{
	char	 buf[65536];
	size_t	 n;

	if (fflush(tmp) == EOF || fseek(tmp, 0, SEEK_SET) == -1)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), tmp)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			return -1;
	return ferror(tmp) ? -1 : 0;
}

/*
 * Reads the stream in path ("-" for standard input) into w.  On failure
 * the findings of this stream are dropped and -1 returned after a message.
 */
static int
read_one(struct writer *w, const char *path)
{
	struct stream_reader	*r;
	FILE			*in = stdin;
	size_t			 n = w->found.n, nuris = w->found.nuris;
	int			 ret;

	if (strcmp(path, "-") != 0 && (in = fopen(path, "r")) == NULL) {
		cmd_msg("%s: %s", path, strerror(errno));
		return -1;
	}
	if ((r = stream_reader_new(in, path)) == NULL)
		cmd_die("out of memory");
	free(w->source);
	w->source = NULL;
	w->inname = path;
	w->artifact = 0;
	if ((ret = consume(w, r)) == 0)
		artifact(w, w->inname);		/* an empty stream */
	else {
		cmd_msg("%s", w->err);
		findings_truncate(&w->found, n, nuris);
	}
	stream_reader_free(r);
	if (in != stdin)
		fclose(in);
	return ret;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "accept", required_argument, NULL, 'a' },
		{ "check", no_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ "review", no_argument, NULL, 'R' },
		{ "sarif", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct writer		 w;
	struct atomic_file	 out, sarif;
	struct accept_list	 acc = ACCEPT_LIST_INIT;
	const char		*outpath = NULL, *sarifpath = NULL;
	const char		*acceptpath = NULL, *stdin_only[] = { "-" };
	const char *const	*inputs;
	enum format		 fmt = FMT_TEXT;
	FILE			*tmp = NULL, *fp;
	struct stat		 st_out, st_src;
	size_t			 open_n = 0;
	int			 c, i, ninputs, rc = EXIT_CLEAN, review = 0;

	cmd_init(argv[0]);
	memset(&w, 0, sizeof(w));
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			acceptpath = optarg;
			break;
		case 'c':
			w.check = 1;
			break;
		case 'F':
			if (strcmp(optarg, "text") == 0)
				fmt = FMT_TEXT;
			else if (strcmp(optarg, "sarif") == 0)
				fmt = FMT_SARIF;
			else if (strcmp(optarg, "json") == 0)
				fmt = FMT_JSON;
			else
				cmd_die("unknown format '%s' (text, sarif or "
				    "json)", optarg);
			break;
		case 'h':
			printf("usage: %s [-o output] [--review] [--sarif file] [file]\n"
			    "       %s --check [--accept file] "
			    "[--format text|sarif|json] [--sarif file] "
			    "[file ...]\nReads an anon-stream and "
			    "writes the anonymised document.  See "
			    "anon-write(1).\n", progname, progname);
			return EXIT_CLEAN;
		case 'o':
			outpath = optarg;
			break;
		case 'R':
			review = 1;
			break;
		case 's':
			sarifpath = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if ((!w.check && argc > 1) || (w.check && outpath != NULL))
		usage();
	inputs = argc > 0 ? (const char *const *)argv : stdin_only;
	ninputs = argc > 0 ? argc : 1;

	if (acceptpath != NULL) {
		if ((fp = fopen(acceptpath, "r")) == NULL)
			cmd_die_errno(acceptpath);
		if (accept_load(&acc, fp, acceptpath, w.err,
		    sizeof(w.err)) == -1)
			cmd_die("%s", w.err);
		fclose(fp);
	}

	if (!w.check && outpath != NULL && docx_is_docx_name(outpath)) {
		cmd_malloc_for_trees();
		if ((w.dx = docx_out_new()) == NULL)
			cmd_die("out of memory");
	} else if (!w.check) {
		if (outpath != NULL) {
			if (atomic_open(&out, outpath, 0666, w.err,
			    sizeof(w.err)) == -1)
				cmd_die("%s", w.err);
			w.doc = out.fp;
		} else if ((w.doc = tmp = tmpfile()) == NULL)
			cmd_die_errno("temporary file");
	}

	/* Check mode reads every stream even after a bad one, so that the
	 * text and JSON output still show the others' findings. */
	for (i = 0; i < ninputs; i++)
		if (read_one(&w, inputs[i]) == -1)
			rc = EXIT_ERROR;
	if (rc == EXIT_CLEAN && outpath != NULL && w.source != NULL &&
	    stat(outpath, &st_out) == 0 && stat(w.source, &st_src) == 0 &&
	    st_out.st_dev == st_src.st_dev && st_out.st_ino == st_src.st_ino) {
		cmd_msg("%s: output would overwrite the input", outpath);
		rc = EXIT_ERROR;
	}
	if (findings_accept(&w.found, &acc, &open_n) == -1)
		cmd_die("out of memory");

	/* SARIF claims to cover every input: none when one failed. */
	if (rc == EXIT_CLEAN && sarifpath != NULL) {
		if (atomic_open(&sarif, sarifpath, 0666, w.err,
		    sizeof(w.err)) == -1 ||
		    findings_sarif(sarif.fp, &w.found, NULL) == -1 ||
		    atomic_commit(&sarif, w.err, sizeof(w.err)) == -1) {
			if (sarif.fp != NULL)
				atomic_abort(&sarif);
			cmd_msg("%s", w.err);
			rc = EXIT_ERROR;
		}
	}
	if (w.check) {
		if (rc == EXIT_CLEAN || fmt != FMT_SARIF) {
			if (write_findings(stdout, &w.found, fmt, NULL) == -1)
				rc = EXIT_ERROR;
			else if (open_n > 0 && rc == EXIT_CLEAN)
				rc = EXIT_FINDINGS;
		}
	} else if (w.dx != NULL) {
		/* The DOCX writer makes its own temporary file. */
		if (rc == EXIT_CLEAN && docx_out_write(w.dx, outpath, review,
		    w.err, sizeof(w.err)) == -1) {
			cmd_msg("%s", w.err);
			rc = EXIT_ERROR;
		}
		docx_out_free(w.dx);
	} else if (outpath != NULL) {
		if (rc != EXIT_CLEAN)
			atomic_abort(&out);
		else if (atomic_commit(&out, w.err, sizeof(w.err)) == -1) {
			cmd_msg("%s", w.err);
			rc = EXIT_ERROR;
		}
	} else {
		if (rc == EXIT_CLEAN && copy_out(tmp) == -1) {
			cmd_msg("write error: %s", strerror(errno));
			rc = EXIT_ERROR;
		}
		fclose(tmp);
	}

	accept_release(&acc);
	findings_release(&w.found);
	sbuf_release(&w.line);
	free(w.spans);
	free(w.source);
	if (cmd_close_stdout() != EXIT_CLEAN)
		rc = EXIT_ERROR;
	return rc;
}
