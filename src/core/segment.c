/*
 * segment.c - the segmenter (see segment.h).
 *
 * Work is done one chunk at a time: a chunk is decoded and normalized into
 * code points, cut into tokens, and the tokens are handed out one by one.  A
 * chunk ends at white space or sentence punctuation once it is long enough,
 * so no rule ever needs to look across a chunk boundary.
 */
#include "segment.h"
#include "charclass.h"
#include "norm.h"
#include "utf8.h"
#include "zf_alloc.h"

#include <math.h>
#include <string.h>

#define CHUNK_SOFT		2048	/* chars after which a chunk ends at the next break */
#define CHUNK_HARD		8192	/* chars after which a chunk ends anyway */
#define MAX_TOKEN_CHARS 256		/* longer runs are cut: tsvector skips tokens >= 2047 bytes */
#define NUMERAL_LOGP	(-8.0f)	/* score of a Chinese numeral or date candidate */
#define NOT_WORD		(-1e29f)

/*
 * A character at least this frequent (log probability; about the 150 most
 * common) is a word by itself and is never joined to others by the HMM.
 */
#define COMMON_CHAR_LOGP (-7.0f)

/*
 * Bonus per word of a path in the word graph.  Maximum probability alone
 * prefers few long words; the word list's long compounds (信息技术) are then
 * kept where both segmentation standards cut them.  The values were chosen
 * from a handful by F1 on SIGHAN 2005 (bench/RESULTS.md says so).
 */
#define WORD_BONUS		2.5f	/* a dictionary word of two or more characters */
#define SINGLE_BONUS	1.5f	/* a single character */

/*
 * Words of three or more characters counted fewer times than this in the
 * word list's source corpus get no WORD_BONUS.  Seven in ten entries of the
 * jieba list are such rare counts, many of them compounds (共同富裕: 3) that
 * both segmentation standards cut into their words; the bonus would keep
 * them whole.  Unbonused, such a word still wins where its parts are rarer
 * still.  Two-character words keep the bonus (乡贤: cutting it gives single
 * characters, not words).  Chosen from RARE_WORD_COUNT 10 and 20, and from
 * every length / three or more / four or more, by F1 on SIGHAN 2005
 * (bench/RESULTS.md).
 */
#define RARE_WORD_COUNT 10

struct zf_seg
{
	const zf_dict *dict;
	const zf_trie *user;
	float		rare_word_logp; /* log probability of RARE_WORD_COUNT sightings */
	const unsigned char *text;
	size_t		len;
	size_t		pos;			/* byte offset of the next chunk */

	/* the current chunk */
	uint32_t   *cps;			/* normalized code points */
	uint32_t   *offs;			/* byte offset of each char in the text, plus one past */
	size_t		nchars,
				cap;

	zf_token   *toks;
	size_t		ntoks,
				next_tok,
				toks_cap;

	/* scratch for the word graph of a Chinese run */
	float	   *best;
	uint32_t   *step;
	uint8_t    *steptype;
	float	   *vit;			/* HMM scores, 4 per char */
	uint8_t    *back;			/* HMM back pointers, 4 per char */
	size_t		hmm_cap;
};

static const char *const toktype_names[ZF_TOK_LAST + 1] = {
	NULL, "word", "latin", "alnum", "number", NULL, "url", "email", "datetime",
	"other", "punct", NULL, "blank"
};

const char *
zf_toktype_name(int type)
{
	return (type >= 0 && type <= ZF_TOK_LAST) ? toktype_names[type] : NULL;
}

size_t
zf_normalize(const char *text, size_t len, uint32_t *out)
{
	const unsigned char *p = (const unsigned char *) text;
	size_t		i = 0,
				n = 0;

	while (i < len)
	{
		int			used;

		out[n++] = zf_norm_cp(zf_utf8_decode(p + i, len - i, &used));
		i += used;
	}
	return n;
}

zf_seg *
zf_seg_begin(const zf_dict *dict, const zf_trie *user, const char *text, size_t len)
{
	zf_seg	   *s = zf_malloc(sizeof(zf_seg));

	memset(s, 0, sizeof(*s));
	s->dict = dict;
	s->user = user;
	s->rare_word_logp = dict->min_logp + logf(RARE_WORD_COUNT - 0.5f);
	s->text = (const unsigned char *) text;
	s->len = len;
	return s;
}

void
zf_seg_end(zf_seg *s)
{
	if (s == NULL)
		return;
	zf_free(s->cps);
	zf_free(s->offs);
	zf_free(s->toks);
	zf_free(s->best);
	zf_free(s->step);
	zf_free(s->steptype);
	zf_free(s->vit);
	zf_free(s->back);
	zf_free(s);
}

