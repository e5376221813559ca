# After-sales service desk: build, run and test.
#   make run    install what is missing, build, start the whole stack on :8080
#   make test   build and run every test suite against a throwaway stack
#   make test-faults  the fault tests: parts killed under load (tests/faults)
#   make bench  wrk benchmarks against the real stack (tests/bench)
#   make bench-reports  the statistics at 1,000,000 tickets (tests/bench/reports.sh)
#   make fuzz   the fuzz targets of tests/fuzz (clang's libFuzzer, ASan, UBSan);
#               make fuzz-ci runs each for FUZZ_SECONDS (default 45)
#   make test-sanitize  the whole suite against a build with AddressSanitizer
#               and UndefinedBehaviorSanitizer, in build-san/
#   make test-valgrind  memcheck over workers serving 3,000 mixed requests
CC      ?= cc
CS_INC  := /usr/include/ClearSilver
PKGS    := fcgi libmariadb libsodium jansson libcurl xlsxwriter
CFLAGS  ?= -O2 -g
# BUILD is where objects and programs go; SANITIZE adds compiler and linker
# flags to everything (make test-sanitize builds in build-san/ with them)
BUILD   ?= build
SANITIZE ?=
CFLAGS  += -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wformat=2 \
           -fstack-protector-strong -D_FORTIFY_SOURCE=2 \
           -isystem $(CS_INC) -Ilib $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(SANITIZE)
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lmagic \
           -lneo_cgi -lneo_cs -lneo_utl -lz -lpthread

# lib/ in layers (README "How the code is laid out"): core, store, desk (the
# domain, with a folder per concern that has several files) and web
LIB_SRC := $(shell find lib -name '*.c' | sort)
LIB_HDR := $(shell find lib -name '*.h')
LIB_OBJ := $(LIB_SRC:lib/%.c=$(BUILD)/lib/%.o)
PROGS   := $(addprefix $(BUILD)/,portal api agent admin scheduler deskctl hello)
UNIT    := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
# unit tests of the domain against a real MariaDB (tests/unit/dbtest.h)
DBUNIT  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/db_test_*.c))

.PHONY: all run test test-faults test-sanitize test-valgrind bench bench-reports fuzz fuzz-ci deps clean
all: $(PROGS) $(UNIT) $(DBUNIT)

deps:
	@bash conf/dev/deps.sh

$(BUILD)/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libdesk.a: $(LIB_OBJ)
	ar rcs $@ $^

$(BUILD)/%: cgi/%.c $(BUILD)/libdesk.a
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libdesk.a $(LDLIBS)

# the workspace (cgi/agent/) and the admin console (cgi/admin/) are two
# programs sharing cgi/agent/web.c (session, error page, CSRF, top bar)
AGENT_SRC := $(wildcard cgi/agent/*.c)
ADMIN_SRC := $(wildcard cgi/admin/*.c) cgi/agent/web.c
$(BUILD)/agent: $(AGENT_SRC) $(wildcard cgi/agent/*.h) $(BUILD)/libdesk.a
	$(CC) $(CFLAGS) -Icgi -o $@ $(AGENT_SRC) $(BUILD)/libdesk.a $(LDLIBS)

$(BUILD)/admin: $(ADMIN_SRC) $(wildcard cgi/*/*.h) $(BUILD)/libdesk.a
	$(CC) $(CFLAGS) -Icgi -o $@ $(ADMIN_SRC) $(BUILD)/libdesk.a $(LDLIBS)

$(BUILD)/hello: tests/bench/hello.c $(BUILD)/libdesk.a
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libdesk.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libdesk.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libdesk.a $(LDLIBS) -lcmocka

$(BUILD)/tests/db_test_%: tests/unit/db_test_%.c tests/unit/dbtest.c tests/unit/dbtest.h $(BUILD)/libdesk.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< tests/unit/dbtest.c $(BUILD)/libdesk.a $(LDLIBS) -lcmocka

# Fuzz targets of the parsers of untrusted bytes (tests/fuzz, README
# "Fuzzing"): clang's libFuzzer with AddressSanitizer and UBSan (any
# undefined behaviour is a crash). Each target links what it needs from a
# libdesk built apart, instrumented for coverage and the sanitizers.
FUZZ     := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := -g -O1 -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow $(FUZZ_SAN) \
           -isystem $(CS_INC) -Ilib $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_OBJ := $(LIB_SRC:lib/%.c=build/fuzz/lib/%.o)
FUZZ_SECONDS ?= 45
fuzz: $(FUZZ)
build/fuzz/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
build/fuzz/libdesk.a: $(FUZZ_OBJ)
	ar rcs $@ $^
build/fuzz/%: tests/fuzz/%.c tests/unit/fakereq.h build/fuzz/libdesk.a
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -Itests/unit -o $@ $< build/fuzz/libdesk.a $(LDLIBS)
fuzz-ci: fuzz
	@bash tests/fuzz/run.sh $(FUZZ_SECONDS)

run: deps
	@$(MAKE) --no-print-directory all
	@bash conf/dev/run.sh

test: deps
	@$(MAKE) --no-print-directory all
	@bash tests/run.sh

test-faults: deps
	@$(MAKE) --no-print-directory all
	@bash tests/faults/run.sh

# The programs, the scheduler and the unit tests with AddressSanitizer and
# UBSan, in build-san/; tests/run.sh counts every sanitizer report in their
# logs as a failure.
# (gcc's format-truncation analysis misfires on the instrumented code at
# -O1; the normal build keeps that warning)
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -U_FORTIFY_SOURCE \
             -Wno-format-truncation
test-sanitize: deps
	@$(MAKE) --no-print-directory BUILD=build-san SANITIZE="$(SAN_FLAGS)" all
	@bash tests/run.sh build-san

# valgrind's memcheck over the portal, api and agent workers serving
# mixed requests (tests/valgrind/run.sh, README "Sanitizers and valgrind")
test-valgrind: deps
	@$(MAKE) --no-print-directory all
	@bash tests/valgrind/run.sh

bench: deps
	@$(MAKE) --no-print-directory all
	@bash tests/bench/run.sh

# the statistics at 1,000,000 tickets: speed and an exact recount (README)
bench-reports: deps
	@$(MAKE) --no-print-directory all
	@bash tests/bench/reports.sh

clean:
	rm -rf build build-san
