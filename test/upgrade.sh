#!/usr/bin/env bash
# upgrade.sh - ALTER EXTENSION zhfacts UPDATE from every released version to
# the current one keeps all data, and leaves the same objects as a fresh
# install of the current version.
#
# Uses the running cluster (PGHOST, PGPORT, PGUSER as exported by
# bin/zhfacts-test).  For each older version V (src/sql/updates/zhfacts--V.sql):
# creates a database with zhfacts V, loads sample/ and a user word, takes a
# fingerprint of every table, updates, and compares the data fingerprint and
# the extension's catalog (functions with their bodies and settings, columns,
# defaults, indexes, constraints, triggers, comments, text-search objects)
# with a database where the current version was installed fresh.
# Prints "upgrade: N passed, M failed".
cd "$(dirname "$0")/.."
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }
q() { psql -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
fresh=zf_upgrade_fresh_$$
dbs=("$fresh")
cleanup() {
	for d in "${dbs[@]}"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1; done
}
trap cleanup EXIT

current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" zhfacts.control)

# every table of the corpus and the user dictionary, row by row
data_fp="SELECT string_agg(t || ':' || n || ':' || h, ' ' ORDER BY t) FROM (
	SELECT 'article' t, count(*) n, md5(string_agg(concat_ws('|', id, url, title, source, published_at, script, body,
		encode(content_hash, 'hex'), tsv::text, region_code, ingested_at, facts_at), E'\n' ORDER BY id)) h FROM zhfacts.article
	UNION ALL SELECT 'article_region', count(*), md5(string_agg(concat_ws('|', article_id, pos, mention, code), E'\n' ORDER BY article_id, pos)) FROM zhfacts.article_region
	UNION ALL SELECT 'article_money', count(*), md5(string_agg(concat_ws('|', article_id, pos, mention, amount, amount_min, amount_max, qualifier, currency, region_code, context), E'\n' ORDER BY article_id, pos)) FROM zhfacts.article_money
	UNION ALL SELECT 'initiative', count(*), md5(string_agg(concat_ws('|', id, name, kind, region_code, first_seen), E'\n' ORDER BY id)) FROM zhfacts.initiative
	UNION ALL SELECT 'initiative_mention', count(*), md5(string_agg(concat_ws('|', initiative_id, article_id, pos, kind, sentence), E'\n' ORDER BY article_id, pos)) FROM zhfacts.initiative_mention
	UNION ALL SELECT 'user_word', count(*), md5(string_agg(concat_ws('|', word, freq, tag), E'\n' ORDER BY word)) FROM zhfacts.user_word
	UNION ALL SELECT 'sequences', 2, md5(concat_ws('|', (SELECT last_value FROM zhfacts.article_id_seq), (SELECT last_value FROM zhfacts.initiative_id_seq)))) x"

# the extension's objects, one line each, without oids
catalog_fp="WITH members AS (
	SELECT classid, objid FROM pg_depend d
	 WHERE d.refclassid = 'pg_extension'::regclass
	   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'zhfacts') AND d.deptype = 'e')
