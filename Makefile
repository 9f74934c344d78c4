# zhfacts - PGXS build.  `make`, `make install`, `make installcheck`,
# `make unittest` (C unit tests of the core).  See HACKING.md.

all:

EXTENSION = zhfacts
EXTVERSION = 0.5
MODULE_big = zhfacts

CORE_SRCS = $(filter-out %.gen.c,$(wildcard src/core/*.c))
PG_SRCS = $(wildcard src/pg/*.c)
OBJS = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

DATA_built = zhfacts--$(EXTVERSION).sql
DATA = $(filter-out %/zhfacts--$(EXTVERSION).sql,$(wildcard src/sql/updates/zhfacts--*.sql))
DATA_TSEARCH = zhfacts.dict

# zhfacts_setup creates the extension; every other test runs after it, in name order.
REGRESS = zhfacts_setup $(filter-out zhfacts_setup,$(sort $(basename $(notdir $(wildcard sql/*.sql)))))
REGRESS_OPTS = --encoding=UTF8 --no-locale

PG_CONFIG ?= pg_config
ICU_FLAGS_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n)
ICU_FLAGS_LIBS := $(shell pkg-config --libs icu-uc icu-i18n)
PG_CPPFLAGS = -Isrc/core -Isrc/pg $(ICU_FLAGS_CFLAGS)
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
SHLIB_LINK = $(ICU_FLAGS_LIBS) -lm

# Word lists compiled into the dictionary; subsystem makefiles may add more.
DICT_WORDLISTS = data/jieba/dict.txt $(wildcard data/words/*.txt)

EXTRA_CLEAN = zhfacts.dict src/tools/gen_dict test/unit/*.bin results regression.diffs regression.out

include $(sort $(wildcard mk/*.mk))

# Core sources for tools and unit tests (libc allocation, no PostgreSQL).
CORE_ALL = $(CORE_SRCS) src/core/norm_table.gen.c

zhfacts--$(EXTVERSION).sql: $(sort $(wildcard src/sql/*.sql))
	cat $^ > $@

src/tools/gen_dict: src/tools/gen_dict.c src/tools/alloc_libc.c src/core/trie.c src/core/dict.c src/core/norm_table.gen.c src/core/trie.h src/core/dict.h
	$(CC) -std=gnu99 -O2 -Wall -Isrc/core -o $@ $(filter %.c,$^) -lm

zhfacts.dict: src/tools/gen_dict data/jieba/hmm.tsv $(DICT_WORDLISTS)
	src/tools/gen_dict $@.tmp data/jieba/hmm.tsv $(DICT_WORDLISTS) && mv $@.tmp $@

all: zhfacts.dict

# every object depends on the core headers (few, and they change together)
$(OBJS): $(wildcard src/core/*.h src/pg/*.h)

# C unit tests: each test/unit/test_*.c is linked with the whole core and run
# with sanitizers; ZHFACTS_DICT points at the freshly built dictionary.
UNIT_TESTS = $(patsubst %.c,%.bin,$(wildcard test/unit/test_*.c))
UNIT_CFLAGS = -std=gnu99 -g -O1 -Wall -fsanitize=address,undefined -fno-sanitize-recover=undefined -Isrc/core

test/unit/%.bin: test/unit/%.c $(CORE_ALL) src/tools/alloc_libc.c test/unit/zf_test.h
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(CORE_ALL) src/tools/alloc_libc.c -lm

unittest: $(UNIT_TESTS) zhfacts.dict
	@rc=0; for t in $(UNIT_TESTS); do ZHFACTS_DICT=$(CURDIR)/zhfacts.dict $$t || rc=1; done; exit $$rc

.PHONY: unittest

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)
