#!/usr/bin/env python3
"""Deterministic benchmark corpus: sentences of sample/*.txt shuffled into documents.

Usage: gen_corpus.py MEGABYTES [SEED] > corpus.tsv   (one document a line: id TAB body)
"""
import os, random, re, sys

here = os.path.dirname(os.path.abspath(__file__))
sample = os.path.join(here, '..', 'sample')
sentences = []
for name in sorted(os.listdir(sample)):
    if name.endswith('.txt'):
        text = open(os.path.join(sample, name), encoding='utf-8').read()
        sentences += [s for s in re.split(r'(?<=[。！？；\n])', text) if s.strip()]
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 42)
target = int(float(sys.argv[1]) * 1024 * 1024)
out, size, doc_id = sys.stdout, 0, 0
while size < target:
    doc = ''.join(rnd.choice(sentences).strip() for _ in range(rnd.randint(10, 40)))
    doc_id += 1
    line = f'{doc_id}\t{doc}\n'
    out.write(line)
    size += len(line.encode('utf-8'))
