# circgen — plain Makefile.
#
#   make            build ./circgen
#   make setup      install the Debian packages circgen needs (as root)
#   make samples    set up, build and produce the outputs of every sample in out/
#   make check      set up, build and run every test
#   make bench      run the benchmarks (bench/*.sh)
#   make conformance  render Apache FOP's layout testcases and compare with FOP
#                     (report in out/conformance/REPORT.md; see tests/conformance/run.sh)
#   make install    install to $(DESTDIR)$(PREFIX)

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/circgen
MANDIR   = $(PREFIX)/share/man/man1

CC      ?= cc
PKGS     = libxml-2.0 libxslt libexslt pangocairo pangoft2 fontconfig cairo glib-2.0 gio-2.0 librsvg-2.0 gdk-pixbuf-2.0 harfbuzz harfbuzz-subset freetype2 zlib
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Werror=implicit-function-declaration
ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
             -Igen -I$(BUILD)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhyphen -lm

# Debian packages that building, running and testing circgen need.
DEB_PKGS = build-essential pkg-config libxml2-dev libxslt1-dev libpango1.0-dev \
           libcairo2-dev libglib2.0-dev libcmocka-dev poppler-utils qpdf xsltproc \
           libxml2-utils fonts-liberation2 fonts-noto-cjk fonts-dejavu-core fonts-hosny-amiri strace tidy python3 mupdf-tools \
           libfontconfig-dev librsvg2-dev libgdk-pixbuf-2.0-dev libhyphen-dev hyphen-en-us hyphen-fr hyphen-es hyphen-ru \
           libharfbuzz-dev libfreetype-dev man-db translate-toolkit icc-profiles-free zlib1g-dev

# Only make editor-schemas needs this: trang, to write the compact syntax for Emacs.
DEB_PKGS_EDITOR = trang
# Only make conformance needs these: Apache FOP, the reference renderer.
DEB_PKGS_CONFORMANCE = fop
# Arguments of tests/conformance/run.sh, e.g. CONFORMANCE_ARGS="block_basic_1 table_1".
CONFORMANCE_ARGS ?=

