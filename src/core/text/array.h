/* Growing arrays for the lists the core loads. */
#ifndef CCHC_ARRAY_H
#define CCHC_ARRAY_H

#include <stdlib.h>

/* Makes room for one more element of size bytes in *v (count in use,
 * capacity *cap), doubling so that loading n rows costs O(n).  0, or -1
 * when memory ran out (*v is then unchanged). */
static inline int
array_reserve(void *v, int count, int *cap, size_t size)
{
	void **p = v;
	void *grown;
	int want;

	if (count < *cap)
		return 0;
	want = *cap ? *cap * 2 : 16;
	if ((grown = realloc(*p, (size_t)want * size)) == NULL)
		return -1;
	*p = grown;
	*cap = want;
	return 0;
}

#endif
