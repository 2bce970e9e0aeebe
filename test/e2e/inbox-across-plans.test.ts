import type { AdaptiveCard } from '../../src/cards/render';
import { executeActions, findNodes } from '../support/adaptive-card';
import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson, type TeamsPerson } from '../support/activities';
import { startTestService, type TestService } from '../support/service';
import { cardText, findAction, TeamsUser } from '../support/teams-client';

/**
 * One owner, three boards' plans: Eva owns a goal in each of Regionstyrelsen (RS), Hälso- och
 * sjukvårdsnämnden (HSN) and Regionala utvecklingsnämnden (RUN); Olle only in RS; Nina in HSN and
 * RUN, and she has not installed Utfall. DÅ04's deadline is Thursday 12 May for RS and HSN and
 * Thursday 19 May for RUN. None of the shared fixtures has an owner in several plans.
 */
const EVA = makePerson('eva.multi@region.example', 'Eva Multi');
const OLLE = makePerson('olle.ett@region.example', 'Olle Ett');
const NINA = makePerson('nina.tva@region.example', 'Nina Två');
const KARIN = makePerson('karin.controller@region.example', 'Karin Controller');
const UNITS = 'Hälso- och sjukvårdsnämnden, Regionala utvecklingsnämnden och Regionstyrelsen';

function planOf(unit: string, deadline: string, goals: [string, string][]) {
  return {
    key: `${unit}-2022`,
    unit,
    year: 2022,
    name: `Verksamhetsplan ${unit} 2022`,
    // Opened by command before its date, so that the scheduler does not open it on its own.
    periods: [{ code: 'DÅ04', label: 'Delår per april 2022', opens: '2022-05-02', deadline, closes: '2022-05-31' }],
    perspectives: [
      {
        key: `${unit}-P1`,
        name: 'Verksamhet',
        goals: goals.map(([key, owner]) => ({
          key,
          title: `Mål ${key}`,
          owners: [owner],
          indicators: [
            {
              key: `${key}-I1`,
              name: `Mätetal ${key}`,
              owner,
              valueType: 'number',
              direction: 'increase',
              baseline: 1,
              target: 10,
              periods: ['DÅ04'],
            },
          ],
        })),
      },
    ],
  };
}

const PLAN = {
  organisation: 'Region Test',
  units: [
    { key: 'RS', name: 'Regionstyrelsen' },
    { key: 'HSN', name: 'Hälso- och sjukvårdsnämnden' },
    { key: 'RUN', name: 'Regionala utvecklingsnämnden' },
  ],
  plans: [
    planOf('RS', '2022-05-12', [
      ['RS-G1', EVA.email],
      ['RS-G2', OLLE.email],
    ]),
    planOf('HSN', '2022-05-12', [
      ['HSN-G1', EVA.email],
      ['HSN-G2', NINA.email],
    ]),
    planOf('RUN', '2022-05-19', [
      ['RUN-G1', EVA.email],
      ['RUN-G2', NINA.email],
    ]),
  ],
};

