/*
 * norm.h - per-character normalization applied before segmentation and lookup.
 *
 * One code point in, one code point out, so offsets in the normalized text are
 * those of the original: full-width ASCII and other NFKC compatibility forms
 * to their plain form, case folded, Traditional to Simplified Chinese.  The
 * table is generated at build time from ICU (src/tools/gen_normtab.c).
 */
#ifndef ZF_NORM_H
#define ZF_NORM_H

#include <stdint.h>

uint32_t	zf_norm_cp(uint32_t cp);

#endif
