/*
 * gen_normtab.c - build-time generator of the per-character normalization
 * table behind zf_norm_cp() (src/core/norm.h).
 *
 * Usage: gen_normtab [-v] OUTPUT.c
 *
 * For every code point U+0000..U+10FFFF except surrogates the normalized
 * form is computed with ICU as
 *
 *	 1. NFKC of the single character (full-width and half-width forms,
 *		compatibility ideographs, Kangxi radicals, circled digits,
 *		U+3000 and other spaces, ，to "," ... to their plain form);
 *	 2. simple case folding, u_foldCase(U_FOLD_CASE_DEFAULT) (A-Z to a-z,
 *		Greek, Cyrillic, ...);
 *	 3. the ICU transliterator "Traditional-Simplified" on the single
 *		character (臺 to 台, 國 to 国, 餘 to 余, ...).
 *
 * A mapping is kept only when the result is exactly one code point other
 * than the input: callers keep one output character per input character, so
 * character offsets found in the normalized text are those of the original.
 * Results of more than one code point (㈠ to "(一)", ﬁ to "fi", Ǆ to "DŽ")
 * leave the character unmapped.  Note the UTF-8 length can change (Ａ is 3
 * bytes, a is 1): a caller that needs byte offsets must map them per
 * character, not assume equal lengths.
 *
 * On top of ICU:
 *	 - every space separator (General_Category Zs: U+3000, U+00A0, U+1680,
 *	   U+2000..U+200A, ...) maps to U+0020, so word breaking sees one space;
 *	 - ○ U+25CB WHITE CIRCLE maps to 〇 U+3007: both are written for the
 *	   numeral zero (二〇二三年), and the number grammar wants one form.
 * CJK punctuation is left to NFKC (which maps the full-width ，！？ forms
 * but not 。、“”).
 *
 * The mapping is then closed under itself (a maps to b and b to c gives a
 * to c) so that zf_norm_cp(zf_norm_cp(c)) == zf_norm_cp(c); the generator
 * refuses to write a table that is not idempotent.
 *
 * Why a table: the ICU transliterator runs at some 8 MB/s, far too slow for
 * a function called on every character of every document; applied one
 * character at a time its answers fit in a table.  The table is a
 * two-level trie of code-point deltas: index[cp >> SHIFT] selects a block,
 * identical blocks are stored once (all unmapped blocks share one block of
 * zeros), and the lookup is two loads and an add.
 *
 * Context-dependent conversions are beyond a per-character table: the
 * transliterator has some 980 multi-character rules (乾隆 keeps 乾 but 乾燥
 * is 干燥; 著名 keeps 著), and here each character gets its answer in
 * isolation (乾 to 干, 著 to 着 everywhere).  Text and dictionary must both
 * go through zf_norm_cp for lookups to agree.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#define NCP			0x110000
#define BUFLEN		64
#define MAX_ROUNDS	16

static uint32_t map[NCP];		/* final mapping, map[c] == c if unmapped */

static void
fail(const char *what, UErrorCode status)
{
	fprintf(stderr, "gen_normtab: %s: %s\n", what, u_errorName(status));
	exit(1);
}

/* The single code point in s[0..len), or -1 if there is not exactly one. */
static int32_t
single_cp(const UChar *s, int32_t len)
{
	UChar32		c;
	int32_t		i = 0;

	if (len <= 0)
		return -1;
	U16_NEXT(s, i, len, c);
	return i == len ? c : -1;
}

/*
 * Standard Simplified characters that the transliterator, applied to a lone
 * character, would turn into another word's character (俱乐部 to 具乐部,
 * 摔跤 to 摔交, 著名 to 着名, 大阪 to 大坂): step 3 is skipped for them.  Mostly
 * traditional variants that it maps well (後 於 夥 麽 徵 摺 菸) are not here.
 */
static const UChar32 keep_simplified[] = {
	0x4FF1,						/* 俱 */
	0x59CA,						/* 姊 */
	0x5412,						/* 吒 */
	0x4E7E,						/* 乾 */
	0x8457,						/* 著 */
	0x85C9,						/* 藉 */
	0x8DE4,						/* 跤 */
	0x7B9D,						/* 箝 */
	0x962A,						/* 阪 */
};

static int
is_kept_simplified(UChar32 c)
{
	for (size_t i = 0; i < sizeof(keep_simplified) / sizeof(keep_simplified[0]); i++)
		if (keep_simplified[i] == c)
			return 1;
	return 0;
}

