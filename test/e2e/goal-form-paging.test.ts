import { cardBytes, type AdaptiveCard } from '../../src/cards/render';
import { inputById, inputs } from '../support/adaptive-card';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson } from '../support/activities';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

const OWNER = 'lena.stor@region.example';
const LONG_NAME =
  'Andel patienter som fått en fast vårdkontakt och en individuell plan inom utsatt tid enligt vårdgarantin, mätt per vårdcentral och månad';

/** One goal with 20 indicators with long names: more than fits on one card. */
function bigPlan() {
  return {
    organisation: 'Region Test',
    units: [{ key: 'BIG', name: 'Stora enheten' }],
    plans: [
      {
        key: 'BIG-2026',
        unit: 'BIG',
        year: 2026,
        name: 'Stor plan 2026',
        periods: [{ code: 'T1', label: 'Tertial 1 2026', opens: '2026-04-30', deadline: '2026-05-12', closes: '2026-05-20' }],
        perspectives: [
          {
            key: 'BIG-P1',
            name: 'Verksamhet',
            goals: [
              {
                key: 'BIG-G1',
                title: 'Tillgängligheten ska öka',
                owners: [OWNER],
                indicators: Array.from({ length: 20 }, (_, i) => ({
                  key: `BIG-G1-I${i + 1}`,
                  name: `${LONG_NAME} (${i + 1})`,
                  valueType: 'percent',
                  direction: 'increase',
                  baseline: 70,
                  target: 90,
                })),
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('a goal form with more indicators than fit on one card', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let lena: TeamsUser;

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({}, { now: () => new Date('2026-05-04T08:00:00Z'), startScheduler: false });
    lena = new TeamsUser(makePerson(OWNER, 'Lena Stor'), stub, bot.endpoint);
    stub.addPerson(lena.person);
    await lena.install();
    const imported = await bot.service.deps.importer.importFile({ fileName: 'big.json', bytes: Buffer.from(JSON.stringify(bigPlan())) });
    expect(imported.ok).toBe(true);
    await bot.service.deps.collect.openPeriods(await bot.service.deps.collect.periodsFor('T1', null, ['draft']));
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when the form is opened, then it is paged and every page stays under 40 KB with full comments', async () => {
    const first = await lena.invoke('goal.open', { period: 'BIG-2026/T1', goal: 'BIG-G1' });
    expect(cardText(first)).toContain('Sida 1 av 3');
    expect(inputById(first, 'BIG-G1-I8.outcome')).toBeDefined();
    expect(inputById(first, 'BIG-G1-I9.outcome')).toBeUndefined();

    const comments: Record<string, string> = {};
    for (let i = 1; i <= 8; i += 1)
      Object.assign(comments, { [`BIG-G1-I${i}.outcome`]: `${70 + i} %`, [`BIG-G1-I${i}.comment`]: 'Å'.repeat(1_990) });
    const saved = await lena.click(first, 'Spara', comments);
    const again = await lena.invoke('goal.open', { period: 'BIG-2026/T1', goal: 'BIG-G1' });
    expect(cardText(saved)).not.toContain('Något behöver rättas');
    expect(cardBytes(again)).toBeLessThan(40 * 1024);
  });

  test('when the person turns the page, then what they typed on this page is saved first', async () => {
    const first = await lena.invoke('goal.open', { period: 'BIG-2026/T1', goal: 'BIG-G1' });
    const second = await lena.click(first, 'Nästa', { 'BIG-G1-I2.outcome': '88 %' });

    // Long comments were saved on page 1 above, so pages now hold fewer indicators: page 2 holds none of page 1.
    expect(cardText(second)).toMatch(/Sida 2 av [3-9]/);
    expect(inputById(second, 'BIG-G1-I2.outcome')).toBeUndefined();
    const outcomesOn = (card: AdaptiveCard) =>
      inputs(card)
        .map((input) => String(input.id))
        .filter((id) => id.endsWith('.outcome'));
    expect(outcomesOn(second).length).toBeGreaterThan(0);
    expect(outcomesOn(second).filter((id) => outcomesOn(first).includes(id))).toEqual([]);
    expect(cardBytes(second)).toBeLessThan(40 * 1024);
    expect(await bot.service.mongo.db.collection('responses').findOne({ indicator: 'BIG-G1-I2' })).toMatchObject({
      outcome: { kind: 'number', value: 88 },
    });
  });
});
