/*
 * trie.c - building and checking code-point tries (see trie.h).
 */
#include "trie.h"
#include "zf_alloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry
{
	uint32_t	off;			/* into the builder's code point pool */
	uint32_t	len;
	float		logp;
	uint32_t	flags;
} entry;

struct zf_trie_builder
{
	uint32_t   *pool;
	size_t		npool,
				pool_cap;
	entry	   *entries;
	size_t		nentries,
				entries_cap;
	/* output being built */
	zf_trie_node *nodes;
	uint32_t	nnodes,
				nodes_cap;
	zf_trie_edge *edges;
	uint32_t	nedges,
				edges_cap;
};

uint32_t
zf_trie_find(const zf_trie *t, const uint32_t *cps, size_t n)
{
	uint32_t	node = 0;

	for (size_t i = 0; i < n && (i == 0 || node != 0); i++)
		node = zf_trie_child(t, node, cps[i]);
	return node;
}

float
zf_trie_lookup(const zf_trie *t, const uint32_t *cps, size_t n)
{
	uint32_t	node = zf_trie_find(t, cps, n);

	return node ? t->nodes[node].logp : ZF_TRIE_NO_WORD;
}

bool
zf_trie_valid(const zf_trie *t)
{
	if (t->nnodes == 0)
		return false;
	for (uint32_t i = 0; i < t->nnodes; i++)
	{
		const zf_trie_node *n = &t->nodes[i];

		if (n->first_edge > t->nedges || n->nedges > t->nedges - n->first_edge)
			return false;
	}
	for (uint32_t i = 0; i < t->nedges; i++)
		if (t->edges[i].child == 0 || t->edges[i].child >= t->nnodes)
			return false;
	if (t->root_bmp)
		for (uint32_t i = 0; i < 0x10000; i++)
			if (t->root_bmp[i] >= t->nnodes)
				return false;
	return true;
}

zf_trie_builder *
zf_trie_builder_new(void)
{
	zf_trie_builder *b = zf_malloc(sizeof(*b));

	memset(b, 0, sizeof(*b));
	return b;
}

void
zf_trie_builder_add(zf_trie_builder *b, const uint32_t *cps, size_t n, float logp,
					uint32_t flags)
{
	if (n == 0 || n > ZF_MAX_WORD_CHARS)
		return;
	if (b->npool + n > b->pool_cap)
	{
		b->pool_cap = (b->pool_cap + n) * 2;
		b->pool = zf_realloc(b->pool, b->pool_cap * sizeof(uint32_t));
	}
	if (b->nentries == b->entries_cap)
	{
		b->entries_cap = b->entries_cap ? b->entries_cap * 2 : 256;
		b->entries = zf_realloc(b->entries, b->entries_cap * sizeof(entry));
	}
	memcpy(b->pool + b->npool, cps, n * sizeof(uint32_t));
	b->entries[b->nentries].off = (uint32_t) b->npool;
	b->entries[b->nentries].len = (uint32_t) n;
	b->entries[b->nentries].logp = logp;
	b->entries[b->nentries].flags = flags;
	b->nentries++;
	b->npool += n;
}

size_t
zf_trie_builder_count(const zf_trie_builder *b)
{
	return b->nentries;
}

static const uint32_t *sort_pool;

static int
cmp_entry(const void *a, const void *b)
{
	const entry *x = a,
			   *y = b;
	uint32_t	n = x->len < y->len ? x->len : y->len;

	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	cx = sort_pool[x->off + i],
					cy = sort_pool[y->off + i];

		if (cx != cy)
			return cx < cy ? -1 : 1;
	}
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	/* equal words: higher probability first, so the first one wins */
	return x->logp > y->logp ? -1 : (x->logp < y->logp ? 1 : 0);
}

static uint32_t
new_node(zf_trie_builder *b)
{
	if (b->nnodes == b->nodes_cap)
	{
		b->nodes_cap = b->nodes_cap ? b->nodes_cap * 2 : 1024;
		b->nodes = zf_realloc(b->nodes, b->nodes_cap * sizeof(zf_trie_node));
	}
	b->nodes[b->nnodes].first_edge = 0;
	b->nodes[b->nnodes].nedges = 0;
	b->nodes[b->nnodes].logp = ZF_TRIE_NO_WORD;
	b->nodes[b->nnodes].flags = 0;
	return b->nnodes++;
}

/* Build the subtree of the sorted entries [lo, hi) that share a prefix of depth chars. */
static void
build_node(zf_trie_builder *b, uint32_t node, size_t lo, size_t hi, uint32_t depth)
{
	size_t		i,
				ngroups = 0;
	uint32_t	first;

	/* a word that ends here comes first in sort order; duplicates follow it */
	while (lo < hi && b->entries[lo].len == depth)
	{
		if (b->nodes[node].logp == ZF_TRIE_NO_WORD)
			b->nodes[node].logp = b->entries[lo].logp;
		b->nodes[node].flags |= b->entries[lo].flags;
		lo++;
	}
	for (i = lo; i < hi; i++)
		if (i == lo || b->pool[b->entries[i].off + depth] != b->pool[b->entries[i - 1].off + depth])
			ngroups++;
	if (ngroups == 0)
		return;
	if (b->nedges + ngroups > b->edges_cap)
	{
		b->edges_cap = (b->edges_cap + (uint32_t) ngroups) * 2;
		b->edges = zf_realloc(b->edges, b->edges_cap * sizeof(zf_trie_edge));
	}
	first = b->nedges;
	b->nedges += (uint32_t) ngroups;
	b->nodes[node].first_edge = first;
	b->nodes[node].nedges = (uint32_t) ngroups;

	for (i = lo; i < hi;)
	{
		uint32_t	cp = b->pool[b->entries[i].off + depth];
		size_t		j = i + 1;
		uint32_t	child;

		while (j < hi && b->pool[b->entries[j].off + depth] == cp)
			j++;
		child = new_node(b);
		b->edges[first].cp = cp;
		b->edges[first].child = child;
		first++;
		build_node(b, child, i, j, depth + 1);
		i = j;
	}
}

void
zf_trie_builder_build(zf_trie_builder *b, zf_trie_node **nodes, uint32_t *nnodes,
					  zf_trie_edge **edges, uint32_t *nedges)
{
	sort_pool = b->pool;
	qsort(b->entries, b->nentries, sizeof(entry), cmp_entry);
	b->nodes = NULL;
	b->nnodes = b->nodes_cap = 0;
	b->edges = NULL;
	b->nedges = b->edges_cap = 0;
	(void) new_node(b);			/* the root */
	build_node(b, 0, 0, b->nentries, 0);
	*nodes = b->nodes;
	*nnodes = b->nnodes;
	*edges = b->edges;
	*nedges = b->nedges;
	b->nodes = NULL;
	b->edges = NULL;
}

void
zf_trie_builder_free(zf_trie_builder *b)
{
	zf_free(b->pool);
	zf_free(b->entries);
	zf_free(b);
}
