// Types for scripts/notebooks.mjs, used by the notebook tests.
export interface NotebookResult { ok: boolean; report: string }
export function listNotebooks(names?: string[]): string[];
export function execute(file: string, outFile: string, dir?: string): { ok: boolean; log: string };
export function check(file: string, dir?: string): NotebookResult;
export function run(file: string): NotebookResult;
export function cellErrors(nb: unknown): string[];
export function differences(expected: unknown, actual: unknown): string[];
