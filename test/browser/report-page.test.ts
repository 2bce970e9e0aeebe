import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { importDemoPlan, seedDemoAnswers } from '../../src/tools/playground/demo';
import { launchChromium } from '../support/browser';
import { startTestService, type TestService } from '../support/service';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'report');
const DOCS = path.join(ROOT, 'docs', 'screenshots');

/**
 * The report's web page as a person opens it from a signed link, in Chromium: at desktop width and
 * at a phone's 390 px, and printed to PDF. The screenshots go to docs/screenshots for the README.
 */
describe('the compiled report as a web page, in a real browser (demo plan, DÅ08)', () => {
  jest.setTimeout(120_000);
  let bot: TestService;
  let browser: Browser;
  let url = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(DOCS, { recursive: true });
    const now = new Date();
    bot = await startTestService({}, { now: () => now, startScheduler: false });
    const { year } = await importDemoPlan(bot.service.deps.importer, now, bot.config.timezone);
    await seedDemoAnswers(bot.service.repositories.responses, year, now);
    await bot.service.scheduler.tick(now);
    const link = await bot.service.deps.reportDelivery.link({ units: ['RS'], code: 'DÅ08', year, locale: 'sv' }, 'html');
    url = `${bot.service.server.url}${link.path}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  test('when opened at desktop width, then the cover, the summary with its chart and every goal read without Teams', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const blocked: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(bot.service.server.url)) blocked.push(request.url());
    });
    await page.goto(url);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Sammanställd måluppfyllelse');
    expect(text).toContain('Delår per augusti');
    expect(text).toContain('Mätbarhet');
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    await page.screenshot({ path: path.join(DOCS, 'report-desktop.png') });
    await page.close();
  });

  test('when opened at 390 px, then nothing needs sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await page.goto(url);
    const overflow = await page.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(DOCS, 'report-phone.png') });
    await page.close();
  });

  test('when printed, then Chromium makes a PDF of several pages', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(path.join(SHOTS, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    await page.close();
    // Its first two pages as pictures for the README (poppler's pdftoppm, installed by npm run setup).
    if (!existsSync('/usr/bin/pdftoppm')) throw new Error('pdftoppm is missing: run npm run setup (it installs poppler-utils)');
    execFileSync('/usr/bin/pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '2',
      path.join(SHOTS, 'report.pdf'),
      path.join(DOCS, 'report-print'),
    ]);
    expect(readdirSync(DOCS).filter((name) => /^report-print-\d+\.png$/.test(name))).toHaveLength(2);
  });
});
