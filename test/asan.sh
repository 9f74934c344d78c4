#!/usr/bin/env bash
# asan.sh - the pg_regress suite against an ASan/UBSan build of zhfacts.so
# (issue #6, item 8).
#
# The normal build and install are never touched: the sources are copied to
# tmp/asan-PID/src and built there with -fsanitize=address,undefined.  Since
# the install script loads '$libdir/zhfacts' (an absolute path, so
# dynamic_library_path does not apply), the server runs from a private copy of
# the PostgreSQL tree under tmp/asan-PID/root: the executables are copied (the
# server finds its lib and share directories relative to its own location),
# every other file is a symbolic link to the real one, and the zhfacts files
# are those of the sanitized build.  A second throwaway cluster runs from there
# with the ASan runtime preloaded, pg_regress runs against it, and every
# sanitizer report in the logs counts as a failure.  Everything is removed on
# exit.  Last line: "asan: N passed, M failed".
set -uo pipefail
source "$(dirname "$0")/../bin/zhfacts-env.sh"
cd "$ZHFACTS_ROOT"

PG_CONFIG=${PG_CONFIG:-$PG_BIN/pg_config}
LIBDIR=$($PG_CONFIG --pkglibdir)
SHAREDIR=$($PG_CONFIG --sharedir)
BINDIR=$($PG_CONFIG --bindir)
ASAN_PORT=${ZHFACTS_ASAN_PORT:-5433}
LIBASAN=$(gcc -print-file-name=libasan.so)

work="$ZHFACTS_ROOT/tmp/asan-$$"
src="$work/src"
root="$work/root"
logs="$work/logs"
pgdata="$work/cluster"
sock=""

asan_cleanup() {
	if [ -f "$pgdata/postmaster.pid" ]; then
		zf_as_pg "$root$BINDIR/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	[ -n "$sock" ] && rm -rf "$sock"
	[ -n "${ZHFACTS_ASAN_KEEP:-}" ] || rm -rf "$work"
}
trap asan_cleanup EXIT

fail() {
	echo "asan: $*"
	echo "asan: 0 passed, 1 failed"
	exit 1
}

[ -e "$LIBASAN" ] || fail "no libasan.so for gcc"

# 1. the sanitized build, in a copy of the tree
zf_log "asan: building in $src"
mkdir -p "$src" "$logs"
tar -C "$ZHFACTS_ROOT" --exclude=./tmp --exclude=./.git --exclude=./results \
	--exclude='*.o' --exclude='*.bc' --exclude='*.so' --exclude='*.bin' -cf - . | tar -C "$src" -xf -
SAN_CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined"
if ! make -C "$src" -s -j"$(nproc)" with_llvm=no \
		PG_CFLAGS="-Wall -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare $SAN_CFLAGS" \
		PG_LDFLAGS="-fsanitize=address,undefined" > "$logs/build.log" 2>&1; then
	tail -30 "$logs/build.log"
	fail "the sanitized build failed"
fi
[ "$(nm -D "$src/zhfacts.so" | grep -c __asan_report)" -gt 0 ] || fail "zhfacts.so is not instrumented"

# 2. a private PostgreSQL tree: copied executables, links to everything else
mkdir -p "$root$BINDIR"
for f in postgres initdb pg_ctl; do
	cp "$BINDIR/$f" "$root$BINDIR/$f"
done
ln -s postgres "$root$BINDIR/postmaster"
cp -as "$LIBDIR/." "$root$LIBDIR" 2>/dev/null || mkdir -p "$root$LIBDIR"
mkdir -p "$root$SHAREDIR"
cp -as "$SHAREDIR/." "$root$SHAREDIR"
rm -f "$root$LIBDIR"/zhfacts.so "$root$SHAREDIR"/extension/zhfacts* "$root$SHAREDIR"/tsearch_data/zhfacts.*
cp "$src/zhfacts.so" "$root$LIBDIR/"
cp "$src/zhfacts.control" "$src"/zhfacts--*.sql "$root$SHAREDIR/extension/"
cp "$src/zhfacts.dict" "$src/zhfacts.gaz" "$root$SHAREDIR/tsearch_data/"
[ "$("$root$BINDIR/postgres" --version 2>/dev/null)" = "$("$BINDIR/postgres" --version)" ] ||
	fail "the copied server does not run"