describe('one inbox per owner and period code, across plans', () => {
  jest.setTimeout(90_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2022-04-30T07:00:00Z');
  const users = new Map<string, TeamsUser>();
  const user = (person: TeamsPerson) => users.get(person.email)!;
  const personal = (person: TeamsPerson) => stub.sent().filter((sent) => sent.conversationId === `a:personal-${person.aadObjectId}`);
  /** Inbox cards on their own (a reminder carries the inbox card too, under its text). */
  const inboxesOf = (person: TeamsPerson) =>
    personal(person)
      .filter((sent) => !String(sent.activity.text ?? '').startsWith('Påminnelse') && /dina mål|tack!/.test(JSON.stringify(sent.activity)))
      .map((sent) => adaptiveCards(sent.activity)[0] as AdaptiveCard);
  const remindersOf = (person: TeamsPerson) =>
    personal(person)
      .map((sent) => String(sent.activity.text ?? ''))
      .filter((text) => text.startsWith('Påminnelse'));
  const reportsTo = (person: TeamsPerson) =>
    personal(person)
      .map((sent) => String(sent.activity.text ?? ''))
      .filter((text) => text.includes('har fått sitt kort'));
  const headings = (card: AdaptiveCard | null) =>
    card
      ? findNodes(card, (type) => type === 'TextBlock')
          .filter((block) => block.size === 'Medium')
          .map((block) => block.text)
      : [];
  const texts = (card: AdaptiveCard | null) =>
    card ? findNodes(card, (type) => type === 'TextBlock').map((block) => String(block.text)) : [];
  const facts = (card: AdaptiveCard | null) =>
    Object.fromEntries(
      card
        ? findNodes(card, (type) => type === 'FactSet').flatMap((set) =>
            (set.facts as { title: string; value: string }[]).map((fact) => [fact.title, fact.value]),
          )
        : [],
    );
  const settle = async () => {
    await bot.service.scheduler.idle();
    await bot.service.scheduler.tick();
  };

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: KARIN.email, SEND_RATE_PER_SECOND: '50' },
      { now: () => now, startScheduler: false },
    );
    for (const person of [KARIN, EVA, OLLE, NINA]) {
      stub.addPerson(person);
      users.set(person.email, new TeamsUser(person, stub, bot.endpoint));
    }
    for (const person of [KARIN, EVA, OLLE]) await user(person).install();
    const imported = await bot.service.deps.importer.importFile({ fileName: 'plan.json', bytes: Buffer.from(JSON.stringify(PLAN)) });
    expect(imported.ok).toBe(true);
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when DÅ04 is opened for one unit and "Skicka" is double-clicked, then both clicks answer the same, it opens once, and the report survives a failed send', async () => {
    const [confirm] = await user(KARIN).say('öppna period DÅ04 RS');
    expect(texts(confirm!.card)).toEqual(
      expect.arrayContaining(['Öppna Delår per april 2022?', 'Skicka kort till 2 av 2 målägare i Regionstyrelsen?']),
    );
    expect(facts(confirm!.card)).toEqual({ Enheter: 'Regionstyrelsen', Målägare: '2', 'Får kort nu': '2', 'Ej nåbara': '0' });

    // The coordinator's report cannot be delivered the first time.
    stub.failNext(1, { status: 403 }, { method: 'POST', pathIncludes: `a%3Apersonal-${KARIN.aadObjectId}` });
    const [first, second] = await Promise.all([user(KARIN).click(confirm!.card!, 'Skicka'), user(KARIN).click(confirm!.card!, 'Skicka')]);
    expect(cardText(second)).toBe(cardText(first));
    expect(texts(first)).toEqual([
      'Perioden DÅ04 är öppen',
      '2 kort skickas nu till målägarna i Regionstyrelsen, i den takt Teams tillåter. Du får en rapport när alla kort har gått ut.',
    ]);
    await bot.service.scheduler.idle();
    expect(inboxesOf(EVA)).toHaveLength(1);
    expect(inboxesOf(OLLE)).toHaveLength(1);
    expect(reportsTo(KARIN)).toEqual([]);
    expect(stub.requests().filter((request) => request.failedWith === 403)).toHaveLength(1);

    await bot.service.scheduler.tick();
    await bot.service.scheduler.tick();
    expect(reportsTo(KARIN)).toEqual(['Delår per april 2022 (Regionstyrelsen): alla 2 målägare har fått sitt kort.']);
  });

  test('when DÅ04 is then opened for every unit, then Eva gets one fresh card covering all three, Olle none, and the report counts only cards that arrived', async () => {
    now = new Date('2022-04-30T07:10:00Z');
    const [confirm] = await user(KARIN).say('öppna period DÅ04');
    const body = `Skicka kort till 1 av 3 målägare i ${UNITS}? 1 har redan sitt kort. 1 är ej nåbara: de har inte installerat Utfall i Teams och får sitt kort när de gör det.`;
    expect(texts(confirm!.card)).toEqual(['Öppna Delår per april 2022?', body, `Ej nåbara: ${NINA.email}`]);
    expect(facts(confirm!.card)).toEqual({
      Enheter: 'Hälso- och sjukvårdsnämnden, Regionala utvecklingsnämnden, Regionstyrelsen',
      Målägare: '3',
      'Får kort nu': '1',
      'Har redan kort': '1',
      'Ej nåbara': '1',
    });
    await user(KARIN).click(confirm!.card!, 'Skicka');
    await settle();

    expect(inboxesOf(OLLE)).toHaveLength(1);
    expect(inboxesOf(NINA)).toHaveLength(0);
    const cards = inboxesOf(EVA);
    expect(cards).toHaveLength(2);
    const card = cards[1]!;
    expect(texts(card).filter((text) => text.includes('dina mål'))).toEqual(['Delår per april 2022 – dina mål']);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Första sista svarsdag: torsdag 12 maj 2022 (olika per enhet, se nedan)',
        '0 av 3 mål klara',
        'Sista svarsdag: torsdag 19 maj 2022',
      ]),
    );
    expect(headings(card)).toEqual(['Hälso- och sjukvårdsnämnden', 'Regionala utvecklingsnämnden', 'Regionstyrelsen']);
    // Each goal opens its own plan's period.
    expect(
      executeActions(card)
        .filter((action) => action.verb === 'goal.open')
        .map((action) => action.data),
    ).toEqual([
      { period: 'HSN-2022/DÅ04', goal: 'HSN-G1' },
      { period: 'RUN-2022/DÅ04', goal: 'RUN-G1' },
      { period: 'RS-2022/DÅ04', goal: 'RS-G1' },
    ]);
    expect(reportsTo(KARIN).at(-1)).toBe(
      `Delår per april 2022 (${UNITS}): 2 av 3 målägare har fått sitt kort. Ej nåbara (1): ${NINA.email}. De får sitt kort så snart de installerar Utfall.`,
    );
  });

  test('when the open period is opened again, then the card says it is open and only owners without a card get one; a changed count is pointed out; nothing is sent twice', async () => {
    now = new Date('2022-04-30T07:15:00Z');
    const [confirm] = await user(KARIN).say('öppna period DÅ04');
    expect(texts(confirm!.card).slice(0, 2)).toEqual([
      'Delår per april 2022 är redan öppen',
      `Perioden är redan öppen för ${UNITS}. Bara målägare som inte har fått sitt kort får ett nu: 0 av 3. 1 är ej nåbara: de har inte installerat Utfall i Teams och får sitt kort när de gör det.`,
    ]);
    expect(facts(confirm!.card)).toMatchObject({ Målägare: '3', 'Får kort nu': '0', 'Har redan kort': '2', 'Ej nåbara': '1' });
    const cardsBefore = [EVA, OLLE, NINA].map((person) => inboxesOf(person).length);

    const action = findAction(confirm!.card!, 'Skicka');
    const answer = await user(KARIN).invoke(String(action.verb), { ...(action.data as Record<string, unknown>), owners: 5 });
    expect(texts(answer)[0]).toBe('Perioden DÅ04 är redan öppen');
    expect(texts(answer)[1]).toContain('Alla nåbara målägare hade redan sitt kort');
    expect(texts(answer)[1]).toContain('Antalet har ändrats sedan bekräftelsen visades (då 5, nu 0).');
    await settle();
    expect([EVA, OLLE, NINA].map((person) => inboxesOf(person).length)).toEqual(cardsBefore);
  });

  test('when a reminder slot comes for two plans with the same deadline, then Eva gets one reminder about her whole inbox', async () => {
    now = new Date('2022-05-03T07:30:00Z'); // 09:30 in Stockholm, 7 working days before 12 May
    const tick = await bot.service.scheduler.tick();
    expect(tick.reminders.slots.sort()).toEqual(['HSN-2022/DÅ04/7wd', 'RS-2022/DÅ04/7wd']);
    await bot.service.scheduler.tick();
    expect(remindersOf(EVA)).toEqual(['Påminnelse: 3 av 3 mål återstår i Delår per april 2022. Sista svarsdag är torsdag 12 maj 2022.']);
    expect(remindersOf(OLLE)).toHaveLength(1);
  });

  test('when Eva answers a goal from the grouped card, then its own period\'s form opens, saving and "back" return the whole inbox, and status shows one card', async () => {
    now = new Date('2022-05-04T08:00:00Z');
    const form = await user(EVA).click(inboxesOf(EVA).at(-1)!, 'Fyll i');
    expect(cardText(form)).toContain('HSN-G1-I1.outcome');
    const saved = await user(EVA).click(form, 'Spara', {
      'HSN-G1-I1.outcome': '12',
      'HSN-G1-I1.assessment': 'achieved',
      'HSN-G1-I1.comment': 'Över målet.',
      'HSN-G1.assessment': 'achieved',
    });
    expect(texts(saved)).toEqual(expect.arrayContaining(['Delår per april 2022 – dina mål', '1 av 3 mål klara']));
    expect(headings(saved)).toEqual(['Hälso- och sjukvårdsnämnden', 'Regionala utvecklingsnämnden', 'Regionstyrelsen']);

    const other = await user(EVA).invoke('goal.open', { period: 'RS-2022/DÅ04', goal: 'RS-G1' });
    const back = await user(EVA).click(other, 'Tillbaka till mina mål');
    expect(headings(back)).toEqual(['Hälso- och sjukvårdsnämnden', 'Regionala utvecklingsnämnden', 'Regionstyrelsen']);
    expect(texts(back)).toContain('1 av 3 mål klara');

    const answers = await user(EVA).say('status');
    expect(answers).toHaveLength(1);
    expect(headings(answers[0]!.card)).toHaveLength(3);
  });

  test('when the coordinator writes "påminn", then unreachable owners are flagged and not counted, names are shown, and each person gets one message', async () => {
    now = new Date('2022-05-05T07:00:00Z');
    const [confirm] = await user(KARIN).say('påminn');
    expect(texts(confirm!.card)).toEqual([
      'Påminna om Delår per april 2022?',
      '3 målägare har inte svarat klart. 2 får en påminnelse i sin chatt med Utfall; 1 kan inte nås (har inte installerat Utfall i Teams) och får ingen.',
      'Får påminnelse: Eva Multi, Olle Ett',
      `Ej nåbara: ${NINA.email}`,
    ]);
    expect(facts(confirm!.card)).toEqual({ 'Har inte svarat klart': '3', 'Får påminnelse': '2', 'Ej nåbara': '1' });
    const before = remindersOf(EVA).length;
    const sent = await user(KARIN).click(confirm!.card!, 'Skicka påminnelse');
    expect(texts(sent)[1]).toBe(`2 påminnelser skickas nu. Ej nåbara (1) får ingen: ${NINA.email}.`);
    // The same confirmation again, as if it had shown another count: the same reminders, and it says the count differs.
    const action = findAction(confirm!.card!, 'Skicka påminnelse');
    const again = await user(KARIN).invoke(String(action.verb), { ...(action.data as Record<string, unknown>), owners: 3 });
    expect(texts(again)[1]).toBe(
      `2 påminnelser skickas nu. Ej nåbara (1) får ingen: ${NINA.email}. Antalet har ändrats sedan bekräftelsen visades (då 3, nu 2).`,
    );
    await settle();
    expect(remindersOf(EVA).slice(before)).toEqual([
      'Påminnelse: 2 av 3 mål återstår i Delår per april 2022. Sista svarsdag är torsdag 12 maj 2022.',
    ]);
    expect(remindersOf(OLLE)).toHaveLength(2);
  });

  test('when only unreachable owners are missing in a unit, then "påminn" says nobody can be reached and offers nothing to send', async () => {
    const form = await user(EVA).invoke('goal.open', { period: 'RUN-2022/DÅ04', goal: 'RUN-G1' });
    await user(EVA).click(form, 'Spara', {
      'RUN-G1-I1.outcome': '12',
      'RUN-G1-I1.assessment': 'achieved',
      'RUN-G1-I1.comment': 'Över målet.',
      'RUN-G1.assessment': 'achieved',
    });
    const [answer] = await user(KARIN).say('påminn Regionala utvecklingsnämnden');
    expect(texts(answer!.card)).toEqual([
      'Ingen kan nås',
      `1 målägare har inte svarat klart i Delår per april 2022, men ingen av dem kan nås: ${NINA.email}. De har inte installerat Utfall i Teams och får ingen påminnelse förrän de gör det.`,
    ]);
    expect(executeActions(answer!.card!)).toEqual([]);
  });

  test('when Nina installs late, then she gets one card for both her units, and a later report counts her as reached', async () => {
    await user(NINA).install();
    await bot.service.scheduler.idle();
    expect(inboxesOf(NINA)).toHaveLength(1);
    expect(headings(inboxesOf(NINA)[0]!)).toEqual(['Hälso- och sjukvårdsnämnden', 'Regionala utvecklingsnämnden']);

    now = new Date('2022-05-05T07:10:00Z');
    const [confirm] = await user(KARIN).say('öppna period DÅ04');
    expect(facts(confirm!.card)).toMatchObject({ Målägare: '3', 'Får kort nu': '0', 'Har redan kort': '3', 'Ej nåbara': '0' });
    await user(KARIN).click(confirm!.card!, 'Skicka');
    await settle();
    expect(reportsTo(KARIN).at(-1)).toBe(`Delår per april 2022 (${UNITS}): alla 3 målägare har fått sitt kort.`);
    expect(inboxesOf(NINA)).toHaveLength(1);
  });

  test('when an indicator in another plan is delegated to Olle, then he gets one card with both his units', async () => {
    const before = stub.sent().length;
    await user(KARIN).say(`delegera HSN-G2-I1 ${OLLE.email}`);
    await settle();
    const cards = inboxesOf(OLLE);
    expect(cards).toHaveLength(2);
    expect(headings(cards[1]!)).toEqual(['Hälso- och sjukvårdsnämnden', 'Regionstyrelsen']);
    expect(
      stub
        .sent()
        .slice(before)
        .filter((sent) => sent.conversationId === `a:personal-${OLLE.aadObjectId}`),
    ).toHaveLength(1);
  });

  test('when everyone in a unit has answered, then "påminn" for it says nobody needs a reminder and offers nothing to send', async () => {
    for (const [person, goal] of [
      [EVA, 'RS-G1'],
      [OLLE, 'RS-G2'],
    ] as const) {
      const form = await user(person).invoke('goal.open', { period: 'RS-2022/DÅ04', goal });
      const saved = await user(person).click(form, 'Spara', {
        [`${goal}-I1.outcome`]: '12',
        [`${goal}-I1.assessment`]: 'achieved',
        [`${goal}-I1.comment`]: 'Över målet.',
        [`${goal}.assessment`]: 'achieved',
      });
      if (person === EVA) {
        expect(texts(saved)).toContain('Delår per april 2022 – tack!');
        expect(headings(saved)).toEqual(['Hälso- och sjukvårdsnämnden', 'Regionala utvecklingsnämnden', 'Regionstyrelsen']);
      }
    }
    const [answer] = await user(KARIN).say('påminn RS');
    expect(texts(answer!.card)).toEqual([
      'Ingen påminnelse behövs',
      'Alla har svarat klart i Delår per april 2022. Det finns ingen att påminna.',
    ]);
    expect(executeActions(answer!.card!)).toEqual([]);
  });
});

