-- The partitions of zhfacts.article and of its fact tables (issue #7;
-- src/pg/partition.c).  Range partitions zhfacts.article_<first id> of
-- zhfacts.article_partition_rows ids each, and article_region_<first id>,
-- article_money_<first id>, initiative_mention_<first id> with the same bounds
-- on article_id, made ahead of the ids by zhfacts.ingest_article (one spare
-- partition) or by zhfacts.add_article_partitions; rows inserted directly with
-- ids beyond them land in the default partitions (*_default).  Partitions made
-- at run time are not members of the extension: pg_dump dumps them, their rows
-- and their indexes as it does any table.

CREATE FUNCTION zhfacts._range_partitions_end(regclass) RETURNS bigint
AS 'MODULE_PATHNAME', 'zhfacts_range_partitions_end'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts._range_partitions_end(regclass) IS
	'Internal: the exclusive upper bound of the highest range partition of a table range-partitioned on a bigint, or NULL';

CREATE FUNCTION zhfacts._article_partition_rows() RETURNS bigint
AS 'MODULE_PATHNAME', 'zhfacts_article_partition_rows'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts._article_partition_rows() IS
	'Internal: the setting zhfacts.article_partition_rows (ids per new partition of zhfacts.article)';

-- The indexes every partition has (the parents have none: see 50_corpus.sql).
CREATE FUNCTION zhfacts._index_partition(part regclass, parent regclass)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	n text := (SELECT c.relname FROM pg_class c WHERE c.oid = part);
	col text := CASE parent WHEN 'zhfacts.article_region'::regclass THEN 'code'
							WHEN 'zhfacts.article_money'::regclass THEN 'region_code'
							ELSE 'initiative_id' END;
BEGIN
	IF parent = 'zhfacts.article'::regclass THEN
		EXECUTE format('CREATE UNIQUE INDEX IF NOT EXISTS %I ON %s (id)', n || '_id_key', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (url)', n || '_url_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (content_hash)', n || '_content_hash_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin (tsv)', n || '_tsv_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin (zhfacts.rank_keys(tsv))', n || '_rank_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (region_code)', n || '_region_code_idx', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (published_at)', n || '_published_at_idx', part);
	ELSE
		-- a fact table: its key, and the column it is searched by
		EXECUTE format('CREATE UNIQUE INDEX IF NOT EXISTS %I ON %s (article_id, pos)', n || '_key', part);
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (%I)', n || '_' || col || '_idx', part, col);
	END IF;
END;
$$;
COMMENT ON FUNCTION zhfacts._index_partition(regclass, regclass) IS
	'Internal: the indexes of a partition of zhfacts.article (those it lacks: id unique, url, content_hash, tsv (GIN), rank_keys(tsv) (GIN, for top_articles), region_code, published_at) or of a fact table (article_id and pos unique; code, region_code or initiative_id)';

CREATE TABLE zhfacts.article_default PARTITION OF zhfacts.article DEFAULT;
CREATE TABLE zhfacts.article_region_default PARTITION OF zhfacts.article_region DEFAULT;
CREATE TABLE zhfacts.article_money_default PARTITION OF zhfacts.article_money DEFAULT;
CREATE TABLE zhfacts.initiative_mention_default PARTITION OF zhfacts.initiative_mention DEFAULT;
SELECT zhfacts._index_partition(format('zhfacts.%s_default', t)::regclass, format('zhfacts.%s', t)::regclass)
  FROM unnest(ARRAY['article', 'article_region', 'article_money', 'initiative_mention']) t;
COMMENT ON TABLE zhfacts.article_default IS
	'Articles whose ids lie beyond the range partitions of zhfacts.article (see zhfacts.add_article_partitions)';
COMMENT ON TABLE zhfacts.article_region_default IS 'Regions of the articles in zhfacts.article_default';
COMMENT ON TABLE zhfacts.article_money_default IS 'Sums of money of the articles in zhfacts.article_default';
COMMENT ON TABLE zhfacts.initiative_mention_default IS 'Initiative mentions of the articles in zhfacts.article_default';
SELECT pg_catalog.pg_extension_config_dump('zhfacts.article_default', '');
SELECT pg_catalog.pg_extension_config_dump('zhfacts.article_region_default', '');
SELECT pg_catalog.pg_extension_config_dump('zhfacts.article_money_default', '');
SELECT pg_catalog.pg_extension_config_dump('zhfacts.initiative_mention_default', '');

CREATE FUNCTION zhfacts.add_article_partitions(upto bigint)
RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	width	bigint := zhfacts._article_partition_rows();
	lo		bigint;
	t		text;
	name	text;
	made	integer := 0;
	owner	oid := (SELECT c.relowner FROM pg_class c WHERE c.oid = 'zhfacts.article'::regclass);