/* ---------- dictionary access ---------- */

/* Log probability of cps[0..n) as a word of either dictionary, or NOT_WORD. */
static float
word_logp(const zf_seg *s, const uint32_t *cps, size_t n)
{
	float		p = zf_trie_lookup(&s->dict->trie, cps, n);

	if (s->user)
	{
		float		u = zf_trie_lookup(s->user, cps, n);

		if (u > p)
			p = u;
	}
	return p <= ZF_TRIE_NO_WORD ? NOT_WORD : p;
}

/*
 * Walk both tries along cps[0..n), calling back for every word found.  Used
 * for the word graph and for sub-words, so both see the same words.
 */
typedef void (*word_fn) (void *arg, size_t len, float logp);

static void
walk_words(const zf_dict *dict, const zf_trie *user, const uint32_t *cps, size_t n,
		   word_fn fn, void *arg)
{
	uint32_t	dnode = 0,
				unode = 0;
	bool		din = true,
				uin = (user != NULL);
	size_t		max = n < ZF_MAX_WORD_CHARS ? n : ZF_MAX_WORD_CHARS;

	for (size_t k = 0; k < max && (din || uin); k++)
	{
		float		p = NOT_WORD;

		if (din)
		{
			dnode = zf_trie_child(&dict->trie, dnode, cps[k]);
			if (dnode == 0)
				din = false;
			else if (dict->trie.nodes[dnode].logp > ZF_TRIE_NO_WORD)
				p = dict->trie.nodes[dnode].logp;
		}
		if (uin)
		{
			unode = zf_trie_child(user, unode, cps[k]);
			if (unode == 0)
				uin = false;
			else if (user->nodes[unode].logp > ZF_TRIE_NO_WORD && user->nodes[unode].logp > p)
				p = user->nodes[unode].logp;
		}
		if (p > NOT_WORD)
			fn(arg, k + 1, p);
	}
}

typedef struct split_ctx
{
	float	   *best;			/* best score from each position to the end */
	uint32_t   *step;
	size_t		i;
	size_t		whole;			/* the edge (0, whole) is not allowed */
} split_ctx;

static void
split_cb(void *arg, size_t len, float logp)
{
	split_ctx  *c = arg;
	float		score;

	if (c->i == 0 && len == c->whole)
		return;
	score = logp + c->best[c->i + len];
	if (score > c->best[c->i])
	{
		c->best[c->i] = score;
		c->step[c->i] = (uint32_t) len;
	}
}

/*
 * Split cps[0..n) into its most probable dictionary words other than itself,
 * report the parts of two or more characters, and split those in turn.  Only
 * parts on this hierarchy are reported, not every substring that happens to
 * be a word: 反腐败 gives 腐败 but not 反腐, whose boundary cuts 腐败.
 */
static void
split_recursive(const zf_dict *dict, const zf_trie *user, const uint32_t *cps, size_t n,
				size_t base, zf_subword_fn fn, void *arg, float *best, uint32_t *step)
{
	split_ctx	c;
	size_t		i;

	c.best = best;
	c.step = step;
	c.whole = n;
	best[n] = 0;
	for (i = n; i-- > 0;)
	{
		best[i] = dict->min_logp + best[i + 1];
		step[i] = 1;
		c.i = i;
		walk_words(dict, user, cps + i, n - i, split_cb, &c);
	}
	/* collect the parts first: the recursion reuses best and step */
	{
		uint32_t	parts[ZF_MAX_WORD_CHARS + 1];
		int			nparts = 0;

		for (i = 0; i < n; i += step[i])
			parts[nparts++] = (uint32_t) i;
		parts[nparts] = (uint32_t) n;
		for (int k = 0; k < nparts; k++)
		{
			size_t		len = parts[k + 1] - parts[k];

			if (len >= 2)
			{
				fn(arg, base + parts[k], len);
				if (len >= 3)
					split_recursive(dict, user, cps + parts[k], len, base + parts[k],
									fn, arg, best, step);
			}
		}
	}
}

static bool is_numeral(uint32_t c);

/* Common Chinese surnames, single and double, for telling names apart. */
static const char *const surnames1 =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
static const char *const surnames2 = "欧阳司马上官诸葛东方皇甫尉迟公孙令狐慕容夏侯长孙宇文司徒";