SELECT line FROM (
	SELECT 'function ' || p.oid::regprocedure || ' lang=' || l.lanname || ' vol=' || p.provolatile::text
		|| ' strict=' || p.proisstrict || ' par=' || p.proparallel::text || ' secdef=' || p.prosecdef
		|| ' rows=' || p.prorows || ' cost=' || p.procost || ' ret=' || pg_get_function_result(p.oid)
		|| ' config=' || coalesce(p.proconfig::text, '') || ' src=' || md5(coalesce(p.prosrc, '') || coalesce(p.probin, ''))
		|| ' sqlbody=' || coalesce(md5(pg_get_function_sqlbody(p.oid)), '')
		|| ' comment=' || coalesce(obj_description(p.oid, 'pg_proc'), '') AS line
	  FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	  JOIN pg_language l ON l.oid = p.prolang
	UNION ALL
	SELECT 'relation ' || c.oid::regclass || ' kind=' || c.relkind::text || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '')
	  FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	UNION ALL
	SELECT 'column ' || a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
		|| ' notnull=' || a.attnotnull || ' default=' || coalesce(pg_get_expr(ad.adbin, ad.adrelid), '')
		|| ' compression=' || a.attcompression::text || ' comment=' || coalesce(col_description(a.attrelid, a.attnum), '')
	  FROM members m JOIN pg_attribute a ON m.classid = 'pg_class'::regclass AND a.attrelid = m.objid
	  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	 WHERE a.attnum > 0 AND NOT a.attisdropped
	UNION ALL
	SELECT 'index ' || pg_get_indexdef(i.indexrelid)
	  FROM members m JOIN pg_index i ON m.classid = 'pg_class'::regclass AND i.indrelid = m.objid
	UNION ALL
	SELECT 'constraint ' || co.conrelid::regclass || ' ' || co.conname || ' ' || pg_get_constraintdef(co.oid)
	  FROM members m JOIN pg_constraint co ON m.classid = 'pg_class'::regclass AND co.conrelid = m.objid
	UNION ALL
	SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' comment=' || coalesce(obj_description(t.oid, 'pg_trigger'), '')
	  FROM members m JOIN pg_trigger t ON m.classid = 'pg_class'::regclass AND t.tgrelid = m.objid AND NOT t.tgisinternal
	UNION ALL
	SELECT 'ts ' || m.classid::regclass || ' ' || pg_describe_object(m.classid, m.objid, 0)
	  FROM members m WHERE m.classid IN ('pg_ts_config'::regclass, 'pg_ts_dict'::regclass,
		'pg_ts_parser'::regclass, 'pg_ts_template'::regclass)
	UNION ALL
	SELECT 'tsmap ' || cfgname || ' ' || alias || ' ' || dictname
	  FROM (SELECT c.cfgname, t.alias, d.dictname FROM pg_ts_config c
			  JOIN pg_ts_config_map mp ON mp.mapcfg = c.oid
			  JOIN pg_ts_dict d ON d.oid = mp.mapdict
			  JOIN LATERAL ts_token_type(c.cfgparser) t ON t.tokid = mp.maptokentype
			 WHERE c.cfgnamespace = 'zhfacts'::regnamespace) tm
	UNION ALL
	SELECT 'acl ' || c.oid::regclass || ' ' || coalesce(c.relacl::text, '')
	  FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	UNION ALL
	SELECT 'config_dump ' || unnest(extconfig)::regclass FROM pg_extension WHERE extname = 'zhfacts'
) x ORDER BY line"

psql -X -q -d postgres -c "CREATE DATABASE $fresh ENCODING 'UTF8' TEMPLATE template0" >/dev/null
q "$fresh" "CREATE EXTENSION zhfacts" >/dev/null
q "$fresh" "$catalog_fp" > "/tmp/zf_upgrade_fresh.$$" || bad "catalog query"
[ -s "/tmp/zf_upgrade_fresh.$$" ] || bad "the catalog of a fresh install is empty"