BUILD   ?= build
PROG    ?= circgen
# gen/ has one folder per subsystem (gen/README.md); objects mirror it under $(BUILD)/.
SUBSYS   = base fo doc diff xliff cli
LIB_SRC  = $(filter-out gen/cli/main.c,$(foreach s,$(SUBSYS),$(wildcard gen/$(s)/*.c)))
LIB_OBJ  = $(LIB_SRC:gen/%.c=$(BUILD)/%.o)
HDRS     = $(foreach s,$(SUBSYS),$(wildcard gen/$(s)/*.h))
TEST_SRC = $(wildcard tests/unit/test_*.c)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: FORCE all man editor-schemas setup samples check layers unit e2e bench bench-setup conformance install clean asan ubsan sanitize valgrind fuzz fuzz-setup fuzz-lib
all: $(PROG) $(BUILD)/circgen.1

# Rewritten only when its content changes, so that a new PREFIX rebuilds what uses it.
$(BUILD)/config.h: FORCE | $(BUILD)
	@printf '#define CIRCGEN_DATADIR "%s"\n' '$(DATADIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:


$(PROG): $(BUILD)/cli/main.o $(BUILD)/libcircgen.a
	@echo "  LINK    $@"
	@$(CC) -o $@ $^ $(LIBS) $(LDFLAGS)

# The manual page, made from the program's own --help texts (gen/cli/mkman.sh).
man: $(BUILD)/circgen.1
$(BUILD)/circgen.1: $(PROG) gen/cli/mkman.sh | $(BUILD)
	@echo "  MAN     $@"
	@sh gen/cli/mkman.sh ./$(PROG) > $@.tmp && mv $@.tmp $@

$(BUILD)/%.o: gen/%.c $(HDRS) $(BUILD)/config.h | $(BUILD)
	@echo "  CC      $<"
	@mkdir -p $(dir $@)
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libcircgen.a: $(LIB_OBJ)
	@rm -f $@ && ar rcs $@ $^

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libcircgen.a $(HDRS) | $(BUILD)
	@mkdir -p $(BUILD)/tests
	@echo "  TEST    $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libcircgen.a $(LIBS) -lcmocka $(LDFLAGS)

$(BUILD):
	@mkdir -p $(BUILD)

# Installs only what is missing; needs root (CI and the project machines run as root).
setup:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "setup: all packages present"; fi

# Check every sample and write its PDF and HTML to out/SAMPLE/LANG.*
samples: setup
	@$(MAKE) --no-print-directory all
	./circgen check samples/*/*.xml
	./circgen build samples -o out
	@ls out/*/*

# The whole suite, then once more built with AddressSanitizer and UBSan together.
check: setup
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@$(MAKE) --no-print-directory layers unit e2e
	@$(MAKE) --no-print-directory sanitize

# The structure of gen/ (gen/README.md): layers, public headers, no cycle, short functions.
layers: all
	@sh tests/layers.sh gen $(BUILD)
	@sh tests/layers.sh --self-test

unit: $(TEST_BIN)
	@fail=0; for t in $(TEST_BIN); do CIRCGEN_TEMPLATES=$(CURDIR)/templates $(TEST_RUNNER) ./$$t || fail=1; done; exit $$fail

e2e: $(PROG) $(BUILD)/circgen.1
	@CIRCGEN=$(CURDIR)/$(PROG) CIRCGEN_RUNNER="$(TEST_RUNNER)" sh tests/e2e/run.sh

# Benchmarks: every bench/*.sh, each printing its own table and writing it to
# build/bench/NAME.md; bench/RESULTS.md is compare.md, the others, then bench/profile.md.
# bench-setup installs what they compare against.
BENCH_PKGS = fop default-jre-headless weasyprint time libharfbuzz-bin poppler-utils qpdf python3 mupdf-tools
# Typst, for the PDF size comparison: its compiler as an npm package, in build/typst.
TYPST_NPM = @myriaddreamin/typst-ts-node-compiler@0.7.0
bench-setup: setup
	@missing=""; for p in $(BENCH_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "bench-setup: installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@$(MAKE) --no-print-directory $(BUILD)/floor
	@command -v npm >/dev/null || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nodejs npm; }
	@[ -d $(BUILD)/typst/node_modules/@myriaddreamin/typst-ts-node-compiler ] || { \
	  echo "bench-setup: installing $(TYPST_NPM) into $(BUILD)/typst"; \
	  mkdir -p $(BUILD)/typst && echo '{"private": true}' >$(BUILD)/typst/package.json && \
	  npm install --prefix $(BUILD)/typst --no-audit --no-fund --silent $(TYPST_NPM); }
$(BUILD)/floor: bench/floor.c | $(BUILD)
	@echo "  CC      $<"
	@$(CC) -std=gnu11 $(WARN) -O2 -o $@ $< $(shell pkg-config --cflags --libs pangocairo)
bench: bench-setup $(PROG)
	@mkdir -p $(BUILD)/bench && rm -f $(BUILD)/bench/*.md
	@for b in bench/*.sh; do echo "== $$b"; CIRCGEN=$(CURDIR)/$(PROG) sh $$b || exit 1; done
	@{ cat $(BUILD)/bench/compare.md; for f in $(BUILD)/bench/*.md; do \
	  [ $$f = $(BUILD)/bench/compare.md ] || { echo; cat $$f; }; done; echo; cat bench/profile.md; } >bench/RESULTS.md

# RELAX NG compact syntax of every document type's schema, for Emacs nXML (which reads
# no other): templates/TYPE/schema.rnc (and the inline.rnc it includes) beside
# schema.rng, named by templates/schemas.xml. Made files, not in git.
editor-schemas:
	@$(MAKE) --no-print-directory setup DEB_PKGS="$(DEB_PKGS) $(DEB_PKGS_EDITOR)"
	@for s in templates/*/schema.rng; do \
	  grep -q 'uri="'$$(basename $$(dirname $$s))/schema.rnc'"' templates/schemas.xml || continue; \
	  echo "  TRANG   $${s%.rng}.rnc"; trang -I rng -O rnc $$s $${s%.rng}.rnc || exit 1; \
	done

# Apache FOP's testcases (../shared/fop-testcases) through circgen fo, compared with FOP
# (cached in build/conformance/fop-cache); the crash-and-hang part runs in make check.
conformance:
	@$(MAKE) --no-print-directory setup DEB_PKGS="$(DEB_PKGS) $(DEB_PKGS_CONFORMANCE)"
	@$(MAKE) --no-print-directory all
	@CIRCGEN=$(CURDIR)/$(PROG) sh tests/conformance/run.sh $(CONFORMANCE_ARGS)

# Sanitizer builds live in their own folders and run the same tests. Leak checking is
# valgrind's job (make valgrind): fontconfig and Pango keep caches for the process.
ASAN_FLAGS = -fsanitize=address -fno-omit-frame-pointer
UBSAN_FLAGS = -fsanitize=undefined -fno-sanitize-recover=all
SAN_ENV = ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
san-%:
	@$(MAKE) --no-print-directory BUILD=build/$* PROG=build/$*/circgen \
	  CFLAGS="-O1 -g $(SANFLAGS)" LDFLAGS="$(SANFLAGS)" build/$*/circgen
	@$(SAN_ENV) $(MAKE) --no-print-directory BUILD=build/$* PROG=build/$*/circgen \
	  CFLAGS="-O1 -g $(SANFLAGS)" LDFLAGS="$(SANFLAGS)" unit e2e
asan:
	@$(MAKE) --no-print-directory SANFLAGS="$(ASAN_FLAGS)" san-asan
ubsan:
	@$(MAKE) --no-print-directory SANFLAGS="$(UBSAN_FLAGS)" san-ubsan
sanitize:
	@echo "== the suite under AddressSanitizer and UndefinedBehaviorSanitizer"
	@$(MAKE) --no-print-directory SANFLAGS="$(ASAN_FLAGS) $(UBSAN_FLAGS)" san-sanitize
valgrind: all $(TEST_BIN)
	@$(MAKE) --no-print-directory TEST_RUNNER="valgrind -q --error-exitcode=99 --leak-check=full \
	  --errors-for-leak-kinds=definite --suppressions=$(CURDIR)/tests/valgrind.supp" unit e2e

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with clang, each run for
# FUZZ_SECONDS from seeds made of the samples and tests (tests/fuzz/seeds.sh); the
# corpus grows in build/fuzz/corpus-NAME, crashes go to build/fuzz/crashes-NAME/
# (copy each, fixed, to tests/fuzz/regressions/NAME-WHAT: tests/e2e/hostile.test.sh
# replays them). tests/fuzz/fuzz_NAME.dict, when present, is the harness's dictionary.
FUZZ_SECONDS ?= 60
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_FLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
fuzz-setup:
	@command -v clang >/dev/null && [ -n "$$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ] || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-dev || \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev; }
fuzz-lib: fuzz-setup
	@$(MAKE) --no-print-directory CC=clang BUILD=build/fuzzlib CFLAGS="-O1 -g $(FUZZ_FLAGS)" build/fuzzlib/libcircgen.a
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c fuzz-lib
	@mkdir -p build/fuzz
	clang $(ALL_CFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined -o $@ $< build/fuzzlib/libcircgen.a $(LIBS)
fuzz: $(FUZZ_BIN)
	@sh tests/fuzz/seeds.sh
	@for f in $(FUZZ_BIN); do n=$$(basename $$f | sed 's/^fuzz_//'); \
	  mkdir -p build/fuzz/corpus-$$n build/fuzz/crashes-$$n; \
	  echo "== $$n for $(FUZZ_SECONDS) s"; \
	  dict=; [ -f tests/fuzz/fuzz_$$n.dict ] && dict=-dict=tests/fuzz/fuzz_$$n.dict; \
	  CIRCGEN_TEMPLATES=$(CURDIR)/templates ASAN_OPTIONS=detect_leaks=0 $$f -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -timeout=10 -rss_limit_mb=2048 $$dict -artifact_prefix=build/fuzz/crashes-$$n/ \
	    build/fuzz/corpus-$$n build/fuzz/seed-$$n || exit 1; \
	done

install: $(PROG) $(BUILD)/circgen.1
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 circgen $(DESTDIR)$(BINDIR)/circgen
	install -m 644 $(BUILD)/circgen.1 $(DESTDIR)$(MANDIR)/circgen.1
	cp -R templates fonts $(DESTDIR)$(DATADIR)/

clean:
	rm -rf build circgen out
