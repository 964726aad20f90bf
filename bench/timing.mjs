// Shared helpers of the benchmark scripts.

/** The --name value pairs of a command line, as an object. */
export function parseArgs(argv) {
  return Object.fromEntries(argv.reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
}

/** Best wall time (ms) of `reps` runs of f, a garbage collection before each, and f's last result. */
export function best(f, reps, gc = () => {}) {
  let t = Infinity;
  let out;
  for (let r = 0; r < reps; r++) {
    gc();
    const t0 = performance.now();
    out = f();
    t = Math.min(t, performance.now() - t0);
  }
  return { ms: t, out };
}