versions=$(ls src/sql/updates/zhfacts--*.sql 2>/dev/null | sed -n 's#.*/zhfacts--\([0-9.]*\)\.sql$#\1#p')
[ -n "$versions" ] || bad "no released versions found in src/sql/updates"
for v in $versions; do
	if [ "$v" = "$current" ]; then
		# the current version is released: its script may no longer change
		if cmp -s "src/sql/updates/zhfacts--$v.sql" "zhfacts--$v.sql"; then
			ok "$v: the install script is the one released"
		else
			bad "$v: src/sql changed after $v was released: bump the version and write an upgrade script (HACKING.md)"
		fi
		continue
	fi
	db=zf_upgrade_${v//./_}_$$
	dbs+=("$db")
	psql -X -q -d postgres -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0" >/dev/null
	if q "$db" "CREATE EXTENSION zhfacts VERSION '$v'" >/dev/null 2>&1; then ok "$v: installs"; else bad "$v: installs"; continue; fi
	if bin/zhfacts-load -d "$db" sample/ >/dev/null 2>&1; then ok "$v: sample/ loaded"; else bad "$v: sample/ loaded"; fi
	q "$db" "INSERT INTO zhfacts.user_word VALUES ('晴雨议事厅', 500, 'nz')" >/dev/null
	# a word whose best articles score inside one bucket of the impact tiers
	# (25 and 30 body occurrences), for top_articles after the update
	q "$db" "SELECT zhfacts.ingest_article('茶园见闻' || chr(10) || chr(10) || repeat('茶农采茶，', k)) FROM unnest(ARRAY[25, 30]) k" >/dev/null
	# the files of the indexes on rank_keys: 0.5 added keys, so the update to
	# it rebuilds them (this library already writes the new keys, so only the
	# files tell)
	rank_files="SELECT c.relfilenode FROM pg_class c JOIN pg_index x ON x.indexrelid = c.oid
		WHERE pg_get_indexdef(c.oid) LIKE '%zhfacts.rank_keys(tsv)%' ORDER BY 1"
	rank_before=$(q "$db" "$rank_files" 2>/dev/null)
	before=$(q "$db" "$data_fp")
	if err=$(q "$db" "ALTER EXTENSION zhfacts UPDATE TO '$current'" 2>&1); then ok "$v: ALTER EXTENSION zhfacts UPDATE TO '$current'"; else bad "$v: ALTER EXTENSION zhfacts UPDATE TO '$current': $err"; continue; fi
	got=$(q "$db" "SELECT extversion FROM pg_extension WHERE extname = 'zhfacts'")
	if [ "$got" = "$current" ]; then ok "$v: now at $current"; else bad "$v: now at '$got', expected $current"; fi
	after=$(q "$db" "$data_fp")
	# versions before 0.5 (sort -V: 0.10 comes after 0.5); before 0.3 there is no such index
	if [ "$(printf '%s\n' "$v" 0.5 | sort -V | head -n 1)" != 0.5 ] && [ -n "$rank_before" ]; then
		rank_after=$(q "$db" "$rank_files")
		if [ -n "$rank_after" ] && [ -z "$(comm -12 <(echo "$rank_before" | sort) <(echo "$rank_after" | sort))" ]
		then ok "$v: the indexes on rank_keys were rebuilt ($(echo "$rank_after" | wc -l))"
		else bad "$v: the indexes on rank_keys were not all rebuilt: files before [$rank_before] after [$rank_after]"; fi
	fi
	if [ "$before" = "$after" ] && [ -n "$after" ]; then ok "$v: every table unchanged ($(echo "$after" | tr ' ' '\n' | cut -d: -f1,2 | tr '\n' ' '))"
	else bad "$v: data changed: before [$before] after [$after]"; fi
	q "$db" "$catalog_fp" > "/tmp/zf_upgrade_$v.$$"
	if d=$(diff "/tmp/zf_upgrade_fresh.$$" "/tmp/zf_upgrade_$v.$$"); then
		ok "$v: objects equal a fresh $current install ($(wc -l < "/tmp/zf_upgrade_fresh.$$") catalog lines)"
	else
		bad "$v: objects differ from a fresh $current install:"; echo "$d" | head -20
	fi
	# the updated extension keeps working: facts of a new article, refresh
	id=$(q "$db" "SELECT zhfacts.ingest_article('升级测试：青田县去年投入3200万元建设“侨乡共富工坊”平台，带动村民增收。')" 2>&1)
	n=$(q "$db" "SELECT count(*) FROM zhfacts.article_money WHERE article_id = '$id'" 2>&1)
	if [ "$n" = 1 ]; then ok "$v: ingest after the update stores its facts"; else bad "$v: ingest after the update: $n"; fi
	if q "$db" "SELECT zhfacts.refresh_facts() > 0" 2>&1 | grep -q '^t$'; then ok "$v: refresh_facts after the update"; else bad "$v: refresh_facts after the update"; fi
	got=$(q "$db" "SELECT array(SELECT rank FROM zhfacts.top_articles('茶农', 1)) = array(SELECT ts_rank_cd(tsv, to_tsquery('zhfacts.chinese', '茶农')) r
		FROM zhfacts.article WHERE tsv @@ to_tsquery('zhfacts.chinese', '茶农') ORDER BY r DESC LIMIT 1)" 2>&1)
	if [ "$got" = t ]; then ok "$v: top_articles after the update finds the best article inside a bucket"; else bad "$v: top_articles after the update: $got"; fi
	rm -f "/tmp/zf_upgrade_$v.$$"
done
rm -f "/tmp/zf_upgrade_fresh.$$"
echo "upgrade: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
