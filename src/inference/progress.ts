/**
 * A ready-made `onProgress` for long bootstrap runs: writes "label: done/total (p%)" at most
 * every `every` fraction of the run (default 10%), to `write` (default: standard error, which
 * Jupyter shows live without adding to the saved cell output on most front ends).
 *
 * @example
 * estimate(gini, t, { value: 'income', method: 'bootstrap', replicates: 2000, onProgress: progressReporter('gini') })
 */
export function progressReporter(label = 'replicates', options: { every?: number; write?: (line: string) => void } = {}): (done: number, total: number) => void {
  const every = options.every ?? 0.1;
  const write = options.write ?? ((line: string) => void process.stderr.write(line + '\n'));
  let next = 0;
  return (done, total) => {
    const p = done / total;
    if (p + 1e-12 >= next || done === total) {
      write(`${label}: ${done}/${total} (${Math.round(100 * p)}%)`);
      next = Math.floor(p / every + 1e-9) * every + every;
    }
  };
}