/* Steps 1-3 for one code point; -1 if the result is not one code point. */
static int32_t
icu_norm(UChar32 c, const UNormalizer2 *nfkc, UTransliterator *t2s)
{
	UChar		src[4];
	UChar		buf[BUFLEN];
	int32_t		len = 0;
	int32_t		limit;
	int32_t		r;
	UErrorCode	status = U_ZERO_ERROR;
	UBool		err = 0;

	U16_APPEND(src, len, 4, c, err);
	if (err)
		return -1;
	len = unorm2_normalize(nfkc, src, len, buf, BUFLEN, &status);
	if (U_FAILURE(status))
		fail("unorm2_normalize", status);
	r = single_cp(buf, len);
	if (r < 0)
		return -1;

	r = u_foldCase(r, U_FOLD_CASE_DEFAULT);
	if (is_kept_simplified(r))
		return r;

	len = 0;
	U16_APPEND(buf, len, BUFLEN, r, err);
	if (err)
		return -1;
	limit = len;
	utrans_transUChars(t2s, buf, &len, BUFLEN, 0, &limit, &status);
	if (U_FAILURE(status))
		fail("utrans_transUChars", status);
	return single_cp(buf, len);
}

/*
 * Replace map[c] by map[map[c]] until nothing changes.  Code points still
 * moving after MAX_ROUNDS are on a cycle; they are left unmapped.
 */
static void
close_chains(void)
{
	int			round;
	long		changed = 1;

	for (round = 0; round < MAX_ROUNDS && changed; round++)
	{
		uint32_t	c;

		changed = 0;
		for (c = 0; c < NCP; c++)
		{
			if (map[map[c]] != map[c])
			{
				map[c] = map[map[c]];
				changed++;
			}
		}
	}
	if (changed)
	{
		uint32_t	c;
		long		dropped = 0;

		for (c = 0; c < NCP; c++)
		{
			if (map[map[c]] != map[c])
			{
				map[c] = c;
				dropped++;
			}
		}
		fprintf(stderr, "gen_normtab: %ld code points on mapping cycles left unmapped\n",
				dropped);
	}
}

/*
 * Split delta[] into blocks of 1 << shift entries, storing each distinct
 * block once in blocks[] and its number in index[]; returns the count.
 */
static uint32_t
build_blocks(const uint32_t *delta, int shift, uint32_t *blocks, uint16_t *index)
{
	uint32_t	bsize = 1u << shift;
	uint32_t	nindex = NCP >> shift;
	uint32_t	nblocks = 0;
	uint32_t	i;

	for (i = 0; i < nindex; i++)
	{
		uint32_t	b;

		for (b = 0; b < nblocks; b++)
			if (memcmp(blocks + b * bsize, delta + i * bsize, bsize * 4) == 0)
				break;
		if (b == nblocks)
			memcpy(blocks + nblocks++ * bsize, delta + i * bsize, bsize * 4);
		index[i] = (uint16_t) b;
	}
	return nblocks;
}

