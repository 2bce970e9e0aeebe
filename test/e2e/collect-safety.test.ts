import type { AdaptiveCard } from '../../src/cards/render';
import { inputById } from '../support/adaptive-card';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson } from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

const PERIOD = 'RS-2026/DÅ04';
/** RS-G7-I2 (Erik's, while Anna owns the goal) is measured only at ÅR. */
const YEAR_END = 'RS-2026/ÅR';

describe('saving answers safely: double clicks, concurrent editors, authorisation and hostile payloads', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  const now = new Date('2026-05-04T08:00:00Z');
  let anna: TeamsUser;
  let erik: TeamsUser;
  let outsider: TeamsUser;

  const responses = () => bot.service.mongo.db.collection('responses');
  const history = () => bot.service.mongo.db.collection('history');

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({}, { now: () => now, startScheduler: false });
    anna = new TeamsUser(makePerson('anna.berg@region.example', 'Anna Berg'), stub, bot.endpoint);
    erik = new TeamsUser(makePerson('erik.lind@region.example', 'Erik Lind'), stub, bot.endpoint);
    outsider = new TeamsUser(makePerson('olle.utanfor@region.example', 'Olle Utanför'), stub, bot.endpoint);
    for (const user of [anna, erik, outsider]) {
      stub.addPerson(user.person);
      await user.install();
    }
    const imported = await bot.service.deps.importer.importFile({
      fileName: 'exempel-plan.json',
      bytes: readFixture(PLAN_FIXTURES.exempel),
    });
    expect(imported.ok).toBe(true);
    for (const code of ['DÅ04', 'ÅR']) {
      await bot.service.deps.collect.openPeriods(await bot.service.deps.collect.periodsFor(code, null, ['draft']));
    }
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  const openForm = (user: TeamsUser) => user.invoke('goal.open', { period: PERIOD, goal: 'RS-G7' });

  test('when the goal owner opens the form, then inputs are named by indicator and suggested assessments follow the Swedish value', async () => {
    const form = await openForm(anna);
    expect(inputById(form, 'RS-G7-I1.outcome')).toBeDefined();
    expect(inputById(form, 'RS-G7-I1.comment')).toBeDefined();
    expect(inputById(form, 'RS-G7-I1.assessment')).toBeDefined();
    expect(inputById(form, 'RS-G7.assessment')).toBeDefined();
    expect(inputById(form, 'RS-G7.analysis')).toBeDefined();
    expect(cardText(form)).toContain('Mål: minska till 4,6');
  });

  test('when the same save is clicked twice (or the invoke is retried), then it is stored once', async () => {
    const form = await openForm(anna);
    const typed = { 'RS-G7-I1.outcome': '4,5 %', 'RS-G7-I1.comment': '' };
    const first = await anna.click(form, 'Spara', typed);
    const second = await anna.click(form, 'Spara', typed);

    expect(cardText(first)).toContain('Sparat.');
    expect(cardText(second)).toContain('Inget ändrades.');
    expect(await responses().countDocuments({ indicator: 'RS-G7-I1' })).toBe(1);
    expect(await responses().findOne({ indicator: 'RS-G7-I1' })).toMatchObject({
      version: 1,
      assessment: 'achieved',
      outcome: { kind: 'number', value: 4.5 },
    });
    expect(await history().countDocuments({ subject: 'indicator:RS-G7-I1' })).toBe(1);
  });

  test('when two people edit the same indicator from the same version, then the later one sees the current value and who saved it', async () => {
    const annasForm = await anna.invoke('goal.open', { period: YEAR_END, goal: 'RS-G7' });
    const eriksForm = await erik.invoke('goal.open', { period: YEAR_END, goal: 'RS-G7' });
    const eriks = await erik.click(eriksForm, 'Spara', { 'RS-G7-I2.outcome': 'Ja' });
    expect(cardText(eriks)).toContain('Sparat.');

    const annas = await anna.click(annasForm, 'Spara', { 'RS-G7-I2.outcome': 'Nej', 'RS-G7-I2.comment': 'Ej klar.' });

    expect(cardText(annas)).toContain('Erik Lind har ändrat samma svar');
    expect(inputById(annas, 'RS-G7-I2.outcome')?.value).toBe('Ja');
    expect(await responses().findOne({ indicator: 'RS-G7-I2' })).toMatchObject({
      version: 1,
      outcome: { kind: 'boolean', value: true },
      author: 'erik.lind@region.example',
    });
  });

  test('when saves from the same version race, then exactly one wins and nothing is lost or duplicated', async () => {
    const form = await openForm(anna);
    const results = await Promise.all(
      ['4,1 %', '4,2 %', '4,3 %', '4,4 %', '4,0 %'].map((value) => anna.click(form, 'Spara', { 'RS-G7-I1.outcome': value })),
    );
    const saved = results.filter((card) => cardText(card).includes('Sparat.'));
    expect(saved).toHaveLength(1);
    const stored = await responses().findOne({ indicator: 'RS-G7-I1' });
    expect(stored).toMatchObject({ version: 2 });
    const versions = (await history().find({ subject: 'indicator:RS-G7-I1' }).toArray()).map((h) => h.version);
    expect(versions.sort()).toEqual([1, 2]);
  });

  test('when an indicator owner opens the goal, then they may answer only their own indicator', async () => {
    const form = await erik.invoke('goal.open', { period: YEAR_END, goal: 'RS-G7' });
    expect(inputById(form, 'RS-G7-I2.outcome')).toBeDefined();
    expect(inputById(form, 'RS-G7-I1.outcome')).toBeUndefined();
    expect(inputById(form, 'RS-G7.assessment')).toBeUndefined();
    expect(cardText(form)).toContain('Besvaras av anna.berg@region.example');
  });

  test('when someone who owns nothing in the goal saves it, then they get a refusal and nothing is written', async () => {
    const before = await history().countDocuments();
    const refused = await outsider.invoke('goal.save', {
      period: PERIOD,
      goal: 'RS-G7',
      versions: { 'RS-G7-I1': 2 },
      'RS-G7-I1.outcome': '1 %',
    });
    expect(cardText(refused)).toContain('Du är inte ägare till det här målet');
    expect(await history().countDocuments()).toBe(before);
  });

  test.each([
    ['an unknown verb', 'goal.delete', { period: PERIOD, goal: 'RS-G7' }, 'Jag förstod inte vad kortet bad om'],
    ['a missing goal key', 'goal.save', { period: PERIOD, versions: {} }, 'Kortet skickade något jag inte förstod'],
    [
      'an object where a string is expected',
      'goal.save',
      { period: { $gt: '' }, goal: 'RS-G7', versions: {} },
      'Kortet skickade något jag inte förstod',
    ],
    ['an unknown period', 'goal.save', { period: 'RS-2026/T9', goal: 'RS-G7', versions: {} }, 'Perioden finns inte längre'],
    ['an unknown goal', 'goal.open', { period: PERIOD, goal: 'NOPE' }, 'Du är inte ägare till det här målet'],
    ['a 100 000 character key', 'goal.open', { period: PERIOD, goal: 'x'.repeat(100_000) }, 'Kortet skickade något jag inte förstod'],
  ])('when the payload has %s, then a clear card comes back and nothing is written', async (_label, verb, data, expected) => {
    const before = await history().countDocuments();
    const card = await anna.invoke(verb, data);
    expect(cardText(card)).toContain(expected);
    expect(await history().countDocuments()).toBe(before);
  });

  test.each([
    ['an operator object as the outcome', { 'RS-G7-I1.outcome': { $gt: '' } }, 'inte är text'],
    ['a malformed number', { 'RS-G7-I1.outcome': '12,3,4' }, '”12,3,4” är inte ett tal'],
    ['a 100 000 character comment', { 'RS-G7-I1.outcome': '4 %', 'RS-G7-I1.comment': 'x'.repeat(100_000) }, 'Texten är för lång'],
    [
      'red without a comment',
      { 'RS-G7-I1.outcome': '6 %', 'RS-G7-I1.assessment': 'not_achieved', 'RS-G7-I1.comment': '' },
      'Skriv en kommentar',
    ],
    ['an assessment that does not exist', { 'RS-G7-I1.assessment': 'purple' }, 'Välj en bedömning'],
  ])('when the form holds %s, then the form comes back with the message and nothing is written', async (_label, fields, expected) => {
    const before = await history().countDocuments();
    const form = await openForm(anna);
    const versions = { 'RS-G7-I1': 2, 'RS-G7-I2': 1, 'RS-G7': 0 };
    const card = await anna.invoke('goal.save', { period: PERIOD, goal: 'RS-G7', versions, ...fields });
    expect(cardText(card)).toContain(expected);
    expect(cardText(card)).toContain('Något behöver rättas');
    expect(await history().countDocuments()).toBe(before);
    expect(form.version).toBe('1.5');
  });

  test('when an invoke has no from.aadObjectId, then it is refused with a card and nothing is written', async () => {
    const before = await history().countDocuments();
    const card = await anna.invoke(
      'goal.save',
      { period: PERIOD, goal: 'RS-G7', versions: { 'RS-G7-I1': 2 }, 'RS-G7-I1.outcome': '1 %' },
      (activity) => {
        delete (activity.from as { aadObjectId?: string }).aadObjectId;
      },
    );
    expect(cardText(card)).toContain('Jag kunde inte se vem du är');
    expect(await history().countDocuments()).toBe(before);
  });

  test('when a validation error comes back, then what the person typed is kept in the form', async () => {
    const form: AdaptiveCard = await openForm(anna);
    const card = await anna.click(form, 'Spara', { 'RS-G7-I1.outcome': 'ungefär fem', 'RS-G7-I1.comment': 'Min kommentar' });
    expect(inputById(card, 'RS-G7-I1.outcome')?.value).toBe('ungefär fem');
    expect(inputById(card, 'RS-G7-I1.comment')?.value).toBe('Min kommentar');
  });
});
