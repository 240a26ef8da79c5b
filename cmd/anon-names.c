/*
 * anon-names — detect people: those of the case file and those nobody
 * listed.  See anon-names(1); the detector is filters/names.c.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casefile.h"
#include "cmdutil.h"
#include "lexicon.h"
#include "names.h"

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: %s [--case file] [--timing]\n", progname);
	exit(EXIT_ERROR);
}

/*
 * Loads every lexicons/allow/ *.txt into one table (phrases that are never
 * a person).  The directory is optional.
 */
static struct lexicon *
load_allow(void)
{
	struct lexicon	*allow, *one;
	struct dirent	*de;
	DIR		*d;
	char		 path[4096], err[512], key[512];
	FILE		*fp;
	size_t		 n;

	snprintf(path, sizeof(path), "%s/allow", lexicon_dir());
	if ((d = opendir(path)) == NULL)
		return NULL;
	if ((allow = lexicon_new()) == NULL)
		cmd_die("out of memory");
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0)
			continue;
		snprintf(path, sizeof(path), "allow/%s", de->d_name);
		if ((one = lexicon_load(path, err, sizeof(err))) == NULL)
			cmd_die("%s", err);
		lexicon_free(one);
		/* Keys are folded here so that lookups agree. */
		snprintf(path, sizeof(path), "%s/allow/%s", lexicon_dir(),
		    de->d_name);
		if ((fp = fopen(path, "r")) == NULL)
			cmd_die_errno(path);
		while (fgets(key, sizeof(key), fp) != NULL) {
			n = strcspn(key, "\t\r\n");
			if (n == 0 || key[0] == '#')
				continue;
			lexicon_fold(key, key, n);
			if (lexicon_put(allow, key, n, "") == -1)
				cmd_die("out of memory");
		}
		fclose(fp);
	}
	closedir(d);
	return allow;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "case", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "timing", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct names_config	 cfg;
	struct casefile		*cf = NULL;
	struct names		*nm;
	const char		*casepath = NULL;
	char			 err[1024];
	int			 c, rc, timing = 0;

	cmd_init(argv[0]);
	while ((c = getopt_long(argc, argv, "c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			casepath = optarg;
			break;
		case 'h':
			printf("usage: %s [--case file] [--timing]\n"
			    "See anon-names(1).\n", progname);
			return EXIT_CLEAN;
		case 't':
			timing = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (casepath != NULL &&
	    (cf = casefile_load(casepath, err, sizeof(err))) == NULL)
		cmd_die("%s", err);
	memset(&cfg, 0, sizeof(cfg));
	cfg.casefile = cf;
	if ((cfg.lex = lexicon_load("names/names.txt", err, sizeof(err))) ==
	    NULL)
		cmd_die("%s", err);
	cfg.allow = load_allow();
	cfg.aff = getenv("ANON_HUNSPELL_AFF");
	cfg.dic = getenv("ANON_HUNSPELL_DIC");
	if ((nm = names_new(&cfg, err, sizeof(err))) == NULL)
		cmd_die("%s", err);
	if (timing)
		cmd_msg("word classes loaded in %.1f ms",
		    names_wordclass_load_time(nm) * 1e3);
	rc = cmd_run_detector(names_scan, nm);
	names_free(nm);
	casefile_free(cf);
	return rc;
}
