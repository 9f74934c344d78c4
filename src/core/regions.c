/*
 * regions.c - region mention extraction (see regions.h).
 *
 * Positions inside are code point indexes into the normalized text; the
 * mentions handed out carry byte offsets.
 */
#include "regions.h"
#include "norm.h"
#include "utf8.h"
#include "zf_alloc.h"

#include <stdlib.h>
#include <string.h>

/* Candidate kinds beyond the gazetteer's name forms. */
enum
{
	K_FULL = ZF_FORM_FULL,
	K_SHORT = ZF_FORM_SHORT,
	K_ABBR = ZF_FORM_ABBR,
	K_ANCHORED,					/* short form of a township/village named in full before */
	K_VILLAGE,					/* village or community found by pattern and table */
	K_PATTERN					/* ...社区 / ...村 right after a township, not in the table */
};

#define MAXHITS 64				/* hits considered per mention; names shared more widely stay ambiguous */

typedef struct cand
{
	uint32_t	s,
				e;				/* [s, e) in code points */
	uint32_t	node;			/* trie node, for K_FULL/K_SHORT/K_ABBR */
	uint32_t	vfirst,
				vcount;			/* village index range, for K_VILLAGE */
	uint32_t	region;			/* resolved current region, or ZF_GAZ_NONE */
	uint32_t	matched;		/* gazetteer row the name belongs to (historical kept) */
	uint8_t		kind;
	int8_t		level;
	bool		ambiguous;
	bool		dropped;
} cand;

typedef struct doc
{
	const zf_gaz *g;
	const zf_dict *dict;
	uint32_t   *cps;
	uint32_t   *boff;			/* byte offset of each code point, n + 1 entries */
	size_t		n;
	cand	   *c;
	size_t		nc,
				cap;
	/* resolved mentions counted per region (rebuilt by ctx_build) */
	struct rcount *ct;
	size_t		ctcap;
	uint32_t	cttotal;
} doc;

typedef struct rcount
{
	uint32_t	region;			/* ZF_GAZ_NONE: empty slot */
	uint32_t	self;			/* mentions resolved to this region */
	uint32_t	sub;			/* mentions resolved to a region below it */
	uint32_t	full;			/* of self: by the full name (景宁畲族自治县, not 景宁) */
	uint32_t	abbr;			/* of self: by a one-character abbreviation (沪) */
} rcount;

/* ------------------------------------------------------------ small helpers */

static inline bool
is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
		(cp >= 0x20000 && cp <= 0x2FA1F);
}

/*
 * The word lists and character sets below are written as UTF-8 for
 * readability and decoded once, on first use, into code points (static
 * memory: a backend is single-threaded and the lists never change).
 */
#define LIST_MAX	48
#define WORD_MAX	6
#define SET_MAX		256

typedef struct cplist
{
	const void *key;
	int			n;
	uint8_t		len[LIST_MAX];
	uint32_t	w[LIST_MAX][WORD_MAX];
} cplist;

typedef struct cpset
{
	const char *key;
	int			n;
	uint32_t	cp[SET_MAX];	/* sorted */
} cpset;

static cplist lists[16];
static int	nlists;
static cpset sets[16];
static int	nsets;

static size_t
decode_into(const char *s, uint32_t *out, size_t max)
{
	size_t		len = strlen(s),
				k = 0,
				n = 0;

	while (k < len && n < max)
	{
		int			used;

		out[n++] = zf_utf8_decode((const unsigned char *) s + k, len - k, &used);
		k += used;
	}
	return n;
}

static const cplist *
get_list(const char *const *list)
{
	cplist	   *l;

	for (int i = 0; i < nlists; i++)
		if (lists[i].key == list)
			return &lists[i];
	if (nlists == 16)
		abort();				/* more lists than slots: a programming error */
	l = &lists[nlists];
	l->n = 0;
	for (; *list && l->n < LIST_MAX; list++, l->n++)
		l->len[l->n] = (uint8_t) decode_into(*list, l->w[l->n], WORD_MAX);
	l->key = (const void *) (list - l->n);
	nlists++;
	return l;
}

static int
cmp_cp(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	return x < y ? -1 : x > y;
}

static const cpset *
get_set(const char *set)
{
	cpset	   *c;

	for (int i = 0; i < nsets; i++)
		if (sets[i].key == set)
			return &sets[i];
	if (nsets == 16)
		abort();
	c = &sets[nsets];
	c->n = (int) decode_into(set, c->cp, SET_MAX);
	qsort(c->cp, c->n, sizeof(uint32_t), cmp_cp);
	c->key = set;
	nsets++;
	return c;
}

/* Does the text at position i spell one of the words? Returns its length in chars. */
static size_t
at_any(const doc *d, size_t i, const char *const *list)
{
	const cplist *l = get_list(list);

	if (i >= d->n)
		return 0;
	for (int k = 0; k < l->n; k++)
	{
		size_t		m = l->len[k];

		if (d->cps[i] == l->w[k][0] && i + m <= d->n &&
			memcmp(d->cps + i, l->w[k], m * sizeof(uint32_t)) == 0)
			return m;
	}
	return 0;
}

