# After-sales service desk: build, run and test.
#   make run    install what is missing, build, start the whole stack on :8080
#   make test   build and run every test suite against a throwaway stack
#   make test-faults  the fault tests: parts killed under load (tests/faults)
#   make bench  wrk benchmarks against the real stack (tests/bench)
#   make bench-reports  the statistics at 1,000,000 tickets (tests/bench/reports.sh)
CC      ?= cc
CS_INC  := /usr/include/ClearSilver
PKGS    := fcgi libmariadb libsodium jansson libcurl xlsxwriter
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wformat=2 \
           -fstack-protector-strong -D_FORTIFY_SOURCE=2 \
           -isystem $(CS_INC) -Ilib $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lmagic \
           -lneo_cgi -lneo_cs -lneo_utl -lz -lpthread

# lib/ in layers (README "How the code is laid out"): core, store, desk (the
# domain, with a folder per concern that has several files) and web
LIB_SRC := $(shell find lib -name '*.c' | sort)
LIB_HDR := $(shell find lib -name '*.h')
LIB_OBJ := $(LIB_SRC:lib/%.c=build/lib/%.o)
PROGS   := build/portal build/api build/agent build/admin build/scheduler build/deskctl build/hello
UNIT    := $(patsubst tests/unit/%.c,build/tests/%,$(wildcard tests/unit/test_*.c))
# unit tests of the domain against a real MariaDB (tests/unit/dbtest.h)
DBUNIT  := $(patsubst tests/unit/%.c,build/tests/%,$(wildcard tests/unit/db_test_*.c))

.PHONY: all run test test-faults bench bench-reports fuzz deps clean
all: $(PROGS) $(UNIT) $(DBUNIT)

deps:
	@bash conf/dev/deps.sh

build/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

build/libdesk.a: $(LIB_OBJ)
	ar rcs $@ $^

build/%: cgi/%.c build/libdesk.a
	$(CC) $(CFLAGS) -o $@ $< build/libdesk.a $(LDLIBS)

# the workspace (cgi/agent/) and the admin console (cgi/admin/) are two
# programs sharing cgi/agent/web.c (session, error page, CSRF, top bar)
AGENT_SRC := $(wildcard cgi/agent/*.c)
ADMIN_SRC := $(wildcard cgi/admin/*.c) cgi/agent/web.c
build/agent: $(AGENT_SRC) $(wildcard cgi/agent/*.h) build/libdesk.a
	$(CC) $(CFLAGS) -Icgi -o $@ $(AGENT_SRC) build/libdesk.a $(LDLIBS)

build/admin: $(ADMIN_SRC) $(wildcard cgi/*/*.h) build/libdesk.a
	$(CC) $(CFLAGS) -Icgi -o $@ $(ADMIN_SRC) build/libdesk.a $(LDLIBS)

build/hello: tests/bench/hello.c build/libdesk.a
	$(CC) $(CFLAGS) -o $@ $< build/libdesk.a $(LDLIBS)

build/tests/%: tests/unit/%.c build/libdesk.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< build/libdesk.a $(LDLIBS) -lcmocka

build/tests/db_test_%: tests/unit/db_test_%.c tests/unit/dbtest.c tests/unit/dbtest.h build/libdesk.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< tests/unit/dbtest.c build/libdesk.a $(LDLIBS) -lcmocka

# fuzz targets of the parsers of untrusted bytes (clang's libFuzzer)
FUZZ := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
fuzz: $(FUZZ)
build/fuzz/%: tests/fuzz/%.c $(LIB_SRC) $(LIB_HDR)
	@mkdir -p $(@D)
	clang -g -O1 -std=c17 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -Ilib \
	  -isystem $(CS_INC) $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
	  -o $@ $< $(filter %/$(patsubst fuzz_%,%,$*).c,$(LIB_SRC))

run: deps
	@$(MAKE) --no-print-directory all
	@bash conf/dev/run.sh

test: deps
	@$(MAKE) --no-print-directory all
	@bash tests/run.sh

test-faults: deps
	@$(MAKE) --no-print-directory all
	@bash tests/faults/run.sh

bench: deps
	@$(MAKE) --no-print-directory all
	@bash tests/bench/run.sh

# the statistics at 1,000,000 tickets: speed and an exact recount (README)
bench-reports: deps
	@$(MAKE) --no-print-directory all
	@bash tests/bench/reports.sh

clean:
	rm -rf build
