/*
 * page_clean.c - the cleaner for raw saved news pages (see page_clean.h).
 *
 * The page is decoded into code points once.  A first pass removes what is
 * never text (stray HTML tags and the content of hidden elements, entities,
 * pinyin annotations, zero-width characters); the rest is cut into trimmed
 * lines, and each line is classified on its normalized form (Simplified,
 * half-width, case folded: one rule serves both scripts):
 *
 *  - chrome: short lines naming app prompts, login, share and comment
 *    counters, "read more" links, licences; lines without a Han character;
 *  - a date line: a date (and time) with little else, perhaps a source; a
 *    date with a weekday, no time and no source is the site's "today" banner;
 *  - a footer marker (原标题, 阅读原文, 声明, 本文为…观点, ICP licence):
 *    everything from there on is footer;
 *  - attribution lines ((供稿：…), [编辑：…]), dropped from the body;
 *  - text.
 *
 * The title is the last text line before the first date line of the header,
 * or the first short text line when the page has no date line.
 */
#include "page_clean.h"

#include <string.h>

#include "charclass.h"
#include "norm.h"
#include "utf8.h"
#include "zf_alloc.h"
#include "zf_common.h"

/* A growable array of code points. */
typedef struct cpbuf
{
	uint32_t   *cp;
	int			n;
	int			cap;
} cpbuf;

static void
cp_push(cpbuf *b, uint32_t c)
{
	if (b->n == b->cap)
	{
		b->cap = b->cap ? b->cap * 2 : 256;
		b->cp = zf_realloc(b->cp, sizeof(uint32_t) * b->cap);
	}
	b->cp[b->n++] = c;
}

static bool
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
		c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) ||
		c == 0x202F || c == 0x205F;
}

/* Zero-width characters and the BOM: dropped. */
static bool
is_invisible(uint32_t c)
{
	return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

static bool
is_latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* Letters pinyin is written with: a-z, ü and the tone-marked vowels. */
static bool
is_pinyin_letter(uint32_t c, bool *toned)
{
	static const uint32_t tones[] = {
		0x101, 0xE1, 0x1CE, 0xE0, 0x113, 0xE9, 0x11B, 0xE8, 0x12B, 0xED, 0x1D0,
		0xEC, 0x14D, 0xF3, 0x1D2, 0xF2, 0x16B, 0xFA, 0x1D4, 0xF9, 0x1D6, 0x1D8,
		0x1DA, 0x1DC, 0xFC, 0x144, 0x148, 0x1F9, 0x1E3F, 0x251
	};

	if (c >= 'a' && c <= 'z')
		return true;
	for (size_t i = 0; i < sizeof(tones) / sizeof(tones[0]); i++)
		if (tones[i] == c)
		{
			*toned = true;
			return true;
		}
	return false;
}

/*
 * If s[i] opens a pinyin annotation right after a Han character, return the
 * index after its closing parenthesis, else i.
 */
static int
pinyin_end(const uint32_t *s, int n, int i, uint32_t prev)
{
	bool		toned = false;
	int			j;

	if ((s[i] != '(' && s[i] != 0xFF08) || !zf_is_ideograph(prev))
		return i;
	for (j = i + 1; j < n && j - i <= 8; j++)
	{
		if (s[j] == ')' || s[j] == 0xFF09)
			return (toned && j > i + 1) ? j + 1 : i;
		if (!is_pinyin_letter(s[j], &toned))
			return i;
	}
	return i;
}

/* Lower-case ASCII match of word at s[i..n). */
static bool
ascii_at(const uint32_t *s, int n, int i, const char *word)
{
	for (int k = 0; word[k]; k++)
	{
		uint32_t	c;

		if (i + k >= n)
			return false;
		c = s[i + k];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != (unsigned char) word[k])
			return false;
	}
	return true;
}

/*
 * Skip an HTML tag or entity at s[i] ('<' or '&').  Returns the index after
 * it, or i when it is not one.  *hidden is set when the tag opens an element
 * the page does not show (display:none, hidden, script, style).
 */
