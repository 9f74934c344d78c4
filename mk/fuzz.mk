# mk/fuzz.mk - libFuzzer harnesses of the core: `make fuzz FUZZ_SECONDS=600`.
# Each test/fuzz/fuzz_NAME.c is built with clang and
# -fsanitize=fuzzer,address,undefined against the whole core, and run from
# its seeds in test/fuzz/seeds_NAME/ for FUZZ_SECONDS; crashes land in tmp/fuzz/.

FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_TARGETS = $(patsubst test/fuzz/%.c,tmp/fuzz/%,$(wildcard test/fuzz/fuzz_*.c))

tmp/fuzz/%: test/fuzz/%.c $(CORE_SRCS) src/core/norm_table.gen.c $(wildcard src/core/*.h test/fuzz/*.h)
	@mkdir -p tmp/fuzz
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-Isrc/core -o $@ $< $(CORE_SRCS) src/core/norm_table.gen.c src/tools/alloc_libc.c -lm

fuzz: $(FUZZ_TARGETS) zhfacts.dict
	@for f in $(FUZZ_TARGETS); do \
		name=$$(basename $$f); seeds=test/fuzz/seeds_$${name#fuzz_}; \
		mkdir -p tmp/fuzz/corpus_$$name; \
		echo "== $$name ($(FUZZ_SECONDS) s)"; \
		ZHFACTS_DICT=$(CURDIR)/zhfacts.dict $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -print_final_stats=1 \
			-artifact_prefix=tmp/fuzz/$$name- tmp/fuzz/corpus_$$name $$seeds > tmp/fuzz/$$name.log 2>&1; \
		rc=$$?; grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|SUMMARY|Done)' tmp/fuzz/$$name.log; \
		if [ $$rc -ne 0 ]; then tail -40 tmp/fuzz/$$name.log; exit 1; fi; \
	done

.PHONY: fuzz