/*
 * Is cps[0..n) one of the names in list?  list is UTF-8 of equal-length names.
 * The single surnames are also kept in a bitmap built on first use, since
 * the check runs for every unknown word.
 */
static bool
in_list(const char *list, const uint32_t *cps, size_t n)
{
	size_t		len = strlen(list);
	size_t		i = 0;

	while (i < len)
	{
		size_t		k;
		bool		same = true;

		for (k = 0; k < n && i < len; k++)
		{
			int			used;

			if (zf_utf8_decode((const unsigned char *) list + i, len - i, &used) != cps[k])
				same = false;
			i += used;
		}
		if (same && k == n)
			return true;
	}
	return false;
}

static bool
is_surname1(uint32_t c)
{
	static uint8_t bitmap[0x10000 / 8];
	static bool built = false;

	if (!built)
	{
		const unsigned char *p = (const unsigned char *) surnames1;
		size_t		len = strlen(surnames1),
					i = 0;

		while (i < len)
		{
			int			used;
			uint32_t	cp = zf_utf8_decode(p + i, len - i, &used);

			if (cp < 0x10000)
				bitmap[cp >> 3] |= (uint8_t) (1 << (cp & 7));
			i += used;
		}
		built = true;
	}
	return c < 0x10000 && (bitmap[c >> 3] & (1 << (c & 7))) != 0;
}

/* Length of the surname if cps[0..n) looks like a person's full name, else 0. */
static size_t
surname_length(const uint32_t *cps, size_t n)
{
	if (n == 4 && in_list(surnames2, cps, 2))
		return 2;
	if ((n == 3 || n == 2) && is_surname1(cps[0]))
		return 1;
	return 0;
}

typedef struct boundary_ctx
{
	zf_subword_fn fn;
	void	   *arg;
	size_t		boundary;		/* parts may not cross this offset */
} boundary_ctx;

static void
boundary_cb(void *arg, size_t start, size_t len)
{
	boundary_ctx *bc = arg;

	if (start >= bc->boundary || start + len <= bc->boundary)
		bc->fn(bc->arg, start, len);
}

void
zf_subwords(const zf_dict *dict, const zf_trie *user, const uint32_t *cps, size_t n,
			zf_subword_fn fn, void *arg)
{
	float		best[ZF_MAX_WORD_CHARS + 1];
	uint32_t	step[ZF_MAX_WORD_CHARS + 1];
	uint32_t	node;
	size_t		sn,
				k;

	if (n < 3 || n > ZF_MAX_WORD_CHARS)
		return;
	/*
	 * A person's name, known as one or unknown to the dictionary: also its
	 * given name (王兆国 -> 兆国), which is how it is often cited.
	 */
	node = zf_trie_find(&dict->trie, cps, n);
	if ((node == 0 || dict->trie.nodes[node].logp <= ZF_TRIE_NO_WORD ||
		 (dict->trie.nodes[node].flags & ZF_WORD_NAME)) &&
		(sn = surname_length(cps, n)) > 0 && n - sn >= 2)
		fn(arg, sn, n - sn);
	/*
	 * An ordinal or a number of two or more characters at the start is a part
	 * of its own, and no part crosses its end: 第一次 -> 第一 but not 一次,
	 * 一百余 -> 一百.  A lone 一 starts too many ordinary words (一般, 一定) to
	 * be taken for a number.
	 */
	k = (cps[0] == 0x7B2C) ? 1 : 0;
	while (k < n && is_numeral(cps[k]))
		k++;
	if (k >= 2 && k < n)
	{
		boundary_ctx bc;

		fn(arg, 0, k);
		if (n - k >= 2)
			fn(arg, k, n - k);
		bc.fn = fn;
		bc.arg = arg;
		bc.boundary = k;
		split_recursive(dict, user, cps, n, 0, boundary_cb, &bc, best, step);
		return;
	}
	split_recursive(dict, user, cps, n, 0, fn, arg, best, step);
}

/* ---------- output ---------- */

static void
emit(zf_seg *s, size_t from, size_t to, int type)
{
	/* cut over-long runs so no token reaches the 2047-byte tsvector limit */
	while (from < to)
	{
		size_t		end = (to - from > MAX_TOKEN_CHARS) ? from + MAX_TOKEN_CHARS : to;
		zf_token   *t;

		if (s->ntoks == s->toks_cap)
		{
			s->toks_cap = s->toks_cap ? s->toks_cap * 2 : 256;
			s->toks = zf_realloc(s->toks, s->toks_cap * sizeof(zf_token));
		}
		t = &s->toks[s->ntoks++];
		t->off = s->offs[from];
		t->len = s->offs[end] - s->offs[from];
		t->nchars = (uint32_t) (end - from);
		t->type = (uint8_t) type;
		from = end;
	}
}

