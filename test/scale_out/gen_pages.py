#!/usr/bin/env python3
"""Deterministic saved pages for test/scale_out.sh: the sentences of sample/*.txt
shuffled into COUNT pages (title, date, source, body), written to DIR as
page_0001.txt ...  Publication times are drawn from a few days, so that many
pages share one (first sightings of an initiative tie across shards).  Every
tenth page repeats an earlier one under a new name (a duplicate).

Usage: gen_pages.py DIR COUNT [SEED]
"""
import os, random, re, sys

here = os.path.dirname(os.path.abspath(__file__))
sample = os.path.join(here, '..', '..', 'sample')
sentences = []
for name in sorted(os.listdir(sample)):
    if name.endswith('.txt'):
        text = open(os.path.join(sample, name), encoding='utf-8').read()
        for s in re.split(r'(?<=[。！？])', text):
            s = s.strip()
            # sentences of body text: Chinese, ended, not page chrome
            if (len(s) >= 12 and s[-1] in '。！？' and '\n' not in s
                    and not re.search(r'聲明|声明|版权|编辑|\(w', s)):
                sentences.append(s)
out, count = sys.argv[1], int(sys.argv[2])
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
os.makedirs(out, exist_ok=True)
pages = []
for i in range(1, count + 1):
    if i % 10 == 0 and pages:
        page = rnd.choice(pages)
    else:
        body = [rnd.choice(sentences) for _ in range(rnd.randint(4, 12))]
        title = re.sub(r'[，。！？、：；“”]', '', body[0])[:24]
        when = '2023-%02d-%02d %02d:00' % (rnd.randint(1, 3), rnd.randint(1, 4), rnd.choice((9, 15)))
        page = '%s\n%s　来源：示例新闻网\n\n%s\n' % (title, when, '\n'.join(body))
        pages.append(page)
    with open(os.path.join(out, 'page_%04d.txt' % i), 'w', encoding='utf-8') as f:
        f.write(page)
