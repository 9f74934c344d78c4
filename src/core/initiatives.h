/*
 * initiatives.h - named initiatives in Chinese text: programmes, campaigns,
 * platforms, brands, mechanisms, funds, events and initiative-like
 * organisations.
 *
 * Quoted names (“…”, 「…」, 『…』; never 《…》, which are titles of
 * publications) are told apart from quoted emphasis, slogans and goals by
 * their context: a kind word right after the quote (“科技八点半”等平台,
 * “千名干部联企业、千家企业评部门”机制), a kind word ending the name itself
 * (“西湖非公学堂”), or a verb that creates or runs something before it
 * (搭建, 创办, 深化 ...).  Unquoted names are found by their kind suffix
 * (X基金会, X联盟, X行动, X论坛 ...), their start by punctuation or a verb.
 * Works on both scripts: matching is done on the normalized text.
 */
#ifndef ZF_INITIATIVES_H
#define ZF_INITIATIVES_H

#include <stddef.h>

typedef enum zf_init_kind
{
	ZF_INIT_PLATFORM,
	ZF_INIT_CAMPAIGN,
	ZF_INIT_BRAND,
	ZF_INIT_MECHANISM,
	ZF_INIT_FUND,
	ZF_INIT_EVENT,
	ZF_INIT_ORGANISATION,
	ZF_INIT_PROGRAMME
} zf_init_kind;

typedef struct zf_initiative
{
	size_t		off;			/* byte offset of the name */
	size_t		len;			/* its length in bytes */
	size_t		cp_off;			/* the same in code points */
	size_t		cp_len;
	zf_init_kind kind;
} zf_initiative;

/*
 * Every initiative named in s[0..len) (UTF-8), in text order, into a
 * zf_malloc'd array *out of *n entries (NULL when none).  Returns ZF_OK.
 */
int			zf_extract_initiatives(const char *s, size_t len, zf_initiative **out, int *n);

/* "platform", "campaign", "brand", "mechanism", "fund", "event", "organisation", "programme" */
const char *zf_init_kind_name(zf_init_kind kind);

#endif