/* ---------- Chinese runs ---------- */

static bool
is_numeral(uint32_t c)
{
	switch (c)
	{
		case 0x3007:			/* 〇 */
		case 0x96F6:			/* 零 */
		case 0x4E00:			/* 一 */
		case 0x4E8C:			/* 二 */
		case 0x4E09:			/* 三 */
		case 0x56DB:			/* 四 */
		case 0x4E94:			/* 五 */
		case 0x516D:			/* 六 */
		case 0x4E03:			/* 七 */
		case 0x516B:			/* 八 */
		case 0x4E5D:			/* 九 */
		case 0x5341:			/* 十 */
		case 0x767E:			/* 百 */
		case 0x5343:			/* 千 */
		case 0x4E07:			/* 万 */
		case 0x4EBF:			/* 亿 */
		case 0x4E24:			/* 两 */
		case 0x58F9:			/* 壹 */
		case 0x8D30:			/* 贰 */
		case 0x53C1:			/* 叁 */
		case 0x8086:			/* 肆 */
		case 0x4F0D:			/* 伍 */
		case 0x9646:			/* 陆 */
		case 0x67D2:			/* 柒 */
		case 0x634C:			/* 捌 */
		case 0x7396:			/* 玖 */
		case 0x62FE:			/* 拾 */
		case 0x4F70:			/* 佰 */
		case 0x4EDF:			/* 仟 */
			return true;
	}
	return false;
}

/* Units that make a number a date or time (see segment.h). */
int
zf_date_unit_rank(uint32_t c)
{
	switch (c)
	{
		case 0x5E74:			/* 年 */
			return 1;
		case 0x6708:			/* 月 */
			return 2;
		case 0x65E5:			/* 日 */
		case 0x53F7:			/* 号 */
			return 3;
		case 0x65F6:			/* 时 */
		case 0x70B9:			/* 点 */
			return 4;
		case 0x5206:			/* 分 */
			return 5;
		case 0x79D2:			/* 秒 */
			return 6;
	}
	return 0;
}

typedef struct graph_ctx
{
	zf_seg	   *s;
	size_t		i;				/* start of the edges being added */
} graph_ctx;

static void
graph_cb(void *arg, size_t len, float logp)
{
	graph_ctx  *g = arg;
	zf_seg	   *s = g->s;
	float		bonus = len == 1 ? SINGLE_BONUS :
		(len < 3 || logp >= s->rare_word_logp) ? WORD_BONUS : 0;
	float		score = logp + bonus + s->best[g->i + len];

	if (score > s->best[g->i])
	{
		s->best[g->i] = score;
		s->step[g->i] = (uint32_t) len;
		s->steptype[g->i] = ZF_TOK_WORD;
	}
}

/* HMM (B/M/E/S) segmentation of cps[a..b) of unknown characters. */
static void
hmm_cut(zf_seg *s, size_t a, size_t b)
{
	const zf_dict *d = s->dict;
	size_t		n = b - a;
	float	   *v;
	uint8_t    *bk;
	/* allowed previous states of B, M, E, S */
	static const int prev[4][2] = {{ZF_HMM_E, ZF_HMM_S}, {ZF_HMM_M, ZF_HMM_B},
	{ZF_HMM_B, ZF_HMM_M}, {ZF_HMM_S, ZF_HMM_E}};
	int			st;
	size_t		i,
				end;

	if (n > s->hmm_cap)
	{
		s->hmm_cap = n * 2;
		s->vit = zf_realloc(s->vit, s->hmm_cap * 4 * sizeof(float));
		s->back = zf_realloc(s->back, s->hmm_cap * 4);
	}
	v = s->vit;
	bk = s->back;
	for (st = 0; st < 4; st++)
		v[st] = d->hmm_start[st] + zf_dict_emit(d, s->cps[a], st);
	for (i = 1; i < n; i++)
	{
		for (st = 0; st < 4; st++)
		{
			float		e = zf_dict_emit(d, s->cps[a + i], st);
			float		p0 = v[(i - 1) * 4 + prev[st][0]] + d->hmm_trans[prev[st][0]][st];
			float		p1 = v[(i - 1) * 4 + prev[st][1]] + d->hmm_trans[prev[st][1]][st];

			if (e < -1e29f)
				e = -20.0f;		/* unseen character: neutral, let transitions decide */
			if (p0 >= p1)
			{
				v[i * 4 + st] = p0 + e;
				bk[i * 4 + st] = (uint8_t) prev[st][0];
			}
			else
			{
				v[i * 4 + st] = p1 + e;
				bk[i * 4 + st] = (uint8_t) prev[st][1];
			}
		}
	}
	/* the last character ends a word */
	st = v[(n - 1) * 4 + ZF_HMM_E] >= v[(n - 1) * 4 + ZF_HMM_S] ? ZF_HMM_E : ZF_HMM_S;
	for (i = n; i-- > 0;)
	{
		s->steptype[a + i] = (uint8_t) st;	/* reuse as state store */
		if (i > 0)
			st = bk[i * 4 + st];
	}
	/* words end at E or S */
	end = a;
	for (i = 0; i < n; i++)
	{
		st = s->steptype[a + i];
		if (st == ZF_HMM_E || st == ZF_HMM_S || i == n - 1)
		{
			emit(s, end, a + i + 1, ZF_TOK_WORD);
			end = a + i + 1;
		}
	}
}

