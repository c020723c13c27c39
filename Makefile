# circgen — plain Makefile.
#
#   make            build ./circgen
#   make setup      install the Debian packages circgen needs (as root)
#   make samples    set up, build and produce the outputs of every sample in out/
#   make check      set up, build and run every test
#   make conformance  render Apache FOP's layout testcases and compare with FOP
#                     (report in out/conformance/REPORT.md; see tests/conformance/run.sh)
#   make install    install to $(DESTDIR)$(PREFIX)

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/circgen

CC      ?= cc
PKGS     = libxml-2.0 libxslt libexslt pangocairo cairo glib-2.0
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Werror=implicit-function-declaration
ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
             -Igen -I$(BUILD)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm

# Debian packages that building, running and testing circgen need.
DEB_PKGS = build-essential pkg-config libxml2-dev libxslt1-dev libpango1.0-dev \
           libcairo2-dev libglib2.0-dev libcmocka-dev poppler-utils qpdf xsltproc \
           libxml2-utils fonts-liberation2 fonts-noto-cjk strace

# Only make conformance needs these: Apache FOP, the reference renderer.
DEB_PKGS_CONFORMANCE = fop
# Arguments of tests/conformance/run.sh, e.g. CONFORMANCE_ARGS="block_basic_1 table_1".
CONFORMANCE_ARGS ?=

BUILD   ?= build
LIB_SRC  = $(filter-out gen/main.c,$(wildcard gen/*.c))
LIB_OBJ  = $(LIB_SRC:gen/%.c=$(BUILD)/%.o)
HDRS     = $(wildcard gen/*.h)
TEST_SRC = $(wildcard tests/unit/test_*.c)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: FORCE all setup samples check unit e2e conformance install clean
all: circgen

# Rewritten only when its content changes, so that a new PREFIX rebuilds what uses it.
$(BUILD)/config.h: FORCE | $(BUILD)
	@printf '#define CIRCGEN_DATADIR "%s"\n' '$(DATADIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:


circgen: $(BUILD)/main.o $(BUILD)/libcircgen.a
	@echo "  LINK    $@"
	@$(CC) -o $@ $^ $(LIBS) $(LDFLAGS)

$(BUILD)/%.o: gen/%.c $(HDRS) $(BUILD)/config.h | $(BUILD)
	@echo "  CC      $<"
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

# Until rendering lands, producing the samples means checking them.
samples: setup
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	./circgen check samples/*/*.xml

check: setup
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@$(MAKE) --no-print-directory unit e2e

unit: $(TEST_BIN)
	@fail=0; for t in $(TEST_BIN); do CIRCGEN_TEMPLATES=$(CURDIR)/templates ./$$t || fail=1; done; exit $$fail

e2e: circgen
	@sh tests/e2e/run.sh

# Apache FOP's testcases (../shared/fop-testcases) through circgen fo, compared with FOP
# (cached in build/conformance/fop-cache); the crash-and-hang part runs in make check.
conformance:
	@$(MAKE) --no-print-directory setup DEB_PKGS="$(DEB_PKGS) $(DEB_PKGS_CONFORMANCE)"
	@$(MAKE) --no-print-directory all
	@sh tests/conformance/run.sh $(CONFORMANCE_ARGS)

install: circgen
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)
	install -m 755 circgen $(DESTDIR)$(BINDIR)/circgen
	cp -R templates fonts $(DESTDIR)$(DATADIR)/

clean:
	rm -rf $(BUILD) circgen out
