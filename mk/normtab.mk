# mk/normtab.mk - the per-character normalization table (zf_norm_cp).
#
# src/tools/gen_normtab is built against ICU and writes src/core/norm_table.gen.c
# (not committed; see .gitignore).  Include this file after OBJS has its
# src/core wildcard objects and before $(PGXS): the shared library's
# prerequisites are expanded when PGXS is read.

NORMTAB_ICU := $(shell pkg-config --cflags --libs icu-uc icu-i18n)

# Included before $(PGXS), so keep our rules from becoming the default goal
# (restored at the end; empty means the next target defined, PGXS's "all").
normtab_saved_goal := $(.DEFAULT_GOAL)

src/tools/gen_normtab: src/tools/gen_normtab.c
	$(CC) -std=c99 -O2 -Wall -o $@ $< $(NORMTAB_ICU)

# The generator writes to a temporary file and renames, so an interrupted
# run never leaves a truncated table that make would think up to date.
src/core/norm_table.gen.c: src/tools/gen_normtab
	src/tools/gen_normtab $@

src/core/norm_table.gen.o: src/core/norm_table.gen.c src/core/norm.h

# Once generated, norm_table.gen.c also matches a src/core/*.c wildcard;
# list its object exactly once or the link sees zf_norm_cp twice.
OBJS := $(filter-out src/core/norm_table.gen.o,$(OBJS)) src/core/norm_table.gen.o

EXTRA_CLEAN += src/tools/gen_normtab src/core/norm_table.gen.c \
	src/core/norm_table.gen.c.tmp src/core/norm_table.gen.o

.DEFAULT_GOAL := $(normtab_saved_goal)