/*
 * Emit the pending run of single characters [a, b) the word graph left.  The
 * HMM joins unknown characters into words (names, new words), but a very
 * common character that is a word by itself (的, 是, 一, 年) stays alone: the
 * HMM only sees the stretches between such characters.
 */
static void
flush_singles(zf_seg *s, size_t a, size_t b)
{
	size_t		i,
				start = a;

	if (b - a >= 2 && word_logp(s, s->cps + a, b - a) > NOT_WORD)
	{
		for (i = a; i < b; i++)
			emit(s, i, i + 1, ZF_TOK_WORD);
		return;
	}
	for (i = a; i <= b; i++)
	{
		if (i < b && zf_trie_lookup(&s->dict->trie, s->cps + i, 1) <= COMMON_CHAR_LOGP)
			continue;
		/* [start, i) has no common character; i is one (or the end) */
		if (i - start == 1)
			emit(s, start, i, ZF_TOK_WORD);
		else if (i - start > 1)
			hmm_cut(s, start, i);
		if (i < b)
			emit(s, i, i + 1, ZF_TOK_WORD);
		start = i + 1;
	}
}

/* Is cps[a..k) written digit by digit, as years are (二〇〇一)? */
static bool
digit_by_digit(const zf_seg *s, size_t a, size_t k)
{
	for (size_t i = a; i < k; i++)
		switch (s->cps[i])
		{
			case 0x5341:		/* 十 */
			case 0x767E:		/* 百 */
			case 0x5343:		/* 千 */
			case 0x4E07:		/* 万 */
			case 0x4EBF:		/* 亿 */
			case 0x4E24:		/* 两 */
				return false;
		}
	return true;
}

/*
 * Offer a Chinese numeral of two or more characters at i as one word, with
 * an ordinal 第 before it and a date unit after it where the numeral fits
 * (二〇〇一年, 十二月, 三十一日, 第二十一).
 */
static void
numeral_edge(zf_seg *s, size_t i, size_t b)
{
	size_t		a = i,
				k;
	int			type = ZF_TOK_NUMBER;
	float		score;

	if (s->cps[a] == 0x7B2C && a + 1 < b)	/* 第 */
		a++;
	for (k = a; k < b && k - a <= ZF_MAX_WORD_CHARS && is_numeral(s->cps[k]); k++)
		;
	/* longer runs are no number (and the bound keeps the scan linear) */
	if ((k - a < 2 && !(a > i && k > a)) || k - a > ZF_MAX_WORD_CHARS)
		return;
	if (k < b && a == i)
	{
		int			rank = zf_date_unit_rank(s->cps[k]);

		if ((rank == 1 && k - a >= 2 && digit_by_digit(s, a, k)) ||
			((rank == 2 || rank == 3) && k - a <= 3 && s->cps[a] != 0x4E24))
		{
			k++;
			type = ZF_TOK_DATETIME;
		}
	}
	score = NUMERAL_LOGP + WORD_BONUS + s->best[k];
	if (score >= s->best[i])
	{
		s->best[i] = score;
		s->step[i] = (uint32_t) (k - i);
		s->steptype[i] = (uint8_t) type;
	}
}

