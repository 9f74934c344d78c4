#!/usr/bin/env python3
"""Generate synthetic Chinese text for bench_money.sh: news-like filler with
sums of money, counts, dates, percentages and codes mixed in.  Deterministic
(seeded).  Usage: gen_money_text.py MEGABYTES ROW_BYTES [news|dense] > rows.txt
Each output line is one document (no tabs or backslashes, for COPY).

news:  about one sum of money per 1.5 kB and a number every ~200 bytes
       (the gold seeds have one sum per 3.5 kB);
dense: a stress test, a sum of money every ~100 bytes."""
import random, sys

random.seed(20261124)
WORDS = ("今年 我们 企业 发展 项目 建设 推动 社区 服务 群众 经济 合作 平台 工作 "
         "乡村 振兴 城市 文化 活动 创新 人才 基层 治理 产业 数字化 公益 志愿者 "
         "持续 深化 完善 机制 开展 组织 参与 实现 提升 全面 覆盖 改革 共同 富裕 "
         "统一 一体化 第一 万名 千家 两岸 三方 四季 五大 六项 七彩 八方 九州 十大").split()
MONEY = ["超{a}亿元", "{b}余万元", "近{c}万元", "约{d}亿元", "{e}.{f}亿元", "人民币{g}元",
         "{h}.5万美元", "{i}-{j}万元", "{k}至{m}亿元", "五百万元", "{g}元{f}角", "{b}万元以上",
         "两千万港元", "一千二百欧元", "{c}万日元左右", "逾{a}亿元"]
OTHER = ["{b}余家", "{c}名", "{g}人次", "{d}%", "{y}年{mo}月{dd}日", "0571-{ph}",
         "{e}.{f}平方公里", "第{a}届", "{b}个"]

def fill(t):
    return t.format(a=random.randint(2, 99), b=random.randint(10, 9999), c=random.randint(100, 9999),
                    d=random.randint(1, 999), e=random.randint(1, 99), f=random.randint(1, 9),
                    g=random.randint(1, 99999), h=random.randint(1, 99), i=random.randint(1, 40) * 100,
                    j=random.randint(41, 99) * 100, k=random.randint(1, 4), m=random.randint(5, 9),
                    y=random.randint(1990, 2030), mo=random.randint(1, 12), dd=random.randint(1, 28),
                    ph=random.randint(10000000, 99999999))

P_MONEY, P_OTHER = 0.004, 0.03

def sentence():
    parts = []
    for _ in range(random.randint(6, 14)):
        r = random.random()
        if r < P_MONEY:
            parts.append(fill(random.choice(MONEY)))
        elif r < P_MONEY + P_OTHER:
            parts.append(fill(random.choice(OTHER)))
        else:
            parts.append(random.choice(WORDS))
    return "".join(parts) + random.choice("，。；。")

def main():
    global P_MONEY, P_OTHER
    if len(sys.argv) > 3 and sys.argv[3] == "dense":
        P_MONEY, P_OTHER = 0.08, 0.10
    total = int(float(sys.argv[1]) * 1024 * 1024)
    row = int(sys.argv[2])
    out, n = sys.stdout, 0
    while n < total:
        doc, size = [], 0
        while size < row:
            s = sentence()
            doc.append(s)
            size += len(s.encode())
        line = "".join(doc)
        out.write(line + "\n")
        n += len(line.encode())

if __name__ == "__main__":
    main()
