import { createRequire } from 'node:module';
import type { MimeBundle } from './show.js';

/** tslab's writer of a display message (a whole MIME bundle) for the running cell. */
export type WriteDisplayData = (data: { data: MimeBundle; metadata: object; transient: object }, update?: boolean) => void;

/**
 * tslab's display writer for the running cell (`jupyter.lastWriteDisplayData`, which takes a whole
 * MIME bundle), found among the modules the kernel has loaded, so povineq needs no tslab import.
 */
export function tslabWriter(): WriteDisplayData | undefined {
  const cache = createRequire(import.meta.url).cache ?? {};
  for (const [file, mod] of Object.entries(cache)) {
    if (/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) {
      const w = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
      if (typeof w === 'function') return w as WriteDisplayData;
    }
  }
  return undefined;
}

/** tslab's public display API (one MIME type per call). */
export interface TslabDisplay {
  raw(contentType: string, content: string | Uint8Array): void;
}

/** tslab's public `display`, when tslab can be loaded and a cell is running. */
export function tslabDisplay(): TslabDisplay | undefined {
  try {
    const tslab = createRequire(import.meta.url)('tslab') as { display?: TslabDisplay };
    const jupyter = createRequire(import.meta.url)('tslab/dist/jupyter') as { lastWriteDisplayData?: unknown };
    return tslab.display && typeof jupyter.lastWriteDisplayData === 'function' ? tslab.display : undefined;
  } catch {
    return undefined;
  }
}
