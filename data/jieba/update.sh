#!/bin/sh
# Regenerate data/jieba/ from Debian's python3-jieba (apt-get install python3-jieba).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=/usr/lib/python3/dist-packages/jieba
cp "$src/dict.txt" "$here/dict.txt"
python3 - "$here/hmm.tsv" <<'PY'
import sys
sys.path.insert(0, '/usr/lib/python3/dist-packages')
from jieba.finalseg import prob_emit, prob_start, prob_trans
E = prob_emit.P
chars = set()
for s in 'BMES':
    chars |= set(E[s])
def v(x):
    return 'x' if x < -1e99 else '%.6f' % x
with open(sys.argv[1], 'w') as f:
    f.write('# jieba finalseg HMM (BMES), natural-log probabilities; MIT licence, see data/ATTRIBUTION.md\n')
    f.write('start\t' + '\t'.join('%s=%s' % (s, v(prob_start.P[s])) for s in 'BMES') + '\n')
    for a in 'BMES':
        f.write('trans\t' + a + '\t' + '\t'.join('%s=%.6f' % (b, p) for b, p in sorted(prob_trans.P[a].items())) + '\n')
    for c in sorted(chars):
        f.write('emit\t' + c + '\t' + '\t'.join(v(E[s][c]) if c in E[s] else 'x' for s in 'BMES') + '\n')
PY
