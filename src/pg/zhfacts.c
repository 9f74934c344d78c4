/*
 * zhfacts.c - module entry, encoding check, and the mapped dictionary.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "mapfile.h"
#include "zhfacts.h"

PG_MODULE_MAGIC;

#define DICT_FILE "zhfacts.dict"

static zf_dict dict;
static bool dict_ready = false;

void		_PG_init(void);

void
_PG_init(void)
{
	/* nothing changes tokenization per session: the one setting is the
	 * width of new partitions of zhfacts.article (partition.c) */
	zhfacts_define_gucs();
	MarkGUCPrefixReserved("zhfacts");
}

void
zhfacts_check_encoding(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("zhfacts requires a database with UTF8 encoding"),
				 errdetail("The database encoding is %s.", GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8' (for example from template0) and use zhfacts there.")));
}

char *
zhfacts_share_file(const char *name)
{
	char		sharepath[MAXPGPATH];

	get_share_path(my_exec_path, sharepath);
	return psprintf("%s/tsearch_data/%s", sharepath, name);
}

const zf_dict *
zhfacts_dict(void)
{
	if (!dict_ready)
	{
		char	   *path = zhfacts_share_file(DICT_FILE);
		size_t		len;
		int			err;
		const void *buf = zf_map_file(path, &len, &err);

		if (buf == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FILE),
					 errmsg("could not map zhfacts dictionary file \"%s\": %m", path),
					 errhint("Reinstall the zhfacts extension files (make install).")));
		if (zf_dict_open(&dict, buf, len) != ZF_OK)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("zhfacts dictionary file \"%s\" is corrupt or of another version", path),
					 errhint("Reinstall the zhfacts extension files (make install).")));
		pfree(path);
		dict_ready = true;
	}
	return &dict;
}
