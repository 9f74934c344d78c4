/*
 * mapfile.h - map a build-time data file read-only.
 *
 * Every backend maps the same file, so the pages live once in the page cache
 * instead of once per connection.
 */
#ifndef ZF_MAPFILE_H
#define ZF_MAPFILE_H

#include <stddef.h>

/*
 * Map the whole file at path read-only.  Returns the address, or NULL with
 * *err set to ZF_EIO; *len receives the size.  Mappings are never unmapped:
 * they live as long as the process.
 */
const void *zf_map_file(const char *path, size_t *len, int *err);

#endif
