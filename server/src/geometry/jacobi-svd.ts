// One-sided (Hestenes) Jacobi SVD for small dense matrices: singular values and right singular vectors.
//
// Why this method: the homography DLT needs the right singular vector of the smallest singular value of a
// 2N×9 matrix A. Eigen-decomposing AᵀA would square A's condition number; one-sided Jacobi works on A itself,
// is accurate to working precision even for tiny singular values, and is short enough to audit.

export interface RightSingular {
  /** Singular values, largest first. There are as many as A has columns (extra ones are 0 when A is wide). */
  values: number[];
  /** vectors[k] is the unit right singular vector for values[k]. */
  vectors: number[][];
}

const MAX_SWEEPS = 60;
/** Columns count as orthogonal when |cos angle| is below this; close to double precision. */
const ORTHOGONAL = 1e-15;

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** In place: [p, q] ← [c·p − s·q, s·p + c·q]. */
function rotate(p: number[], q: number[], c: number, s: number): void {
  for (let i = 0; i < p.length; i++) {
    const x = p[i]!;
    const y = q[i]!;
    p[i] = c * x - s * y;
    q[i] = s * x + c * y;
  }
}

/** Right singular vectors of an m×n matrix given as rows (any m ≥ 1, n ≥ 1). */
export function rightSingular(rows: readonly (readonly number[])[]): RightSingular {
  const n = rows[0]?.length ?? 0;
  if (n === 0 || rows.some((r) => r.length !== n))
    throw new RangeError('rightSingular: rows must be non-empty and equal length');
  // Work on columns: rotating pairs of columns until all are mutually orthogonal gives A·V = U·Σ.
  const cols = Array.from({ length: n }, (_, j) => rows.map((r) => r[j]!));
  const v = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)));

  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const cp = cols[p]!;
        const cq = cols[q]!;
        const alpha = dot(cp, cp);
        const beta = dot(cq, cq);
        const gamma = dot(cp, cq);
        if (Math.abs(gamma) <= ORTHOGONAL * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        // Smaller root of t² + 2ζt − 1 = 0 keeps the rotation angle ≤ 45°, which is what makes Jacobi converge.
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        rotate(cp, cq, c, s);
        rotate(v[p]!, v[q]!, c, s);
      }
    }
    if (!rotated) break;
  }

  const norms = cols.map((c) => Math.sqrt(dot(c, c)));
  const order = norms.map((_, i) => i).sort((a, b) => norms[b]! - norms[a]!);
  return { values: order.map((i) => norms[i]!), vectors: order.map((i) => v[i]!) };
}
