/*
 * partition.c - what the partition maintenance of zhfacts.article needs from
 * the relation cache: how far its range partitions reach, and how wide a new
 * one is (the setting zhfacts.article_partition_rows).
 *
 * zhfacts.ingest_article asks on every call whether the next ids are
 * covered; reading the partition bounds from the relation cache costs
 * microseconds, where a catalog query over pg_inherits would cost a tenth of
 * a millisecond.  The cache is brought up to date first: a transaction that
 * ingests many articles holds its lock on zhfacts.article throughout, and
 * would otherwise neither see nor route rows to partitions that other
 * sessions made meanwhile.
 */
#include "postgres.h"

#include <limits.h>

#include "access/table.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "partitioning/partbounds.h"
#include "partitioning/partdesc.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/partcache.h"
#include "utils/rel.h"

#include "zhfacts.h"

static int	article_partition_rows = 100000;

void
zhfacts_define_gucs(void)
{
	DefineCustomIntVariable("zhfacts.article_partition_rows",
							"Ids per new partition of zhfacts.article.",
							"New articles go into a partition of at most this many, so that its "
							"GIN indexes stay small and ingestion costs the same at any corpus size.",
							&article_partition_rows,
							100000, 1, INT_MAX,
							PGC_USERSET, 0, NULL, NULL, NULL);
}

PG_FUNCTION_INFO_V1(zhfacts_range_partitions_end);

/*
 * zhfacts._range_partitions_end(regclass) RETURNS bigint: the exclusive upper
 * bound of the highest range partition of a table range-partitioned on one
 * bigint column; NULL when it has none, or when the highest reaches MAXVALUE.
 */
Datum
zhfacts_range_partitions_end(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	Relation	rel;
	PartitionKey key;
	PartitionDesc desc;
	PartitionBoundInfo bounds;
	bool		found = false;
	int64		end = 0;

	AcceptInvalidationMessages();
	rel = table_open(relid, AccessShareLock);
	if (rel->rd_rel->relkind != RELKIND_PARTITIONED_TABLE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a partitioned table", RelationGetRelationName(rel))));
	key = RelationGetPartitionKey(rel);
	if (key->strategy != PARTITION_STRATEGY_RANGE || key->partnatts != 1 ||
		key->parttypid[0] != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not range-partitioned on one bigint column",
						RelationGetRelationName(rel))));

	desc = RelationGetPartitionDesc(rel, true);
	bounds = desc->boundinfo;
	/* the datums are the distinct bounds in order: the last is the highest */
	if (bounds != NULL && bounds->ndatums > 0 &&
		bounds->kind[bounds->ndatums - 1][0] == PARTITION_RANGE_DATUM_VALUE)
	{
		end = DatumGetInt64(bounds->datums[bounds->ndatums - 1][0]);
		found = true;
	}
	table_close(rel, AccessShareLock);
	if (!found)
		PG_RETURN_NULL();
	PG_RETURN_INT64(end);
}

PG_FUNCTION_INFO_V1(zhfacts_article_partition_rows);

/* zhfacts._article_partition_rows() RETURNS bigint: the setting, loading the module first */
Datum
zhfacts_article_partition_rows(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(article_partition_rows);
}
