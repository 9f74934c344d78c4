-- Money extraction and Chinese number parsing (src/pg/money.c).

CREATE FUNCTION zhfacts.parse_number(txt text)
RETURNS numeric
AS 'MODULE_PATHNAME', 'zhfacts_parse_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts.parse_number(text) IS
	'Exact value of one number in Arabic or Chinese numerals or a mix (一千零十一, 两亿, 三万五, 1.3万, 1亿2千万, 壹佰萬, 二〇〇一); ERROR 22P02 on anything else';

CREATE FUNCTION zhfacts.parse_money(expr text,
	OUT amount numeric, OUT amount_min numeric, OUT amount_max numeric,
	OUT qualifier text, OUT currency text)
RETURNS record
AS 'MODULE_PATHNAME', 'zhfacts_parse_money'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION zhfacts.parse_money(text) IS
	'One sum of money (2600余万元, 近1000万元, 3000-5000万元, 1.5万美元) as amount, bounds, qualifier (exact|approx|over|under|range) and ISO currency (CNY when none is written); ERROR 22P02 if the text is not one';

CREATE FUNCTION zhfacts.extract_money(doc text)
RETURNS TABLE(mention text, pos int, amount numeric, amount_min numeric,
	amount_max numeric, qualifier text, currency text)
AS 'MODULE_PATHNAME', 'zhfacts_extract_money'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 10 COST 1000;
COMMENT ON FUNCTION zhfacts.extract_money(text) IS
	'Every sum of money in a document: the mention, its 1-based character position, amount (NULL for a range), amount_min, amount_max, qualifier (exact|approx|over|under|range) and ISO 4217 currency';