static void
segment_han(zf_seg *s, size_t a, size_t b)
{
	size_t		n = b - a;
	size_t		i,
				singles;
	graph_ctx	g;

	/* best path from each position to the end of the run, right to left */
	s->best[b] = 0;
	g.s = s;
	for (i = b; i-- > a;)
	{
		s->best[i] = s->dict->min_logp + SINGLE_BONUS + s->best[i + 1];
		s->step[i] = 1;
		s->steptype[i] = ZF_TOK_WORD;
		g.i = i;
		walk_words(s->dict, s->user, s->cps + i, b - i, graph_cb, &g);

		numeral_edge(s, i, b);
	}

	/*
	 * A whole text of two to four characters that the dictionary can only cut
	 * into single characters (a query such as 兆国, a given name) is kept as
	 * one word: there is no context to cut it by, and whole it matches the
	 * name inside a longer token of a document.
	 */
	if (a == 0 && b == s->nchars && s->pos == 0 && s->offs[b] == s->len &&
		n >= 2 && n <= 4 && s->step[a] == 1)
	{
		for (i = a; i < b && s->step[i] == 1 && s->steptype[i] == ZF_TOK_WORD; i++)
			;
		if (i == b)
		{
			emit(s, a, b, ZF_TOK_WORD);
			return;
		}
	}

	/* follow the path; runs of single characters go to the HMM */
	singles = a;
	for (i = a; i < b;)
	{
		size_t		len = s->step[i];
		int			type = s->steptype[i];

		if (len == 1 && type == ZF_TOK_WORD)
		{
			i++;
			continue;
		}
		flush_singles(s, singles, i);
		emit(s, i, i + len, type);
		i += len;
		singles = i;
	}
	flush_singles(s, singles, b);
}

/* ---------- Latin, numbers, dates, URLs, e-mail ---------- */

static inline bool
is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static inline bool
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static bool
starts_with(const zf_seg *s, size_t i, size_t end, const char *lit)
{
	for (; *lit; lit++, i++)
		if (i >= end || s->cps[i] != (uint32_t) (unsigned char) *lit)
			return false;
	return true;
}

static bool
is_url_char(uint32_t c)
{
	return is_alnum(c) || (c < 0x80 && strchr("-._~:/?#[]@!$&'*+,;=%", (int) c) != NULL);
}

/* Length of a URL at i, or 0. */
static size_t
match_url(const zf_seg *s, size_t i, size_t end)
{
	size_t		k;

	if (starts_with(s, i, end, "http://"))
		k = i + 7;
	else if (starts_with(s, i, end, "https://"))
		k = i + 8;
	else if (starts_with(s, i, end, "ftp://"))
		k = i + 6;
	else if (starts_with(s, i, end, "www.") && i + 4 < end && is_alnum(s->cps[i + 4]))
		k = i + 4;
	else
		return 0;
	while (k < end && is_url_char(s->cps[k]))
		k++;
	/* trailing sentence punctuation is not part of the address */
	while (k > i && strchr(".,;:!?'", (int) (s->cps[k - 1] & 0x7F)) != NULL && s->cps[k - 1] < 0x80)
		k--;
	return k - i;
}

/* Length of an e-mail address at i, or 0. */
static size_t
match_email(const zf_seg *s, size_t i, size_t end)
{
	size_t		k = i,
				at,
				lastdot = 0;

	/* RFC 5321 limits: 64 characters before the @, 255 after (and the scan stays linear) */
	while (k < end && k - i < 64 &&
		   (is_alnum(s->cps[k]) || (s->cps[k] < 0x80 && strchr("._%+-", (int) s->cps[k]))))
		k++;
	if (k == i || k >= end || s->cps[k] != '@')
		return 0;
	at = k++;
	while (k < end && k - at < 255 && (is_alnum(s->cps[k]) || s->cps[k] == '-' || s->cps[k] == '.'))
	{
		if (s->cps[k] == '.')
			lastdot = k;
		k++;
	}
	while (k > at && s->cps[k - 1] == '.')
		k--;
	if (lastdot <= at + 1 || lastdot + 2 > k)
		return 0;
	return k - i;
}

/* Digits with thousands separators and a decimal part, from i; returns the end. */
static size_t
scan_number(const zf_seg *s, size_t i, size_t end)
{
	size_t		k = i;

	while (k < end && is_digit(s->cps[k]))
		k++;
	/* 1,000,000: a comma followed by exactly three digits */
	while (k + 3 < end + 0 && s->cps[k] == ',' && is_digit(s->cps[k + 1]) &&
		   is_digit(s->cps[k + 2]) && is_digit(s->cps[k + 3]) &&
		   (k + 4 >= end || !is_digit(s->cps[k + 4])))
		k += 4;
	if (k + 1 < end && s->cps[k] == '.' && is_digit(s->cps[k + 1]))
	{
		k++;
		while (k < end && is_digit(s->cps[k]))
			k++;
	}
	return k;
}

