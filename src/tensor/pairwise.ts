// NumPy's pairwise summation (numpy/_core/src/umath/loops_utils.h.src, DOUBLE_pairwise_sum): fewer than
// 8 items are added in order; up to 128 use eight interleaved accumulators; larger runs split at
// n/2 rounded down to a multiple of 8. Reproducing it exactly makes sums bit-identical with NumPy.

const BLOCK = 128;

export function pairwiseSum(d: Float64Array, off: number, n: number, stride: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += d[off + i * stride];
    return res;
  }
  if (n <= BLOCK) {
    let r0 = d[off], r1 = d[off + stride], r2 = d[off + 2 * stride], r3 = d[off + 3 * stride];
    let r4 = d[off + 4 * stride], r5 = d[off + 5 * stride], r6 = d[off + 6 * stride], r7 = d[off + 7 * stride];
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = off + i * stride;
      r0 += d[p];
      r1 += d[p + stride];
      r2 += d[p + 2 * stride];
      r3 += d[p + 3 * stride];
      r4 += d[p + 4 * stride];
      r5 += d[p + 5 * stride];
      r6 += d[p + 6 * stride];
      r7 += d[p + 7 * stride];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += d[off + i * stride];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(d, off, n2, stride) + pairwiseSum(d, off + n2 * stride, n - n2, stride);
}