BEGIN
	IF NOT pg_has_role(owner, 'USAGE') THEN
		RAISE EXCEPTION 'only the owner of zhfacts.article can add partitions to it'
			USING ERRCODE = 'insufficient_privilege',
				  HINT = format('Run zhfacts.add_article_partitions as %s.', owner::regrole);
	END IF;
	-- one session at a time (ingest_article's sessions do not wait)
	PERFORM pg_advisory_xact_lock(hashtext('zhfacts.article partitions'));
	-- after the last range partition, and after rows already in the default
	-- one (which a new partition must not claim)
	lo := greatest(coalesce(zhfacts._range_partitions_end('zhfacts.article'), 1),
				   coalesce((SELECT max(d.id) FROM zhfacts.article_default d), 0) + 1,
				   coalesce((SELECT max(d.article_id) FROM zhfacts.article_region_default d), 0) + 1,
				   coalesce((SELECT max(d.article_id) FROM zhfacts.article_money_default d), 0) + 1,
				   coalesce((SELECT max(d.article_id) FROM zhfacts.initiative_mention_default d), 0) + 1);
	WHILE lo <= upto LOOP
		-- the articles' partition first: the fact tables follow its bounds
		FOREACH t IN ARRAY ARRAY['article', 'article_region', 'article_money', 'initiative_mention'] LOOP
			name := t || '_' || lo;
			EXECUTE format('CREATE TABLE zhfacts.%I (LIKE zhfacts.%I INCLUDING DEFAULTS
				INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING COMPRESSION INCLUDING STORAGE)', name, t);
			PERFORM zhfacts._index_partition(format('zhfacts.%I', name)::regclass, format('zhfacts.%I', t)::regclass);
			-- ATTACH, not CREATE TABLE ... PARTITION OF: it leaves the parent
			-- open to inserts and searches (SHARE UPDATE EXCLUSIVE)
			EXECUTE format('ALTER TABLE zhfacts.%I ATTACH PARTITION zhfacts.%I FOR VALUES FROM (%s) TO (%s)',
						   t, name, lo, lo + width);
		END LOOP;
		lo := lo + width;
		made := made + 1;
	END LOOP;
	RETURN made;
END;
$$;
COMMENT ON FUNCTION zhfacts.add_article_partitions(bigint) IS
	'Make range partitions of zhfacts.article and its fact tables (zhfacts.article_partition_rows ids each) until ids up to upto are covered; returns how many ranges were made.  Before a bulk INSERT of n rows: add_article_partitions(nextval(''zhfacts.article_id_seq'') + n)';

-- Called by ingest_article with each new id before it inserts: keeps one
-- spare partition ahead of the ids.  While the id is covered it tries on one
-- id in 64, without waiting (attaching a partition locks the default one,
-- which every search reads): if another session is making a partition or a
-- query holds the default partition, a later id tries again.  An id that is
-- not covered waits until its partition is made, so that ingestion never
-- puts rows into the default partition (a row routed there while another
-- session attaches the range that holds it fails).  A role that does not own
-- zhfacts.article makes none: its rows beyond the partitions go to
-- article_default.
CREATE FUNCTION zhfacts._cover_article_id(a_id bigint)
RETURNS void
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = zhfacts, pg_catalog
AS $$
DECLARE
	width	bigint := zhfacts._article_partition_rows();
	covered	bigint := zhfacts._range_partitions_end('zhfacts.article');
	timeout	text := current_setting('lock_timeout');
BEGIN
	IF a_id + width < covered
	   OR NOT pg_has_role((SELECT c.relowner FROM pg_class c WHERE c.oid = 'zhfacts.article'::regclass), 'USAGE') THEN
		RETURN;
	END IF;
	IF a_id < covered THEN
		IF a_id % 64 <> 0 OR NOT pg_try_advisory_xact_lock(hashtext('zhfacts.article partitions')) THEN
			RETURN;
		END IF;
		BEGIN
			PERFORM set_config('lock_timeout', '10ms', true);
			PERFORM zhfacts.add_article_partitions(a_id + width);
			PERFORM set_config('lock_timeout', timeout, true);
		EXCEPTION
			-- busy, or a row just inserted into a default partition lies in
			-- the new range: a later id tries again (after that row)
			WHEN lock_not_available OR check_violation THEN
				NULL;
		END;
	ELSE
		FOR attempt IN 1..3 LOOP
			BEGIN
				PERFORM zhfacts.add_article_partitions(a_id + width);
				EXIT;
			EXCEPTION WHEN check_violation THEN
				NULL;	-- as above; the next attempt starts after that row
			END;
		END LOOP;
	END IF;
END;
$$;
COMMENT ON FUNCTION zhfacts._cover_article_id(bigint) IS
	'Internal: make the next partition of zhfacts.article when id a_id nears the end of the last one (now, if a_id is not covered)';

CREATE VIEW zhfacts.article_partitions AS
SELECT c.oid::regclass AS partition, pg_get_expr(c.relpartbound, c.oid) AS bounds,
	   greatest(c.reltuples, 0)::bigint AS rows_estimate,
	   pg_total_relation_size(c.oid) AS total_bytes
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'zhfacts.article'::regclass;
COMMENT ON VIEW zhfacts.article_partitions IS
	'The partitions of zhfacts.article: bounds, rows (as of the last ANALYZE) and size with indexes';

-- GIN indexes keep new entries in a pending list until it fills; this merges
-- them now (after a bulk load, before measuring, before a read-only period).
CREATE FUNCTION zhfacts.clean_pending_lists()
RETURNS bigint
LANGUAGE sql VOLATILE
SET search_path = zhfacts, pg_catalog
BEGIN ATOMIC
	SELECT coalesce(sum(pg_catalog.gin_clean_pending_list(x.indexrelid)), 0)
	  FROM pg_catalog.pg_index x
	  JOIN pg_catalog.pg_inherits i ON i.inhrelid = x.indrelid
	  JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid
	  JOIN pg_catalog.pg_am am ON am.oid = c.relam
	 WHERE i.inhparent = 'zhfacts.article'::pg_catalog.regclass AND am.amname = 'gin';
END;
COMMENT ON FUNCTION zhfacts.clean_pending_lists() IS
	'Merge the pending lists of the GIN indexes of every partition of zhfacts.article into the indexes; returns the pages removed from the lists';
