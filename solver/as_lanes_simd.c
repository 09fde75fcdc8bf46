/* as_lanes_simd.c — storage for the lane vectors of as_lanes_simd.h. */
#include "as_lanes_simd.h"
#include <stdlib.h>

void *as_lanes_alloc(size_t count)
{
  size_t bytes = count * AS_ODE_LANES * sizeof(double);
  bytes = (bytes + 63) / 64 * 64; /* aligned_alloc wants a multiple of the alignment */
  return aligned_alloc(64, bytes > 0 ? bytes : 64);
}
