/*
 * lexc — compiles text lexicons into the form lexicon_load() maps
 * (lexicon.h, lexicon_compile()).  Run by make for every lexicon:
 *
 *	lexc lexicons/names/names.txt lexicons/names/names.txt.lxb
 */
#include <stdio.h>

#include "lexicon.h"

int
main(int argc, char *argv[])
{
	char	 err[512];

	if (argc != 3) {
		fprintf(stderr, "usage: lexc TEXT OUTPUT\n");
		return 2;
	}
	if (lexicon_compile(argv[1], argv[2], err, sizeof(err)) == -1) {
		fprintf(stderr, "lexc: %s\n", err);
		return 2;
	}
	return 0;
}
