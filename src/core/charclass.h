/*
 * charclass.h - the character classes the segmenter splits text by.
 *
 * Classes are decided on normalized code points (full-width forms are already
 * ASCII), by Unicode block: cheap, and precise enough for tokenization.
 */
#ifndef ZF_CHARCLASS_H
#define ZF_CHARCLASS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum zf_charclass
{
	ZF_CC_HAN,					/* CJK ideograph (and 〇) */
	ZF_CC_DIGIT,				/* ASCII 0-9 */
	ZF_CC_LATIN,				/* ASCII and accented Latin letters */
	ZF_CC_SPACE,				/* white space of any kind */
	ZF_CC_PUNCT,				/* punctuation and symbols */
	ZF_CC_MARK,					/* combining marks: belong to the letter before */
	ZF_CC_OTHER					/* letters of other scripts, emoji, unassigned */
} zf_charclass;

/* A CJK ideograph: the unified blocks, extensions and compatibility ideographs. */
static inline bool
zf_is_ideograph(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
		(c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

/* An ideograph or 〇, the zero of Chinese numerals: what the segmenter treats as Han. */
static inline bool
zf_is_han(uint32_t c)
{
	return zf_is_ideograph(c) || c == 0x3007;
}

static inline zf_charclass
zf_charclass_of(uint32_t c)
{
	if (c < 0x80)
	{
		if (c >= '0' && c <= '9')
			return ZF_CC_DIGIT;
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			return ZF_CC_LATIN;
		if (c == ' ' || (c >= 0x09 && c <= 0x0D))
			return ZF_CC_SPACE;
		if (c < 0x20 || c == 0x7F)
			return ZF_CC_SPACE;	/* control characters separate like blanks */
		return ZF_CC_PUNCT;
	}
	if (zf_is_han(c))
		return ZF_CC_HAN;
	if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
		c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF ||
		c == 0x85)
		return ZF_CC_SPACE;
	if (c < 0xA0)
		return ZF_CC_SPACE;		/* C1 controls */
	if (c <= 0xBF || c == 0xD7 || c == 0xF7)
		return ZF_CC_PUNCT;
	if (c <= 0x24F)
		return ZF_CC_LATIN;
	if ((c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
		(c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) ||
		(c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D)
		return ZF_CC_MARK;
	if (c >= 0x1E00 && c <= 0x1EFF)
		return ZF_CC_LATIN;
	if ((c >= 0x2010 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) ||
		(c >= 0x3001 && c <= 0x303F) || (c >= 0x30FB && c <= 0x30FB) ||
		(c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F) ||
		(c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
		(c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
		(c >= 0xFFE0 && c <= 0xFFEE) || c == 0xFFFD)
		return ZF_CC_PUNCT;
	return ZF_CC_OTHER;
}

#endif
