/*
 * alloc.c - the core's allocation and interrupt hooks inside a backend.
 *
 * The core allocates in the caller's CurrentMemoryContext, so an ERROR (or
 * the end of the call) frees whatever it had.
 */
#include "postgres.h"

#include "miscadmin.h"

#include "zf_alloc.h"

void *
zf_malloc(size_t size)
{
	return palloc_extended(size ? size : 1, MCXT_ALLOC_HUGE);
}

void *
zf_realloc(void *ptr, size_t size)
{
	if (ptr == NULL)
		return zf_malloc(size);
	return repalloc_huge(ptr, size ? size : 1);
}

void
zf_free(void *ptr)
{
	if (ptr != NULL)
		pfree(ptr);
}

void
zf_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}
