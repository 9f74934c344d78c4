-- Privileges (issue #6): a plain role granted USAGE on the schema can use
-- every read-only function; it writes zhfacts.user_word only once granted so;
-- no function of the extension is SECURITY DEFINER, and every SQL or PL/pgSQL
-- function pins its search_path.
SET client_min_messages = warning;
\pset null '(null)'

CREATE ROLE regress_zhfacts_reader NOLOGIN;
GRANT USAGE ON SCHEMA zhfacts TO regress_zhfacts_reader;

SELECT to_regproc('zhfacts.extract_money') IS NOT NULL AS has_extract_money,
       to_regproc('zhfacts.parse_money') IS NOT NULL AS has_parse_money \gset

-- Take the role before anything is tokenized, so that this backend loads the
-- user dictionary with the role's rights, not the superuser's.
SET ROLE regress_zhfacts_reader;
SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user;

CREATE TEMP TABLE doc (body text);
INSERT INTO doc VALUES ('丽水市景宁县今年拿出两千万元修缮畲族古村落，溪头村的老祠堂下月开放。');

-- text search
SELECT to_tsvector('zhfacts.chinese', body) @@ plainto_tsquery('zhfacts.chinese', '景宁县') AS found,
       to_tsvector('zhfacts.chinese', body) @@ phraseto_tsquery('zhfacts.chinese', '修缮畲族古村落') AS phrase,
       to_tsvector('zhfacts.chinese', body) @@ phraseto_tsquery('zhfacts.chinese', '古村落修缮') AS wrong_order
  FROM doc;
SELECT ts_headline('zhfacts.chinese', body, plainto_tsquery('zhfacts.chinese', '祠堂'),
                   'StartSel=【, StopSel=】, HighlightAll=true') AS headline
  FROM doc;

-- segmentation: the tokens rebuild the text (spaces aside) at their positions
SELECT count(*) > 0 AS has_tokens,
       string_agg(token, '' ORDER BY pos) = (SELECT body FROM doc) AS rebuilt,
       bool_and(substr((SELECT body FROM doc), pos, length(token)) = token) AS positions
  FROM doc, zhfacts.segment(body);

-- regions
SELECT mention, pos, code, level FROM doc, zhfacts.extract_regions(body) ORDER BY pos, code;
SELECT zhfacts.region_of(body) FROM doc;

-- money, when the extension has it
\if :has_extract_money
SELECT mention, pos, amount, currency FROM doc, zhfacts.extract_money(body) ORDER BY pos;
\endif
\if :has_parse_money
SELECT amount, qualifier, currency FROM zhfacts.parse_money('约1.5亿元');
\endif

-- the reference table of regions is readable
SELECT code, name, level FROM zhfacts.region WHERE name = '景宁畲族自治县';

-- user_word: readable, but not writable without a grant
SELECT count(*) >= 0 AS readable FROM zhfacts.user_word;
INSERT INTO zhfacts.user_word VALUES ('畲寨灯会', NULL, 'nz');
UPDATE zhfacts.user_word SET freq = 1;
DELETE FROM zhfacts.user_word;
TRUNCATE zhfacts.user_word;

-- no table or sequence of the extension is writable by the role
RESET ROLE;
SELECT c.relname
  FROM pg_class c
  JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
 WHERE d.refclassid = 'pg_extension'::regclass
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'zhfacts')
   AND ((c.relkind IN ('r', 'p')
         AND has_table_privilege('regress_zhfacts_reader', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE'))
        OR (c.relkind = 'S'
            AND has_sequence_privilege('regress_zhfacts_reader', c.oid, 'USAGE, UPDATE')))
 ORDER BY 1;

-- granted INSERT, the role adds a word, and its own session sees it at once
GRANT INSERT ON zhfacts.user_word TO regress_zhfacts_reader;
SET ROLE regress_zhfacts_reader;
SELECT bool_or(token = '畲寨灯会') AS whole_before FROM zhfacts.segment('景宁的畲寨灯会热闹非凡');
INSERT INTO zhfacts.user_word VALUES ('畲寨灯会', NULL, 'nz');
SELECT bool_or(token = '畲寨灯会') AS whole_after FROM zhfacts.segment('景宁的畲寨灯会热闹非凡');
SELECT to_tsvector('zhfacts.chinese', '景宁的畲寨灯会热闹非凡')
       @@ to_tsquery('zhfacts.chinese', '畲寨灯会') AS found;
-- INSERT only: updating and deleting are still refused
UPDATE zhfacts.user_word SET freq = 5 WHERE word = '畲寨灯会';
DELETE FROM zhfacts.user_word WHERE word = '畲寨灯会';
RESET ROLE;

-- no SECURITY DEFINER function in the extension (expected: none)
SELECT p.oid::regprocedure AS security_definer
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refclassid = 'pg_extension'::regclass
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'zhfacts')
   AND p.prosecdef
 ORDER BY 1::text;

-- every function of the extension is LANGUAGE C or pins its search_path
-- (expected: none)
SELECT p.oid::regprocedure AS unpinned, l.lanname
  FROM pg_proc p
  JOIN pg_language l ON l.oid = p.prolang
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refclassid = 'pg_extension'::regclass
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'zhfacts')
   AND l.lanname <> 'c'
   AND NOT EXISTS (SELECT FROM unnest(p.proconfig) AS cfg WHERE cfg LIKE 'search\_path=%')
 ORDER BY 1::text;

-- and there is at least one function of each kind, so the checks above bite
SELECT l.lanname = 'c' AS language_c, count(*) > 0 AS some
  FROM pg_proc p
  JOIN pg_language l ON l.oid = p.prolang
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refclassid = 'pg_extension'::regclass
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'zhfacts')
 GROUP BY 1 ORDER BY 1;

-- clean up
DELETE FROM zhfacts.user_word WHERE word = '畲寨灯会';
DROP TABLE doc;
REVOKE ALL ON zhfacts.user_word FROM regress_zhfacts_reader;
REVOKE ALL ON SCHEMA zhfacts FROM regress_zhfacts_reader;
DROP OWNED BY regress_zhfacts_reader;
DROP ROLE regress_zhfacts_reader;
SELECT count(*) AS roles_left FROM pg_roles WHERE rolname LIKE 'regress\_zhfacts\_%';
