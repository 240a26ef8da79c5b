/* Unit tests of the pseudonym map file: parser, writer, modes. */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mapfile.h"
#include "sbuf.h"

static const char good[] =
    "anon-map\t1\n"
    "# a comment\n"
    "\n"
    "date-shift\t-41\n"
    "entity\tE1\tperson\tsubject-child\tChild F1\tKayden Smith\n"
    "key\tE1\tfull\tkayden smith\n"
    "key\tE1\tfirst\tkay\n"
    "entity\tE2\taddress\t\tAddress 1\t23 Linden Grove\\tA\n"
    "key\tE2\tstreet\tlinden grove\n"
    "future-record\twhatever\n";

static int
parse(struct anon_map *m, const char *s, char *err, size_t errlen)
{
	return anon_map_parse(m, s, strlen(s), "case.map", err, errlen);
}

static void
parse_good(void **state)
{
	struct anon_map		 m = ANON_MAP_INIT;
	struct map_entity	*e;
	char			 err[256];

	(void)state;
	assert_int_equal(parse(&m, good, err, sizeof(err)), 0);
	assert_true(m.has_shift);
	assert_int_equal(m.date_shift, -41);
	assert_int_equal(m.nent, 2);
	e = anon_map_find(&m, "E1");
	assert_non_null(e);
	assert_string_equal(e->pseudonym, "Child F1");
	assert_string_equal(e->role, "subject-child");
	assert_int_equal(e->nkey, 2);
	assert_string_equal(e->key[1].kind, "first");
	assert_string_equal(e->key[1].value, "kay");
	e = anon_map_find(&m, "E2");
	assert_string_equal(e->role, "");
	assert_string_equal(e->canonical, "23 Linden Grove\tA");
	assert_null(anon_map_find(&m, "E3"));
	anon_map_release(&m);
}

static void
parse_errors(void **state)
{
	static const struct {
		const char	*in;
		const char	*msg;
	} bad[] = {
		{ "", "case.map: empty map file" },
		{ "anon-stream\t1\n", "case.map:1: not an anon-map file" },
		{ "anon-map\t2\n", "case.map:1: unsupported map version 2" },
		{ "anon-map\t1\ndate-shift\tsoon\n",
		    "case.map:2: date-shift needs a number of days" },
		{ "anon-map\t1\nkey\tE1\tfull\tx\n",
		    "case.map:2: key for unknown entity E1" },
		{ "anon-map\t1\nentity\tE1\tperson\t\tChild F1\tK\n"
		    "entity\tE1\tperson\t\tChild F2\tL\n",
		    "case.map:3: entity E1 defined twice" },
		{ "anon-map\t1\nentity\tE1\tperson\n",
		    "case.map:2: entity needs ID" },
		{ "anon-map\t1\n\nentity\tE1\tperson\t\tA\\q\tK\n",
		    "case.map:3: bad escape" },
	};
	struct anon_map	 m = ANON_MAP_INIT;
	char		 err[256];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		assert_int_equal(parse(&m, bad[i].in, err, sizeof(err)), -1);
		if (strncmp(err, bad[i].msg, strlen(bad[i].msg)) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, err,
			    bad[i].msg);
		anon_map_release(&m);
	}
	/* A NUL byte inside a line. */
	assert_int_equal(anon_map_parse(&m, "anon-map\t1\nx\0y\n", 15, "m",
	    err, sizeof(err)), -1);
	assert_string_equal(err, "m:2: NUL byte in line");
	anon_map_release(&m);
}

static void
format_round_trip(void **state)
{
	struct anon_map	 m = ANON_MAP_INIT, m2 = ANON_MAP_INIT;
	struct sbuf	 a = SBUF_INIT, b = SBUF_INIT;
	char		 err[256];

	(void)state;
	assert_int_equal(parse(&m, good, err, sizeof(err)), 0);
	assert_int_equal(anon_map_format(&m, &a), 0);
	assert_int_equal(anon_map_parse(&m2, a.buf, a.len, "x", err,
	    sizeof(err)), 0);
	assert_int_equal(anon_map_format(&m2, &b), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	assert_non_null(strstr(a.buf, "\t23 Linden Grove\\tA\n"));
	assert_null(strstr(a.buf, "future-record"));
	/* Adding a key twice keeps one. */
	assert_int_equal(anon_map_add_key(anon_map_find(&m, "E1"), "first",
	    "kay"), 0);
	assert_int_equal(anon_map_find(&m, "E1")->nkey, 2);
	assert_null(anon_map_add_entity(&m, "E1", "person", "", "X", ""));
	anon_map_release(&m);
	anon_map_release(&m2);
	sbuf_release(&a);
	sbuf_release(&b);
}

static void
save_and_load(void **state)
{
	struct anon_map	 m = ANON_MAP_INIT, m2 = ANON_MAP_INIT;
	struct stat	 st;
	char		 dir[] = "/tmp/test_mapfile.XXXXXX", path[64], err[256];
	mode_t		 old;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/case.map", dir);
	assert_int_equal(anon_map_load(&m, path, err, sizeof(err)), 1);
	assert_int_equal(parse(&m, good, err, sizeof(err)), 0);
	old = umask(0);		/* a careless umask must not matter */
	assert_int_equal(anon_map_save(&m, path, err, sizeof(err)), 0);
	umask(old);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(anon_map_load(&m2, path, err, sizeof(err)), 0);
	assert_int_equal(m2.nent, 2);
	anon_map_release(&m2);

	/* Readable by others: refused, and nothing is loaded. */
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(anon_map_load(&m2, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "accessible by other users (mode 0644)"));
	assert_int_equal(m2.nent, 0);
	assert_int_equal(chmod(path, 0620), 0);
	assert_int_equal(anon_map_load(&m2, path, err, sizeof(err)), -1);

	/* Saving replaces it atomically with a private file again. */
	assert_int_equal(anon_map_save(&m, path, err, sizeof(err)), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	/* A directory that does not exist: an error naming the file. */
	assert_int_equal(anon_map_save(&m, "/nonexistent/dir/case.map", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent/dir/case.map"));

	unlink(path);
	rmdir(dir);
	anon_map_release(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_good),
		cmocka_unit_test(parse_errors),
		cmocka_unit_test(format_round_trip),
		cmocka_unit_test(save_and_load),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