/*
 * A date or time made of numbers and units in increasing order, from i:
 * 2022年5月18日, 5月18日, 10时30分, or 10:30(:15), 2022-05-18.  Returns the end
 * or i when there is none.
 */
static size_t
scan_datetime(const zf_seg *s, size_t i, size_t end)
{
	size_t		k = i,
				good = i;
	int			last_rank = 0;

	/* ISO date 2022-05-18 or 2022/5/18 */
	{
		size_t		a = scan_number(s, i, end);

		if (a - i == 4 && a + 1 < end && (s->cps[a] == '-' || s->cps[a] == '/') &&
			is_digit(s->cps[a + 1]))
		{
			size_t		b = a + 1;
			uint32_t	sep = s->cps[a];

			while (b < end && is_digit(s->cps[b]) && b - a <= 2)
				b++;
			if (b < end && s->cps[b] == sep && b + 1 < end && is_digit(s->cps[b + 1]))
			{
				size_t		c = b + 1;

				while (c < end && is_digit(s->cps[c]) && c - b <= 2)
					c++;
				if (c >= end || !is_alnum(s->cps[c]))
					return c;
			}
		}
	}
	/* clock time 10:30 or 10:30:15 */
	{
		size_t		a = i;

		while (a < end && is_digit(s->cps[a]) && a - i < 2)
			a++;
		if (a > i && a + 2 < end && s->cps[a] == ':' && is_digit(s->cps[a + 1]) &&
			is_digit(s->cps[a + 2]) && (a + 3 >= end || !is_digit(s->cps[a + 3])))
		{
			a += 3;
			if (a + 2 < end && s->cps[a] == ':' && is_digit(s->cps[a + 1]) &&
				is_digit(s->cps[a + 2]) && (a + 3 >= end || !is_digit(s->cps[a + 3])))
				a += 3;
			return a;
		}
	}
	for (;;)
	{
		size_t		d = k;
		int			rank;

		while (d < end && is_digit(s->cps[d]) && d - k < 4)
			d++;
		if (d == k || d >= end || is_digit(s->cps[d]))
			break;
		rank = zf_date_unit_rank(s->cps[d]);
		/* 分 and 秒 only after an hour; units must increase */
		if (rank == 0 || rank <= last_rank || (rank >= 5 && last_rank < 4))
			break;
		last_rank = rank;
		k = d + 1;
		good = k;
	}
	return good;
}

static void
segment_ascii(zf_seg *s, size_t i, size_t end, size_t *next)
{
	size_t		k,
				m;
	bool		letters = false,
				digits = false;

	if ((m = match_url(s, i, end)) > 0)
	{
		emit(s, i, i + m, ZF_TOK_URL);
		*next = i + m;
		return;
	}
	if ((m = match_email(s, i, end)) > 0)
	{
		emit(s, i, i + m, ZF_TOK_EMAIL);
		*next = i + m;
		return;
	}
	if (is_digit(s->cps[i]))
	{
		k = scan_datetime(s, i, end);
		if (k > i)
		{
			emit(s, i, k, ZF_TOK_DATETIME);
			*next = k;
			return;
		}
		k = scan_number(s, i, end);
		if (k >= end || !is_alnum(s->cps[k]))
		{
			if (k < end && s->cps[k] == '%')
				k++;
			emit(s, i, k, ZF_TOK_NUMBER);
			*next = k;
			return;
		}
	}
	/* a run of letters and digits, with inner hyphens when it has letters (COVID-19) */
	k = i;
	while (k < end)
	{
		uint32_t	c = s->cps[k];

		if (is_alnum(c) || (c >= 0x80 && zf_charclass_of(c) == ZF_CC_LATIN) ||
			(k > i && zf_charclass_of(c) == ZF_CC_MARK))
		{
			if (is_digit(c))
				digits = true;
			else
				letters = true;
			k++;
		}
		else if ((c == '-' || c == '_' || c == '\'' || c == '.') && k > i && k + 1 < end &&
				 is_alnum(s->cps[k + 1]) && letters &&
				 (c != '.' || (!is_digit(s->cps[k - 1]) && !is_digit(s->cps[k + 1]))))
			k++;
		else
			break;
	}
	/* c++ and c# */
	while (k < end && k - i <= 3 && letters && (s->cps[k] == '+' || s->cps[k] == '#') &&
		   (k + 1 >= end || !is_alnum(s->cps[k + 1])))
		k++;
	emit(s, i, k, letters && digits ? ZF_TOK_ALNUM : (letters ? ZF_TOK_LATIN : ZF_TOK_NUMBER));
	*next = k;
}

