/*
 * zf_alloc.h - allocation hooks of the pure-C core.
 *
 * The core never calls malloc directly: inside a backend these are palloc and
 * friends (so an ERROR frees everything with the memory context), in unit tests
 * and fuzzers they are libc.  None of them returns NULL.
 */
#ifndef ZF_ALLOC_H
#define ZF_ALLOC_H

#include <stddef.h>

void	   *zf_malloc(size_t size);
void	   *zf_realloc(void *ptr, size_t size);
void		zf_free(void *ptr);

/* Called in long loops over input; CHECK_FOR_INTERRUPTS() in the backend. */
void		zf_check_interrupts(void);

#endif
