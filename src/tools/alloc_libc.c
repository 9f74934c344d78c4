/*
 * alloc_libc.c - the core's allocation hooks on libc, for build tools, unit tests and fuzzers.
 */
#include "../core/zf_alloc.h"

#include <stdio.h>
#include <stdlib.h>

void *
zf_malloc(size_t size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL)
	{
		fprintf(stderr, "out of memory\n");
		abort();
	}
	return p;
}

void *
zf_realloc(void *ptr, size_t size)
{
	void	   *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
	{
		fprintf(stderr, "out of memory\n");
		abort();
	}
	return p;
}

void
zf_free(void *ptr)
{
	free(ptr);
}

void
zf_check_interrupts(void)
{
}
