/*
 * gen_dict.c - compile word lists and the character HMM into zhfacts.dict.
 *
 * Usage: gen_dict OUT HMM.tsv WORDLIST...
 * A word list has one word a line: "word freq [tag]" (jieba's format); a line
 * without a frequency gets DEFAULT_FREQ.  Words are normalized with the same
 * per-character table the segmenter applies to text (full-width to ASCII,
 * case, Traditional to Simplified), so a lookup never has to normalize twice.
 * The same word from several lists (or in both scripts) adds its frequencies.
 */
#include "../core/dict.h"
#include "../core/norm.h"
#include "../core/utf8.h"
#include "../core/zf_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_FREQ 100

typedef struct word
{
	uint32_t	cps[ZF_MAX_WORD_CHARS];
	uint32_t	n;
	double		freq;
	uint32_t	flags;
} word;

static word *words;
static size_t nwords,
			words_cap;

static int
cmp_word(const void *a, const void *b)
{
	const word *x = a,
			   *y = b;
	uint32_t	n = x->n < y->n ? x->n : y->n;

	for (uint32_t i = 0; i < n; i++)
		if (x->cps[i] != y->cps[i])
			return x->cps[i] < y->cps[i] ? -1 : 1;
	return x->n < y->n ? -1 : (x->n > y->n ? 1 : 0);
}

static void
read_wordlist(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[4096];

	if (!f)
	{
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof(line), f))
	{
		char	   *w = strtok(line, " \t\r\n");
		char	   *fs = w ? strtok(NULL, " \t\r\n") : NULL;
		char	   *tag = fs ? strtok(NULL, " \t\r\n") : NULL;
		double		freq = fs ? atof(fs) : DEFAULT_FREQ;
		size_t		len,
					i = 0;
		word		wd;

		if (!w || w[0] == '#' || freq <= 0)
			continue;
		len = strlen(w);
		wd.n = 0;
		wd.freq = freq;
		wd.flags = (tag && strcmp(tag, "nr") == 0) ? ZF_WORD_NAME : 0;
		while (i < len && wd.n < ZF_MAX_WORD_CHARS)
		{
			int			used;
			uint32_t	cp = zf_utf8_decode((const unsigned char *) w + i, len - i, &used);

			wd.cps[wd.n++] = zf_norm_cp(cp);
			i += used;
		}
		if (i < len)
			continue;			/* too long to be worth storing */
		if (nwords == words_cap)
		{
			words_cap = words_cap ? words_cap * 2 : 65536;
			words = zf_realloc(words, words_cap * sizeof(word));
		}
		words[nwords++] = wd;
	}
	fclose(f);
}

static float *emit;
static float hmm_start[4],
			hmm_trans[4][4];

static int
state_index(char c)
{
	switch (c)
	{
		case 'B':
			return ZF_HMM_B;
		case 'M':
			return ZF_HMM_M;
		case 'E':
			return ZF_HMM_E;
		case 'S':
			return ZF_HMM_S;
	}
	return -1;
}

static float
parse_logp(const char *s)
{
	return (s[0] == 'x') ? -1e30f : (float) atof(s);
}

static void
read_hmm(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[4096];

	if (!f)
	{
		perror(path);
		exit(1);
	}
	emit = zf_malloc(0x10000 * 4 * sizeof(float));
	for (size_t i = 0; i < 0x10000 * 4; i++)
		emit[i] = -1e30f;
	for (int i = 0; i < 4; i++)
	{
		hmm_start[i] = -1e30f;
		for (int j = 0; j < 4; j++)
			hmm_trans[i][j] = -1e30f;
	}
	while (fgets(line, sizeof(line), f))
	{
		char	   *kind = strtok(line, "\t\r\n");
		char	   *tok;

		if (!kind || kind[0] == '#')
			continue;
		if (strcmp(kind, "start") == 0)
		{
			while ((tok = strtok(NULL, "\t\r\n")) != NULL)
				if (state_index(tok[0]) >= 0 && tok[1] == '=')
					hmm_start[state_index(tok[0])] = parse_logp(tok + 2);
		}
		else if (strcmp(kind, "trans") == 0)
		{
			char	   *from = strtok(NULL, "\t\r\n");

			while (from && (tok = strtok(NULL, "\t\r\n")) != NULL)
				if (state_index(from[0]) >= 0 && state_index(tok[0]) >= 0 && tok[1] == '=')
					hmm_trans[state_index(from[0])][state_index(tok[0])] = parse_logp(tok + 2);
		}
		else if (strcmp(kind, "emit") == 0)
		{
			char	   *ch = strtok(NULL, "\t\r\n");
			int			used;
			uint32_t	cp;

			if (!ch)
				continue;
			cp = zf_utf8_decode((const unsigned char *) ch, strlen(ch), &used);
			if (cp >= 0x10000)
				continue;
			for (int s = 0; s < 4 && (tok = strtok(NULL, "\t\r\n")) != NULL; s++)
			{
				float		v = parse_logp(tok);

				/* keep the better value when two forms normalize alike */
				if (v > emit[cp * 4 + s])
					emit[cp * 4 + s] = v;
				if (zf_norm_cp(cp) < 0x10000 && v > emit[zf_norm_cp(cp) * 4 + s])
					emit[zf_norm_cp(cp) * 4 + s] = v;
			}
		}
	}
	fclose(f);
}

