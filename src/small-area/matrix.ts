/**
 * Small dense matrices for area-level models: p × p symmetric systems (p, the number of
 * covariates, is a handful), row-major Float64Arrays.
 */

/** Cholesky factor L (lower, row-major) of a symmetric positive-definite p × p matrix, or null. */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const { l, failed } = factor(a, p, 0);
  return failed >= 0 ? null : l;
}

/** Cholesky factorisation that stops at the first pivot not above `minPivot` (its index in `failed`, else −1). */
function factor(a: Float64Array, p: number, minPivot: number): { l: Float64Array; failed: number } {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let k = 0; k < j; k++) d -= l[j * p + k]! ** 2;
    if (!(d > minPivot)) return { l, failed: j };
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = s / ljj;
    }
  }
  return { l, failed: -1 };
}

/** Inverse of a symmetric positive-definite matrix from its Cholesky factor. */
export function inverseFromCholesky(l: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const col = new Float64Array(p);
  for (let c = 0; c < p; c++) {
    col.fill(0);
    col[c] = 1;
    solveInPlace(l, p, col);
    for (let r = 0; r < p; r++) inv[r * p + c] = col[r]!;
  }
  return inv;
}

/** Solves (L Lᵀ) x = b in place. */
export function solveInPlace(l: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * b[k]!;
    b[i] = s / l[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * b[k]!;
    b[i] = s / l[i * p + i]!;
  }
}

/**
 * The first column of X (m × p, row-major) that is a linear combination of the columns before it,
 * or −1 when X has full column rank. Columns are scaled to unit length first, so the test
 * (a Cholesky pivot of XᵀX below 1e-10) does not depend on units.
 */
export function dependentColumn(x: Float64Array, m: number, p: number): number {
  const norms = new Float64Array(p);
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) norms[j] += x[i * p + j]! ** 2;
  const g = new Float64Array(p * p);
  for (let i = 0; i < m; i++) {
    for (let a = 0; a < p; a++) {
      const xa = x[i * p + a]! / Math.sqrt(norms[a]!);
      for (let b = 0; b <= a; b++) g[a * p + b] += xa * (x[i * p + b]! / Math.sqrt(norms[b]!));
    }
  }
  for (let j = 0; j < p; j++) if (!(norms[j]! > 0)) return j;
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) g[a * p + b] = g[b * p + a]!;
  return factor(g, p, 1e-10).failed;
}

/** xᵢᵀ Q xᵢ for row i of X (m × p) and a symmetric p × p matrix Q. */
export function quadraticForm(x: Float64Array, i: number, q: Float64Array, p: number): number {
  let s = 0;
  for (let a = 0; a < p; a++) {
    const xa = x[i * p + a]!;
    for (let b = 0; b < p; b++) s += xa * q[a * p + b]! * x[i * p + b]!;
  }
  return s;
}
