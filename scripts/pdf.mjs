// Prints briefing pages to A4 PDF with one headless Chromium (Debian's, or POVINEQ_CHROMIUM),
// several pages at a time in parallel tabs. The pages need no network: every request is refused.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.POVINEQ_CHROMIUM ?? '/usr/bin/chromium';

/** Prints each { html, pdf } pair; returns the PDF paths. */
export async function printPDFs(pages, { tabs = 4, onProgress = () => {} } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext();
    let next = 0;
    let done = 0;
    const printOne = async () => {
      const page = await context.newPage();
      while (next < pages.length) {
        const { html, pdf } = pages[next++];
        const url = pathToFileURL(html).href;
        await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
        await page.goto(url, { waitUntil: 'load' });
        await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
        await page.unroute('**/*');
        onProgress(`PDF ${++done}/${pages.length}: ${pdf.split('/').slice(-2).join('/')}`);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(tabs, pages.length) }, printOne));
  } finally {
    await browser.close();
  }
  return pages.map((p) => p.pdf);
}