static int
markup_end(const uint32_t *s, int n, int i, bool *hidden)
{
	int			j;

	*hidden = false;
	if (s[i] == '<' && i + 1 < n && (is_latin(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!'))
	{
		for (j = i + 1; j < n && j - i < 400 && s[j] != '\n' && s[j] != '<'; j++)
			if (s[j] == '>')
			{
				for (int k = i; k < j; k++)
					if (ascii_at(s, j, k, "display:none") || ascii_at(s, j, k, "display: none") ||
						ascii_at(s, j, k, " hidden") || (k == i + 1 && (ascii_at(s, j, k, "script") ||
																	   ascii_at(s, j, k, "style"))))
						*hidden = (s[i + 1] != '/');
				return j + 1;
			}
		return i;
	}
	if (s[i] == '&')
	{
		for (j = i + 1; j < n && j - i <= 8; j++)
		{
			if (s[j] == ';')
				return j > i + 1 ? j + 1 : i;
			if (!is_latin(s[j]) && !is_digit(s[j]) && s[j] != '#')
				return i;
		}
	}
	return i;
}

/* The character an entity stands for (those that occur in text). */
static uint32_t
entity_char(const uint32_t *s, int i, int end)
{
	if (ascii_at(s, end, i, "&amp;"))
		return '&';
	if (ascii_at(s, end, i, "&lt;"))
		return '<';
	if (ascii_at(s, end, i, "&gt;"))
		return '>';
	if (ascii_at(s, end, i, "&quot;"))
		return '"';
	if (s[i + 1] == '#')
	{
		uint32_t	v = 0;
		int			k = i + 2;
		bool		hex = (k < end && (s[k] == 'x' || s[k] == 'X'));

		for (k += hex; k < end - 1; k++)
		{
			uint32_t	c = s[k];

			if (is_digit(c))
				v = v * (hex ? 16 : 10) + (c - '0');
			else if (hex && ((c | 32) >= 'a' && (c | 32) <= 'f'))
				v = v * 16 + ((c | 32) - 'a' + 10);
			else
				return ' ';
			if (v > 0x10FFFF)
				return ' ';
		}
		return (v >= 0x20 && !(v >= 0xD800 && v <= 0xDFFF)) ? v : ' ';
	}
	return ' ';					/* &nbsp; and the rest */
}

/*
 * A tag name and attributes hiding the element (span style="display:none">)
 * at s[i], as left when a bad re-encoding ate the '<': the index after its
 * '>', or i.
 */
static int
broken_hidden_tag(const uint32_t *s, int n, int i)
{
	int			j = i;
	bool		hidden = false;

	while (j < n && j - i < 8 && s[j] >= 'a' && s[j] <= 'z')
		j++;
	if (j == i || j >= n || s[j] != ' ')
		return i;
	for (; j < n && j - i < 200 && s[j] != '\n' && s[j] != '<'; j++)
	{
		if (ascii_at(s, n, j, "display:none") || ascii_at(s, n, j, "display: none"))
			hidden = true;
		if (s[j] == '>')
			return hidden ? j + 1 : i;
		if (zf_is_ideograph(s[j]))
			return i;
	}
	return i;
}

/* Decode and remove markup, pinyin annotations and invisible characters. */
static void
preprocess(const char *raw, size_t len, cpbuf *out)
{
	cpbuf		dec = {0};
	size_t		off = 0;
	int			i;
	int			hidden_depth = 0;

	while (off < len)
	{
		int			used;
		uint32_t	c = zf_utf8_decode((const unsigned char *) raw + off, len - off, &used);

		off += used;
		if (c == '\r')
		{
			if (off < len && raw[off] == '\n')
				continue;
			c = '\n';
		}
		if (!is_invisible(c))
			cp_push(&dec, c);
		if ((dec.n & 0xFFFF) == 0)
			zf_check_interrupts();
	}

	for (i = 0; i < dec.n;)
	{
		uint32_t	c = dec.cp[i];
		bool		hidden;
		int			e;

		if ((i & 0xFFFF) == 0)
			zf_check_interrupts();

		if (c == '<' || c == '&')
		{
			e = markup_end(dec.cp, dec.n, i, &hidden);
			if (e > i)
			{
				if (c == '&')
				{
					if (!hidden_depth)
						cp_push(out, entity_char(dec.cp, i, e));
				}
				else if (hidden)
					hidden_depth++;
				else if (dec.cp[i + 1] == '/' && hidden_depth > 0)
					hidden_depth--;
				i = e;
				continue;
			}
		}
		if (c == '\n')
			hidden_depth = 0;	/* a hidden element never spans lines here */
		else if (!hidden_depth && c >= 'a' && c <= 'z' &&
				 (i == 0 || !is_latin(dec.cp[i - 1])) &&
				 (e = broken_hidden_tag(dec.cp, dec.n, i)) > i)
		{
			/* an opening tag of a hidden element whose '<' was lost */
			if (out->n && (out->cp[out->n - 1] == '?' || out->cp[out->n - 1] == ZF_BADCHAR))
				out->n--;
			hidden_depth = 1;
			i = e;
			continue;
		}
		if (hidden_depth)
		{
			i++;
			continue;
		}
		e = pinyin_end(dec.cp, dec.n, i, out->n ? out->cp[out->n - 1] : 0);
		if (e > i)
		{
			i = e;
			continue;
		}
		cp_push(out, is_space(c) ? ' ' : c);
		i++;
	}
	zf_free(dec.cp);
}

/* ---- lines ---- */

typedef enum
{
	L_BLANK,
	L_TEXT,
	L_CHROME,
	L_DATE,						/* a date line (publication or banner) */
	L_FOOTER,					/* footer marker: the article ended */
	L_ATTRIB					/* attribution: source, contributor, editor */
} line_kind;

typedef struct line
{
	int			start;			/* in code points of the page */
	int			end;
	line_kind	kind;
	/* a date on the line */
	int			y, mo, d, h, mi, s;
	bool		has_date;
	bool		has_time;
	bool		banner;
	int			src_start;		/* source named on the line, -1 if none */
	int			src_end;
} line;

/* Find needle (UTF-8) in the normalized line norm[a..b). */
static int
find(const uint32_t *norm, int a, int b, const char *needle)
{
	uint32_t	nd[32];
	int			nn = 0;
	size_t		off = 0,
				len = strlen(needle);

	while (off < len && nn < 32)
	{
		int			used;

		nd[nn++] = zf_utf8_decode((const unsigned char *) needle + off, len - off, &used);
		off += used;
	}
	for (int i = a; i + nn <= b; i++)
	{
		int			k;

		for (k = 0; k < nn && norm[i + k] == nd[k]; k++)
			;
		if (k == nn)
			return i;
	}
	return -1;
}

/* Does word w start at norm[i] (and end by b)? */
static bool
starts_at(const uint32_t *norm, int i, int b, const char *w)
{
	size_t		off = 0,
				len = strlen(w);

	for (; off < len; i++)
	{
		int			used;

		if (i >= b || norm[i] != zf_utf8_decode((const unsigned char *) w + off, len - off, &used))
			return false;
		off += used;
	}
	return true;
}

/*
 * A word list decoded once, its words chained in 64 buckets by their first
 * character, with a 64-bit mask of the buckets in use: has_any runs on every
 * short line, and most characters start no word of the list.
 */
#define LIST_MAX_WORDS	128
#define LIST_MAX_CHARS	12
#define LIST_BUCKETS	64

typedef struct word_index
{
	const char *const *words;	/* the list indexed, NULL for a free slot */
	uint64_t	first;			/* bit b: bucket b holds a word */
	int			n;
	int16_t		head[LIST_BUCKETS]; /* first word of each bucket, -1 for none */
	int16_t		next[LIST_MAX_WORDS];	/* next word of the same bucket */
	int			len[LIST_MAX_WORDS];
	uint32_t	cp[LIST_MAX_WORDS][LIST_MAX_CHARS];
} word_index;

static word_index indexes[4];

static int
bucket_of(uint32_t c)
{
	return (int) ((c * 0x9E3779B1u) >> 26);
}

static const word_index *
index_of(const char *const *words)
{
	word_index *x = NULL;

	for (int k = 0; k < (int) (sizeof(indexes) / sizeof(indexes[0])); k++)
		if (indexes[k].words == words || indexes[k].words == NULL)
		{
			x = &indexes[k];
			break;
		}
	if (x == NULL || x->words == words)
		return x;
	x->n = 0;
	x->first = 0;
	for (int b = 0; b < LIST_BUCKETS; b++)
		x->head[b] = -1;
	for (int i = 0; words[i]; i++)
	{
		size_t		off = 0,
					len = strlen(words[i]);
		int			nc = 0,
					b;

		if (x->n == LIST_MAX_WORDS)
			return NULL;
		while (off < len && nc < LIST_MAX_CHARS)
		{
			int			used;

			x->cp[x->n][nc++] = zf_utf8_decode((const unsigned char *) words[i] + off, len - off, &used);
			off += used;
		}
		if (off < len)
			return NULL;
		x->len[x->n] = nc;
		/* chained at the head: a bucket's words are tried last word first */
		b = bucket_of(x->cp[x->n][0]);
		x->next[x->n] = x->head[b];
		x->head[b] = (int16_t) x->n;
		x->first |= UINT64_C(1) << b;
		x->n++;
	}
	x->words = words;
	return x;
}

/* Does norm[a..b) hold any word of the list (a static array)? */
static bool
has_any(const uint32_t *norm, int a, int b, const char *const *words)
{
	const word_index *x = index_of(words);

	if (x == NULL)
	{
		/* a list too big to index: word by word */
		for (int i = 0; words[i]; i++)
			if (find(norm, a, b, words[i]) >= 0)
				return true;
		return false;
	}
	for (int i = a; i < b; i++)
	{
		int			bucket = bucket_of(norm[i]);

		if (!(x->first & (UINT64_C(1) << bucket)))
			continue;
		for (int w = x->head[bucket]; w >= 0; w = x->next[w])
		{
			int			k;

			if (i + x->len[w] > b)
				continue;
			for (k = 0; k < x->len[w] && norm[i + k] == x->cp[w][k]; k++)
				;
			if (k == x->len[w])
				return true;
		}
	}
	return false;
}

/* Words that make a short line page chrome (normalized: Simplified, lower case). */
static const char *const chrome_words[] = {
	"logo", "客户端", "app", "登录", "注册", "扫码", "扫一扫", "二维码", "字号",
	"收藏", "举报", "点击关注", "关注我们", "阅读原文", "阅读全文", "展开全文",
	"阅读更多", "查看更多", "加载更多", "更多精彩", "相关阅读", "推荐阅读",
	"阅读推荐", "相关新闻", "相关文章", "热门推荐", "新闻爆料", "反馈", "返回顶部",
	"返回首页", "上一篇", "下一篇", "icp备", "公网安备", "许可证", "©", "copyright",
	"版权所有", "all rights", "欢迎你", "欢迎您", "出品", "分享到", "分享至", "打印本页",
	"关闭窗口", "责任编辑", "原标题", "免责声明", "点赞", "评论(", "评论:", "阅读量",
	"浏览次数", "阅读数", "转发", "小程序", "公众号", "订阅", "纠错", "网站地图",
	"联系我们", "投稿", "设为首页", "加入收藏", "手机版", NULL
};

/* Lines from which on everything is footer. */
static const char *const footer_words[] = {
	"原标题", "阅读原文", "免责声明", "版权声明", "声明:", "转载请", "未经授权",
	"仅代表作者", "仅代表该作者", "icp备", "阅读推荐", "推荐阅读", "相关阅读",
	"相关新闻", "相关文章", "热门推荐", "新闻爆料", NULL
};

/* Labels that start an attribution line. */
static const char *const attrib_words[] = {
	"供稿", "来源", "本文来源", "文章来源", "稿件来源", "责任编辑", "编辑", "作者", "撰稿", "通讯员", "记者", "摄影",
	"图片来源", "图文", "审核", "校对", "文/", "图/", NULL
};

/* Parse 1-2 (or exactly 4 for years) digits at norm[*i]. */
static int
digits(const uint32_t *norm, int b, int *i, int minlen, int maxlen)
{
	int			v = 0,
				k = 0;

	while (*i < b && k < maxlen && is_digit(norm[*i]))
	{
		v = v * 10 + (int) (norm[*i] - '0');
		(*i)++;
		k++;
	}
	if (k < minlen || (*i < b && is_digit(norm[*i])))
		return -1;
	return v;
}

/*
 * Find a date (yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd, yyyy年m月d日), optionally
 * followed by a time hh:mm[:ss], in norm[a..b).  Fills the line's date and
 * returns the index after it, or -1.
 */
static int
scan_date(const uint32_t *norm, int a, int b, line *ln, int *date_start)
{
	for (int i = a; i + 8 <= b; i++)
	{
		int			j = i,
					y,
					mo,
					d;
		uint32_t	sep;

		if ((i & 0xFFFF) == 0)
			zf_check_interrupts();
		if ((i > a && is_digit(norm[i - 1])) || !is_digit(norm[i]))
			continue;
		y = digits(norm, b, &j, 4, 4);
		if (y < 1900 || y > 2100 || j >= b)
			continue;
		sep = norm[j];
		if (sep != '-' && sep != '/' && sep != '.' && sep != 0x5E74)	/* 年 */
			continue;
		j++;
		mo = digits(norm, b, &j, 1, 2);
		if (mo < 1 || mo > 12 || j >= b)
			continue;
		if (sep == 0x5E74 ? norm[j] != 0x6708 : norm[j] != sep)	/* 月 */
			continue;
		j++;
		d = digits(norm, b, &j, 1, 2);
		if (d < 1 || d > 31)
			continue;
		if (j < b && norm[j] == 0x65E5)	/* 日 */
			j++;
		ln->y = y;
		ln->mo = mo;
		ln->d = d;
		ln->h = ln->mi = ln->s = 0;
		ln->has_date = true;
		ln->has_time = false;
		*date_start = i;
		/* time */
		{
			int			k = j,
						h,
						mi,
						s = 0;

			while (k < b && norm[k] == ' ')
				k++;
			h = digits(norm, b, &k, 1, 2);
			if (h >= 0 && h < 24 && k < b && norm[k] == ':')
			{
				k++;
				mi = digits(norm, b, &k, 2, 2);
				if (mi >= 0 && mi < 60)
				{
					if (k < b && norm[k] == ':')
					{
						int			k2 = k + 1,
									s2 = digits(norm, b, &k2, 2, 2);

						if (s2 >= 0 && s2 < 60)
						{
							s = s2;
							k = k2;
						}
					}
					ln->h = h;
					ln->mi = mi;
					ln->s = s;
					ln->has_time = true;
					j = k;
				}
			}
		}
		return j;
	}
	return -1;
}

/* Source named after 来源 / 来自 on the line: sets src_start/src_end. */
static void
scan_source(const uint32_t *norm, int a, int b, line *ln)
{
	int			i = find(norm, a, b, "来源");
	int			e;

	ln->src_start = -1;
	if (i < 0)
		return;
	i += 2;
	while (i < b && (norm[i] == ':' || norm[i] == ' ' || norm[i] == 0xFF1A))
		i++;
	for (e = i; e < b; e++)
	{
		/* two spaces, a bracket or another label end the source */
		if (norm[e] == ' ' && e + 1 < b && norm[e + 1] == ' ')
			break;
		if (norm[e] == ')' || norm[e] == ']' || norm[e] == 0x3011)
			break;
		if (starts_at(norm, e, b, "作者") ||
			starts_at(norm, e, b, "编辑") ||
			starts_at(norm, e, b, "时间") ||
			starts_at(norm, e, b, "浏览"))
			break;
	}
	while (e > i && norm[e - 1] == ' ')
		e--;
	if (e > i && e - i <= 40)
	{
		ln->src_start = i;
		ln->src_end = e;
	}
}

static int
count_han(const uint32_t *s, int a, int b)
{
	int			n = 0;

	for (int i = a; i < b; i++)
	{
		if ((i & 0xFFFF) == 0)
			zf_check_interrupts();	/* a page of one huge line is scanned a few times */
		n += zf_is_ideograph(s[i]);
	}
	return n;
}

/* Classify one line on its normalized form. */
static void
classify(const uint32_t *norm, line *ln)
{
	int			a = ln->start,
				b = ln->end,
				n = b - a,
				han = count_han(norm, a, b);
	int			date_start = -1,
				after;

	ln->has_date = false;
	ln->banner = false;
	ln->src_start = -1;
	if (n == 0)
	{
		ln->kind = L_BLANK;
		return;
	}
	if (n <= 120 && has_any(norm, a, b, footer_words) &&
		(n <= 40 || find(norm, a, b, "观点") >= 0 || find(norm, a, b, "icp") >= 0))
	{
		ln->kind = L_FOOTER;
		return;
	}
	if (n <= 300 && find(norm, a, b, "本文") >= 0 && find(norm, a, b, "观点") >= 0)
	{
		ln->kind = L_FOOTER;
		return;
	}

	/* a date with little else around it */
	after = scan_date(norm, a, b, ln, &date_start);
	if (after >= 0)
	{
		int			rest;

		scan_source(norm, a, b, ln);
		rest = (date_start - a) + (b - after);
		if (ln->src_start >= 0)
			rest -= (ln->src_end - ln->src_start) + 3;
		if (rest <= 16)
		{
			ln->kind = L_DATE;
			/* a weekday and no time nor source: the site's "today" banner */
			ln->banner = !ln->has_time && ln->src_start < 0 &&
				(find(norm, a, b, "星期") >= 0 || find(norm, a, b, "礼拜") >= 0 ||
				 find(norm, after, b, "周") >= 0);
			return;
		}
		ln->has_date = false;
	}

	if (han == 0 && n <= 40)
	{
		ln->kind = L_CHROME;	/* counters, symbols, links, logos */
		return;
	}
	/* a label left without its widget: 分享： */
	if (n <= 6 && (norm[b - 1] == ':' || find(norm, a, b, "分享") >= 0))
	{
		ln->kind = L_CHROME;
		return;
	}
	if (n <= 40 && has_any(norm, a, b, chrome_words))
	{
		ln->kind = L_CHROME;
		return;
	}
	/* attribution: a short line opening (perhaps in brackets) with a label */
	if (n <= 40)
	{
		int			i = a;

		while (i < b && (norm[i] == '(' || norm[i] == '[' || norm[i] == 0x3010 || norm[i] == ' '))
			i++;
		for (int k = 0; attrib_words[k]; k++)
			if (starts_at(norm, i, b, attrib_words[k]))
			{
				int			e = i + (int) strlen(attrib_words[k]) / 3;

				while (e < b && norm[e] == ' ')
					e++;
				if (e < b && (norm[e] == ':' || norm[e] == '/' || i > a))
				{
					ln->kind = L_ATTRIB;
					scan_source(norm, a, b, ln);
					if (ln->src_start < 0 && starts_at(norm, i, b, "供稿"))
					{
						ln->src_start = e + (norm[e] == ':');
						ln->src_end = b;
						while (ln->src_end > ln->src_start &&
							   (norm[ln->src_end - 1] == ')' || norm[ln->src_end - 1] == ']' ||
								norm[ln->src_end - 1] == 0x3011 || norm[ln->src_end - 1] == ' '))
							ln->src_end--;
						if (ln->src_end <= ln->src_start)
							ln->src_start = -1;
					}
					return;
				}
			}
	}
	ln->kind = L_TEXT;
}

/* Encode s[a..b) into a new NUL-terminated string. */
static char *
encode(const uint32_t *s, int a, int b)
{
	char	   *out = zf_malloc((size_t) (b - a) * 4 + 1);
	size_t		o = 0;

	for (int i = a; i < b; i++)
	{
		uint32_t	c = s[i];

		if (c < 0x80)
			out[o++] = (char) c;
		else if (c < 0x800)
		{
			out[o++] = (char) (0xC0 | (c >> 6));
			out[o++] = (char) (0x80 | (c & 0x3F));
		}
		else if (c < 0x10000)
		{
			out[o++] = (char) (0xE0 | (c >> 12));
			out[o++] = (char) (0x80 | ((c >> 6) & 0x3F));
			out[o++] = (char) (0x80 | (c & 0x3F));
		}
		else
		{
			out[o++] = (char) (0xF0 | (c >> 18));
			out[o++] = (char) (0x80 | ((c >> 12) & 0x3F));
			out[o++] = (char) (0x80 | ((c >> 6) & 0x3F));
			out[o++] = (char) (0x80 | (c & 0x3F));
		}
	}
	out[o] = '\0';
	return out;
}

/* A text line short enough to be a title. */
static bool
title_like(const uint32_t *norm, const line *ln)
{
	int			n = ln->end - ln->start;
	uint32_t	last;

	if (ln->kind != L_TEXT || n < 4)
		return false;
	last = norm[ln->end - 1];
	return n >= 4 && n <= 80 && last != 0x3002 && last != ',' &&
		last != 0xFF0C && last != ';' && last != ':' && count_han(norm, ln->start, ln->end) >= 2;
}

int
zf_page_clean(const char *raw, size_t len, zf_page *page)
{
	cpbuf		text = {0};
	uint32_t   *norm;
	line	   *lines;
	int			nlines = 0,
				i,
				title = -1,
				meta = -1,
				body_from = 0,
				dateline = -1,
				header_end;
	int			trad = 0,
				han = 0;
	cpbuf		body = {0};

	memset(page, 0, sizeof(*page));
	preprocess(raw, len, &text);

	norm = zf_malloc(sizeof(uint32_t) * (text.n + 1));
	for (i = 0; i < text.n; i++)
		norm[i] = zf_norm_cp(text.cp[i]);

	/* cut into trimmed lines */
	for (i = 0; i < text.n; i++)
		nlines += (text.cp[i] == '\n');
	lines = zf_malloc(sizeof(line) * (nlines + 1));
	nlines = 0;
	for (i = 0; i <= text.n;)
	{
		int			a = i,
					b;

		while (i < text.n && text.cp[i] != '\n')
			i++;
		b = i;
		i++;
		while (a < b && text.cp[a] == ' ')
			a++;
		while (b > a && text.cp[b - 1] == ' ')
			b--;
		lines[nlines].start = a;
		lines[nlines].end = b;
		classify(norm, &lines[nlines]);
		nlines++;
		if ((nlines & 255) == 0)
			zf_check_interrupts();
	}

	/*
	 * The header ends at the first long text line.  Its first date line that
	 * is not a banner gives the publication time; the title is the last
	 * title-like text line before it.
	 */
	for (header_end = 0; header_end < nlines; header_end++)
	{
		const line *ln = &lines[header_end];

		if (ln->kind == L_TEXT && !title_like(norm, ln))
			break;
	}
	for (i = 0; i < nlines && i <= header_end; i++)
	{
		line	   *ln = &lines[i];

		if (ln->kind == L_DATE && !ln->banner)
		{
			if (dateline < 0)
				dateline = i;
			meta = i;
		}
		else if (ln->kind == L_ATTRIB && ln->src_start >= 0 && dateline >= 0 && meta == i - 1)
			meta = i;
		else if (ln->kind == L_TEXT && dateline >= 0)
			break;
	}
	if (dateline >= 0)
	{
		for (i = dateline - 1; i >= 0; i--)
			if (title_like(norm, &lines[i]))
			{
				title = i;
				break;
			}
		body_from = meta + 1;
	}
	if (title < 0)
	{
		for (i = 0; i < nlines && i < header_end; i++)
			if (title_like(norm, &lines[i]))
			{
				title = i;
				break;
			}
		if (title >= 0 && body_from <= title)
			body_from = title + 1;
	}
	if (title >= 0)
		page->title = encode(text.cp, lines[title].start, lines[title].end);
	if (dateline >= 0)
	{
		const line *ln = &lines[dateline];

		page->year = ln->y;
		page->month = ln->mo;
		page->day = ln->d;
		page->hour = ln->h;
		page->minute = ln->mi;
		page->second = ln->s;
		page->has_time = ln->has_time;
	}

	/* the source: on the header's date lines, else the first attribution */
	for (i = 0; i < nlines && !page->source; i++)
	{
		const line *ln = &lines[i];

		if (i <= meta && ln->src_start >= 0)
			page->source = encode(text.cp, ln->src_start, ln->src_end);
	}
	for (i = body_from; i < nlines && !page->source; i++)
	{
		const line *ln = &lines[i];

		if (ln->kind == L_ATTRIB && ln->src_start >= 0)
			page->source = encode(text.cp, ln->src_start, ln->src_end);
	}

	/* the body: text lines up to the footer */
	for (i = body_from; i < nlines; i++)
	{
		const line *ln = &lines[i];

		if (ln->kind == L_FOOTER)
			break;
		if (ln->kind != L_TEXT)
			continue;
		if (i == title)
			continue;
		if (body.n)
			cp_push(&body, '\n');
		for (int k = ln->start; k < ln->end; k++)
		{
			/* runs of spaces inside a paragraph become one */
			if (text.cp[k] == ' ' && k > ln->start && text.cp[k - 1] == ' ')
				continue;
			cp_push(&body, text.cp[k]);
		}
	}
	page->body = encode(body.cp, 0, body.n);
	page->body_len = strlen(page->body);

	/* script and letters, over title and body */
	for (int pass = 0; pass < 2; pass++)
	{
		const uint32_t *s = pass ? body.cp : text.cp;
		int			a = pass ? 0 : (title >= 0 ? lines[title].start : 0);
		int			b = pass ? body.n : (title >= 0 ? lines[title].end : 0);

		for (int k = a; k < b; k++)
		{
			uint32_t	c = s[k];

			if (zf_is_ideograph(c))
			{
				uint32_t	nc = zf_norm_cp(c);

				han++;
				if (nc != c && zf_is_ideograph(nc))
					trad++;
			}
			else if (is_latin(c))
				page->latin_chars++;
		}
	}
	page->han_chars = han;
	/* a few Traditional forms occur in Simplified text (names, quotations) */
	page->hant = han > 0 && trad * 20 >= han && trad >= 2;

	zf_free(body.cp);
	zf_free(lines);
	zf_free(norm);
	zf_free(text.cp);
	return ZF_OK;
}

void
zf_page_free(zf_page *page)
{
	if (page->title)
		zf_free(page->title);
	if (page->source)
		zf_free(page->source);
	if (page->body)
		zf_free(page->body);
	memset(page, 0, sizeof(*page));
}

char *
zf_strip_pinyin(const char *s, size_t len, size_t *outlen)
{
	cpbuf		dec = {0},
				out = {0};
	size_t		off = 0;
	char	   *res;

	while (off < len)
	{
		int			used;

		cp_push(&dec, zf_utf8_decode((const unsigned char *) s + off, len - off, &used));
		off += used;
	}
	for (int i = 0; i < dec.n;)
	{
		int			e = pinyin_end(dec.cp, dec.n, i, out.n ? out.cp[out.n - 1] : 0);

		if (e > i)
			i = e;
		else
			cp_push(&out, dec.cp[i++]);
	}
	res = encode(out.cp, 0, out.n);
	*outlen = strlen(res);
	zf_free(dec.cp);
	zf_free(out.cp);
	return res;
}
