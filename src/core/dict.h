/*
 * dict.h - the compiled segmentation dictionary.
 *
 * Built at build time by src/tools/gen_dict.c from data/ word lists and
 * mapped read-only by every backend: a trie of normalized words with their
 * log probabilities, plus the character-state HMM for unknown words.
 *
 * File layout (all little-endian, 8-byte aligned sections):
 *   zf_dict_header | nodes | edges | root_bmp[65536] | hmm_emit[65536][4]
 */
#ifndef ZF_DICT_H
#define ZF_DICT_H

#include "trie.h"

#define ZF_DICT_MAGIC		"ZHFDICT\0"
#define ZF_DICT_VERSION		2

/* HMM states of a character inside a word. */
enum
{
	ZF_HMM_B = 0, ZF_HMM_M = 1, ZF_HMM_E = 2, ZF_HMM_S = 3
};

typedef struct zf_dict_header
{
	char		magic[8];
	uint32_t	version;
	uint32_t	nnodes;
	uint32_t	nedges;
	uint32_t	nwords;
	uint64_t	nodes_off;
	uint64_t	edges_off;
	uint64_t	root_off;
	uint64_t	emit_off;
	uint64_t	file_size;
	float		min_logp;		/* log probability of an unseen single character */
	float		log_total;		/* log of the sum of all frequencies */
	float		hmm_start[4];
	float		hmm_trans[4][4];
} zf_dict_header;

typedef struct zf_dict
{
	zf_trie		trie;
	const float *hmm_emit;		/* [cp * 4 + state] for cp < 65536 */
	float		min_logp;
	float		log_total;
	float		hmm_start[4];
	float		hmm_trans[4][4];
	uint32_t	nwords;
} zf_dict;

/* Point d into a mapped file; returns ZF_OK or ZF_EFORMAT (never trusts the file). */
int			zf_dict_open(zf_dict *d, const void *buf, size_t len);

/* Emission log probability of cp in state s (a very low value if unseen). */
static inline float
zf_dict_emit(const zf_dict *d, uint32_t cp, int s)
{
	return cp < 0x10000 ? d->hmm_emit[cp * 4 + s] : -1e30f;
}

#endif
