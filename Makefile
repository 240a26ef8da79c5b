# anonymise — plain make + pkg-config.  See README.md.
.SUFFIXES:

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DATADIR	?= $(PREFIX)/share/anonymise
DESTDIR	?=

CC	?= cc
PKGS	 = libpcre2-8 libxml-2.0 libzip hunspell
CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -Wno-unused-parameter -Wformat=2
PKG_CFLAGS != pkg-config --cflags $(PKGS) 2>/dev/null || true
PKG_LIBS   != pkg-config --libs $(PKGS) 2>/dev/null || true
CMOCKA_LIBS != pkg-config --libs cmocka 2>/dev/null || echo -lcmocka
ALL_CFLAGS = -std=c17 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L $(WARN) \
	   $(CFLAGS) -Ifilters -Icmd $(PKG_CFLAGS) \
	   -DANON_DATADIR='"$(DATADIR)"'
ALL_LDFLAGS = $(LDFLAGS)
LIBS	 = $(PKG_LIBS) -lm

# make check SANITIZE=address,undefined
SANITIZE ?=
ifneq ($(SANITIZE),)
ALL_CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
ALL_LDFLAGS += -fsanitize=$(SANITIZE)
BUILD	 = build-san
else
BUILD	 = build
endif

LIB_SRC	 = $(sort $(wildcard filters/*.c))
LIB_OBJ	 = $(LIB_SRC:filters/%.c=$(BUILD)/filters/%.o)
LIB	 = $(BUILD)/libanon.a
CMDUTIL_OBJ = $(BUILD)/cmd/cmdutil.o
PROG_SRC = $(sort $(wildcard cmd/anon-*.c))
PROGS	 = $(PROG_SRC:cmd/%.c=bin/%)
SCRIPTS	 = bin/anonymise
TEST_SRC = $(sort $(wildcard tests/test_*.c))
TESTS	 = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
MAN1	 = $(sort $(wildcard docs/*.1))
MAN5	 = $(sort $(wildcard docs/*.5))
HEADERS	 = $(wildcard filters/*.h cmd/*.h)
# Lexicons compiled to the form lexicon_load() maps (lexicon.h); optional.
LEXBIN	 = $(patsubst %,%.lxb,$(filter-out lexicons/flags/%,$(wildcard lexicons/*/*.txt)))

all: $(PROGS) $(SCRIPTS) $(LEXBIN)

# Sanitised builds go to build-san/ and their programs to bin/ as well, so
# the golden tests exercise them; a plain `make` afterwards rebuilds.
$(BUILD)/.flags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS)' > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

# bin/ holds one flavour at a time; switching flavour relinks every program.
bin/.flavour: FORCE
	@mkdir -p bin
	@echo '$(BUILD)' > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

$(BUILD)/filters/%.o: filters/%.c $(HEADERS) $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/cmd/%.o: cmd/%.c $(HEADERS) $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

bin/anon-%: $(BUILD)/cmd/anon-%.o $(CMDUTIL_OBJ) $(LIB) bin/.flavour
	@mkdir -p bin
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(CMDUTIL_OBJ) $(LIB) $(LIBS)

$(BUILD)/lexc: tools/lexc.c $(LIB) $(HEADERS) $(BUILD)/.flags
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/lexc.c $(LIB) $(LIBS)

# The stream floor (docs/performance.md): a detector that finds nothing.
$(BUILD)/passthru: tools/passthru.c $(CMDUTIL_OBJ) $(LIB) $(HEADERS) $(BUILD)/.flags
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/passthru.c $(CMDUTIL_OBJ) $(LIB) $(LIBS)

%.txt.lxb: %.txt $(BUILD)/lexc
	$(BUILD)/lexc $< $@

bin/anonymise: pipelines/anonymise
	@mkdir -p bin
	cp pipelines/anonymise $@
	chmod 755 $@