static bool
in_set(uint32_t cp, const char *set)
{
	const cpset *c = get_set(set);
	int			lo = 0,
				hi = c->n;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (c->cp[mid] == cp)
			return true;
		if (c->cp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static cand *
add_cand(doc *d, uint32_t s, uint32_t e, int kind)
{
	cand	   *c;

	if (d->nc == d->cap)
	{
		d->cap = d->cap ? d->cap * 2 : 64;
		d->c = zf_realloc(d->c, d->cap * sizeof(cand));
	}
	c = &d->c[d->nc++];
	memset(c, 0, sizeof(*c));
	c->s = s;
	c->e = e;
	c->kind = (uint8_t) kind;
	c->region = ZF_GAZ_NONE;
	c->matched = ZF_GAZ_NONE;
	c->level = -1;
	return c;
}

/* Strongest form among a trie node's hits (FULL < SHORT < ABBR). */
static int
node_kind(const zf_gaz *g, uint32_t node)
{
	const zf_gaz_node *nd = &g->nodes[node];
	int			k = ZF_FORM_ABBR;

	for (uint32_t i = 0; i < nd->nhits; i++)
	{
		int			f = (int) ZF_HIT_FORM(g->hits[nd->first_hit + i]);

		if (f < k)
			k = f;
	}
	return k;
}

/* Is a trie node's name the short name of a division that is also a common word? */
static bool
node_wordlike(const zf_gaz *g, uint32_t node)
{
	const zf_gaz_node *nd = &g->nodes[node];

	for (uint32_t i = 0; i < nd->nhits; i++)
		if (g->regions[ZF_HIT_REGION(g->hits[nd->first_hit + i])].flags & ZF_GAZ_WORDLIKE)
			return true;
	return false;
}

/* Does a gazetteer name of the given kind start at position i? */
static bool
name_starts_at(const doc *d, size_t i, int kind)
{
	uint32_t	node = 0;

	for (size_t j = i; j < d->n && j < i + ZF_GAZ_MAX_NAME; j++)
	{
		node = zf_gaz_child(d->g, node, d->cps[j]);
		if (node == 0)
			return false;
		if (d->g->nodes[node].nhits && node_kind(d->g, node) <= kind && j > i)
			return true;
	}
	return false;
}

/* Is cp on its own a single-character abbreviation (浙, 沪, 杭)? */
static bool
is_abbr(const zf_gaz *g, uint32_t cp)
{
	uint32_t	node = zf_gaz_child(g, 0, cp);

	return node != 0 && g->nodes[node].nhits && node_kind(g, node) == ZF_FORM_ABBR;
}

/* ------------------------------------------------------------ context rules */

static const char *const jiedao[] = {"街道", NULL};

/* Words after a name that make it part of a street, road or other non-place name. */
static const char *const street_words[] = {
	"路", "大道", "大街", "巷", "弄", "胡同", "公路", "高架", "快速路", "隧道", "环路",
	"时间", "汽车", "牌", NULL
};

/* What a lake, river, sea or mountain name is followed by when it means the feature itself. */
static const char *const feature_words[] = {
	"边", "畔", "湖畔", "湖边", "湖面", "上", "水", "景区", "风景", "十景", "美景", "游船",
	"龙井", "醋鱼", "印社", "断桥", "苏堤", "白堤", "岸", "堤", "沿岸", "流域", "渔", "海域",
	"山顶", "山脚", "山下", "山上", "风光", NULL
};

/* Person contexts: 中山先生, 某某说 */
static const char *const person_after[] = {
	"先生", "女士", "同志", "教授", "老师", "博士", "主席", "总统", "总理", "书记说",
	"逝世", "诞辰", "故居", "表示", "指出", "认为", "说", NULL
};

/* Last characters of short names that are also lakes, rivers, seas, mountains. */
static const char feature_ends[] = "湖山江河海溪岛湾泉池潭峡岭峰";

/* 山西北路: a direction between the name and the street word. */
static const char directions[] = "东南西北中";

/* Prefixes as common as the first character of a name: 新乡贤 is 新 + 乡贤. */
static const char prefixes[] = "新老大小";

static const char surnames[] =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/* Abbreviations outside the mainland table that pair with ours: 粤港澳, 闽台. */
static const char hk_mo_tw[] = "港澳台";

/* Characters before a single-character abbreviation that make it one (入浙, 赴沪, 回杭). */
static const char abbr_verbs[] = "入赴回来在驻援进离抵返留融到访至去经抵驰";

/* Punctuation and function characters a village name found by pattern cannot contain. */
static const char not_in_name[] =
	"的在和与及了是到对为把被从向于以等各个这那其该每另本全和或并且、，。；：！？“”‘’（）《》()[]【】·　 ";

static bool
ends_with_feature(const doc *d, const cand *c)
{
	return in_set(d->cps[c->e - 1], feature_ends);
}

/* Level words of places below a county: after a short name they make it part of another name. */
static const char smaller_units[] = "村镇乡屯寨";

/* "People of": 温州人, 上海籍. */
static const char people[] = "人籍";

/*
 * Does a common word of two or more characters start at i (北京|印刷学院,
 * 浙江|日报)?  Rare ones do not count: 大同|小异 is one idiom.
 */
#define COMMON_LOGP		(-14.0f)	/* about 60 in the jieba counts */

static bool
common_word_at(const doc *d, size_t i)
{
	uint32_t	node = 0;

	for (size_t j = i; j < d->n && j - i < ZF_MAX_WORD_CHARS; j++)
	{
		node = zf_trie_child(&d->dict->trie, node, d->cps[j]);
		if (node == 0)
			return false;
		if (j > i && d->dict->trie.nodes[node].logp > COMMON_LOGP)
			return true;
	}
	return false;
}

/*
 * Maximum-probability segmentation of a window around [s, e) with the
 * segmentation dictionary: is the name a word of its own there, or part of a
 * longer word (孙中山, 共同富裕县域, 新乡贤)?  A word that starts with the name
 * (浙江日报) or, for a full name, at its level suffix (杭州市委, 西湖区委) still
 * counts as the name.
 */
static bool
embedded(const doc *d, const cand *c)
{
	const zf_trie *t;
	size_t		a,
				b,
				w,
				k;
	float		best[40];
	uint8_t		back[40];

	if (d->dict == NULL)
		return false;
	t = &d->dict->trie;
	a = c->s >= 6 ? c->s - 6 : 0;
	b = c->e + 6 <= d->n ? c->e + 6 : d->n;
	w = b - a;
	if (w >= 40)
		return false;
	for (k = 0; k <= w; k++)
		best[k] = -1e30f;
	best[0] = 0;
	for (k = 0; k < w; k++)
	{
		uint32_t	node = 0;

		if (best[k] <= -1e29f)
			continue;
		/* a single character is always a possible word */
		if (best[k] + d->dict->min_logp > best[k + 1])
		{
			best[k + 1] = best[k] + d->dict->min_logp;
			back[k + 1] = 1;
		}
		for (size_t j = k; j < w && j - k < ZF_MAX_WORD_CHARS; j++)
		{
			float		lp;

			node = zf_trie_child(t, node, d->cps[a + j]);
			if (node == 0)
				break;
			lp = t->nodes[node].logp;
			if (lp > ZF_TRIE_NO_WORD && best[k] + lp > best[j + 1])
			{
				best[j + 1] = best[k] + lp;
				back[j + 1] = (uint8_t) (j + 1 - k);
			}
		}
	}
	/* walk back: find the words covering the name's start and end */
	k = w;
	while (k > 0)
	{
		size_t		ws = k - back[k];
		size_t		we = k;

		if (a + ws < c->s && a + we > c->s)
			return true;		/* a word runs across the start */
		if (a + ws > c->s && a + ws < c->e && a + we > c->e)
		{
			/* a word starts inside and runs past the end */
			if (!(c->kind == K_FULL && a + ws == c->e - 1))
				return true;
		}
		if (a + ws == c->s && a + we > c->e && c->kind != K_FULL)
		{
			/*
			 * A word that starts with the name: fine when the rest is a word
			 * of its own (浙江日报, 西湖龙井) or says "people of" (温州人); not
			 * when the name only begins it (大同小异, 中山装, 杭州湾).
			 */
			size_t		tail = a + we - c->e;

			if (!(tail == 1 && in_set(d->cps[c->e], people)) && !common_word_at(d, c->e))
				return true;
		}
		k = ws;
	}
	return false;
}

/* Length of the longest dictionary word starting at i (0 if none or no dictionary). */
static size_t
dict_word_at(const doc *d, size_t i)
{
	uint32_t	node = 0;
	size_t		best = 0;

	if (d->dict == NULL)
		return 0;
	for (size_t j = i; j < d->n && j - i < ZF_MAX_WORD_CHARS; j++)
	{
		node = zf_trie_child(&d->dict->trie, node, d->cps[j]);
		if (node == 0)
			break;
		if (d->dict->trie.nodes[node].logp > ZF_TRIE_NO_WORD)
			best = j + 1 - i;
	}
	return best;
}

/*
 * Words that start with a level suffix but do not continue the name: 江南区域
 * is 江南 + 区域, not 江南区 + 域 (whereas 西湖区委 is the district's committee).
 */
static const char *const suffix_words[] = {
	"区域", "区间", "区别", "区分", "区块", "市场", "市值", "市面", "县域", "省略", "省份",
	"镇定", "镇静", "镇压", "乡村", "乡亲", "乡土", "乡愁", "乡贤", "旗帜", "旗舰", "旗下",
	"州府", NULL
};

/* Should a gazetteer candidate be dropped for its context? */
static bool
bad_context(const doc *d, const cand *c)
{
	size_t		e = c->e;

	if (c->kind == K_ABBR)
	{
		uint32_t	prev = c->s > 0 ? d->cps[c->s - 1] : 0;
		bool		pair_prev = c->s > 0 && (is_abbr(d->g, prev) || in_set(prev, hk_mo_tw));
		bool		pair_next = e < d->n && (is_abbr(d->g, d->cps[e]) || in_set(d->cps[e], hk_mo_tw));

		if (pair_prev || pair_next)
			return false;		/* 沪杭, 京津冀, 江浙沪, 粤港澳 */
		if (e < d->n && d->cps[e] == 0x5546 /* 商 */ &&
			d->g->regions[ZF_HIT_REGION(d->g->hits[d->g->nodes[c->node].first_hit])].level == ZF_LEVEL_PROVINCE)
			return false;		/* 浙商, 晋商 */
		if (c->s > 0 && in_set(prev, abbr_verbs))
		{
			/* ... unless the abbreviation starts a word: 在京剧, 来苏打 */
			if (e < d->n && d->dict)
			{
				uint32_t	two[2] = {d->cps[c->s], d->cps[e]};

				if (zf_trie_lookup(&d->dict->trie, two, 2) > ZF_TRIE_NO_WORD)
					return true;
			}
			return false;
		}
		return true;
	}

	/* a full name whose suffix starts another word: 江南区域 */
	if (c->kind == K_FULL && at_any(d, e - 1, suffix_words))
		return true;

	/* street and road names, and the like: 重庆路, 北京时间, 长安汽车 (not 杭州路径) */
	{
		size_t		sw = at_any(d, e, street_words);

		if (sw && !name_starts_at(d, e, K_FULL) && dict_word_at(d, e) <= sw)
			return true;
	}
	if (e < d->n && d->cps[e] == 0x8857 /* 街 */ && !at_any(d, e, jiedao))
		return true;
	if (e + 1 < d->n && in_set(d->cps[e], directions) &&
		(at_any(d, e + 1, street_words) || (d->cps[e + 1] == 0x8857 && !at_any(d, e + 1, jiedao))))
		return true;			/* 山西北路, 中山东路 */

	/* a short name that is also a lake, river or mountain, used as such: 西湖边, 东海渔场 */
	if (c->kind == K_SHORT && ends_with_feature(d, c) && at_any(d, e, feature_words))
		return true;

	/* a person: 中山先生, 孙中山说 */
	if (c->kind == K_SHORT && at_any(d, e, person_after) &&
		c->s > 0 && in_set(d->cps[c->s - 1], surnames))
		return true;

	/*
	 * 新, 老, 大, 小 are prefixes as often as the start of a name: 新乡贤 is
	 * 新 + 乡贤, 新会员 is 新 + 会员.
	 */
	if ((c->kind == K_SHORT || c->kind == K_FULL) && in_set(d->cps[c->s], prefixes) &&
		!(c->kind == K_FULL && d->nc >= 2 && d->c[d->nc - 2].e == c->s))
	{
		size_t		w = dict_word_at(d, c->s + 1);

		/* 新乡贤 = 新 + 乡贤; 一个老城区 = 老 + 城区 (but 西安市新城区 is the district) */
		if (w > c->e - c->s - 1 || (c->kind == K_FULL && w == c->e - c->s - 1))
			return true;
	}



	/*
	 * A dictionary word that begins with a short name and goes on with what
	 * is not a word of its own: 澜沧江, 大同小异, 中山装, 杭州湾 (whereas
	 * 浙江日报, 北京印刷学院 and 温州人 go on with a word).
	 */
	if ((c->kind == K_SHORT || c->kind == K_ANCHORED) && d->dict)
	{
		size_t		w = dict_word_at(d, c->s);

		if (w > c->e - c->s && !in_set(d->cps[e], people) &&
			(!common_word_at(d, e) ||
			 (w == c->e - c->s + 1 && in_set(d->cps[e], feature_ends))))
			return true;		/* ... and a river or mountain named after it: 澜沧江水 */
	}

	/*
	 * The first half of an idiom of the form XCYC: 金山银山, 千山万水, for names
	 * that are also words (厦门金门, 上海淮海 are places in a row).
	 */
	if (c->kind == K_SHORT && c->e - c->s == 2 && e + 1 < d->n && is_han(d->cps[e]) &&
		d->cps[e] != d->cps[c->s] && d->cps[e + 1] == d->cps[c->s + 1] &&
		node_wordlike(d->g, c->node) && !name_starts_at(d, e, K_SHORT))
		return true;

	/* the first part of a smaller place's name: 沿河村, 湖滨镇 (unless 乡村, 村民 follow) */
	if ((c->kind == K_SHORT || c->kind == K_ANCHORED) && e < d->n &&
		in_set(d->cps[e], smaller_units) && !(d->dict && common_word_at(d, e)))
		return true;

	/* part of a longer word */
	if (c->kind != K_FULL || c->e - c->s <= 3)
		if (embedded(d, c))
			return true;
	return false;
}

/* ------------------------------------------------------------ resolution */

typedef struct hitset
{
	uint32_t	r[MAXHITS];		/* current regions, deduplicated */
	uint32_t	m[MAXHITS];		/* the matched rows */
	int			n;
} hitset;

static void
hits_of(const doc *d, const cand *c, hitset *hs)
{
	const zf_gaz *g = d->g;

	hs->n = 0;
	if (c->kind == K_VILLAGE)
	{
		for (uint32_t i = 0; i < c->vcount && hs->n < MAXHITS; i++)
		{
			hs->r[hs->n] = hs->m[hs->n] = zf_gaz_village(g, c->vfirst + i);
			hs->n++;
		}
		return;
	}
	if (c->kind == K_ANCHORED || c->kind == K_PATTERN)
		return;
	{
		const zf_gaz_node *nd = &g->nodes[c->node];

		for (uint32_t i = 0; i < nd->nhits; i++)
		{
			uint32_t	h = g->hits[nd->first_hit + i];
			uint32_t	m = ZF_HIT_REGION(h);
			uint32_t	r = zf_gaz_current(g, m);
			int			k;

			for (k = 0; k < hs->n; k++)
				if (hs->r[k] == r)
					break;
			if (k < hs->n)
				continue;
			if (hs->n == MAXHITS)
				break;
			hs->r[hs->n] = r;
			hs->m[hs->n] = m;
			hs->n++;
		}
	}
}

static void
set_resolved(const doc *d, cand *c, uint32_t r, uint32_t m)
{
	c->region = r;
	c->matched = m;
	c->level = (int8_t) d->g->regions[r].level;
	c->ambiguous = false;
}

/*
 * The document's resolved mentions, counted per region and per ancestor, so
 * that weighing a reading against the whole document costs a few lookups
 * instead of a pass over every mention (the work stays linear in the text).
 */
static rcount *
ctx_slot(doc *d, uint32_t r, bool create)
{
	size_t		i = (r * 2654435761u) & (d->ctcap - 1);

	while (d->ct[i].region != ZF_GAZ_NONE)
	{
		if (d->ct[i].region == r)
			return &d->ct[i];
		i = (i + 1) & (d->ctcap - 1);
	}
	if (!create)
		return NULL;
	d->ct[i].region = r;
	return &d->ct[i];
}

static uint32_t
ctx_self(doc *d, uint32_t r)
{
	rcount	   *x = r == ZF_GAZ_NONE ? NULL : ctx_slot(d, r, false);

	return x ? x->self : 0;
}

static uint32_t
ctx_under(doc *d, uint32_t r)
{
	rcount	   *x = r == ZF_GAZ_NONE ? NULL : ctx_slot(d, r, false);

	return x ? x->self + x->sub : 0;
}

static void
ctx_build(doc *d)
{
	size_t		need = 16;

	while (need < d->nc * (ZF_NLEVELS + 1) * 2)
		need *= 2;
	if (need > d->ctcap)
	{
		if (d->ct)
			zf_free(d->ct);
		d->ct = zf_malloc(need * sizeof(rcount));
		d->ctcap = need;
	}
	for (size_t i = 0; i < d->ctcap; i++)
	{
		d->ct[i].region = ZF_GAZ_NONE;
		d->ct[i].self = d->ct[i].sub = d->ct[i].full = d->ct[i].abbr = 0;
	}
	d->cttotal = 0;
	for (size_t i = 0; i < d->nc; i++)
	{
		uint32_t	r = d->c[i].region;
		int			guard = 0;

		if (d->c[i].dropped || r == ZF_GAZ_NONE)
			continue;
		d->cttotal++;
		ctx_slot(d, r, true)->self++;
		if (d->c[i].kind == K_FULL)
			ctx_slot(d, r, true)->full++;
		if (d->c[i].kind == K_ABBR)
			ctx_slot(d, r, true)->abbr++;
		while ((r = d->g->regions[r].parent) != ZF_GAZ_NONE && guard++ < ZF_NLEVELS)
			ctx_slot(d, r, true)->sub++;
	}
}

/*
 * How strongly the other resolved mentions support reading h: 4 for each at
 * h itself, 3 at an ancestor or descendant, 2 elsewhere in the same
 * prefecture, 1 elsewhere in the same province.  The mention being resolved
 * is unresolved, so it is not counted.
 */
static long
ctx_score(doc *d, uint32_t h)
{
	const zf_gaz *g = d->g;
	uint32_t	pref = zf_gaz_ancestor(g, h, ZF_LEVEL_PREFECTURE);
	uint32_t	prov = zf_gaz_ancestor(g, h, ZF_LEVEL_PROVINCE);
	long		self = ctx_self(d, h);
	long		desc = (long) ctx_under(d, h) - self;
	long		anc = 0,
				anc_in_pref = 0,
				in_pref = 0,
				in_prov = 0;
	uint32_t	a = h;
	int			guard = 0;

	while ((a = g->regions[a].parent) != ZF_GAZ_NONE && guard++ < ZF_NLEVELS)
	{
		long		n = ctx_self(d, a);

		anc += n;
		if (g->regions[a].level >= ZF_LEVEL_PREFECTURE)
			anc_in_pref += n;
	}
	if (pref != ZF_GAZ_NONE && pref != h)
		in_pref = (long) ctx_under(d, pref) - self - desc - anc_in_pref;
	if (prov != ZF_GAZ_NONE && prov != h)
		in_prov = (long) ctx_under(d, prov) - self - desc - anc - in_pref;
	return 4 * self + 3 * (desc + anc) + 2 * in_pref + in_prov;
}

/* Resolve candidate i from its neighbours and the document; true if it changed. */
static bool
resolve_one(doc *d, size_t i, bool use_document)
{
	const zf_gaz *g = d->g;
	cand	   *c = &d->c[i];
	hitset		hs;
	int			k,
				best = -1;
	long		bestscore = 0,
				second = 0;

	hits_of(d, c, &hs);
	if (hs.n == 0)
		return false;
	if (hs.n == 1)
	{
		set_resolved(d, c, hs.r[0], hs.m[0]);
		return true;
	}

	/* an explicit parent right before (杭州市西湖区) or child right after (西湖区转塘街道) */
	for (int side = 0; side < 2; side++)
	{
		size_t		j;
		int			found = -1,
					nfound = 0;

		if (side == 0 && i == 0)
			continue;
		if (side == 1 && i + 1 >= d->nc)
			continue;
		j = side == 0 ? i - 1 : i + 1;
		if (d->c[j].region == ZF_GAZ_NONE)
			continue;
		if (side == 0 ? d->c[j].e != c->s : d->c[j].s != c->e)
			continue;
		for (k = 0; k < hs.n; k++)
			if (side == 0 ? zf_gaz_is_ancestor(g, d->c[j].region, hs.r[k]) :
				zf_gaz_is_ancestor(g, hs.r[k], d->c[j].region))
			{
				found = k;
				nfound++;
			}
		if (nfound == 1)
		{
			set_resolved(d, c, hs.r[found], hs.m[found]);
			return true;
		}
	}
	if (!use_document)
		return false;

	/* a province name shared with smaller places elsewhere (河北, 海南): the province */
	{
		int			prov = -1,
					nprov = 0;

		for (k = 0; k < hs.n; k++)
			if (g->regions[hs.r[k]].level == ZF_LEVEL_PROVINCE)
			{
				prov = k;
				nprov++;
			}
		/* ... unless the others lie inside it (吉林市 in 吉林省): the document decides those */
		for (k = 0; k < hs.n && nprov == 1; k++)
			if (k != prov && zf_gaz_is_ancestor(g, hs.r[prov], hs.r[k]))
				nprov = 0;
		if (nprov == 1)
		{
			set_resolved(d, c, hs.r[prov], hs.m[prov]);
			return true;
		}
	}

	/* the other regions of the document */
	for (k = 0; k < hs.n; k++)
	{
		long		score = ctx_score(d, hs.r[k]);

		if (score > bestscore)
		{
			second = bestscore;
			bestscore = score;
			best = k;
		}
		else if (score > second)
			second = score;
	}
	if (best >= 0 && bestscore > second)
	{
		set_resolved(d, c, hs.r[best], hs.m[best]);
		return true;
	}

	/* nothing in the document decides: one reading that contains all others (吉林, 恩施) */
	for (k = 0; k < hs.n; k++)
	{
		int			o;

		for (o = 0; o < hs.n; o++)
			if (o != k && !zf_gaz_is_ancestor(g, hs.r[k], hs.r[o]))
				break;
		if (o == hs.n)
		{
			set_resolved(d, c, hs.r[k], hs.m[k]);
			return true;
		}
	}
	return false;
}

static void
mark_ambiguous(doc *d, cand *c)
{
	hitset		hs;

	hits_of(d, c, &hs);
	c->ambiguous = hs.n > 1;
	c->level = hs.n ? (int8_t) d->g->regions[hs.r[0]].level : c->level;
	for (int k = 1; k < hs.n; k++)
		if (d->g->regions[hs.r[k]].level != c->level)
			c->level = -1;
}

static void
resolve_all(doc *d)
{
	bool		changed = true;
	int			rounds = 0;

	/* unique names and explicit neighbours first, repeated so chains resolve */
	while (changed && rounds++ < 4)
	{
		changed = false;
		for (size_t i = 0; i < d->nc; i++)
		{
			if ((i & 65535) == 0)
				zf_check_interrupts();
			if (!d->c[i].dropped && d->c[i].region == ZF_GAZ_NONE && resolve_one(d, i, false))
				changed = true;
		}
	}
	changed = true;
	rounds = 0;
	while (changed && rounds++ < 3)
	{
		size_t		open = 0;

		changed = false;
		for (size_t i = 0; i < d->nc; i++)
			if (!d->c[i].dropped && d->c[i].region == ZF_GAZ_NONE)
				open++;
		if (open == 0)
			break;				/* everything resolved: no need to weigh the document */
		ctx_build(d);
		for (size_t i = 0; i < d->nc; i++)
		{
			if ((i & 65535) == 0)
				zf_check_interrupts();
			if (!d->c[i].dropped && d->c[i].region == ZF_GAZ_NONE && resolve_one(d, i, true))
				changed = true;
		}
	}
	for (size_t i = 0; i < d->nc; i++)
		if (!d->c[i].dropped && d->c[i].region == ZF_GAZ_NONE &&
			d->c[i].kind != K_PATTERN && d->c[i].kind != K_ANCHORED)
			mark_ambiguous(d, &d->c[i]);
}

/*
 * A short name that is also a common word (东海, 江南) and points to a province
 * the document otherwise never mentions is more likely the word.
 */
static void
drop_unrelated_words(doc *d)
{
	const zf_gaz *g = d->g;
	size_t		nshort = 0;

	for (size_t i = 0; i < d->nc; i++)
		if (!d->c[i].dropped && d->c[i].kind == K_SHORT)
			nshort++;
	if (nshort == 0)
		return;
	ctx_build(d);
	for (size_t i = 0; i < d->nc; i++)
	{
		cand	   *c = &d->c[i];
		uint32_t	prov;
		long		same,
					other;

		if (c->dropped || c->kind != K_SHORT)
			continue;
		if (c->region == ZF_GAZ_NONE)
		{
			/* unresolved: keep only when none of its readings is also a common word */
			hitset		hs;

			hits_of(d, c, &hs);
			for (int k = 0; k < hs.n; k++)
				if (g->regions[hs.m[k]].flags & ZF_GAZ_WORDLIKE)
					c->dropped = true;
			continue;
		}
		if (c->matched == ZF_GAZ_NONE || g->regions[c->region].level < ZF_LEVEL_COUNTY)
			continue;
		if (ctx_slot(d, c->region, false)->full > 0)
			continue;			/* the document also names it in full */
		prov = zf_gaz_ancestor(g, c->region, ZF_LEVEL_PROVINCE);
		/* repeats of the same name do not vouch for each other */
		same = (long) ctx_under(d, prov) - ctx_self(d, c->region);
		other = (long) d->cttotal - ctx_under(d, prov);

		/*
		 * A common word (东海, 江南, 平原) needs its prefecture in the
		 * document; any other short county name is dropped when several
		 * mentions place the document elsewhere and none near it.
		 */
		if (g->regions[c->matched].flags & ZF_GAZ_WORDLIKE)
		{
			/* a common word needs its own prefecture in the document */
			uint32_t	pref = zf_gaz_ancestor(g, c->region, ZF_LEVEL_PREFECTURE);

			long		support;

			if (pref == ZF_GAZ_NONE || g->regions[pref].flags & ZF_GAZ_PLACEHOLDER)
			{
				/* a district of 北京, 上海: the city named, not just 沪 (金山银山 after 沪) */
				rcount	   *pc = ctx_slot(d, prov, false);

				support = (long) ctx_under(d, prov) - ctx_self(d, c->region) - (pc ? pc->abbr : 0);
			}
			else
				support = (long) ctx_under(d, pref) - ctx_self(d, c->region);
			if (support <= 0)
				c->dropped = true;
		}
		else if (same <= 0 && other >= 2)
			c->dropped = true;
	}
}

/* ------------------------------------------------------------ passes */

static int
cmp_cand(const void *a, const void *b)
{
	const cand *x = a,
			   *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e > y->e ? -1 : 1;	/* longer first */
	return (int) x->kind - (int) y->kind;
}

/* Keep the leftmost longest of overlapping candidates (the array is sorted). */
static void
select_nonoverlapping(doc *d)
{
	size_t		out = 0;
	uint32_t	end = 0;

	for (size_t i = 0; i < d->nc; i++)
	{
		if (d->c[i].dropped || d->c[i].s < end)
			continue;
		d->c[out++] = d->c[i];
		end = d->c[i].e;
	}
	d->nc = out;
}

/*
 * Gazetteer names: one pass; each start position walks the trie and keeps the
 * longest name found there that its context does not rule out (leftmost
 * longest), then the scan resumes after it.  Context rules run only on names
 * that could be kept, not on every name inside a longer one.
 */
static void
scan_names(doc *d)
{
	const zf_gaz *g = d->g;
	uint32_t	ends[ZF_GAZ_MAX_NAME + 1];
	uint32_t	nodes[ZF_GAZ_MAX_NAME + 1];

	for (size_t i = 0; i < d->n;)
	{
		uint32_t	node = zf_gaz_child(g, 0, d->cps[i]);
		size_t		j = i + 1;
		int			nm = 0;
		bool		kept = false;

		if ((i & 4095) == 0)
			zf_check_interrupts();
		while (node != 0 && nm <= ZF_GAZ_MAX_NAME)
		{
			if (g->nodes[node].nhits)
			{
				ends[nm] = (uint32_t) j;
				nodes[nm++] = node;
			}
			if (j >= d->n || g->nodes[node].nedges == 0)
				break;
			if (j == i + 1 && !zf_gaz_bigram(g, d->cps[i], d->cps[j]))
				break;			/* most positions end here, without a search */
			node = zf_gaz_child(g, node, d->cps[j]);
			j++;
		}
		while (nm-- > 0)
		{
			cand	   *c = add_cand(d, (uint32_t) i, ends[nm], node_kind(g, nodes[nm]));

			c->node = nodes[nm];
			if (bad_context(d, c))
			{
				d->nc--;
				continue;
			}
			kept = true;
			i = ends[nm];
			break;
		}
		if (!kept)
			i++;
	}
}

/*
 * Add the candidates d->c[nfixed..nc) (found by a later pass, never
 * overlapping the fixed ones) in text order: sort the few new ones, merge.
 */
static void
merge_new(doc *d, size_t nfixed)
{
	size_t		nnew = d->nc - nfixed,
				i = 0,
				j = 0,
				k = 0;
	cand	   *out;

	if (nnew == 0)
	{
		select_nonoverlapping(d);	/* still drop what was dropped */
		return;
	}
	qsort(d->c + nfixed, nnew, sizeof(cand), cmp_cand);
	out = zf_malloc(d->cap * sizeof(cand));
	while (i < nfixed || j < nnew)
	{
		if (j >= nnew || (i < nfixed && cmp_cand(&d->c[i], &d->c[nfixed + j]) <= 0))
			out[k++] = d->c[i++];
		else
			out[k++] = d->c[nfixed + j++];
	}
	zf_free(d->c);
	d->c = out;
	select_nonoverlapping(d);
}

static bool
overlaps_any(const doc *d, size_t nfixed, uint32_t s, uint32_t e)
{
	/* nfixed candidates are sorted and disjoint: binary search for the first ending after s */
	size_t		lo = 0,
				hi = nfixed;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (d->c[mid].e <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nfixed && d->c[lo].s < e;
}

/* Level of the deepest proper ancestor of r that the document mentions, or -1. */
static int
context_depth(doc *d, uint32_t r)
{
	int			guard = 0;

	while ((r = d->g->regions[r].parent) != ZF_GAZ_NONE && guard++ < ZF_NLEVELS)
		if (ctx_self(d, r) > 0)
			return d->g->regions[r].level;
	return -1;
}

/* The township mention ending exactly at s (index into d->c), or ZF_GAZ_NONE. */
static uint32_t
township_before(const doc *d, size_t nfixed, size_t s)
{
	size_t		lo = 0,
				hi = nfixed;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (d->c[mid].e < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nfixed && d->c[lo].e == s && !d->c[lo].dropped && d->c[lo].level == ZF_LEVEL_TOWNSHIP)
		return (uint32_t) lo;
	return ZF_GAZ_NONE;
}

/*
 * Villages and communities: at every 村 or 社区, look up the names ending
 * there; keep a village only when a region of the document contains it.
 * Right after a township, an unknown ...社区/...村 is still a place (no code).
 */
static void
scan_villages(doc *d, size_t nfixed)
{
	const zf_gaz *g = d->g;
	bool		built = false;

	for (size_t e = 1; e < d->n; e++)
	{
		size_t		suf;
		size_t		best_s = 0;
		uint32_t	best_first = 0,
					best_count = 0;

		if ((e & 65535) == 0)
			zf_check_interrupts();

		if (d->cps[e] == 0x6751 /* 村 */ )
			suf = 1;
		else if (d->cps[e] == 0x533A /* 区 */ && d->cps[e - 1] == 0x793E /* 社 */ )
			suf = 2;
		else
			continue;
		{
			size_t		end = e + 1;
			size_t		name_end = end - suf;	/* first char of the suffix */

			/* try the longest name first; names need two characters before the suffix */
			for (size_t len = 8; len >= 2; len--)
			{
				uint32_t	first,
							cnt;
				size_t		s;

				if (len > name_end)
					continue;
				s = name_end - len;
				if (!is_han(d->cps[s]))
					continue;
				if (overlaps_any(d, nfixed, (uint32_t) s, (uint32_t) end))
					continue;
				cnt = zf_gaz_find_villages(g, d->cps + s, end - s, &first);
				if (cnt)
				{
					best_s = s;
					best_first = first;
					best_count = cnt;
					break;
				}
			}
			if (best_count)
			{
				/* keep only the villages some mentioned region contains, at the deepest level */
				int			deepest = -1;
				uint32_t	nkeep = 0,
							keep = 0;

				if (!built)
				{
					ctx_build(d);	/* only documents that name a known village need it */
					built = true;
				}

				for (uint32_t k = 0; k < best_count; k++)
				{
					int			dep = context_depth(d, zf_gaz_village(g, best_first + k));

					if (dep > deepest)
					{
						deepest = dep;
						nkeep = 0;
					}
					if (dep == deepest)
					{
						if (nkeep == 0)
							keep = best_first + k;
						nkeep++;
					}
				}
				/*
				 * Right after a township that does not hold it (西兴街道彩虹社区
				 * when the table lists 彩虹社区 elsewhere), the text is more
				 * recent than the table: found by pattern below, without a code.
				 */
				if (deepest < ZF_LEVEL_TOWNSHIP && township_before(d, nfixed, best_s) != ZF_GAZ_NONE)
					deepest = -1;
				if (deepest >= ZF_LEVEL_COUNTY)
				{
					cand	   *c = add_cand(d, (uint32_t) best_s, (uint32_t) end, K_VILLAGE);

					c->vfirst = keep;
					c->vcount = 1;
					if (nkeep == 1)
						set_resolved(d, c, zf_gaz_village(g, keep), zf_gaz_village(g, keep));
					else
					{
						c->level = ZF_LEVEL_VILLAGE;
						c->ambiguous = true;
					}
					continue;
				}
			}
			/* not in the table: right after a township (西兴街道缤纷社区) */
			for (size_t len = 2; len <= 4 && len <= name_end; len++)
			{
				size_t		s = name_end - len;
				bool		ok = true;

				for (size_t k = s; k < name_end; k++)
					if (!is_han(d->cps[k]) || in_set(d->cps[k], not_in_name))
						ok = false;
				if (!ok)
					break;
				if (s > 0 && !overlaps_any(d, nfixed, (uint32_t) s, (uint32_t) end))
				{
					if (township_before(d, nfixed, s) != ZF_GAZ_NONE)
					{
						cand	   *c = add_cand(d, (uint32_t) s, (uint32_t) end, K_PATTERN);

						c->level = ZF_LEVEL_VILLAGE;
						break;
					}
				}
			}
		}
	}
}

typedef struct anchor
{
	uint32_t	cps[ZF_GAZ_MAX_NAME];
	size_t		n;
	uint32_t	region;
} anchor;

static int
cmp_anchor(const void *a, const void *b)
{
	uint32_t	x = ((const anchor *) a)->cps[0],
				y = ((const anchor *) b)->cps[0];

	return x < y ? -1 : x > y;
}

/*
 * Short forms of townships and villages the document named in full: 湖滨 after
 * 湖滨街道, 方城浦 after 方城浦社区.  Found by a plain scan for the few forms.
 */
static void
scan_anchored(doc *d, size_t nfixed)
{
	anchor	   *an = NULL;
	size_t		nan = 0,
				cap = 0;
	uint8_t		first[8192];	/* code points modulo 65536 */

	for (size_t i = 0; i < nfixed; i++)
	{
		cand	   *c = &d->c[i];
		size_t		k;

		if (c->dropped || c->region == ZF_GAZ_NONE || c->level < ZF_LEVEL_TOWNSHIP ||
			(c->kind != K_FULL && c->kind != K_VILLAGE))
			continue;
		k = zf_short_form(d->cps + c->s, c->e - c->s, c->level);
		if (k == 0)
			continue;
		{
			size_t		a;

			for (a = 0; a < nan; a++)
				if (an[a].n == k && memcmp(an[a].cps, d->cps + c->s, k * sizeof(uint32_t)) == 0)
					break;
			if (a < nan)
				continue;
		}
		if (nan == cap)
		{
			cap = cap ? cap * 2 : 8;
			an = zf_realloc(an, cap * sizeof(anchor));
		}
		memcpy(an[nan].cps, d->cps + c->s, k * sizeof(uint32_t));
		an[nan].n = k;
		an[nan].region = c->region;
		nan++;
	}
	if (nan == 0)
		return;
	/* anchors sorted by first character, and a bitmap of first characters to skip the rest */
	qsort(an, nan, sizeof(anchor), cmp_anchor);
	memset(first, 0, sizeof(first));
	for (size_t a = 0; a < nan; a++)
		first[(an[a].cps[0] >> 3) & 0x1FFF] |= (uint8_t) (1 << (an[a].cps[0] & 7));
	for (size_t i = 0; i < d->n; i++)
	{
		size_t		lo = 0,
					hi = nan;

		if ((i & 65535) == 0)
			zf_check_interrupts();
		if (!(first[(d->cps[i] >> 3) & 0x1FFF] & (1 << (d->cps[i] & 7))))
			continue;

		while (lo < hi)
		{
			size_t		mid = (lo + hi) / 2;

			if (an[mid].cps[0] < d->cps[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t a = lo; a < nan && an[a].cps[0] == d->cps[i]; a++)
		{
			if (i + an[a].n > d->n ||
				memcmp(d->cps + i, an[a].cps, an[a].n * sizeof(uint32_t)) != 0)
				continue;
			if (overlaps_any(d, nfixed, (uint32_t) i, (uint32_t) (i + an[a].n)))
				continue;
			{
				cand		probe;

				memset(&probe, 0, sizeof(probe));
				probe.s = (uint32_t) i;
				probe.e = (uint32_t) (i + an[a].n);
				probe.kind = K_ANCHORED;
				if (bad_context(d, &probe))
					continue;
			}
			{
				cand	   *c = add_cand(d, (uint32_t) i, (uint32_t) (i + an[a].n), K_ANCHORED);

				set_resolved(d, c, an[a].region, an[a].region);
			}
			break;
		}
	}
	zf_free(an);
}

/* ------------------------------------------------------------ entry points */

int
zf_regions_extract(const zf_gaz *g, const zf_dict *dict, const char *text, size_t len,
				   zf_region_mention **out, size_t *nout)
{
	doc			d;
	size_t		i,
				nfixed,
				k;

	*out = NULL;
	*nout = 0;
	memset(&d, 0, sizeof(d));
	d.g = g;
	d.dict = dict;
	/* count the characters first: arrays of len entries would be 3 times too big for Chinese */
	for (i = 0, k = 0; i < len; k++)
	{
		int			used;

		(void) zf_utf8_decode((const unsigned char *) text + i, len - i, &used);
		i += used;
	}
	d.cps = zf_malloc((k + 1) * sizeof(uint32_t));
	d.boff = zf_malloc((k + 1) * sizeof(uint32_t));
	for (i = 0; i < len;)
	{
		int			used;
		uint32_t	cp = zf_utf8_decode((const unsigned char *) text + i, len - i, &used);

		if ((d.n & 65535) == 0)
			zf_check_interrupts();
		d.boff[d.n] = (uint32_t) i;
		d.cps[d.n++] = zf_norm_cp(cp);
		i += used;
	}
	d.boff[d.n] = (uint32_t) len;

	/* 1. names from the trie, context filters, leftmost longest */
	scan_names(&d);

	/* 2. resolve shared names */
	resolve_all(&d);
	drop_unrelated_words(&d);

	/* 3. anchored short forms and villages, then resolve again with them */
	nfixed = d.nc;
	scan_villages(&d, nfixed);
	merge_new(&d, nfixed);
	nfixed = d.nc;
	scan_anchored(&d, nfixed);
	merge_new(&d, nfixed);
	resolve_all(&d);

	for (i = 0, k = 0; i < d.nc; i++)
		if (!d.c[i].dropped)
			k++;
	if (k)
	{
		zf_region_mention *m = zf_malloc(k * sizeof(zf_region_mention));

		for (i = 0, k = 0; i < d.nc; i++)
		{
			cand	   *c = &d.c[i];

			if (c->dropped)
				continue;
			m[k].off = d.boff[c->s];
			m[k].len = d.boff[c->e] - d.boff[c->s];
			m[k].region = c->region;
			m[k].level = c->level;
			m[k].ambiguous = c->region == ZF_GAZ_NONE && c->ambiguous;
			k++;
		}
		*out = m;
		*nout = k;
	}
	if (d.c)
		zf_free(d.c);
	if (d.ct)
		zf_free(d.ct);
	zf_free(d.cps);
	zf_free(d.boff);
	return ZF_OK;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	return x < y ? -1 : x > y;
}

uint32_t
zf_regions_main(const zf_gaz *g, const zf_region_mention *m, size_t n)
{
	uint32_t   *chain;
	size_t		nchain = 0,
				total = 0;
	uint32_t	best = ZF_GAZ_NONE;
	size_t		bestcount = 0;

	chain = zf_malloc((n * ZF_NLEVELS + 1) * sizeof(uint32_t));
	for (size_t i = 0; i < n; i++)
	{
		uint32_t	r = m[i].region;

		if (r == ZF_GAZ_NONE)
			continue;
		total++;
		while (r != ZF_GAZ_NONE && nchain < n * ZF_NLEVELS)
		{
			if (!(g->regions[r].flags & ZF_GAZ_PLACEHOLDER))
				chain[nchain++] = r;
			r = g->regions[r].parent;
		}
	}
	/* count the support of every region on a chain: sort, then runs of equal entries */
	qsort(chain, nchain, sizeof(uint32_t), cmp_u32);
	for (size_t i = 0; i < nchain;)
	{
		size_t		j = i;

		while (j < nchain && chain[j] == chain[i])
			j++;
		if ((j - i) * 2 >= total)
		{
			uint32_t	r = chain[i];

			/* most specific; among equals, the best supported */
			if (best == ZF_GAZ_NONE || g->regions[r].level > g->regions[best].level ||
				(g->regions[r].level == g->regions[best].level && j - i > bestcount))
			{
				best = r;
				bestcount = j - i;
			}
		}
		i = j;
	}
	zf_free(chain);
	return best;
}
