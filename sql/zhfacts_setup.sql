-- Runs first: creates the extension every other test uses.
SET client_min_messages = warning;
CREATE EXTENSION zhfacts;
SELECT extname, extversion, extrelocatable, n.nspname
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE extname = 'zhfacts';
