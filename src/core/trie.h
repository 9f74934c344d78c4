/*
 * trie.h - a read-only code-point trie laid out in flat arrays.
 *
 * The same layout serves the compiled dictionary (mapped from a file) and the
 * user dictionary (built in backend memory), so lookups are one code path.
 * Node 0 is the root.  A node's children are a run of edges sorted by code
 * point; for the big dictionary a direct table gives the root's children for
 * the Basic Multilingual Plane, which is where nearly every lookup starts.
 */
#ifndef ZF_TRIE_H
#define ZF_TRIE_H

#include "zf_common.h"

#define ZF_TRIE_NO_WORD		(-1e30f)	/* logp of a node that ends no word */
#define ZF_MAX_WORD_CHARS	32			/* longer words are not stored */

typedef struct zf_trie_node
{
	uint32_t	first_edge;		/* index of its first edge */
	uint32_t	nedges;			/* number of children */
	float		logp;			/* log probability of the word ending here, or ZF_TRIE_NO_WORD */
	uint32_t	flags;			/* ZF_WORD_* of the word ending here */
} zf_trie_node;

#define ZF_WORD_NAME		0x1		/* a person's name (jieba tag nr) */

typedef struct zf_trie_edge
{
	uint32_t	cp;				/* code point (normalized) */
	uint32_t	child;			/* node index */
} zf_trie_edge;

typedef struct zf_trie
{
	const zf_trie_node *nodes;
	const zf_trie_edge *edges;
	const uint32_t *root_bmp;	/* 65536 child indexes of the root, or NULL */
	uint32_t	nnodes;
	uint32_t	nedges;
} zf_trie;

/* Child of node by cp, or 0 when there is none (the root is never a child). */
static inline uint32_t
zf_trie_child(const zf_trie *t, uint32_t node, uint32_t cp)
{
	const zf_trie_node *n;
	uint32_t	lo,
				hi;

	if (node == 0 && t->root_bmp != NULL && cp < 0x10000)
		return t->root_bmp[cp];
	n = &t->nodes[node];
	lo = n->first_edge;
	hi = n->first_edge + n->nedges;
	while (lo < hi)
	{
		uint32_t	mid = (lo + hi) >> 1;
		uint32_t	c = t->edges[mid].cp;

		if (c == cp)
			return t->edges[mid].child;
		if (c < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Log probability of the word cps[0..n), or ZF_TRIE_NO_WORD. */
float		zf_trie_lookup(const zf_trie *t, const uint32_t *cps, size_t n);

/* The node where cps[0..n) ends, or 0 if it is no path of the trie. */
uint32_t	zf_trie_find(const zf_trie *t, const uint32_t *cps, size_t n);

/* Check the internal consistency of a trie read from a file (indexes in range). */
bool		zf_trie_valid(const zf_trie *t);

/*
 * Building.  Add words (normalized code points) with their log probabilities,
 * then build: the arrays are allocated with zf_malloc and owned by the caller
 * (zf_trie_builder_free does not free them).  Adding a word twice keeps the
 * higher probability.
 */
typedef struct zf_trie_builder zf_trie_builder;

zf_trie_builder *zf_trie_builder_new(void);
void		zf_trie_builder_add(zf_trie_builder *b, const uint32_t *cps, size_t n, float logp,
								uint32_t flags);
size_t		zf_trie_builder_count(const zf_trie_builder *b);
void		zf_trie_builder_build(zf_trie_builder *b, zf_trie_node **nodes, uint32_t *nnodes,
								  zf_trie_edge **edges, uint32_t *nedges);
void		zf_trie_builder_free(zf_trie_builder *b);

#endif
