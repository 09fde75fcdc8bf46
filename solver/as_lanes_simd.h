/* as_lanes_simd.h — one "lane vector": the AS_ODE_LANES values of one species (or Jacobian entry, or
 * rate constant) of the interleaved cells (as_ode.h), as a GCC vector type, so that every lane
 * statement of the multi-cell kernels is one vector operation. Written as plain loops over the lanes
 * the compiler left them scalar: the target and the source of the LU update m_ij -= m_ik u_kj are
 * both in the one value array and might overlap. Vector arithmetic is element-wise IEEE arithmetic,
 * the same operation per lane as the one-cell code (a vector times a double multiplies every lane by
 * it), so the lanes keep the one-cell bits. aligned(8): any double array may be viewed this way;
 * may_alias: it is read and written as double too. */
#ifndef AS_LANES_SIMD_H
#define AS_LANES_SIMD_H
#include "as_ode.h"
#include <stddef.h>

typedef double as_vd __attribute__((vector_size(AS_ODE_LANES * sizeof(double)), aligned(8), may_alias));

/* W doubles aligned to 64 bytes for count lane vectors (free with free()); NULL when out of memory */
void *as_lanes_alloc(size_t count);

#endif
