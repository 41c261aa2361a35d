// Loads a page in Debian's chromium N times and prints the median time from
// navigation start to the load event and to the first contentful paint, in ms.
// usage: node report-load.mjs PAGE.html [N]
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const { chromium } = require(path.join(here, '../tools/npm/node_modules/playwright-core'));
const [file, runs = '7'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.B24_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const load = [], paint = [];
for (let i = 0; i < Number(runs); i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { load: nav.loadEventEnd, paint: fcp ? fcp.startTime : NaN };
  });
  load.push(t.load);
  paint.push(t.paint);
  await page.close();
}
await browser.close();
const median = (v) => v.sort((a, b) => a - b)[v.length >> 1];
console.log(JSON.stringify({ load_ms: median(load), paint_ms: median(paint) }));