$(BUILD)/tests/test_%: tests/test_%.c $(LIB) $(HEADERS) $(wildcard tests/*.h) $(BUILD)/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(LIBS) $(CMOCKA_LIBS)

deps:
	@sh tools/deps.sh

# README's second command.  Each step stops the run on failure.
check: deps
	@$(MAKE) --no-print-directory all tests
	@$(MAKE) --no-print-directory check-unit check-golden check-man check-scripts check-fuzz-regress

tests: $(TESTS)

check-unit: $(TESTS)
	@sh tests/run-unit.sh $(TESTS)

check-golden: all
	@LC_ALL=C sh tests/golden.sh

check-man:
	@sh tests/check-man.sh $(MAN1) $(MAN5)

# Every tests/check-*.sh is a further suite (pipelines, DOCX, hostile input...).
check-scripts: all
	@LC_ALL=C sh tests/run-scripts.sh

# Fuzzing (libFuzzer, clang).  Each tests/fuzz/fuzz_NAME.c runs for
# FUZZ_SECONDS from the seeds in fixtures/fuzz/NAME/; crashes land in
# out/fuzz/NAME-crashes/ — keep each in fixtures/fuzz/NAME/ once fixed.
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
FUZZ_CC	?= clang
fuzz: all
	@FUZZ_CC='$(FUZZ_CC)' FUZZ_SECONDS='$(FUZZ_SECONDS)' \
	    CFLAGS_FUZZ='-std=c17 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -g -O1 -Ifilters -Icmd $(PKG_CFLAGS) -DANON_DATADIR="\"$(DATADIR)\""' \
	    LIBS_FUZZ='$(LIBS)' sh tools/fuzz.sh $(FUZZ_SRC)

# The fuzz targets over every kept input, without libFuzzer (in make check).
FUZZ_REGRESS = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(LIB) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< tests/fuzz/driver.c $(LIB) $(LIBS)

check-fuzz-regress: $(FUZZ_REGRESS)
	@for t in $(FUZZ_REGRESS); do n=$${t##*/fuzz_}; \
	    set -- fixtures/fuzz/$$n/*; [ -e "$$1" ] || continue; \
	    $$t "$$@" || { echo "FAIL: fuzz regression $$n" >&2; exit 1; }; done; \
	    echo "fuzz regressions: $(words $(FUZZ_REGRESS)) targets passed"

# Every file of ../shared/bench/docx-wild and docx-invalid (about 10 minutes).
check-docx-all: all
	@sh tests/docx-all.sh

# Accuracy on the dev corpus and the TAB judgments, held to tests/eval-floors.tsv.
eval: all
	@sh tools/eval.sh

# Corpus B: reports we wrote with other wording (tests/corpus-b, docs/corpus-b.md).
eval-b: all
	@sh tools/eval-b.sh

eval-c: all
	@sh tools/eval-b.sh --corpus tests/corpus-c

# The same on shadows of the dev corpus: other names and places, offsets
# recomputed (docs/accuracy-shadow.md).  SEEDS picks the shadows.
SEEDS = 1 2 3
eval-shadow: all
	@sh tools/eval-shadow.sh $(SEEDS)

# Speed and memory (docs/performance.md).
bench: all
	@sh tools/bench.sh

# Peak RSS of every stage over a 200 MB text (docs/performance.md, Memory).
check-memory: all
	@sh tools/memory.sh 200

# README's first command.
demo: deps
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh

# Rewrites golden outputs after showing each difference and asking.
regen: all
	@LC_ALL=C sh tests/golden.sh --regen

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(DATADIR)/lexicons
	cp $(PROGS) $(SCRIPTS) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	cp -R lexicons/. $(DESTDIR)$(DATADIR)/lexicons/

uninstall:
	for p in $(PROGS) $(SCRIPTS); do rm -f $(DESTDIR)$(BINDIR)/$${p#bin/}; done
	for m in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$${m#docs/}; done
	for m in $(MAN5); do rm -f $(DESTDIR)$(MANDIR)/man5/$${m#docs/}; done
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san bin out $(LEXBIN)

FORCE:

.PHONY: all deps check tests check-unit check-golden check-man check-scripts \
	demo eval eval-b eval-c eval-shadow bench fuzz check-docx-all check-memory check-fuzz-regress regen install uninstall clean FORCE
