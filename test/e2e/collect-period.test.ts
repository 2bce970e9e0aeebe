import type { AdaptiveCard } from '../../src/cards/render';
import { inputById } from '../support/adaptive-card';
import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { fileAttachment, makePerson } from '../support/activities';
import { PLAN_FIXTURES, readFixture, readJsonFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, currentInputs, TeamsUser } from '../support/teams-client';

interface Answers {
  indicators: Record<string, { owner: string; typed: string | null; comment: string | null }>;
}
interface PlanShape {
  plans: { perspectives: { goals: { key: string; owners: string[]; indicators: { key: string; periods: string[] }[] }[] }[] }[];
}

const answers = readJsonFixture(PLAN_FIXTURES.norrbotten.replace('-plan.json', '-answers.json')) as Answers;
const plan = readJsonFixture(PLAN_FIXTURES.norrbotten) as PlanShape;
const goals = plan.plans[0]!.perspectives.flatMap((p) => p.goals);
const OWNERS = [...new Set(goals.flatMap((g) => g.owners))];
const VERBAL = new Set(['Ökning', 'I nivå med fg år']);

describe('collecting outcomes for a period, end to end (Norrbotten, DÅ04)', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2022-04-29T07:00:00Z');
  const coordinator = makePerson('karin.controller@region.example', 'Karin Controller');
  const users = new Map<string, TeamsUser>();
  let karin: TeamsUser;

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: coordinator.email, SEND_RATE_PER_SECOND: '50' },
      { now: () => now, startScheduler: false },
    );
    karin = new TeamsUser(coordinator, stub, bot.endpoint);
    stub.addPerson(coordinator);
    for (const email of OWNERS) {
      const person = makePerson(email);
      stub.addPerson(person);
      users.set(email, new TeamsUser(person, stub, bot.endpoint));
    }
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when owners install the app, then each is greeted once with a card saying what will be asked', async () => {
    for (const user of users.values()) {
      await user.install();
      await user.install();
    }
    const welcomes = stub.sent().filter((sent) => JSON.stringify(sent.activity).includes('Jag är Utfall'));
    expect(welcomes).toHaveLength(OWNERS.length);
  });

  test('when the coordinator imports the plan and opens DÅ04, then confirmation comes first and every owner gets one inbox card', async () => {
    const url = stub.serveFile('/norrbotten-plan.json', readFixture(PLAN_FIXTURES.norrbotten));
    const [imported] = await karin.say('importera', {
      attachments: [fileAttachment({ name: 'norrbotten-plan.json', downloadUrl: url, fileType: 'json' })],
    });
    expect(cardText(imported!.card)).toContain('Planen är importerad');

    now = new Date('2022-04-30T07:00:00Z');
    const sentBefore = stub.sent().length;
    const [confirm] = await karin.say('öppna period DÅ04');
    expect(cardText(confirm!.card)).toContain(
      `Skicka kort till ${OWNERS.length} av ${OWNERS.length} målägare i Division (servicekompassen)?`,
    );
    expect(stub.sent().length).toBe(sentBefore + 1);

    const opened = await karin.click(confirm!.card!, 'Skicka');
    expect(cardText(opened)).toContain('Perioden DÅ04 är öppen');
    await bot.service.scheduler.idle();

    const after = stub.sent().slice(sentBefore + 1);
    const inboxes = after.filter((sent) => JSON.stringify(sent.activity).includes('dina mål'));
    expect(inboxes).toHaveLength(OWNERS.length);
    const report = after.filter((sent) => sent.conversationId === `a:personal-${coordinator.aadObjectId}`);
    expect(report.map((sent) => sent.activity.text)).toEqual([
      `Delår per april 2022 (Division (servicekompassen)): alla ${OWNERS.length} målägare har fått sitt kort.`,
    ]);
    for (const email of OWNERS) {
      const mine = inboxes.filter((sent) => sent.conversationId === `a:personal-${makePerson(email).aadObjectId}`);
      expect(mine).toHaveLength(1);
      expect(JSON.stringify(mine[0]!.activity)).toContain('Delår per april 2022 – dina mål');
    }
  });

  test('when the coordinator confirms the same opening again, then nobody is prompted twice', async () => {
    now = new Date('2022-04-30T07:05:00Z'); // a new confirmation is a new command, a moment later
    const [confirm] = await karin.say('öppna period DÅ04');
    expect(cardText(confirm!.card)).toContain('Delår per april 2022 är redan öppen');
    const before = stub.sent().length;
    const again = await karin.click(confirm!.card!, 'Skicka');
    await bot.service.scheduler.idle();
    expect(cardText(again)).toContain('Inget skickades två gånger');
    // No card again; only this confirmation's report, which says everyone has theirs.
    expect(
      stub
        .sent()
        .slice(before)
        .map((sent) => [sent.conversationId, sent.activity.text]),
    ).toEqual([
      [
        `a:personal-${coordinator.aadObjectId}`,
        `Delår per april 2022 (Division (servicekompassen)): alla ${OWNERS.length} målägare har fått sitt kort.`,
      ],
    ]);
  });

  test('when every owner fills in their goals with the values of the real report, then the answers are stored as typed', async () => {
    for (const email of OWNERS) {
      const user = users.get(email)!;
      const inbox = adaptiveCards(
        stub
          .sent()
          .filter((s) => s.conversationId === `a:personal-${user.person.aadObjectId}`)
          .at(-1)!.activity,
      )[0] as AdaptiveCard;
      let card = inbox;
      for (const goal of goals.filter((g) => g.owners.includes(email))) {
        const form = await user.click(
          card,
          'Fyll i',
          {},
          (activity) => void ((activity.value as { action: { data: { goal: string } } }).action.data.goal = goal.key),
        );
        card = await fillGoal(user, form, goal);
      }
      expect(cardText(card)).toContain('tack!');
    }
    const stored = await bot.service.mongo.db.collection('responses').find({ period: 'NB-DIV-2022/DÅ04' }).toArray();
    const measured = goals.flatMap((g) => g.indicators).filter((i) => i.periods.includes('DÅ04'));
    expect(stored).toHaveLength(measured.length);
    const sick = stored.find((r) => r.indicator === 'NB-P2-G1-I1')!;
    expect(sick).toMatchObject({
      outcome: { kind: 'number', value: 6.3 },
      outcomeText: '6,3%',
      assessment: 'not_achieved',
      version: 1,
      author: 'peter.sandberg@region.example',
    });
    expect(stored.find((r) => r.indicator === 'NB-P3-G1-I1')).toMatchObject({ outcome: { kind: 'number', value: -11.1 } });
    expect(stored.find((r) => r.indicator === 'NB-P1-G1-I1')).toMatchObject({
      outcome: { kind: 'not_available' },
      assessment: 'not_measured',
    });
    expect(stored.find((r) => r.indicator === 'NB-P1-G1-I3')).toMatchObject({ outcome: { kind: 'not_available' }, comment: 'Ökning.' });
    expect(await bot.service.mongo.db.collection('goalResponses').countDocuments({ period: 'NB-DIV-2022/DÅ04' })).toBe(goals.length);
  });

  test('when an owner changes an answer, then the version rises and history keeps both', async () => {
    const user = users.get('peter.sandberg@region.example')!;
    const form = await user.invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P2-G1' });
    expect(inputById(form, 'NB-P2-G1-I2.outcome')?.value).toBe('72%');
    const after = await user.click(form, 'Spara', { 'NB-P2-G1-I2.outcome': '73 %' });
    expect(cardText(after)).toContain('Sparat.');

    const stored = await bot.service.mongo.db.collection('responses').findOne({ indicator: 'NB-P2-G1-I2' });
    expect(stored).toMatchObject({ outcome: { kind: 'number', value: 73 }, version: 2 });
    const history = await bot.service.repositories.responses.historyOf('indicator:NB-P2-G1-I2', 'NB-DIV-2022/DÅ04');
    expect(history.map((h) => h.version)).toEqual([1, 2]);
  });

  test('when the period is closed, then the form is read-only and a save is refused without writing', async () => {
    const user = users.get('malin.hogberg@region.example')!;
    const form = await user.invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P3-G1' });
    const [confirm] = await karin.say('stäng period DÅ04');
    await karin.click(confirm!.card!, 'Stäng perioden');

    const closed = await user.invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P3-G1' });
    expect(cardText(closed)).toMatch(/Perioden stängdes \d+ april \d\d:\d\d av Karin Controller\. Svaren kan inte längre ändras\./);
    expect(inputById(closed, 'NB-P3-G1-I1.outcome')).toBeUndefined();
    expect(cardText(closed)).toContain('-11,1');

    const refused = await user.click(form, 'Spara', { 'NB-P3-G1-I1.outcome': '0' });
    expect(cardText(refused)).toContain('Perioden är stängd');
    expect(await bot.service.mongo.db.collection('responses').findOne({ indicator: 'NB-P3-G1-I1' })).toMatchObject({ version: 1 });
  });
});

