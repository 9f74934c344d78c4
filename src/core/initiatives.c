/*
 * initiatives.c - named initiatives (see initiatives.h).
 *
 * The text is decoded once into code points and normalized (Simplified,
 * half-width), so one word list serves both scripts; names are reported with
 * the offsets of the original text.
 */
#include "initiatives.h"

#include <string.h>

#include "charclass.h"
#include "norm.h"
#include "utf8.h"
#include "zf_alloc.h"
#include "zf_common.h"

/* Longest quoted name, in code points: longer quotes are speech or slogans. */
#define MAX_QUOTED	24
/* Longest unquoted name. */
#define MAX_UNQUOTED 20
/* How far after a quote (chain) a kind word may start. */
#define CONTEXT_REACH 10

typedef struct kindword
{
	const char *word;
	zf_init_kind kind;
	int			strength;		/* 2: names a thing by itself; 1: after a creating verb; 0: only as context */
} kindword;

/*
 * Kind words, longest first where one contains another.  As context after a
 * quote any of them qualifies; as the suffix of an unquoted name only those
 * of strength 2.
 */
static const kindword kindwords[] = {
	{"基金会", ZF_INIT_FUND, 2},
	{"关爱基金", ZF_INIT_FUND, 2},
	{"基金", ZF_INIT_FUND, 1},
	{"工作法", ZF_INIT_MECHANISM, 1},
	{"评价法", ZF_INIT_MECHANISM, 2},
	{"机制", ZF_INIT_MECHANISM, 1},
	{"模式", ZF_INIT_MECHANISM, 1},
	{"体系", ZF_INIT_MECHANISM, 1},
	{"经验", ZF_INIT_MECHANISM, 0},
	{"清单", ZF_INIT_MECHANISM, 0},
	{"抓手", ZF_INIT_CAMPAIGN, 0},
	{"专班", ZF_INIT_ORGANISATION, 0},
	{"栏目", ZF_INIT_PROGRAMME, 0},
	{"载体", ZF_INIT_PLATFORM, 0},
	{"街区", ZF_INIT_PLATFORM, 0},
	{"党建联建", ZF_INIT_BRAND, 0},
	{"系列", ZF_INIT_BRAND, 0},
	{"荟", ZF_INIT_PLATFORM, 0},
	{"推进会", ZF_INIT_EVENT, 0},
	{"现场会", ZF_INIT_EVENT, 0},
	{"启动仪式", ZF_INIT_EVENT, 0},
	{"仪式", ZF_INIT_EVENT, 0},
	{"试验区", ZF_INIT_PROGRAMME, 1},
	{"特区", ZF_INIT_PROGRAMME, 1},
	{"品牌", ZF_INIT_BRAND, 1},
	{"招牌", ZF_INIT_BRAND, 1},
	{"行动", ZF_INIT_CAMPAIGN, 2},
	{"工程", ZF_INIT_PROGRAMME, 1},
	{"计划", ZF_INIT_PROGRAMME, 1},
	{"项目", ZF_INIT_PROGRAMME, 0},
	{"平台", ZF_INIT_PLATFORM, 1},
	{"应用", ZF_INIT_PLATFORM, 0},
	{"场景", ZF_INIT_PLATFORM, 0},
	{"驿站", ZF_INIT_PLATFORM, 1},
	{"基地", ZF_INIT_PLATFORM, 1},
	{"服务中心", ZF_INIT_PLATFORM, 1},
	{"中心", ZF_INIT_PLATFORM, 1},
	{"家园", ZF_INIT_PLATFORM, 1},
	{"学堂", ZF_INIT_PLATFORM, 1},
	{"工坊", ZF_INIT_PLATFORM, 2},
	{"工作室", ZF_INIT_ORGANISATION, 1},
	{"阵地", ZF_INIT_PLATFORM, 1},
	{"书屋", ZF_INIT_PLATFORM, 2},
	{"客厅", ZF_INIT_PLATFORM, 1},
	{"议事厅", ZF_INIT_PLATFORM, 2},
	{"融合体", ZF_INIT_PLATFORM, 2},
	{"共享体", ZF_INIT_PLATFORM, 2},
	{"直播间", ZF_INIT_EVENT, 2},
	{"系列活动", ZF_INIT_EVENT, 0},
	{"主题活动", ZF_INIT_EVENT, 0},
	{"活动", ZF_INIT_EVENT, 0},
	{"大赛", ZF_INIT_EVENT, 2},
	{"高峰论坛", ZF_INIT_EVENT, 2},
	{"论坛", ZF_INIT_EVENT, 2},
	{"读书会", ZF_INIT_EVENT, 2},
	{"文学周", ZF_INIT_EVENT, 2},
	{"文化节", ZF_INIT_EVENT, 2},
	{"恳谈会", ZF_INIT_EVENT, 0},
	{"交流会", ZF_INIT_EVENT, 0},
	{"联盟", ZF_INIT_ORGANISATION, 2},
	{"联合会", ZF_INIT_ORGANISATION, 2},
	{"促进会", ZF_INIT_ORGANISATION, 2},
	{"委员会", ZF_INIT_ORGANISATION, 1},
	{"学院", ZF_INIT_ORGANISATION, 1},
	{"服务队", ZF_INIT_ORGANISATION, 1},
	{"服务", ZF_INIT_PROGRAMME, 0},
	{NULL, 0, 0}
};

