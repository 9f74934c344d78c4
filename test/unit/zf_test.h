/*
 * zf_test.h - a minimal unit-test harness for the core.
 *
 * Each test program uses CHECK / CHECK_EQ_INT / CHECK_EQ_STR and ends main()
 * with `return zf_test_done("name");`, which prints
 * "name: N passed, M failed" (parsed by bin/zhfacts-test) and exits non-zero
 * on any failure.  A failing check prints its file, line and expression.
 */
#ifndef ZF_TEST_H
#define ZF_TEST_H

#include <stdio.h>
#include <string.h>

static int	zf_test_passed = 0;
static int	zf_test_failed = 0;

#define CHECK(cond) do { \
	if (cond) zf_test_passed++; \
	else { zf_test_failed++; \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_EQ_INT(got, want) do { \
	long long g_ = (long long) (got), w_ = (long long) (want); \
	if (g_ == w_) zf_test_passed++; \
	else { zf_test_failed++; \
		fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); } \
} while (0)

#define CHECK_EQ_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ && w_ && strcmp(g_, w_) == 0) zf_test_passed++; \
	else { zf_test_failed++; \
		fprintf(stderr, "%s:%d: %s = \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
				g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
} while (0)

static inline int
zf_test_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, zf_test_passed, zf_test_failed);
	return zf_test_failed ? 1 : 0;
}

#endif
