/*
 * dict.c - validating and opening a compiled dictionary (see dict.h).
 */
#include "dict.h"

#include <string.h>

int
zf_dict_open(zf_dict *d, const void *buf, size_t len)
{
	const zf_dict_header *h = buf;
	const char *base = buf;

	memset(d, 0, sizeof(*d));
	if (len < sizeof(zf_dict_header) || memcmp(h->magic, ZF_DICT_MAGIC, 8) != 0 ||
		h->version != ZF_DICT_VERSION || h->file_size != len)
		return ZF_EFORMAT;
	if (h->nodes_off > len || (uint64_t) h->nnodes * sizeof(zf_trie_node) > len - h->nodes_off ||
		h->edges_off > len || (uint64_t) h->nedges * sizeof(zf_trie_edge) > len - h->edges_off ||
		h->root_off > len || 0x10000ull * 4 > len - h->root_off ||
		h->emit_off > len || 0x10000ull * 4 * sizeof(float) > len - h->emit_off)
		return ZF_EFORMAT;
	d->trie.nodes = (const zf_trie_node *) (base + h->nodes_off);
	d->trie.edges = (const zf_trie_edge *) (base + h->edges_off);
	d->trie.root_bmp = (const uint32_t *) (base + h->root_off);
	d->trie.nnodes = h->nnodes;
	d->trie.nedges = h->nedges;
	d->hmm_emit = (const float *) (base + h->emit_off);
	d->min_logp = h->min_logp;
	d->log_total = h->log_total;
	memcpy(d->hmm_start, h->hmm_start, sizeof(d->hmm_start));
	memcpy(d->hmm_trans, h->hmm_trans, sizeof(d->hmm_trans));
	d->nwords = h->nwords;
	if (!zf_trie_valid(&d->trie))
		return ZF_EFORMAT;
	return ZF_OK;
}