int
main(int argc, char **argv)
{
	const UNormalizer2 *nfkc;
	UTransliterator *t2s;
	UChar		id[32];
	UErrorCode	status = U_ZERO_ERROR;
	UVersionInfo icuver;
	char		icuverstr[U_MAX_VERSION_STRING_LENGTH];
	const char *outpath;
	char	   *tmppath;
	FILE	   *out;
	uint32_t   *delta;
	uint32_t   *blocks;
	uint16_t   *index;
	int			verbose = 0;
	int			shift;
	int			best_shift = 0;
	size_t		best_size = SIZE_MAX;
	uint32_t	nblocks = 0;
	uint32_t	bsize;
	uint32_t	nindex;
	uint32_t	c;
	uint32_t	i;
	long		nmapped = 0;
	long		nmulti = 0;

	if (argc == 3 && strcmp(argv[1], "-v") == 0)
	{
		verbose = 1;
		argv++;
		argc--;
	}
	if (argc != 2)
	{
		fprintf(stderr, "usage: gen_normtab [-v] OUTPUT.c\n");
		return 2;
	}
	outpath = argv[1];

	nfkc = unorm2_getNFKCInstance(&status);
	if (U_FAILURE(status))
		fail("unorm2_getNFKCInstance", status);
	u_uastrcpy(id, "Traditional-Simplified");
	t2s = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
	if (U_FAILURE(status))
		fail("utrans_openU(Traditional-Simplified)", status);

	for (c = 0; c < NCP; c++)
	{
		int32_t		r;

		map[c] = c;
		if (U_IS_SURROGATE(c))
			continue;
		r = icu_norm((UChar32) c, nfkc, t2s);
		if (r < 0)
		{
			nmulti++;
			if (verbose)
				fprintf(stderr, "multi U+%04X\n", (unsigned) c);
			continue;
		}
		map[c] = (uint32_t) r;
	}
	utrans_close(t2s);

	/* Our additions; see the header comment. */
	for (c = 0; c < NCP; c++)
	{
		if (!U_IS_SURROGATE(c) && u_charType((UChar32) c) == U_SPACE_SEPARATOR)
			map[c] = 0x20;
	}
	map[0x25CB] = 0x3007;

	close_chains();

	/* Verify: idempotent, in range, never a surrogate. */
	for (c = 0; c < NCP; c++)
	{
		if (map[c] >= NCP || map[map[c]] != map[c] ||
			(map[c] != c && U_IS_SURROGATE(map[c])))
		{
			fprintf(stderr, "gen_normtab: bad mapping U+%04X -> U+%04X\n",
					(unsigned) c, (unsigned) map[c]);
			return 1;
		}
		if (map[c] != c)
		{
			nmapped++;
			if (verbose)
				fprintf(stderr, "map U+%04X -> U+%04X\n", (unsigned) c, (unsigned) map[c]);
		}
	}

	/*
	 * Deltas, so that every unmapped block is all zeros and identical
	 * blocks collapse.  Pick the block size giving the smallest table.
	 */
	delta = malloc(sizeof(uint32_t) * NCP);
	blocks = malloc(sizeof(uint32_t) * NCP);
	index = malloc(sizeof(uint16_t) * NCP);
	if (!delta || !blocks || !index)
	{
		fprintf(stderr, "gen_normtab: out of memory\n");
		return 1;
	}
	for (c = 0; c < NCP; c++)
		delta[c] = map[c] - c;

	for (shift = 4; shift <= 10; shift++)
	{
		size_t		size;

		bsize = 1u << shift;
		nindex = NCP >> shift;
		nblocks = build_blocks(delta, shift, blocks, index);
		size = nindex * sizeof(uint16_t) + (size_t) nblocks * bsize * 4;
		if (verbose)
			fprintf(stderr, "shift %d: %u blocks, %zu bytes\n", shift, nblocks, size);
		if (size < best_size)
		{
			best_size = size;
			best_shift = shift;
		}
	}

	/* Rebuild at the chosen shift. */
	shift = best_shift;
	bsize = 1u << shift;
	nindex = NCP >> shift;
	nblocks = build_blocks(delta, shift, blocks, index);
	if (nblocks > 65535)
	{
		fprintf(stderr, "gen_normtab: too many blocks (%u)\n", nblocks);
		return 1;
	}

	tmppath = malloc(strlen(outpath) + 5);
	sprintf(tmppath, "%s.tmp", outpath);
	out = fopen(tmppath, "w");
	if (out == NULL)
	{
		perror(tmppath);
		return 1;
	}
	u_getVersion(icuver);
	u_versionToString(icuver, icuverstr);
	fprintf(out,
			"/*\n"
			" * norm_table.gen.c - GENERATED by src/tools/gen_normtab from ICU %s\n"
			" * (Unicode %s).  Do not edit; see gen_normtab.c for what is mapped.\n"
			" *\n"
			" * %ld code points mapped; %u blocks of %u deltas; %zu bytes.\n"
			" */\n"
			"#include \"norm.h\"\n\n"
			"#define ZF_NORM_SHIFT\t%d\n"
			"#define ZF_NORM_MASK\t%uu\n\n",
			icuverstr, U_UNICODE_VERSION, nmapped, nblocks, bsize, best_size,
			shift, bsize - 1);

	fprintf(out, "/* Block number of each run of %u code points. */\n", bsize);
	fprintf(out, "static const uint16_t zf_norm_index[%u] = {", nindex);
	for (i = 0; i < nindex; i++)
		fprintf(out, "%s%u,", i % 16 ? " " : "\n\t", index[i]);
	fprintf(out, "\n};\n\n");

	fprintf(out, "/* Normalized code point minus code point, modulo 2^32. */\n");
	fprintf(out, "static const uint32_t zf_norm_delta[%u] = {", nblocks * bsize);
	for (i = 0; i < nblocks * bsize; i++)
	{
		if (i % bsize == 0)
			fprintf(out, "\n\t/* block %u */", i / bsize);
		fprintf(out, "%s0x%x,", i % 8 ? " " : "\n\t", blocks[i]);
	}
	fprintf(out, "\n};\n\n");

	fprintf(out,
			"uint32_t\n"
			"zf_norm_cp(uint32_t cp)\n"
			"{\n"
			"\tif (cp > 0x10FFFF)\n"
			"\t\treturn cp;\n"
			"\treturn cp + zf_norm_delta[((uint32_t) zf_norm_index[cp >> ZF_NORM_SHIFT] << ZF_NORM_SHIFT) |\n"
			"\t\t\t\t\t\t\t (cp & ZF_NORM_MASK)];\n"
			"}\n");

	if (ferror(out) || fclose(out) != 0 || rename(tmppath, outpath) != 0)
	{
		perror(outpath);
		remove(tmppath);
		return 1;
	}

	fprintf(stderr, "gen_normtab: ICU %s: %ld code points mapped, %ld multi-character results "
			"left unmapped; %u blocks of %u, %zu bytes\n",
			icuverstr, nmapped, nmulti, nblocks, bsize, best_size);
	return 0;
}
