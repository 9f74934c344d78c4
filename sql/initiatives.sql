-- zhfacts.extract_initiatives: quoted names told apart from quoted emphasis by
-- their context, unquoted names by their suffix.  Sentences written for this test.
\pset null '(null)'

-- quoted names followed by a kind word (a chain of quotes shares it)
SELECT * FROM zhfacts.extract_initiatives('上城区搭建“午间一小时”“云上会客厅”等为企服务平台，深化“百名书记联百村”工作机制。');
SELECT * FROM zhfacts.extract_initiatives('开展“清风护航”专项行动，擦亮“江南好客”服务品牌，成立「青苗助学」基金。');
-- the name ends with a kind word; a creating verb before it
SELECT * FROM zhfacts.extract_initiatives('创办“乡村振兴学堂”，推出“共富大篷车”，培育“数智同心荟”。');
-- a middle dot joins two names into one brand
SELECT * FROM zhfacts.extract_initiatives('举办2023“创业中华·同心筑梦”交流会。');
-- a list going on unquoted shares the context: “A”、B、C等项目
SELECT * FROM zhfacts.extract_initiatives('推进“两进两回”、青年创客大赛、海岛巾帼先锋等项目。');

-- quoted emphasis, goals, slogans, enumerations and speech are not initiatives
SELECT count(*) AS none FROM zhfacts.extract_initiatives('提高服务“便利化”和“精准化”水平，探索共富“新路子”。');
SELECT count(*) AS none FROM zhfacts.extract_initiatives('坚持“政府引导、市场运作、社会参与”原则，推行“线上+线下”培训模式。');
SELECT count(*) AS none FROM zhfacts.extract_initiatives('以“同心”为主题开展系列活动，吸引“归巢燕”回乡。');
SELECT count(*) AS none FROM zhfacts.extract_initiatives('他说：“我们一定要把这条路修好，让村民出行更方便。”');
SELECT count(*) AS none FROM zhfacts.extract_initiatives('助力“两个健康”，印发《乡村振兴实施方案》。');

-- unquoted names by their suffix, starting after a verb or punctuation
SELECT * FROM zhfacts.extract_initiatives('企业家陈先生发起春晖助学基金会，十年资助学生两千名。');
SELECT * FROM zhfacts.extract_initiatives('组建钱塘青年创业联盟，开展清洁家园美化行动助力乡村振兴、文明乡风培育行动助力精神富裕。');
SELECT * FROM zhfacts.extract_initiatives('街道设晴雨议事厅、晴雨书画馆、晴雨大舞台等阵地。');
SELECT * FROM zhfacts.extract_initiatives('创新实施委员履职互评机制，打造留学生一站式服务平台。');
-- counted or generic things are not names
SELECT count(*) AS none FROM zhfacts.extract_initiatives('推进六大行动，举办各类论坛，建立健全工作机制。');

-- Traditional script: the same rules on the normalized text, positions on the original
SELECT * FROM zhfacts.extract_initiatives('打造「鄰里守望」服務品牌，組建孝善文化聯盟。');

-- positions are 1-based characters: substr gives the name back
SELECT bool_and(substr(d, pos, length(name)) = name) AS positions_right
  FROM (VALUES ('第一段。\n搭建“午间一小时”服务平台，成立春晖助学基金会。'),
               ('繁體「鄰里守望」服務品牌')) v(d),
       zhfacts.extract_initiatives(d);

-- NULL, empty, no Chinese
SELECT count(*) FROM zhfacts.extract_initiatives(NULL);
SELECT count(*) FROM zhfacts.extract_initiatives('');
SELECT count(*) FROM zhfacts.extract_initiatives('“quoted” English “platform” text');
