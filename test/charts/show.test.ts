import { describe, expect, it } from 'vitest';
import { lorenzChart, show } from '../../src/index.js';
import { VEGA_LITE_MIME, mimeBundle } from '../../src/charts/index.js';
import { lorenzTable } from './cases.js';

// show() itself is exercised in a real tslab kernel by notebook 01 (test/notebooks), whose committed
// outputs hold the bundle: the Vega-Lite spec, a PNG and the description.
describe('the notebook display bundle', () => {
  const spec = lorenzChart(lorenzTable, { group: 'area' });
  it('holds the spec (labelled Vega-Lite 5 for JupyterLab), a PNG fallback and the description', async () => {
    const b = await mimeBundle(spec);
    expect(Object.keys(b)).toEqual([VEGA_LITE_MIME, 'image/png', 'text/plain']);
    expect((b[VEGA_LITE_MIME] as { $schema: string }).$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect((spec as { $schema: string }).$schema).toMatch(/v6\.json$/); // the caller's spec is not changed
    expect(Buffer.from(b['image/png'] as string, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(b['text/plain']).toBe((spec as { description: string }).description);
  });
  it('can carry an SVG instead of, or as well as, the PNG', async () => {
    expect(Object.keys(await mimeBundle(spec, { fallback: 'svg' }))).toEqual([VEGA_LITE_MIME, 'image/svg+xml', 'text/plain']);
    expect(Object.keys(await mimeBundle(spec, { fallback: 'both' }))).toEqual([VEGA_LITE_MIME, 'image/png', 'image/svg+xml', 'text/plain']);
  });
  it('show() outside a notebook says what to use instead', async () => {
    await expect(show(spec)).rejects.toThrow(/show\(\) needs a running tslab \(Jupyter\) kernel; outside a notebook use toSVG/);
  });
});