/* Verbs that create or run something: a quote right after them is a name. */
static const char *const create_verbs[] = {
	"搭建", "创办", "创建", "打造", "建立", "成立", "设立", "启动", "推出", "实施",
	"深化", "开展", "举办", "组建", "培育", "依托", "用好", "擦亮", "参加", "加入",
	"开设", "发起", "组织", "承办", "立足", NULL
};

/*
 * Words a name does not start with when it is found by its suffix: verbs,
 * function words, counters.  The name begins after the last of them.
 */
static const char *const stop_words[] = {
	"成立", "设立", "开展", "组建", "推动", "打造", "实施", "建立", "创建", "创新实施", "发展",
	"协调", "进行了", "进行", "组织", "例如", "举办", "发起", "立足", "承办", "主持",
	"建设", "参加", "加入", "启动", "率先", "牵头", "深化", "依托", "通过",
	"用好", "培育", "全省首个", "首个", "首支", "推进", "理事长", "以及", "还有",
	"建成", "建起", "开设", "引入", "出资", "投资", "成为", "形成", "筹建", "新建",
	"设", "的", "了", "和", "与", "及", "在", "是", "为", "由", "将", "把", "以",
	"等", "届", "期", "个", "项", "大", "这", "该", "其", "各", "对", "向", "从",
	"到", "于", "有", "着", NULL
};

/* Names found by suffix must not be generic: prefixes that make them so. */
static const char *const generic_prefixes[] = {
	"各类", "相关", "有关", "工作", "服务", "系列", "专项", "主题", "公益", "联动",
	"长效", "协作", "合作", "一系列", "多种", "各种", "重点", "这些", "一批", "多个",
	"相应", "协调", "沟通", "常态化", "闭环", "管理", "培训", "综合", "志愿", "省级",
	"市级", "县级", "区级", "镇级", "村级", "全省", "全市", "健全", "完善", "新的", "优质",
	"特色", "乡镇", NULL
};

