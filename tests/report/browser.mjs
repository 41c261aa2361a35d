// The report page in a real browser (Debian's chromium driven by playwright-core):
// it loads from file:// with no console error and no request to anywhere, the
// figures it shows equal those of the commands' own JSON, the filters change what
// is shown, the sort buttons sort, and a screenshot of the overview is kept.
//
// usage: node browser.mjs REPORT.html EXPECT.json SCREENSHOT.png
// EXPECT.json: {"stats": <b24spec stats --json>, "lint": <lint --format json>,
//               "check": <check --json> | null, "diff": <diff --format json> | null}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const { chromium } = require(path.join(here, '../../tools/npm/node_modules/playwright-core'));

const [reportPath, expectPath, shotPath] = process.argv.slice(2);
const expect = JSON.parse(readFileSync(expectPath, 'utf8'));
let failures = 0;
function check(ok, what) {
  if (!ok) {
    failures++;
    console.error('FAIL: ' + what);
  }
}
function eq(got, want, what) {
  check(got === want, `${what}: page shows ${got}, expected ${want}`);
}

const browser = await chromium.launch({
  executablePath: process.env.B24_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(path.resolve(reportPath)).href, { waitUntil: 'load' });
  check(problems.length === 0, 'console errors: ' + problems.join(' | '));
  check(requests.length === 0, 'requests beyond the file: ' + requests.join(' '));

  const fig = async (name) => {
    const el = page.locator(`[data-figure="${name}"] .num`);
    if (await el.count() !== 1) return undefined;
    return Number(await el.textContent());
  };
  // the model, as b24spec stats counts it
  const s = expect.stats;
  eq(await fig('methods'), s.methods, 'methods');
  eq(await fig('events'), s.event_pages, 'events');
  eq(await fig('params'), s.params, 'parameters');
  eq(await fig('entities'), s.entities, 'entities');
  eq(await fig('deprecated'), s.deprecated_methods, 'methods deprecated');
  eq(await fig('params_typed'), s.params_typed, 'parameters typed');
  eq(await fig('bodies_json'), s.curl_bodies - s.curl_bodies_not_json, 'request examples that are JSON');
  eq(await fig('responses_json'), s.responses - s.responses_not_json, 'response examples that are JSON');
  // lint
  for (const sev of ['error', 'warning', 'note'])
    eq(await fig('lint_' + sev), expect.lint.counts[sev], 'lint ' + sev + 's');
  // the module table adds up to the overview
  const sumColumn = async (label) => page.evaluate((label) => {
    const t = document.getElementById('modules-table');
    const col = [...t.tHead.rows[0].cells].findIndex((c) => c.textContent.trim() === label);
    return [...t.tBodies[0].rows].reduce((a, r) => a + Number(r.cells[col].getAttribute('data-v')), 0);
  }, label);
  eq(await sumColumn('Methods'), s.methods, 'sum of the Methods column');
  eq(await sumColumn('Entities'), s.entities, 'sum of the Entities column');
  eq(await sumColumn('Lint warnings'), expect.lint.counts.warning, 'sum of the Lint warnings column');

  // the lint filter: one rule at a time shows exactly that rule's findings
  const findings = expect.lint.findings;
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  check(rules.length > 0, 'the docs have lint findings to filter');
  for (const rule of rules.slice(0, 3)) {
    await page.selectOption('select[data-table="lint-table"][data-key="rule"]', rule);
    const shown = await page.locator('#lint-table tbody tr:not([hidden])').count();
    const want = findings.filter((f) => f.rule === rule).length;
    eq(shown, want, `rows shown for rule ${rule}`);
    eq(Number(await page.locator('output[data-count-for="lint-table"]').textContent()), want,
       `the shown count for rule ${rule}`);
  }
  await page.selectOption('select[data-table="lint-table"][data-key="rule"]', '');
  eq(await page.locator('#lint-table tbody tr:not([hidden])').count(), findings.length, 'rows shown for all rules');
  // keyboard: the severity filter is reachable and usable without a mouse
  await page.focus('select[data-table="lint-table"][data-key="severity"]');
  await page.keyboard.press('ArrowDown'); // "error"
  const errors = findings.filter((f) => f.severity === 'error').length;
  eq(await page.locator('#lint-table tbody tr:not([hidden])').count(), errors, 'rows shown for errors (keyboard)');

  // sorting the module table by methods, descending on the second press
  const btn = page.locator('#modules-table th button', { hasText: /^Methods$/ });
  await btn.click();
  await btn.click();
  const firstTwo = await page.evaluate(() => [...document.querySelectorAll('#modules-table tbody tr')]
    .slice(0, 2).map((r) => Number(r.cells[1].getAttribute('data-v'))));
  check(firstTwo.length < 2 || firstTwo[0] >= firstTwo[1], 'descending sort by methods: ' + firstTwo);
  eq(await page.locator('#modules-table th[aria-sort="descending"]').count(), 1, 'aria-sort says the order');

  if (expect.check) {
    const c = expect.check.summary;
    eq(await fig('check_passed'), c.passed, 'passed');
    eq(await fig('check_failed'), c.failed, 'failed');
    eq(await fig('check_skipped'), c.skipped, 'skipped');
    const fails = expect.check.results.filter((r) => r.outcome === 'fail');
    eq(await page.locator('#check .failure').count(), fails.length, 'failures listed');
    if (fails.length) {
      const repro = await page.locator('#check .failure pre.repro').first().textContent();
      check(repro.startsWith('curl '), 'a failure carries its curl command');
      await page.selectOption('select[data-table="check-table"][data-key="state"]', 'failed');
      const groups = new Set(fails.map((r) => r.group)).size;
      eq(await page.locator('#check-table tbody tr:not([hidden])').count(), groups, 'groups with failures');
    }
  }
  if (expect.diff) {
    for (const [tier, n] of Object.entries(expect.diff.summary))
      if (tier !== 'input_errors') eq(await fig('changes_' + tier), n, 'changes ' + tier);
  }

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shotPath, clip: { x: 0, y: 0, width: 1280, height: 900 } });
} finally {
  await browser.close();
}
if (failures) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('report page: all checks passed');
