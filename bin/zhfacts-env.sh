# zhfacts-env.sh - sourced by bin/zhfacts-test and bin/zhfacts-demo.
#
# Installs what a fresh Debian 12 machine lacks, builds and installs the
# extension, and runs a throwaway PostgreSQL cluster as the postgres system
# user (PostgreSQL refuses to run as root) in a directory under tmp/, with its
# socket in a private directory and no TCP listener.  The cluster is stopped
# on exit, whatever happened.

ZHFACTS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PACKAGES="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-contrib postgresql-$PG_MAJOR-rum libicu-dev pkg-config make gcc libc6-dev clang libclang-rt-14-dev python3 util-linux"

zf_log() { printf '== %s\n' "$*" >&2; }

# Commands to run on exit, in order; scripts add theirs with zf_on_exit
# instead of setting their own EXIT trap (which would replace the cluster's).
ZF_ON_EXIT=""
zf_on_exit() {
	ZF_ON_EXIT="${ZF_ON_EXIT}$1;"
	trap 'eval "$ZF_ON_EXIT"' EXIT
}

zf_install_packages() {
	local missing=""
	for p in $PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		[ "$(id -u)" = 0 ] || { echo "missing Debian packages:$missing (run as root to install them)" >&2; return 1; }
		zf_log "installing Debian packages:$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
	fi
}

zf_build_install() {
	zf_log "building"
	make -C "$ZHFACTS_ROOT" -s -j"$(nproc)" >/dev/null
	zf_log "installing"
	make -C "$ZHFACTS_ROOT" -s install >/dev/null
}

# Run a command as the postgres system user (or as ourselves when not root).
zf_as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

zf_cluster_stop() {
	if [ -n "${ZF_PGDATA:-}" ] && [ -f "$ZF_PGDATA/postmaster.pid" ]; then
		zf_as_pg "$PG_BIN/pg_ctl" -D "$ZF_PGDATA" -m fast -w stop >/dev/null 2>&1 || true
	fi
	[ -n "${ZF_SOCKDIR:-}" ] && rm -rf "$ZF_SOCKDIR"
}

zf_cluster_start() {
	local base="$ZHFACTS_ROOT/tmp"
	mkdir -p "$base"
	ZF_PGDATA="$base/cluster-$$"
	ZF_SOCKDIR=$(mktemp -d /tmp/zhfacts-sock.XXXXXX)
	rm -rf "$ZF_PGDATA"
	mkdir -p "$ZF_PGDATA"
	if [ "$(id -u)" = 0 ]; then
		chown postgres: "$ZF_PGDATA" "$ZF_SOCKDIR"
		chmod 755 "$base"
	fi
	zf_on_exit 'zf_cluster_stop; rm -rf "$ZF_PGDATA"'
	zf_log "starting a throwaway cluster in $ZF_PGDATA"
	zf_as_pg "$PG_BIN/initdb" -D "$ZF_PGDATA" -U postgres -A trust --encoding=UTF8 --locale=C >/dev/null
	zf_as_pg "$PG_BIN/pg_ctl" -D "$ZF_PGDATA" -w -l "$ZF_PGDATA/server.log" \
		-o "-k $ZF_SOCKDIR -p 5432 -c listen_addresses='' -c max_worker_processes=8 -c fsync=off" start >/dev/null
	export PGHOST="$ZF_SOCKDIR" PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
}

# For benchmarks and scoring scripts: use the server the PG* environment
# names (PGHOST set), or build, install and start a throwaway cluster with
# zhfacts created in it.
zf_bench_server() {
	[ -n "${PGHOST:-}" ] && return 0
	zf_install_packages
	zf_build_install
	zf_cluster_start
	psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION zhfacts" >/dev/null
}