static bool
is_alnum(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Characters a name is made of. */
static bool
is_name_char(uint32_t c)
{
	return zf_is_ideograph(c) || is_alnum(c) || c == 0xB7 || c == 0x30FB;	/* · */
}

typedef struct text
{
	uint32_t   *cp;				/* original code points */
	uint32_t   *nm;				/* normalized */
	size_t	   *byte;			/* byte offset of each code point, plus the end */
	int			n;
} text;

/*
 * The word lists, decoded once: at and ends_with run at nearly every
 * character, and decoding the word each time cost more than the rest of the
 * extractor.
 */
#define WORD_CHARS	16			/* longer words match nothing */

typedef struct decoded_word
{
	int			n;				/* -1: too long */
	uint32_t	cp[WORD_CHARS];
} decoded_word;

#define LIST_LEN(a) ((int) (sizeof(a) / sizeof((a)[0])))

static decoded_word kind_dec[LIST_LEN(kindwords)];
static decoded_word verb_dec[LIST_LEN(create_verbs)];
static decoded_word stop_dec[LIST_LEN(stop_words)];
static decoded_word prefix_dec[LIST_LEN(generic_prefixes)];

/*
 * First characters of the kind words, as a bit set over the low 15 bits of
 * the code point: most characters of a text start none, and kind_at is
 * called at every one.
 */
static uint8_t kind_first[4096];
static bool tables_ready = false;

static void
decode_word(const char *w, decoded_word *d)
{
	size_t		len = strlen(w),
				off = 0;

	d->n = 0;
	while (off < len && d->n < WORD_CHARS)
	{
		int			used;

		d->cp[d->n++] = zf_utf8_decode((const unsigned char *) w + off, len - off, &used);
		off += used;
	}
	if (off < len)
		d->n = -1;
}

static void
decode_list(const char *const *words, decoded_word *out)
{
	for (int k = 0; words[k]; k++)
		decode_word(words[k], &out[k]);
}

static void
init_tables(void)
{
	for (int k = 0; kindwords[k].word; k++)
	{
		uint32_t	c;

		decode_word(kindwords[k].word, &kind_dec[k]);
		c = kind_dec[k].cp[0];
		kind_first[(c & 0x7FFF) >> 3] |= (uint8_t) (1 << (c & 7));
	}
	decode_list(create_verbs, verb_dec);
	decode_list(stop_words, stop_dec);
	decode_list(generic_prefixes, prefix_dec);
	tables_ready = true;
}

/* Does normalized text at position i start with word d? */
static bool
at_word(const text *t, int i, const decoded_word *d)
{
	if (d->n < 0 || i < 0 || i + d->n > t->n)
		return false;
	for (int k = 0; k < d->n; k++)
		if (t->nm[i + k] != d->cp[k])
			return false;
	return true;
}

/* Does normalized text end with word d just before position i?  Its length if so, else 0. */
static int
ends_with_word(const text *t, int i, const decoded_word *d)
{
	if (d->n <= 0 || i > t->n || i - d->n < 0)
		return 0;
	for (int k = d->n; k-- > 0;)
		if (t->nm[i - d->n + k] != d->cp[k])
			return 0;
	return d->n;
}

/* The same for a literal, decoded on the spot (rare calls). */
static bool
at(const text *t, int i, const char *w)
{
	decoded_word d;

	decode_word(w, &d);
	return at_word(t, i, &d);
}

static int
ends_with(const text *t, int i, const char *w)
{
	decoded_word d;

	decode_word(w, &d);
	return ends_with_word(t, i, &d);
}

static const kindword *
kind_at(const text *t, int i)
{
	uint32_t	c = t->nm[i];

	if (!(kind_first[(c & 0x7FFF) >> 3] & (1 << (c & 7))))
		return NULL;
	for (int k = 0; kindwords[k].word; k++)
		if (kind_dec[k].cp[0] == c && at_word(t, i, &kind_dec[k]))
			return &kindwords[k];
	return NULL;
}

/* A kind word ending the span [a, b)? */
static const kindword *
kind_suffix(const text *t, int a, int b)
{
	for (int k = 0; kindwords[k].word; k++)
	{
		int			l = ends_with_word(t, b, &kind_dec[k]);

		if (l > 0 && b - a > l)
			return &kindwords[k];
	}
	return NULL;
}

static bool
is_open(uint32_t c)
{
	return c == 0x201C || c == 0x300C || c == 0x300E;
}

static uint32_t
close_of(uint32_t c)
{
	return c == 0x201C ? 0x201D : c == 0x300C ? 0x300D : 0x300F;
}

/* Number of enumerated parts of a quote (、 ， + — / separated). */
static int
parts(const text *t, int a, int b, bool *plus)
{
	int			n = 1;

	*plus = false;
	for (int i = a; i < b; i++)
	{
		uint32_t	c = t->nm[i];

		if (c == 0x3001 || c == ',' || c == 0xFF0C || c == ';' || (c == 0x548C && b - a >= 10))
			n++;
		else if (c == '+' || c == 0x2014 || c == '/' || c == 0x2013)
			*plus = true;
	}
	return n;
}

typedef struct result
{
	zf_initiative *v;
	int			n;
	int			cap;
} result;

static void
add(result *r, const text *t, int a, int b, zf_init_kind kind)
{
	if (r->n && (int) (r->v[r->n - 1].cp_off + r->v[r->n - 1].cp_len) > a)
		return;					/* overlaps the previous one */
	if (r->n == r->cap)
	{
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = zf_realloc(r->v, sizeof(zf_initiative) * r->cap);
	}
	r->v[r->n].cp_off = a;
	r->v[r->n].cp_len = b - a;
	r->v[r->n].off = t->byte[a];
	r->v[r->n].len = t->byte[b] - t->byte[a];
	r->v[r->n].kind = kind;
	r->n++;
}

/* Is c a Chinese or Arabic numeral? */
static bool
is_numeral(uint32_t c)
{
	return (c >= '0' && c <= '9') || c == 0x4E00 || c == 0x4E8C || c == 0x4E09 ||
		c == 0x56DB || c == 0x4E94 || c == 0x516D || c == 0x4E03 || c == 0x516B ||
		c == 0x4E5D || c == 0x5341 || c == 0x4E24 || c == 0x767E || c == 0x5343 ||
		c == 0x4E07;
}

static bool
is_punct_or_start(const text *t, int i)
{
	return i < 0 || !is_name_char(t->nm[i]);
}

/*
 * The kind word heading the compound that starts at from: the last kind word
 * inside the run of name characters (为企服务平台 -> 平台, 两大应用场景 ->
 * 场景), looking no further than reach characters.
 */
static const kindword *
context_kind(const text *t, int from, int reach)
{
	const kindword *best = NULL;

	for (int i = from; i < t->n && i < from + reach; i++)
	{
		const kindword *k;

		if (!is_name_char(t->nm[i]))
			break;
		if ((k = kind_at(t, i)) != NULL)
		{
			best = k;
			i += kind_dec[k - kindwords].n - 1;
		}
	}
	return best;
}

/*
 * Judge the quote [a, b) (content, without the marks).  after: first
 * position after the chain of quotes it belongs to.
 */
static bool
judge_quote(const text *t, int a, int b, int after, zf_init_kind *kind)
{
	int			len = b - a;
	bool		plus;
	int			np = parts(t, a, b, &plus);
	const kindword *k;
	int			i;
	bool		created = false,
				dot = false;

	if (len < 2 || len > MAX_QUOTED || plus || np > 2)
		return false;
	for (i = a; i < b; i++)
	{
		uint32_t	c = t->nm[i];

		if (c == 0x3002 || c == '!' || c == '?' || c == ':' || c == 0x201C || c == '\n')
			return false;
		if ((c == 0xB7 || c == 0x30FB) && i > a && i < b - 1)
			dot = true;
	}
	/* “两个健康”: a counted goal */
	if (len >= 3 && is_numeral(t->nm[a]) && t->nm[a + 1] == 0x4E2A)	/* 个 */
		return false;
	/* “同心”为主题: a theme, not a name */
	if (at(t, after, "为主题"))
		return false;

	/* a kind word heading what follows the chain, before any punctuation */
	k = context_kind(t, after, CONTEXT_REACH);
	/* or ending the name itself */
	if (!k)
		k = kind_suffix(t, a, b);
	for (int v = 0; create_verbs[v]; v++)
		if (ends_with_word(t, a - 1, &verb_dec[v]))
			created = true;
	if (k)
	{
		/* an enumeration is a list of principles unless a campaign word names it */
		if (np == 2 && k->kind != ZF_INIT_CAMPAIGN && k->kind != ZF_INIT_EVENT &&
			k->kind != ZF_INIT_MECHANISM && k->kind != ZF_INIT_PLATFORM &&
			k->kind != ZF_INIT_ORGANISATION)
			return false;
		if (np == 2 && at(t, after, "模式"))
			return false;
		*kind = k->kind;
		return true;
	}
	/* 创业中华·红船领航: two names joined by a middle dot make a brand */
	if (dot && np == 1 && len <= 12)
	{
		*kind = ZF_INIT_BRAND;
		return true;
	}
	if (created && np == 1 && len >= 3 && t->nm[b - 1] != 0x5316)	/* 化 */
	{
		*kind = ZF_INIT_PROGRAMME;
		return true;
	}
	return false;
}

/* End of the quote opened at i (the closing mark), or -1. */
static int
quote_end(const text *t, int i)
{
	uint32_t	cl = close_of(t->nm[i]);

	for (int e = i + 1; e < t->n && e - i <= MAX_QUOTED + 40; e++)
	{
		if (t->nm[e] == cl)
			return e;
		if (t->nm[e] == '\n' || is_open(t->nm[e]))
			return -1;
	}
	return -1;
}

static void
scan_quotes(const text *t, result *r)
{
	int			chain_end = -1;		/* quotes before it share an accepted chain */
	zf_init_kind chain_kind = ZF_INIT_PROGRAMME;

	for (int i = 0; i < t->n; i++)
	{
		int			a,
					b,
					after,
					list_from = -1;
		zf_init_kind kind;
		bool		plus;

		if (!is_open(t->nm[i]))
			continue;
		a = i + 1;
		b = quote_end(t, i);
		if (b < 0)
			continue;
		/* the chain: “A”“B”、“C”和“D”暨“E” */
		after = b + 1;
		for (;;)
		{
			int			j = after,
						e;

			if (j < t->n && (t->nm[j] == 0x3001 || t->nm[j] == 0x548C || t->nm[j] == 0x66A8 ||
							 t->nm[j] == 0x4E0E || t->nm[j] == 0x53CA))	/* 、和暨与及 */
				j++;
			if (j < t->n && is_open(t->nm[j]) && (e = quote_end(t, j)) > 0)
			{
				after = e + 1;
				continue;
			}
			break;
		}
		/* a list going on unquoted up to 等: “A”、B、C等项目 */
		if (after < t->n && t->nm[after] == 0x3001)
		{
			for (int j = after; j < t->n && j - after < 30; j++)
			{
				uint32_t	c = t->nm[j];

				if (c == 0x7B49)	/* 等 */
				{
					list_from = after;
					after = j;
					break;
				}
				if (c != 0x3001 && !is_name_char(c))
					break;
			}
		}
		if (after < t->n && t->nm[after] == 0x7B49)	/* 等 */
			after++;
		if (judge_quote(t, a, b, after, &kind))
		{
			add(r, t, a, b, kind);
			chain_end = after;
			chain_kind = kind;
			/* the unquoted items of the list share the context: “A”、B、C等项目 */
			if (list_from > 0)
			{
				int			list_end = after - 1;	/* at 等 */

				for (int j = list_from; j < list_end;)
				{
					int			e;

					while (j < list_end && t->nm[j] == 0x3001)
						j++;
					for (e = j; e < list_end && t->nm[e] != 0x3001; e++)
						;
					if (e - j >= 3 && e - j <= 10)
						add(r, t, j, e, kind);
					j = e;
				}
			}
		}
		else if (b < chain_end && parts(t, a, b, &plus) <= 2 && !plus && b - a >= 2)
			add(r, t, a, b, chain_kind);	/* “A”“B”等: B is of A's kind */
		i = b;
	}
}

/* Name characters when scanning back for the start of an unquoted name. */
static bool
is_name_char2(uint32_t c)
{
	return is_name_char(c) || c == '(' || c == ')';
}

/* Start of an unquoted name whose kind word starts at k. */
static int
name_start(const text *t, int k)
{
	int			a = k;

	while (a > 0 && k - a < MAX_UNQUOTED && is_name_char2(t->nm[a - 1]))
	{
		int			l = 0;

		if (a != k)
			for (int s = 0; stop_words[s]; s++)
				if ((l = ends_with_word(t, a, &stop_dec[s])) > 0)
				{
					/* 发展 is a verb only where a clause starts */
					if (strcmp(stop_words[s], "发展") == 0 && !is_punct_or_start(t, a - l - 1))
					{
						l = 0;
						continue;
					}
					break;
				}
		if (l > 0)
		{
			/* a stop word opening a list item belongs to the name: 、为侨服务联盟 */
			if (l == 1 && is_punct_or_start(t, a - 2) && a - 2 >= 0 &&
				t->nm[a - 2] == 0x3001)
				a--;
			break;
		}
		a--;
	}
	/* a name does not start with a digit counter left over, nor a bracket */
	while (a < k && ((t->nm[a] >= '0' && t->nm[a] <= '9') || t->nm[a] == ')'))
		a++;
	/* the village a workshop is in is not part of its name: X村e万家共富工坊 */
	for (int i = k - 4; i > a; i--)
		if (t->nm[i] == 0x6751 && zf_is_ideograph(t->nm[i - 1]))	/* 村 */
		{
			a = i + 1;
			break;
		}
	return a;
}

static bool
inside_quote(const result *r, int a, int b)
{
	for (int i = r->n - 1; i >= 0; i--)
	{
		int			s = (int) r->v[i].cp_off,
					e = s + (int) r->v[i].cp_len;

		if (a < e && b > s)
			return true;
	}
	return false;
}

static int
cmp_init(const void *x, const void *y)
{
	const zf_initiative *a = x,
			   *b = y;

	return a->cp_off < b->cp_off ? -1 : a->cp_off > b->cp_off;
}

/*
 * Items listed after a name found at [a, e) that share its first two
 * characters are names of the same family: 晴雨议事厅、晴雨筑梦馆、晴雨大舞台.
 * Items are separated by 、 or line breaks; returns the end of the last one.
 */
static int
list_family(const text *t, int a, int e, zf_init_kind kind, result *r)
{
	for (;;)
	{
		int			j = e,
					s,
					x;

		while (j < t->n && (t->nm[j] == 0x3001 || t->nm[j] == '\n' || t->nm[j] == ' '))
			j++;
		if (j == e || j + 2 > t->n || t->nm[j] != t->nm[a] || t->nm[j + 1] != t->nm[a + 1])
			return e;
		s = j;
		for (x = s; x < t->n && is_name_char(t->nm[x]) && x - s <= 10; x++)
			if (t->nm[x] == 0x7B49)	/* 等 */
				break;
		if (x - s < 3 || x - s > 10)
			return e;
		add(r, t, s, x, kind);
		e = x;
	}
}

static void
scan_suffixes(const text *t, result *quoted, result *r)
{
	bool		in_quote = false;

	for (int i = 0; i < t->n; i++)
	{
		const kindword *k;
		int			e,
					a,
					g;
		bool		created = false;

		if (is_open(t->nm[i]))
			in_quote = true;
		else if (t->nm[i] == 0x201D || t->nm[i] == 0x300D || t->nm[i] == 0x300F || t->nm[i] == '\n')
			in_quote = false;
		if (in_quote || !zf_is_ideograph(t->nm[i]))
			continue;
		k = kind_at(t, i);
		if (!k)
			continue;
		e = i + kind_dec[k - kindwords].n;
		/* the kind word ends the name: not followed by more of a longer word */
		if (e < t->n && kind_at(t, e))
			continue;
		a = name_start(t, i);
		if (i - a < 2)
			continue;
		/* weak kind words (机制, 平台, 基金 ...) name a thing only after a creating verb */
		for (int v = 0; create_verbs[v]; v++)
			if (ends_with_word(t, a, &verb_dec[v]))
				created = true;
		if (ends_with(t, a, "全省首个") || ends_with(t, a, "首个"))
			created = true;
		if (k->strength < 1 || (k->strength < 2 && (!created || i - a < 4 ||
													 (e < t->n && is_name_char(t->nm[e])))))
			continue;
		/* what follows a name in quotes is its context: “温情暖冬”捐衣行动 */
		if (a > 0 && (t->nm[a - 1] == 0x201D || t->nm[a - 1] == 0x300D) &&
			i - a <= 6 && inside_quote(quoted, a - 2, a - 1))
			continue;
		/* 六大行动, 三项机制: counted generic things */
		if (is_numeral(t->nm[a]) && i - a <= 2 &&
			(t->nm[a + 1] == 0x5927 || t->nm[a + 1] == 0x9879 || t->nm[a + 1] == 0x4E2A ||
			 t->nm[a + 1] == 0x7C7B || t->nm[a + 1] == 0x79CD || t->nm[a + 1] == 0x6279 ||
			 i - a == 1))		/* 大 项 个 类 种 批 */
			continue;
		/* an event named after its organiser: 新联会壹日读书会 -> 壹日读书会 */
		if (k->kind == ZF_INIT_EVENT)
			for (int c = i - 3; c > a; c--)
				if (t->nm[c] == 0x4F1A)	/* 会 */
				{
					a = c + 1;
					break;
				}
		for (g = 0; generic_prefixes[g]; g++)
			if (at_word(t, a, &prefix_dec[g]))
				break;
		if (generic_prefixes[g])
			continue;
		if (!inside_quote(quoted, a, e) && !inside_quote(r, a, e))
		{
			add(r, t, a, e, k->kind);
			e = list_family(t, a, e, k->kind, r);
		}
		i = e - 1;
	}
}

int
zf_extract_initiatives(const char *s, size_t len, zf_initiative **out, int *n)
{
	text		t;
	size_t		off = 0;
	result		quoted = {0},
				suffixed = {0};
	int			i;

	if (!tables_ready)
		init_tables();
	t.cp = zf_malloc(sizeof(uint32_t) * (len + 1));
	t.nm = zf_malloc(sizeof(uint32_t) * (len + 1));
	t.byte = zf_malloc(sizeof(size_t) * (len + 2));
	t.n = 0;
	while (off < len)
	{
		int			used;
		uint32_t	c = zf_utf8_decode((const unsigned char *) s + off, len - off, &used);

		t.byte[t.n] = off;
		t.cp[t.n] = c;
		t.nm[t.n] = zf_norm_cp(c);
		if (t.nm[t.n] == 0xFF08)
			t.nm[t.n] = '(';
		t.n++;
		off += used;
		if ((t.n & 0xFFFF) == 0)
			zf_check_interrupts();
	}
	t.byte[t.n] = len;

	scan_quotes(&t, &quoted);
	scan_suffixes(&t, &quoted, &suffixed);

	/*
	 * Merge the two lists, each sorted and without overlaps.  A name found by
	 * its suffix that overlaps a quoted one is dropped: a family item
	 * (list_family) can be an item of a list after a quote too, “A”、B、C等.
	 */
	if (suffixed.n > 0)
	{
		zf_initiative *v = zf_malloc(sizeof(zf_initiative) * (quoted.n + suffixed.n));
		int			qi = 0,
					m = 0;

		for (i = 0; i < suffixed.n || qi < quoted.n;)
		{
			const zf_initiative *x;

			if (i == suffixed.n || (qi < quoted.n && cmp_init(&quoted.v[qi], &suffixed.v[i]) <= 0))
				x = &quoted.v[qi++];
			else
			{
				x = &suffixed.v[i++];
				if ((m > 0 && v[m - 1].cp_off + v[m - 1].cp_len > x->cp_off) ||
					(qi < quoted.n && quoted.v[qi].cp_off < x->cp_off + x->cp_len))
					continue;
			}
			v[m++] = *x;
		}
		if (quoted.v)
			zf_free(quoted.v);
		zf_free(suffixed.v);
		quoted.v = v;
		quoted.n = m;
	}
	zf_free(t.cp);
	zf_free(t.nm);
	zf_free(t.byte);
	*out = quoted.v;
	*n = quoted.n;
	return ZF_OK;
}

const char *
zf_init_kind_name(zf_init_kind kind)
{
	switch (kind)
	{
		case ZF_INIT_PLATFORM:
			return "platform";
		case ZF_INIT_CAMPAIGN:
			return "campaign";
		case ZF_INIT_BRAND:
			return "brand";
		case ZF_INIT_MECHANISM:
			return "mechanism";
		case ZF_INIT_FUND:
			return "fund";
		case ZF_INIT_EVENT:
			return "event";
		case ZF_INIT_ORGANISATION:
			return "organisation";
		case ZF_INIT_PROGRAMME:
			return "programme";
	}
	return "programme";
}
