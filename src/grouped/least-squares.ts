/**
 * Ordinary least squares by Householder QR (no intercept unless X has a column of ones):
 * the β minimizing ‖y − Xβ‖². X is given by rows. Returns β and the residual sum of squares.
 * Reference: Golub & Van Loan (2013) Matrix Computations, §5.3.
 */
export function leastSquares(X: number[][], y: number[]): { beta: number[]; rss: number } {
  const n = X.length;
  const k = X[0]!.length;
  const A = X.map((r) => r.slice());
  const b = y.slice();
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = j; i < n; i++) norm += A[i]![j]! * A[i]![j]!;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = A[j]![j]! > 0 ? -norm : norm;
    const v = new Array<number>(n).fill(0);
    for (let i = j; i < n; i++) v[i] = A[i]![j]!;
    v[j]! -= alpha;
    let vv = 0;
    for (let i = j; i < n; i++) vv += v[i]! * v[i]!;
    if (vv === 0) continue;
    for (let c = j; c < k; c++) {
      let s = 0;
      for (let i = j; i < n; i++) s += v[i]! * A[i]![c]!;
      const f = (2 * s) / vv;
      for (let i = j; i < n; i++) A[i]![c]! -= f * v[i]!;
    }
    let s = 0;
    for (let i = j; i < n; i++) s += v[i]! * b[i]!;
    const f = (2 * s) / vv;
    for (let i = j; i < n; i++) b[i]! -= f * v[i]!;
  }
  const beta = new Array<number>(k).fill(0);
  for (let j = k - 1; j >= 0; j--) {
    let s = b[j]!;
    for (let c = j + 1; c < k; c++) s -= A[j]![c]! * beta[c]!;
    beta[j] = s / A[j]![j]!;
  }
  let rss = 0;
  for (let i = k; i < n; i++) rss += b[i]! * b[i]!;
  return { beta, rss };
}
