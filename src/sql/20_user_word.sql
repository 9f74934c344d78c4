-- The user dictionary.

CREATE TABLE zhfacts.user_word (
	word text PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 32 AND word !~ '\s'),
	freq int CHECK (freq > 0),
	tag text
);
COMMENT ON TABLE zhfacts.user_word IS
	'Words added to the segmentation dictionary (freq NULL: keep the word whole); takes effect in every session at once, REINDEX text-search indexes afterwards';
SELECT pg_catalog.pg_extension_config_dump('zhfacts.user_word', '');
-- every role that may search reads the user dictionary; writing it takes a grant
GRANT SELECT ON zhfacts.user_word TO PUBLIC;

CREATE FUNCTION zhfacts.user_word_changed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'zhfacts_user_word_changed'
LANGUAGE C;
COMMENT ON FUNCTION zhfacts.user_word_changed() IS
	'Trigger: tells every session to reload zhfacts.user_word';

CREATE TRIGGER user_word_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON zhfacts.user_word
	FOR EACH STATEMENT EXECUTE FUNCTION zhfacts.user_word_changed();
