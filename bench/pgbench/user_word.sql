-- add, change (its tag; freq stays NULL: kept whole) or remove a user word;
-- the trigger sends a relcache invalidation and every session reloads its
-- user dictionary.  The 40 words (并发校验甲子 ... 并发校验癸卯) appear in no
-- generated article, so the facts do not depend on when they changed.  (A
-- word with digits would not stay whole: numbers are tokens of their own.)
\set a random(1, 10)
\set b random(1, 4)
\if random(0, 2) > 0
INSERT INTO zhfacts.user_word AS u (word, freq, tag) VALUES ('并发校验' || substr('甲乙丙丁戊己庚辛壬癸', :a, 1) || substr('子丑寅卯', :b, 1), NULL, 'nz')
ON CONFLICT (word) DO UPDATE SET tag = CASE WHEN u.tag = 'nz' THEN 'n' ELSE 'nz' END;
\else
DELETE FROM zhfacts.user_word WHERE word = '并发校验' || substr('甲乙丙丁戊己庚辛壬癸', :a, 1) || substr('子丑寅卯', :b, 1);
\endif
