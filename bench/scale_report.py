#!/usr/bin/env python3
"""Markdown tables of a bench_scale.sh run: scale_report.py OUT_DIR > report.md

Reads OUT_DIR/results.tsv (size, key, value) and OUT_DIR/queries.tsv (size,
query, word, ms), writes OUT_DIR/query_pct.tsv (size, query, p50, p95: p95 of
20 runs is the 19th value, of 10 the largest); the query labels come from the
QUERIES list of bench/bench_scale.sh."""
import collections, math, os, re, sys

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
labels = {}
for line in open(os.path.join(here, 'bench_scale.sh'), encoding='utf-8'):
    m = re.match(r'^"([A-Z]\d\d) ([^|]*)\|', line)
    if m:
        labels[m.group(1)] = m.group(2)

res = collections.defaultdict(dict)
for line in open(os.path.join(out, 'results.tsv'), encoding='utf-8'):
    n, k, v = line.rstrip('\n').split('\t')
    res[int(n)][k] = v
sizes = sorted(res)
rows = [
    ('articles in the table before the batch', 'articles', '{:,.0f}'),
    ('bulk load, ms/article (wall, 2 sessions)', 'bulk_ms_per_article', '{:.2f}'),
    ('**ingest_article**, ms/article, into the table of N', 'ingest_ms_per_article', '**{:.2f}**'),
    ('ingest_article into a copy of the first size\'s table, same pages, same moment', 'ingest_first_ms_per_article', '{:.2f}'),
    ('ingest_article into an empty table, same pages, same moment', 'ingest_empty_ms_per_article', '{:.2f}'),
    ('of which the GIN pending-list flush, table of N', 'ingest_flush_ms_per_article', '{:.2f}'),
    ('of which the flush, first size\'s table', 'ingest_first_flush_ms_per_article', '{:.2f}'),
    ('**ratio** table of N / first size\'s table (bar: within 20%)', 'ingest_ratio_to_first', '**{:.3f}**'),
    ('ratio to the first size in each round', 'ingest_ratio_to_first_rounds', None),
    ('ratio table of N / empty table', 'ingest_ratio_to_empty', '{:.3f}'),
    ('ratio to the empty table in each round', 'ingest_ratio_rounds', None),
    ('to_tsvector zhfacts.chinese, ms/article', 'to_tsvector_zhfacts_ms_per_article', '{:.3f}'),
    ('to_tsvector simple (baseline), ms/article', 'to_tsvector_simple_ms_per_article', '{:.3f}'),
    ('extract_regions, ms/article', 'extract_regions_ms_per_article', '{:.3f}'),
    ('extract_money, ms/article', 'extract_money_ms_per_article', '{:.4f}'),
    ('extract_initiatives, ms/article', 'extract_initiatives_ms_per_article', '{:.4f}'),
    ('region_of, ms/article', 'region_of_ms_per_article', '{:.3f}'),
    ('money_in_context, ms/article', 'money_in_context_ms_per_article', '{:.3f}'),
    ('to_tsvector zhfacts.chinese, against the first 10,000 articles\' bodies, same moment', 'to_tsvector_zhfacts_vs_first_10k', '{:.3f}'),
    ('extract_regions, against the first 10,000', 'extract_regions_vs_first_10k', '{:.3f}'),
    ('extract_money, against the first 10,000', 'extract_money_vs_first_10k', '{:.3f}'),
    ('extract_initiatives, against the first 10,000', 'extract_initiatives_vs_first_10k', '{:.3f}'),
    ('region_of, against the first 10,000', 'region_of_vs_first_10k', '{:.3f}'),
    ('money_in_context, against the first 10,000', 'money_in_context_vs_first_10k', '{:.3f}'),
    ('to_tsvector simple, against the first 10,000', 'to_tsvector_simple_vs_first_10k', '{:.3f}'),
    ('GIN build, zhfacts.chinese (s)', 'gin_build_ms', '{:.0f}', 1000),
    ('GIN size, zhfacts.chinese (MB)', 'gin_mb', '{:.0f}'),
    ('GIN build, simple (s)', 'simple_gin_build_ms', '{:.0f}', 1000),
    ('GIN size, simple (MB)', 'simple_gin_mb', '{:.0f}'),
    ('GIN build, pg_trgm (s)', 'trgm_gin_build_ms', '{:.0f}', 1000),
    ('GIN size, pg_trgm (MB)', 'trgm_gin_mb', '{:.0f}'),
    ('RUM build, zhfacts.chinese (s)', 'rum_build_ms', '{:.0f}', 1000),
    ('RUM size, zhfacts.chinese (MB)', 'rum_mb', '{:.0f}'),
    ('impact tiers of top_articles: build (s)', 'rank_build_ms', '{:.0f}', 1000),
    ('impact tiers of top_articles: size (MB)', 'rank_mb', '{:.0f}'),
    ('top_articles: same ranks as ORDER BY ts_rank_cd LIMIT 20', 'top_articles_same_ranks', None),
    ('table size, zhfacts.article (MB)', 'table_mb', '{:.0f}'),
    ('load average before the queries', 'load_average', None),
]
print('| | ' + ' | '.join('{:,}'.format(n) for n in sizes) + ' |')
print('|---|' + '---|' * len(sizes))
for r in rows:
    label, key, fmt = r[0], r[1], r[2]
    div = r[3] if len(r) > 3 else 1
    cells = []
    for n in sizes:
        v = res[n].get(key)
        if v is None or v == '':
            cells.append('–')
        elif fmt is None:
            cells.append(v)
        else:
            cells.append(fmt.format(float(v) / div))
    print('| %s | %s |' % (label, ' | '.join(cells)))
print()
runs = collections.defaultdict(list)
for line in open(os.path.join(out, 'queries.tsv'), encoding='utf-8'):
    n, k, w, ms = line.rstrip('\n').split('\t')
    runs[(int(n), k)].append(float(ms))
q = collections.defaultdict(dict)
with open(os.path.join(out, 'query_pct.tsv'), 'w') as f:
    for (n, k), v in sorted(runs.items()):
        v.sort()
        p50, p95 = v[(len(v) - 1) // 2], v[math.ceil(0.95 * len(v)) - 1]
        q[k][n] = (p50, p95)
        f.write('%d\t%s\t%.2f\t%.2f\n' % (n, k, p50, p95))
print('| query (ms, p50 / p95) | ' + ' | '.join('{:,}'.format(n) for n in sizes) + ' |')
print('|---|' + '---:|' * len(sizes))
def fmt(x):
    return '%.1f' % x if x < 100 else '%.0f' % x
for k in sorted(q, key=lambda k: ({'Q': 0, 'R': 1, 'P': 2, 'B': 3}.get(k[0], 4), k)):
    cells = [('%s / %s' % (fmt(q[k][n][0]), fmt(q[k][n][1]))) if n in q[k] else '–' for n in sizes]
    print('| %s %s | %s |' % (k, labels.get(k, ''), ' | '.join(cells)))