describe('periods of several plans that open on the same day', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  const now = new Date('2022-05-02T06:00:00Z');

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({ SEND_RATE_PER_SECOND: '50' }, { now: () => now, startScheduler: false });
    for (const person of [EVA, OLLE]) {
      stub.addPerson(person);
      await new TeamsUser(person, stub, bot.endpoint).install();
    }
    const imported = await bot.service.deps.importer.importFile({ fileName: 'plan.json', bytes: Buffer.from(JSON.stringify(PLAN)) });
    expect(imported.ok).toBe(true);
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when the scheduler opens them, then an owner in all of them gets one card, not one per plan', async () => {
    const tick = await bot.service.scheduler.tick();
    expect(tick.opened.sort()).toEqual(['HSN-2022/DÅ04', 'RS-2022/DÅ04', 'RUN-2022/DÅ04']);
    await bot.service.scheduler.tick();
    const cards = stub
      .sent()
      .filter((sent) => sent.conversationId === `a:personal-${EVA.aadObjectId}` && JSON.stringify(sent.activity).includes('dina mål'));
    expect(cards).toHaveLength(1);
    expect(cardText(adaptiveCards(cards[0]!.activity)[0] as AdaptiveCard)).toContain('0 av 3 mål klara');
  });
});

describe('cards sent per period before cards were per inbox', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  const now = new Date('2022-04-30T07:00:00Z');
  const cardsTo = (person: TeamsPerson) =>
    stub
      .sent()
      .filter((sent) => sent.conversationId === `a:personal-${person.aadObjectId}` && JSON.stringify(sent.activity).includes('dina mål'));

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({ SEND_RATE_PER_SECOND: '50' }, { now: () => now, startScheduler: false });
    for (const person of [EVA, OLLE]) {
      stub.addPerson(person);
      await new TeamsUser(person, stub, bot.endpoint).install();
    }
    const imported = await bot.service.deps.importer.importFile({ fileName: 'plan.json', bytes: Buffer.from(JSON.stringify(PLAN)) });
    expect(imported.ok).toBe(true);
    // RS and HSN were opened by the previous version, which sent one card per period under the old ids.
    for (const id of ['RS-2022/DÅ04', 'HSN-2022/DÅ04']) await bot.service.repositories.plans.setPeriodState(id, ['draft'], 'open', now);
    const old = [
      ['RS-2022/DÅ04', EVA.email],
      ['HSN-2022/DÅ04', EVA.email],
      ['RS-2022/DÅ04', OLLE.email],
      ['HSN-2022/DÅ04', NINA.email],
    ] as const;
    await bot.service.repositories.jobs.enqueueMany(
      old.map(([period, email]) => ({
        id: `prompt:${period}:${email}`,
        kind: 'prompt',
        batch: `prompt:${period}`,
        payload: { period, email },
        runAt: now,
      })),
      now,
    );
    await bot.service.mongo.db
      .collection('jobs')
      .updateMany({ batch: { $in: ['prompt:RS-2022/DÅ04', 'prompt:HSN-2022/DÅ04'] } }, { $set: { state: 'done' } });
    // Nina had not installed Utfall: her card failed.
    await bot.service.mongo.db
      .collection('jobs')
      .updateOne({ _id: `prompt:HSN-2022/DÅ04:${NINA.email}` as never }, { $set: { state: 'failed' } });
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when those periods are opened again or the owner reinstalls, then nobody gets their card twice', async () => {
    const periods = await bot.service.deps.collect.periodsFor('DÅ04', 'RS', ['open']);
    await expect(
      bot.service.deps.collect.openPeriods([...periods, ...(await bot.service.deps.collect.periodsFor('DÅ04', 'HSN', ['open']))]),
    ).resolves.toMatchObject({ enqueued: 0 });
    await expect(bot.service.deps.collect.promptAfterInstall(EVA.email)).resolves.toEqual({ due: 0, created: 0 });
    await expect(bot.service.deps.periods.previewOpen('DÅ04', 'RS')).resolves.toMatchObject({ toSend: [], had: [EVA.email, OLLE.email] });
  });

  test('when a unit is opened that the old cards did not cover, then only the owner with work there gets one card covering all', async () => {
    await bot.service.deps.collect.openPeriods(await bot.service.deps.collect.periodsFor('DÅ04', 'RUN', ['draft']));
    await bot.service.scheduler.tick();
    expect(cardsTo(EVA)).toHaveLength(1);
    expect(cardText(adaptiveCards(cardsTo(EVA)[0]!.activity)[0] as AdaptiveCard)).toContain('0 av 3 mål klara');
    expect(cardsTo(OLLE)).toHaveLength(0);
  });
});
