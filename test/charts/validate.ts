// Shared checks for chart specs: the Vega-Lite JSON schema (shipped in vega-lite's package) and a
// Vega-Lite compile that must log no warnings.
import Ajv from 'ajv';
import fs from 'node:fs';
import {  } from '../../src/index.js';
import { compileChart, packageFile } from '../../src/charts/index.js';
export { thrown } from '../helpers/thrown.js';

const schema = JSON.parse(fs.readFileSync(packageFile('vega-lite', 'build/vega-lite-schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validateSchema = ajv.compile(schema);

/** Schema errors of a spec, as readable lines; [] when it validates. */
export function schemaErrors(spec: unknown): string[] {
  if (validateSchema(spec)) return [];
  // anyOf branches produce noise; report the deepest paths first
  return (validateSchema.errors ?? [])
    .sort((a, b) => b.instancePath.length - a.instancePath.length)
    .slice(0, 8)
    .map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Vega-Lite warnings when compiling a spec. */
export async function compileWarnings(spec: unknown): Promise<string[]> {
  return (await compileChart(spec as never)).warnings;
}

