import { PovineqError } from '../../src/index.js';

/** The PovineqError a call throws (fails the test when it throws nothing or something else). */
export function thrown(f: () => unknown): PovineqError {
  try {
    f();
  } catch (e) {
    if (e instanceof PovineqError) return e;
    throw e;
  }
  throw new Error('expected a PovineqError');
}
