import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startPlaygroundClient, type PlaygroundClient } from '../../src/tools/playground/client';
import { importDemoPlan, seedDemoAnswers } from '../../src/tools/playground/demo';
import { DEMO_CURRENT_USER } from '../../src/tools/playground/demo-people';
import { launchChromium, NOT_LOOPBACK } from '../support/browser';
import { startTestService, type TestService } from '../support/service';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'playground');

/**
 * A person in a Teams-like client: the Microsoft 365 Agents Playground renders the bot's cards with
 * Teams' Adaptive Card renderer and sends Action.Execute invokes like Teams; Chromium drives it.
 * The bot is the real service on the test database with the `npm run playground` demo plan.
 */
describe('Utfall in the Agents Playground, in a real browser', () => {
  jest.setTimeout(120_000);
  let bot: TestService;
  let client: PlaygroundClient;
  let browser: Browser;
  let page: Page;
  let periodId = '';
  const now = new Date();
  // A string matches case-insensitively (the greeting also says "sista svarsdag"); a RegExp as written.
  const card = (text: string | RegExp): Locator => page.locator('.ac-adaptiveCard', { hasText: text }).last();
  const INBOX = /Sista svarsdag: /;
  const say = async (text: string) => {
    await page.getByRole('textbox').last().click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  /** A perspective's row of the summary table: grön, gul, röd, grå, saknas. */
  const summaryRow = async (perspective: string): Promise<string[]> => {
    const cells = (await card('Måluppfyllelse').innerText())
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const at = cells.indexOf(perspective);
    return cells.slice(at + 1, at + 6);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    bot = await startTestService(
      { UTFALL_COORDINATORS: DEMO_CURRENT_USER.email, UTFALL_LANGUAGE: 'sv', SUMMARY_UPDATE_INTERVAL_SECONDS: '1' },
      { startScheduler: false },
    );
    const { year } = await importDemoPlan(bot.service.deps.importer, now, bot.config.timezone);
    await seedDemoAnswers(bot.service.repositories.responses, year, now);
    periodId = `RS-${year}/DÅ08`;
    // Opens DÅ08 (it opens today); the owners are not installed yet, so their prompts fail for now.
    await bot.service.scheduler.tick(now);
    await bot.service.scheduler.idle();
    client = await startPlaygroundClient({
      botEndpoint: bot.endpoint,
      port: 0,
      configDir: path.join(ROOT, 'playground'),
      env: process.env,
    });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 2400 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    await context.route(NOT_LOOPBACK, (route) => route.abort());
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await client?.stop();
    await bot?.stop();
  });
  afterEach(async () => {
    const name = expect.getState().currentTestName ?? 'test';
    await page?.screenshot({ path: path.join(SHOTS, `${name.replace(/[^\wåäöÅÄÖ-]+/g, '_').slice(0, 120)}.png`) });
  });

  test('when Anna opens the page, then the app is installed, she is greeted and gets her inbox card for DÅ08', async () => {
    await page.goto(client.url);
    await card('Hej Anna!').waitFor({ timeout: 30_000 });
    await expect(card('Hej Anna!').innerText()).resolves.toContain('ditt kort kommer här nedanför');
    const inbox = card(INBOX);
    await inbox.waitFor({ timeout: 30_000 });
    await expect(inbox.innerText()).resolves.toMatch(/Delår per augusti \d{4} – dina mål[\s\S]*0 av 2 mål klara/);
    await inbox.screenshot({ path: path.join(SHOTS, 'inbox-card.png') });
  });

  test('when she writes "hjälp", then the help card lists the commands', async () => {
    await say('hjälp');
    const help = card('så fungerar det');
    await help.waitFor({ timeout: 15_000 });
    await expect(help.innerText()).resolves.toMatch(/öppna period[\s\S]*påminn/);
  });

  test('when she links the management channel to Regionstyrelsen, then the channel gets the summary of DÅ08', async () => {
    await page.getByRole('treeitem', { name: /Ledningsgrupp/ }).click();
    await page.getByRole('textbox').last().click();
    await page.keyboard.type('@Utf');
    await page.getByRole('menuitem', { name: 'Utfall' }).click();
    await page.keyboard.type(' koppla RS');
    await page.keyboard.press('Enter');
    const summary = card('Måluppfyllelse');
    await summary.waitFor({ timeout: 15_000 });
    await expect(summary.innerText()).resolves.toMatch(
      /Delår per augusti \d{4}[\s\S]*2 av 3 målägare har svarat, 67\s%[\s\S]*Röda mål \(1\)[\s\S]*Regionen ska ha en ekonomi i balans/,
    );
    expect(await summaryRow('Medarbetare')).toEqual(['0', '1', '0', '0', '1']);
    await summary.screenshot({ path: path.join(SHOTS, 'channel-summary.png') });
  });

  test('on a phone-wide card (358 px), no heading or status word of the summary is cut short', async () => {
    const summary = card('Måluppfyllelse');
    type Styled = { style: { width: string; boxSizing: string } };
    await summary.evaluate((element) => {
      (element as unknown as Styled).style.width = '358px';
      (element as unknown as Styled).style.boxSizing = 'border-box';
    });
    // A TextBlock cut with an ellipsis ("Sak…") is wider inside than it is shown (the renderer cuts its paragraph).
    const cut = await summary
      .locator('.ac-textBlock, .ac-textBlock *')
      .evaluateAll((blocks) => blocks.filter((block) => block.scrollWidth > block.clientWidth + 1).map((block) => block.textContent));
    await summary.screenshot({ path: path.join(SHOTS, 'channel-summary-phone.png') });
    await summary.evaluate((element) => {
      (element as unknown as Styled).style.width = '';
    });
    expect(cut).toEqual([]);
    expect(await summaryRow('Medarbetare')).toEqual(['0', '1', '0', '0', '1']);
  });

  test('when she opens a goal, fills it in and saves, then the answers are stored and the card shows the goal as done', async () => {
    await page.getByRole('treeitem', { name: /Personal Chat/ }).click();
    await card(INBOX).getByRole('button', { name: 'Fyll i' }).first().click();
    const form = card('Bedömning av målet');
    await form.waitFor({ timeout: 15_000 });
    const outcome = form.getByRole('textbox', { name: 'Utfall' });
    await expect(outcome.nth(0).getAttribute('placeholder')).resolves.toBe('T.ex. 4,4\u00A0%');
    await expect(outcome.nth(1).getAttribute('placeholder')).resolves.toBe('T.ex. 78');
    await outcome.nth(0).fill('4,4 %');
    await outcome.nth(1).fill('81');
    await form.getByRole('combobox', { name: 'Utfall' }).click();
    await page.getByRole('option', { name: 'Ja', exact: true }).click();
    await form.getByRole('combobox', { name: 'Bedömning av målet' }).click();
    await page.getByRole('option', { name: 'Grön – uppnått' }).click();
    await form.getByRole('textbox', { name: 'Analys' }).fill('Sjukfrånvaron minskar efter arbetsmiljöronderna på alla enheter.');
    await form.screenshot({ path: path.join(SHOTS, 'goal-form.png') });
    await form.getByRole('button', { name: 'Spara' }).click();

    const updated = card('Sparat (');
    await updated.waitFor({ timeout: 15_000 });
    await expect(updated.innerText()).resolves.toMatch(/1 av 2 mål klara[\s\S]*Arbetsmiljön ska vara hälsofrämjande[\s\S]*Klar/);

    const indicators = await bot.service.repositories.responses.listIndicatorResponses(periodId, ['RS-G1-I1', 'RS-G1-I2', 'RS-G1-I3']);
    const byKey = new Map(indicators.map((response) => [response.indicator, response]));
    expect(byKey.get('RS-G1-I1')).toMatchObject({
      outcome: { kind: 'number', value: 4.4 },
      outcomeText: '4,4 %',
      assessment: 'achieved',
      assessmentSource: 'suggested',
      author: DEMO_CURRENT_USER.email,
      version: 1,
    });
    expect(byKey.get('RS-G1-I2')).toMatchObject({ outcome: { kind: 'number', value: 81 }, version: 1 });
    expect(byKey.get('RS-G1-I3')).toMatchObject({ outcome: { kind: 'boolean', value: true }, version: 1 });
    const [goal] = await bot.service.repositories.responses.listGoalResponses(periodId, ['RS-G1']);
    expect(goal).toMatchObject({ assessment: 'achieved', analysis: 'Sjukfrånvaron minskar efter arbetsmiljöronderna på alla enheter.' });
  });

  test('after her save, the channel summary is updated in place: Medarbetare now has a green goal', async () => {
    await page.getByRole('treeitem', { name: /Ledningsgrupp/ }).click();
    await card('Måluppfyllelse').waitFor({ timeout: 15_000 });
    // The update runs when its one-second slot ends; the scheduler's timer is off in tests.
    const deadline = Date.now() + 20_000;
    let row = await summaryRow('Medarbetare');
    while (row[0] !== '1' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await bot.service.scheduler.tick();
      await bot.service.scheduler.idle();
      row = await summaryRow('Medarbetare');
    }
    expect(row).toEqual(['1', '1', '0', '0', '0']);
    await expect(page.locator('.ac-adaptiveCard', { hasText: 'Måluppfyllelse' }).count()).resolves.toBe(1);
  });

  test('when she drills down, then a goal shows its figures against target and last period, and who has not answered shows names, what is owed and "Påminn"', async () => {
    const summary = card('Måluppfyllelse');
    await summary.getByText('Ekonomi', { exact: true }).click();
    const perspective = card('Perspektiv: Ekonomi');
    await perspective.waitFor({ timeout: 15_000 });
    await perspective.getByText('Regionen ska ha en ekonomi i balans').click();
    const goal = card('Målägare:');
    await goal.waitFor({ timeout: 15_000 });
    await expect(goal.innerText()).resolves.toMatch(
      /Bedömning: ○ Röd[\s\S]*Utfall -24,6\smnkr · mål minst 0\smnkr · Förra perioden \(DÅ04\): -18,2\smnkr[\s\S]*Ansvarig: Anna Lind/,
    );
    await goal.screenshot({ path: path.join(SHOTS, 'channel-goal-detail.png') });
    await goal.getByRole('button', { name: 'Tillbaka till sammanfattningen' }).click();

    await card('Måluppfyllelse').getByRole('button', { name: 'Vilka har inte svarat (1)' }).click();
    const missing = card('Har inte svarat klart');
    await missing.waitFor({ timeout: 15_000 });
    await expect(missing.innerText()).resolves.toMatch(/Anna Lind[\s\S]*Kvar: 1 mätetal i ”Regionen ska ha en ekonomi i balans”/);
    await expect(missing.getByRole('button', { name: 'Påminn dem som inte har svarat' }).count()).resolves.toBe(1);
    await missing.screenshot({ path: path.join(SHOTS, 'channel-missing.png') });
  });

  test('when she reopens the goal, then each suggested bedömning is shown beside its field, and a far-off value is questioned before it is saved', async () => {
    await page.getByRole('treeitem', { name: /Personal Chat/ }).click();
    await card(INBOX).getByRole('button', { name: 'Ändra' }).first().click();
    const form = card('Bedömning av målet');
    await form.waitFor({ timeout: 15_000 });
    await expect(form.innerText()).resolves.toContain(
      'Föreslagen utifrån målvärdet: Grön. Den gäller om du inte väljer en egen bedömning.',
    );

    await form.getByRole('textbox', { name: 'Utfall' }).nth(1).fill('999999999999');
    await form.getByRole('button', { name: 'Spara' }).click();
    const asked = card('stämmer det?');
    await asked.waitFor({ timeout: 15_000 });
    await expect(asked.innerText()).resolves.toMatch(
      /Värdet 999\s999\s999\s999\sindex ligger långt från målvärdet 80\sindex – stämmer det\? Spara igen för att bekräfta\./,
    );
    await asked.screenshot({ path: path.join(SHOTS, 'goal-form-question.png') });
    const [hme] = await bot.service.repositories.responses.listIndicatorResponses(periodId, ['RS-G1-I2']);
    expect(hme).toMatchObject({ outcome: { kind: 'number', value: 81 }, version: 1 });
  });

  test('when she clicks Delegera beside an indicator, then the delegate card asks whom, with a people search and an e-mail field', async () => {
    const form = card('stämmer det?');
    await form.getByRole('button', { name: 'Delegera' }).first().click();
    const delegate = card('Delegera till en kollega');
    await delegate.waitFor({ timeout: 15_000 });
    await expect(delegate.innerText()).resolves.toMatch(/Sjukfrånvaro|Hälsa|mätetal/i);
    await delegate.screenshot({ path: path.join(SHOTS, 'delegate-card.png') });
  });
});
