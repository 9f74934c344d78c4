-- The Chinese text-search parser, dictionary and configuration.

CREATE FUNCTION zhfacts.prs_start(internal, int4)
RETURNS internal
AS 'MODULE_PATHNAME', 'zhfacts_prs_start'
LANGUAGE C STRICT;

CREATE FUNCTION zhfacts.prs_gettoken(internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'zhfacts_prs_gettoken'
LANGUAGE C STRICT;

CREATE FUNCTION zhfacts.prs_end(internal)
RETURNS void
AS 'MODULE_PATHNAME', 'zhfacts_prs_end'
LANGUAGE C STRICT;

CREATE FUNCTION zhfacts.prs_lextype(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'zhfacts_prs_lextype'
LANGUAGE C STRICT;

CREATE TEXT SEARCH PARSER zhfacts.chinese_parser (
	START = zhfacts.prs_start,
	GETTOKEN = zhfacts.prs_gettoken,
	END = zhfacts.prs_end,
	LEXTYPES = zhfacts.prs_lextype,
	HEADLINE = pg_catalog.prsd_headline
);
COMMENT ON TEXT SEARCH PARSER zhfacts.chinese_parser IS
	'Chinese segmenter: dictionary word graph with an HMM for unknown words; numbers, dates, Latin words, URLs and e-mail kept whole';

CREATE FUNCTION zhfacts.dict_init(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'zhfacts_dict_init'
LANGUAGE C STRICT;

CREATE FUNCTION zhfacts.dict_lexize(internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'zhfacts_dict_lexize'
LANGUAGE C STRICT;

CREATE TEXT SEARCH TEMPLATE zhfacts.chinese_template (
	INIT = zhfacts.dict_init,
	LEXIZE = zhfacts.dict_lexize
);
COMMENT ON TEXT SEARCH TEMPLATE zhfacts.chinese_template IS
	'Normalizes a token (Simplified, case folded, half-width) and adds the dictionary words inside it at the same position';

CREATE TEXT SEARCH DICTIONARY zhfacts.chinese_dict (
	TEMPLATE = zhfacts.chinese_template
);
COMMENT ON TEXT SEARCH DICTIONARY zhfacts.chinese_dict IS
	'zhfacts word normalizer; option subwords (default true): changing it requires REINDEX';

CREATE TEXT SEARCH CONFIGURATION zhfacts.chinese (PARSER = zhfacts.chinese_parser);
ALTER TEXT SEARCH CONFIGURATION zhfacts.chinese
	ADD MAPPING FOR word, latin, alnum, number, datetime, url, email, other
	WITH zhfacts.chinese_dict;
COMMENT ON TEXT SEARCH CONFIGURATION zhfacts.chinese IS
	'Chinese full-text search: every word type is indexed, with the sub-words of long words';

CREATE FUNCTION zhfacts.segment(doc text, OUT token text, OUT pos int, OUT type text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zhfacts_segment'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100 COST 1000;
-- STABLE, not IMMUTABLE: the result depends on the table zhfacts.user_word.
COMMENT ON FUNCTION zhfacts.segment(text) IS
	'Tokens of a document (white space left out) with 1-based character position and type';