/** Fills one goal form as the report did; verbal outcomes are first refused, then moved to the comment. */
async function fillGoal(
  user: TeamsUser,
  form: AdaptiveCard,
  goal: PlanShape['plans'][0]['perspectives'][0]['goals'][0],
): Promise<AdaptiveCard> {
  const typed: Record<string, string> = { [`${goal.key}.assessment`]: 'partly', [`${goal.key}.analysis`]: 'Delvis uppnått per april.' };
  const verbal: string[] = [];
  for (const indicator of goal.indicators.filter((i) => i.periods.includes('DÅ04'))) {
    const answer = answers.indicators[indicator.key]!;
    const comment = answer.comment ?? '';
    if (answer.typed === 'Ej tillgängligt' || answer.typed === null) {
      Object.assign(typed, {
        [`${indicator.key}.na`]: 'true',
        [`${indicator.key}.comment`]: comment || 'Inget utfall tillgängligt per april.',
      });
    } else if (VERBAL.has(answer.typed)) {
      verbal.push(indicator.key);
      Object.assign(typed, { [`${indicator.key}.outcome`]: answer.typed, [`${indicator.key}.comment`]: comment });
    } else {
      Object.assign(typed, {
        [`${indicator.key}.outcome`]: answer.typed,
        [`${indicator.key}.comment`]: comment || 'Enligt delårsrapporten.',
      });
    }
  }
  let card = await user.click(form, 'Spara', typed);
  if (verbal.length > 0) {
    expect(cardText(card)).toContain('är inte ett tal');
    for (const key of verbal) expect(currentInputs(card)[`${key}.outcome`]).toBe(answers.indicators[key]!.typed);
    const fixed: Record<string, string> = {};
    for (const key of verbal) {
      const answer = answers.indicators[key]!;
      Object.assign(fixed, {
        [`${key}.outcome`]: '',
        [`${key}.na`]: 'true',
        [`${key}.comment`]: `${answer.typed}. ${answer.comment ?? ''}`.trim(),
      });
    }
    card = await user.click(card, 'Spara', fixed);
  }
  expect(cardText(card)).not.toContain('Något behöver rättas');
  return card;
}