static void
write_section(FILE *f, const void *p, size_t n, uint64_t *off)
{
	static const char zeros[8] = {0};
	long		pos = ftell(f);

	if (pos % 8)
		fwrite(zeros, 1, 8 - pos % 8, f);
	*off = (uint64_t) ftell(f);
	if (n && fwrite(p, 1, n, f) != n)
	{
		perror("write");
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	zf_trie_builder *b;
	zf_trie_node *nodes;
	zf_trie_edge *edges;
	uint32_t	nnodes,
				nedges,
				*root;
	double		total = 0;
	size_t		i,
				j,
				nuniq = 0;
	zf_dict_header h;
	FILE	   *f;
	zf_dict		check;
	char	   *buf;
	long		size;

	if (argc < 4)
	{
		fprintf(stderr, "usage: gen_dict OUT HMM.tsv WORDLIST...\n");
		return 2;
	}
	read_hmm(argv[2]);
	for (int a = 3; a < argc; a++)
		read_wordlist(argv[a]);

	/* merge duplicates (after normalization), summing frequencies */
	qsort(words, nwords, sizeof(word), cmp_word);
	for (i = 0; i < nwords; i = j)
	{
		words[nuniq] = words[i];
		for (j = i + 1; j < nwords && cmp_word(&words[i], &words[j]) == 0; j++)
		{
			words[nuniq].freq += words[j].freq;
			words[nuniq].flags |= words[j].flags;
		}
		total += words[nuniq].freq;
		nuniq++;
	}

	b = zf_trie_builder_new();
	for (i = 0; i < nuniq; i++)
		zf_trie_builder_add(b, words[i].cps, words[i].n, (float) (log(words[i].freq) - log(total)),
							words[i].flags);
	zf_trie_builder_build(b, &nodes, &nnodes, &edges, &nedges);

	root = zf_malloc(0x10000 * sizeof(uint32_t));
	memset(root, 0, 0x10000 * sizeof(uint32_t));
	for (i = 0; i < nodes[0].nedges; i++)
	{
		const zf_trie_edge *e = &edges[nodes[0].first_edge + i];

		if (e->cp < 0x10000)
			root[e->cp] = e->child;
	}

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, ZF_DICT_MAGIC, 8);
	h.version = ZF_DICT_VERSION;
	h.nnodes = nnodes;
	h.nedges = nedges;
	h.nwords = (uint32_t) nuniq;
	h.min_logp = (float) (log(1.0) - log(total));
	h.log_total = (float) log(total);
	memcpy(h.hmm_start, hmm_start, sizeof(hmm_start));
	memcpy(h.hmm_trans, hmm_trans, sizeof(hmm_trans));

	f = fopen(argv[1], "wb");
	if (!f)
	{
		perror(argv[1]);
		return 1;
	}
	fwrite(&h, sizeof(h), 1, f);
	write_section(f, nodes, (size_t) nnodes * sizeof(zf_trie_node), &h.nodes_off);
	write_section(f, edges, (size_t) nedges * sizeof(zf_trie_edge), &h.edges_off);
	write_section(f, root, 0x10000 * sizeof(uint32_t), &h.root_off);
	write_section(f, emit, 0x10000 * 4 * sizeof(float), &h.emit_off);
	h.file_size = (uint64_t) ftell(f);
	fseek(f, 0, SEEK_SET);
	fwrite(&h, sizeof(h), 1, f);
	if (fclose(f) != 0)
	{
		perror(argv[1]);
		return 1;
	}

	/* read it back through the same validation a backend applies */
	f = fopen(argv[1], "rb");
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = zf_malloc((size_t) size);
	if (fread(buf, 1, (size_t) size, f) != (size_t) size || zf_dict_open(&check, buf, (size_t) size) != ZF_OK)
	{
		fprintf(stderr, "gen_dict: %s does not validate\n", argv[1]);
		return 1;
	}
	fclose(f);
	printf("gen_dict: %zu words, %u nodes, %u edges, %ld bytes\n", nuniq, nnodes, nedges, size);
	return 0;
}
