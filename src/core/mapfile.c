/*
 * mapfile.c - read-only file mapping (see mapfile.h).
 */
#include "mapfile.h"
#include "zf_common.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const void *
zf_map_file(const char *path, size_t *len, int *err)
{
	int			fd;
	struct stat st;
	void	   *p;

	*err = ZF_OK;
	fd = open(path, O_RDONLY);
	if (fd < 0)
	{
		*err = ZF_EIO;
		return NULL;
	}
	if (fstat(fd, &st) != 0 || st.st_size <= 0)
	{
		close(fd);
		*err = ZF_EIO;
		return NULL;
	}
	p = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);					/* the mapping keeps the file alive */
	if (p == MAP_FAILED)
	{
		*err = ZF_EIO;
		return NULL;
	}
	*len = (size_t) st.st_size;
	return p;
}