# 3. the cluster, with the sanitizer runtime preloaded into the server only.
# With libasan preloaded, glibc's bindtextdomain() in the server's main()
# never returns (a futex wait on _nl_state_lock; glibc 2.36, gcc 12): a second
# preloaded library makes it a no-op (the cluster runs in the C locale, whose
# messages are untranslated anyway).
cat > "$work/nointl.c" <<'END'
char *bindtextdomain(const char *domain, const char *dir) { (void) domain; return (char *) dir; }
char *bind_textdomain_codeset(const char *domain, const char *cs) { (void) domain; return (char *) cs; }
char *textdomain(const char *domain) { return (char *) (domain ? domain : "messages"); }
END
gcc -shared -fPIC -O2 -o "$work/nointl.so" "$work/nointl.c" || fail "could not build nointl.so"
sock=$(mktemp -d /tmp/zhfacts-asan-sock.XXXXXX)
mkdir -p "$pgdata"
if [ "$(id -u)" = 0 ]; then
	chmod 755 "$ZHFACTS_ROOT/tmp" "$work"
	chown -R postgres: "$pgdata" "$sock" "$logs"
fi
zf_log "asan: starting a cluster from $root"
zf_as_pg "$root$BINDIR/initdb" -D "$pgdata" -U postgres -A trust --encoding=UTF8 --locale=C >/dev/null ||
	fail "initdb failed"
zf_as_pg timeout 120 env LD_PRELOAD="$LIBASAN $work/nointl.so" \
	ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:disable_coredump=1:log_path=$logs/asan" \
	UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=0:log_path=$logs/ubsan" \
	"$root$BINDIR/pg_ctl" -D "$pgdata" -w -l "$logs/server.log" \
	-o "-k $sock -p $ASAN_PORT -c listen_addresses='' -c fsync=off -c max_worker_processes=8" start >/dev/null ||
	{ tail -20 "$logs/server.log"; fail "the cluster did not start"; }
export PGHOST="$sock" PGPORT="$ASAN_PORT" PGUSER=postgres PGDATABASE=postgres

# The server really loads the sanitized library, with the runtime preloaded.
psql -X -q -c 'CREATE EXTENSION zhfacts' -c "SELECT zhfacts.region_of('杭州市')" >/dev/null 2>&1 ||
	{ tail -20 "$logs/server.log"; fail "the sanitized zhfacts.so does not load"; }
loaded=$(psql -X -Atc "SELECT zhfacts.region_of('x') IS NULL AND pg_read_file('/proc/self/maps') LIKE '%$root$LIBDIR/zhfacts.so%' AND pg_read_file('/proc/self/maps') LIKE '%libasan%'")
[ "$loaded" = t ] || fail "the server did not load $root$LIBDIR/zhfacts.so with libasan"
psql -X -q -c 'DROP EXTENSION zhfacts CASCADE' >/dev/null

# 4. pg_regress, run in the copy (its results/ and regression.diffs stay there)
zf_log "asan: pg_regress"
make -C "$src" -s installcheck PG_CONFIG="$PG_CONFIG" > "$logs/regress.log" 2>&1
regress_rc=$?
passed=$(grep -cE '\.\.\. +ok' "$logs/regress.log")
failed=$(grep -cE '\.\.\. +(FAILED|failed)' "$logs/regress.log")
grep -E '^(not )?ok|^test |\.\.\. ' "$logs/regress.log" | sed 's/^/asan: /'
if [ "$regress_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	tail -20 "$logs/regress.log"
	failed=$((failed + 1))
fi
[ -f "$src/regression.diffs" ] && grep -q FAILED "$logs/regress.log" && head -60 "$src/regression.diffs"

zf_as_pg "$root$BINDIR/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1

# 5. sanitizer reports and crashed backends
reports=0
for f in "$logs"/asan.* "$logs"/ubsan.*; do
	[ -s "$f" ] || continue
	reports=$((reports + 1))
	echo "asan: sanitizer report $f:"
	head -40 "$f"
done
# reports that went to the server's stderr rather than to log_path
inlog=$(grep -cE '^==[0-9]+==ERROR: (AddressSanitizer|LeakSanitizer)|: runtime error: ' "$logs/server.log")
if [ "$inlog" -gt 0 ]; then
	reports=$((reports + inlog))
	echo "asan: $inlog sanitizer report(s) in the server log:"
	grep -E -A30 '^==[0-9]+==ERROR: (AddressSanitizer|LeakSanitizer)|: runtime error: ' "$logs/server.log" | head -60
fi
crashes=$(grep -cE 'terminated by signal|was terminated by exception' "$logs/server.log")
if [ "$crashes" -gt 0 ]; then
	echo "asan: $crashes backend(s) crashed:"
	grep -E 'terminated by signal|was terminated by exception' "$logs/server.log" | head -5
fi
if [ "$reports" -gt 0 ] || [ "$crashes" -gt 0 ]; then
	# keep the evidence
	keep="$ZHFACTS_ROOT/tmp/asan-reports-$(date +%Y%m%d-%H%M%S)"
	mkdir -p "$keep" && cp "$logs"/* "$keep"/ 2>/dev/null
	echo "asan: logs kept in $keep"
fi
failed=$((failed + reports + crashes))
echo "asan: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
