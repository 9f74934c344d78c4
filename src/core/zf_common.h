/*
 * zf_common.h - status codes shared by the core modules.
 */
#ifndef ZF_COMMON_H
#define ZF_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define ZF_OK			 0
#define ZF_EINVAL		-1		/* input is not what the function parses */
#define ZF_ERANGE		-2		/* a value is out of the representable range */
#define ZF_EIO			-3		/* a file could not be opened or mapped */
#define ZF_EFORMAT		-4		/* a binary data file is corrupt or of another version */
#define ZF_ENCODING		-5		/* input is not valid UTF-8 */

#endif
