import type { AdaptiveCard } from '../../src/cards/render';
import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { fileAttachment, makePerson } from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

/** `stäng period` asks first; a closed period can be opened again before its closing date. */
describe('closing and reopening a period (Norrbotten, DÅ04)', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2022-05-02T07:00:00Z');
  const karin = makePerson('karin.controller@region.example', 'Karin Controller');
  const malin = makePerson('malin.hogberg@region.example', 'Malin Högberg');
  const peter = makePerson('peter.sandberg@region.example', 'Peter Sandberg');
  const users = new Map<string, TeamsUser>();
  const user = (person: { email: string }) => users.get(person.email)!;
  const periodState = async () => (await bot.service.repositories.plans.findPeriod('NB-DIV-2022/DÅ04'))?.state;
  const inboxCards = (person: { aadObjectId: string }) =>
    stub
      .sent()
      .filter((sent) => sent.conversationId === `a:personal-${person.aadObjectId}` && JSON.stringify(sent.activity).includes('dina mål'));

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: karin.email, SEND_RATE_PER_SECOND: '50' },
      { now: () => now, startScheduler: false },
    );
    for (const person of [karin, malin, peter]) {
      stub.addPerson(person);
      users.set(person.email, new TeamsUser(person, stub, bot.endpoint));
      await user(person).install();
    }
    const url = stub.serveFile('/plan.json', readFixture(PLAN_FIXTURES.norrbotten));
    await user(karin).say('importera', { attachments: [fileAttachment({ name: 'plan.json', downloadUrl: url, fileType: 'json' })] });
    const [confirm] = await user(karin).say('öppna period DÅ04');
    await user(karin).click(confirm!.card!, 'Skicka');
    await bot.service.scheduler.idle();
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when the coordinator writes "stäng period DÅ04", then a confirmation says what is missing and nothing is locked yet', async () => {
    const [confirm] = await user(karin).say('stäng period då04');
    const text = cardText(confirm!.card);
    expect(text).toContain('Stänga Delår per april 2022?');
    expect(text).toMatch(/\d+ målägare har inte svarat klart och kan inte svara efter att perioden har stängts\. Svaren låses\./);
    expect(text).toContain('Division (servicekompassen)');
    expect(await periodState()).toBe('open');

    const cancelled = await user(karin).click(confirm!.card!, 'Avbryt');
    expect(cardText(cancelled)).toContain('Avbrutet. Perioden är fortfarande öppen.');
    expect(cardText(cancelled)).not.toContain('Det gick inte');
    expect(await periodState()).toBe('open');
  });

  test('when the coordinator cancels a påminn confirmation, then the card says it was cancelled (not the button word) and nothing is sent', async () => {
    const [confirm] = await user(karin).say('påminn');
    const before = stub.sent().length;
    const cancelled = await user(karin).click(confirm!.card!, 'Avbryt');
    expect((cancelled.body as { text?: string }[])[0]?.text).toBe('Avbrutet');
    expect(cardText(cancelled)).toContain('Inga påminnelser skickades.');
    await bot.service.scheduler.idle();
    expect(stub.sent().length).toBe(before);
  });

  test('when a unit is named in another case or by its name, then it is matched as påminn and koppla match it', async () => {
    const [byKey] = await user(karin).say('stäng period DÅ04 nb-div');
    expect(cardText(byKey!.card)).toContain('Stänga Delår per april 2022?');
    const [byName] = await user(karin).say('stäng period DÅ04 Division (servicekompassen)');
    expect(cardText(byName!.card)).toContain('Stänga Delår per april 2022?');
    const [unknown] = await user(karin).say('stäng period DÅ04 Okänd nämnd');
    expect(unknown!.text).toContain('Skriv så här: **stäng period <kod> [enhet]**');
  });

  test('when a goal owner clicks the confirmation, then it is refused and the period stays open', async () => {
    const [confirm] = await user(karin).say('stäng period DÅ04');
    const refused = await user(malin).click(confirm!.card!, 'Stäng perioden');
    expect(cardText(refused)).toContain('Det gick inte');
    expect(await periodState()).toBe('open');
  });

  test('when the coordinator confirms, then the period is closed once, and a second click says so without closing twice', async () => {
    const [confirm] = await user(karin).say('stäng period DÅ04');
    const closed = await user(karin).click(confirm!.card!, 'Stäng perioden');
    expect(cardText(closed)).toContain('Stängt: Delår per april 2022 (Division (servicekompassen)). Svaren är låsta.');
    expect(await periodState()).toBe('closed');

    const again = await user(karin).click(confirm!.card!, 'Stäng perioden');
    expect(cardText(again)).toContain('Jag hittar ingen öppen eller kommande period');
  });

  test("when an owner's open cards are next refreshed or saved after an early close, then they say it closed, when and by whom, and how to get it reopened", async () => {
    const closedLine = 'Perioden stängdes 2 maj 09:00 av Karin Controller. Svaren kan inte längre ändras.';
    const [inbox] = adaptiveCards(inboxCards(peter).at(-1)!.activity) as AdaptiveCard[];
    // The inbox card asks Teams to refresh it for its owner whenever they look at it.
    const refresh = inbox!.refresh as { action: { verb: string; data: Record<string, unknown> }; userIds: string[] };
    expect(refresh.userIds).toEqual([peter.userId]);
    expect(refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'inbox.show', data: { period: 'NB-DIV-2022/DÅ04', page: 0 } });
    const refreshed = await user(peter).invoke(refresh.action.verb, refresh.action.data, (activity) => {
      (activity.value as { trigger: string }).trigger = 'automatic';
    });
    expect(cardText(refreshed)).toContain(closedLine.replace('Perioden stängdes 2 maj 09:00', 'Perioden stängdes'));
    expect((refreshed.refresh as { userIds: string[] }).userIds).toEqual([peter.userId]);

    const form = await user(peter).invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P2-G1' });
    expect(cardText(form)).toContain(closedLine);

    // A form opened before the close, saved after it.
    const saved = await user(peter).invoke('goal.save', {
      period: 'NB-DIV-2022/DÅ04',
      goal: 'NB-P2-G1',
      versions: { 'NB-P2-G1-I1': 0 },
      'NB-P2-G1-I1.outcome': '5,1 %',
    });
    expect((saved.body as { text?: string }[])[0]?.text).toBe('Perioden är stängd');
    expect(cardText(saved)).toContain(
      `${closedLine} Det du skrev nu sparades inte. Behöver något ändras kan en samordnare öppna perioden igen (**öppna period DÅ04**).`,
    );
    expect(await bot.service.mongo.db.collection('responses').findOne({ indicator: 'NB-P2-G1-I1' })).toBeNull();
  });

  test('when the coordinator writes "öppna period DÅ04" on the closed period, then it is offered again, and confirmed every owner gets a new card', async () => {
    const before = inboxCards(peter).length;
    const [confirm] = await user(karin).say('öppna period DÅ04');
    expect(cardText(confirm!.card)).toContain('Delår per april 2022 är stängd. Öppna den igen?');
    expect(await periodState()).toBe('closed');

    const reopened = await user(karin).click(confirm!.card!, 'Öppna igen');
    expect(cardText(reopened)).toContain('Delår per april 2022 är öppen igen');
    expect(await periodState()).toBe('open');
    await bot.service.scheduler.idle();
    await bot.service.scheduler.tick();
    expect(inboxCards(peter).length).toBe(before + 1);

    // A double click reopens nothing twice and sends no second card.
    await user(karin).click(confirm!.card!, 'Öppna igen');
    await bot.service.scheduler.tick();
    expect(inboxCards(peter).length).toBe(before + 1);
  });

  test("when the plan's closing date has passed, then a closed period is not reopened and the coordinator is told how to do it", async () => {
    const [confirm] = await user(karin).say('stäng period DÅ04');
    await user(karin).click(confirm!.card!, 'Stäng perioden');
    now = new Date('2022-06-01T07:00:00Z');
    const [refused] = await user(karin).say('öppna period DÅ04');
    expect(cardText(refused!.card)).toContain('stängde enligt planen');
    expect(cardText(refused!.card)).toContain('importera den på nytt');
    expect(await periodState()).toBe('closed');
  });
});