/* ---------- the chunk loop ---------- */

static void
ensure_capacity(zf_seg *s, size_t n)
{
	if (n + 1 <= s->cap)
		return;
	s->cap = s->cap ? (n + 1) * 2 : n + 1;
	s->cps = zf_realloc(s->cps, s->cap * sizeof(uint32_t));
	s->offs = zf_realloc(s->offs, s->cap * sizeof(uint32_t));
	s->best = zf_realloc(s->best, s->cap * sizeof(float));
	s->step = zf_realloc(s->step, s->cap * sizeof(uint32_t));
	s->steptype = zf_realloc(s->steptype, s->cap);
}

static bool
is_break(uint32_t c)
{
	return zf_charclass_of(c) == ZF_CC_SPACE || c == 0x3002 || c == 0xFF01 ||
		c == 0xFF1F || c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == '!' ||
		c == '?' || c == ';';
}

/* Decode the next chunk into cps/offs (offsets relative to the chunk start). */
static void
load_chunk(zf_seg *s)
{
	size_t		p = s->pos;
	size_t		n = 0;

	/* a short text needs no more room than its length in bytes */
	ensure_capacity(s, s->len - p < CHUNK_SOFT ? s->len - p : CHUNK_SOFT);
	while (p < s->len)
	{
		int			used;
		uint32_t	c = zf_norm_cp(zf_utf8_decode(s->text + p, s->len - p, &used));

		if (n + 1 >= s->cap)
			ensure_capacity(s, n + 1);
		s->cps[n] = c;
		s->offs[n] = (uint32_t) (p - s->pos);
		n++;
		p += used;
		if ((n >= CHUNK_SOFT && is_break(c)) || n >= CHUNK_HARD)
			break;
	}
	s->offs[n] = (uint32_t) (p - s->pos);
	s->nchars = n;
}

static void
segment_chunk(zf_seg *s)
{
	size_t		i = 0,
				n = s->nchars;

	while (i < n)
	{
		uint32_t	c = s->cps[i];
		zf_charclass cc = zf_charclass_of(c);
		size_t		k = i + 1;

		switch (cc)
		{
			case ZF_CC_HAN:
				while (k < n && zf_charclass_of(s->cps[k]) == ZF_CC_HAN)
					k++;
				segment_han(s, i, k);
				break;
			case ZF_CC_DIGIT:
			case ZF_CC_LATIN:
				segment_ascii(s, i, n, &k);
				break;
			case ZF_CC_SPACE:
				while (k < n && zf_charclass_of(s->cps[k]) == ZF_CC_SPACE)
					k++;
				emit(s, i, k, ZF_TOK_BLANK);
				break;
			case ZF_CC_PUNCT:
				/* a run of the same mark (—— or ……) is one token */
				while (k < n && s->cps[k] == c)
					k++;
				emit(s, i, k, ZF_TOK_PUNCT);
				break;
			case ZF_CC_MARK:
			case ZF_CC_OTHER:
				/* letters of another script with their marks; emoji one by one */
				if (c >= 0x2C00 && c < 0x1F000)
					while (k < n && (zf_charclass_of(s->cps[k]) == ZF_CC_OTHER ||
									 zf_charclass_of(s->cps[k]) == ZF_CC_MARK) &&
						   s->cps[k] >= 0x2C00 && s->cps[k] < 0x1F000)
						k++;
				else if (c < 0x2C00)
					while (k < n && (zf_charclass_of(s->cps[k]) == ZF_CC_OTHER ||
									 zf_charclass_of(s->cps[k]) == ZF_CC_MARK) &&
						   s->cps[k] < 0x2C00)
						k++;
				else
					while (k < n && zf_charclass_of(s->cps[k]) == ZF_CC_MARK)
						k++;
				emit(s, i, k, ZF_TOK_OTHER);
				break;
		}
		i = k;
	}
}

bool
zf_seg_next(zf_seg *s, zf_token *tok)
{
	while (s->next_tok >= s->ntoks)
	{
		if (s->pos >= s->len)
			return false;
		s->ntoks = s->next_tok = 0;
		load_chunk(s);
		segment_chunk(s);
		/* token offsets were relative to the chunk */
		for (size_t t = 0; t < s->ntoks; t++)
			s->toks[t].off += s->pos;
		s->pos += s->offs[s->nchars];
	}
	*tok = s->toks[s->next_tok++];
	return true;
}
