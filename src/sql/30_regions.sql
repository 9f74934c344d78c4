-- Regions: the division gazetteer as a table, and region extraction.

CREATE FUNCTION zhfacts._gazetteer_rows(include_villages boolean DEFAULT false,
	OUT code text, OUT name text, OUT aliases text[], OUT level text,
	OUT parent_code text, OUT adcode text, OUT historical boolean, OUT current_code text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zhfacts_gazetteer_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 45000;
-- IMMUTABLE: reads only the gazetteer file installed with this version of the extension.
COMMENT ON FUNCTION zhfacts._gazetteer_rows(boolean) IS
	'Every division of the installed gazetteer (villages only when asked): what zhfacts.region is filled from';

CREATE TABLE zhfacts.region (
	code text PRIMARY KEY,
	name text NOT NULL,
	aliases text[] NOT NULL,
	level text NOT NULL CHECK (level IN ('province', 'prefecture', 'county', 'township', 'village')),
	parent_code text,
	adcode text,
	historical boolean NOT NULL,
	current_code text NOT NULL
);
COMMENT ON TABLE zhfacts.region IS
	'Divisions of mainland China from province to township (NBS 2023 statistical codes), plus renamed and abolished ones (historical, with the code that holds them now)';
COMMENT ON COLUMN zhfacts.region.code IS
	'Statistical code at its own length (2, 4, 6, 9 digits; a parent''s code is a prefix); historical rows: old code@year';
COMMENT ON COLUMN zhfacts.region.aliases IS
	'Other names texts use: short names (杭州, 淳安, 景宁), variants (景宁县, 恩施州), one-character abbreviations (浙, 沪)';
COMMENT ON COLUMN zhfacts.region.adcode IS
	'6-digit GB/T 2260 code (330000, 330100, 330106; historical rows: the old one, 330103); NULL below county level';
COMMENT ON COLUMN zhfacts.region.current_code IS
	'The division that holds it now: code itself, or for a historical row its successor';

INSERT INTO zhfacts.region SELECT * FROM zhfacts._gazetteer_rows(false);
-- reference data every analyst joins with
GRANT SELECT ON zhfacts.region TO PUBLIC;
CREATE INDEX region_name_idx ON zhfacts.region (name);
CREATE INDEX region_parent_idx ON zhfacts.region (parent_code);
CREATE INDEX region_adcode_idx ON zhfacts.region (adcode);
CREATE INDEX region_aliases_idx ON zhfacts.region USING gin (aliases);

CREATE FUNCTION zhfacts.extract_regions(doc text,
	OUT mention text, OUT pos int, OUT code text, OUT level text, OUT name text,
	OUT province text, OUT prefecture text, OUT county text, OUT adcode text,
	OUT ambiguous boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zhfacts_extract_regions'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20 COST 1000;
-- IMMUTABLE: depends only on the installed gazetteer and dictionary files, not on tables.
COMMENT ON FUNCTION zhfacts.extract_regions(text) IS
	'Every mention of a Chinese administrative division in doc: position (1-based characters), resolved code (NULL when ambiguous) and its province, prefecture, county';

CREATE FUNCTION zhfacts.region_of(doc text)
RETURNS text
AS 'MODULE_PATHNAME', 'zhfacts_region_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
-- IMMUTABLE: as zhfacts.extract_regions.
COMMENT ON FUNCTION zhfacts.region_of(text) IS
	'Code of the region doc is mainly about: the most specific division containing at least half of its resolved region mentions, or NULL';
