/*
 * userdict.c - the user dictionary, table zhfacts.user_word.
 *
 * Each backend keeps the table's words as a small trie in its own memory
 * context.  A statement-level trigger on the table sends a relcache
 * invalidation for it; every backend's callback then marks its copy stale and
 * the next parse reloads it, so changes take effect in all sessions without
 * reconnecting.
 */
#include "postgres.h"

#include <math.h>

#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "segment.h"
#include "zhfacts.h"

/* A user word without a frequency is kept whole against any split. */
#define DEFAULT_USER_FREQ 20000

static MemoryContext user_cxt = NULL;
static zf_trie user_trie;
static bool user_loaded = false;	/* user_trie reflects the table */
static bool user_empty = true;
static bool callback_registered = false;
static Oid	user_word_relid = InvalidOid;

static void
user_word_inval(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == user_word_relid)
		user_loaded = false;
}

static Oid
lookup_user_word_relid(void)
{
	Oid			nsp = get_namespace_oid("zhfacts", true);

	return OidIsValid(nsp) ? get_relname_relid("user_word", nsp) : InvalidOid;
}

static void
load_user_words(void)
{
	const zf_dict *d = zhfacts_dict();
	MemoryContext old;
	zf_trie_builder *b;
	zf_trie_node *nodes;
	zf_trie_edge *edges;
	uint32		nnodes,
				nedges;
	bool		pushed = false;

	if (user_cxt == NULL)
		user_cxt = AllocSetContextCreate(TopMemoryContext, "zhfacts user dictionary",
										 ALLOCSET_SMALL_SIZES);
	user_word_relid = lookup_user_word_relid();
	MemoryContextReset(user_cxt);
	user_empty = true;
	if (!OidIsValid(user_word_relid))
	{
		user_loaded = true;
		return;
	}

	if (!ActiveSnapshotSet())
	{
		PushActiveSnapshot(GetTransactionSnapshot());
		pushed = true;
	}
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute("SELECT word, freq FROM zhfacts.user_word", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read zhfacts.user_word");

	old = MemoryContextSwitchTo(user_cxt);
	b = zf_trie_builder_new();
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		w = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
		Datum		f;
		text	   *t;
		int32		freq = DEFAULT_USER_FREQ;
		uint32	   *cps;
		size_t		n;

		if (isnull)
			continue;
		f = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull);
		if (!isnull && DatumGetInt32(f) > 0)
			freq = DatumGetInt32(f);
		t = DatumGetTextPP(w);
		cps = palloc(sizeof(uint32) * (VARSIZE_ANY_EXHDR(t) + 1));
		n = zf_normalize(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), cps);
		zf_trie_builder_add(b, cps, n, (float) (log((double) freq) - d->log_total), 0);
		pfree(cps);
	}
	if (zf_trie_builder_count(b) > 0)
	{
		zf_trie_builder_build(b, &nodes, &nnodes, &edges, &nedges);
		user_trie.nodes = nodes;
		user_trie.edges = edges;
		user_trie.root_bmp = NULL;
		user_trie.nnodes = nnodes;
		user_trie.nedges = nedges;
		user_empty = false;
	}
	zf_trie_builder_free(b);
	MemoryContextSwitchTo(old);

	SPI_finish();
	if (pushed)
		PopActiveSnapshot();
	user_loaded = true;
}

const zf_trie *
zhfacts_user_trie(void)
{
	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(user_word_inval, (Datum) 0);
		callback_registered = true;
	}
	/* a transaction is needed to read the table; outside one keep what we have */
	if (!user_loaded && IsTransactionState())
		load_user_words();
	return user_empty ? NULL : &user_trie;
}

PG_FUNCTION_INFO_V1(zhfacts_user_word_changed);

/*
 * Trigger on zhfacts.user_word: tell every backend (this one included) that
 * its copy of the user dictionary is stale.
 */
Datum
zhfacts_user_word_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("zhfacts_user_word_changed() must be called as a trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	user_loaded = false;
	return PointerGetDatum(NULL);
}
