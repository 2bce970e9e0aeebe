import type { AdaptiveCard } from '../../src/cards/render';
import { importDemoPlan, seedDemoAnswers } from '../../src/tools/playground/demo';
import { DEMO_COLLEAGUES, DEMO_CURRENT_USER } from '../../src/tools/playground/demo-people';
import { channelConversation, makePerson, makeTeam, type TeamsActivity } from '../support/activities';
import { adaptiveCards, startConnectorStub, type ConnectorStub, type SentActivity } from '../support/connector-stub';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

/**
 * The management summary as a chef and a coordinator meet it, on the playground's demo plan
 * (Regionstyrelsen; DÅ04 closed with indicator answers only, DÅ08 open with Erik's and Maria's
 * answers): the comparison with DÅ04 in words, red goals with their figures, who has not answered
 * by name with "Påminn" for coordinators, the goal drill-down, snapshots on demand, and a channel
 * in the language of whoever linked it. Tuesday 24 November 2026, 09:00 in Stockholm.
 */
describe('management summary for chefs and coordinators (demo plan, DÅ08)', () => {
  jest.setTimeout(90_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2026-11-24T08:00:00Z');
  const anna = makePerson(DEMO_CURRENT_USER.email, DEMO_CURRENT_USER.name);
  const erik = makePerson(DEMO_COLLEAGUES[0].email, DEMO_COLLEAGUES[0].name);
  const maria = makePerson(DEMO_COLLEAGUES[1].email, DEMO_COLLEAGUES[1].name);
  const chef = makePerson('lena.chef@exempel.se', 'Lena Chef');
  const team = makeTeam('Regionledningen', ['Ledningsgrupp']);
  const channelId = team.channels[1]!.id;
  const inChannel = channelConversation(team.id, channelId);
  const english = makeTeam('Regional management', ['Leadership']);
  const englishId = english.channels[1]!.id;
  const inEnglish = channelConversation(english.id, englishId);
  let users: { anna: TeamsUser; annaEn: TeamsUser; erik: TeamsUser; chef: TeamsUser };

  const plain = (card: AdaptiveCard | null) => cardText(card).replace(/\u00a0/g, ' ');
  const cardOf = (sent: SentActivity | undefined) => (sent ? ((adaptiveCards(sent.activity)[0] ?? null) as AdaptiveCard | null) : null);
  const posts = (id: string) => stub.sent().filter((sent) => sent.conversationId === id);
  const lastIn = (id: string) =>
    stub
      .sent()
      .filter((sent) => sent.conversationId.startsWith(id))
      .at(-1);
  const inChannelInvoke = (activity: TeamsActivity) => {
    activity.conversation = inChannel.conversation;
    activity.channelData = { ...inChannel.channelData, source: { name: 'message' } };
  };
  const drain = async () => {
    await bot.service.scheduler.tick();
    await bot.service.scheduler.idle();
  };

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: anna.email, UTFALL_LANGUAGE: 'auto', SUMMARY_UPDATE_INTERVAL_SECONDS: '60' },
      { now: () => now, startScheduler: false },
    );
    users = {
      anna: new TeamsUser(anna, stub, bot.endpoint),
      annaEn: new TeamsUser(anna, stub, bot.endpoint, 'en-US'),
      erik: new TeamsUser(erik, stub, bot.endpoint),
      chef: new TeamsUser(chef, stub, bot.endpoint),
    };
    for (const person of [anna, erik, maria, chef]) stub.addPerson(person);
    for (const user of [users.anna, users.erik, users.chef, new TeamsUser(maria, stub, bot.endpoint)]) await user.install();
    const { year } = await importDemoPlan(bot.service.deps.importer, now, bot.config.timezone);
    expect(year).toBe(2026);
    await seedDemoAnswers(bot.service.repositories.responses, year, now);
    await drain(); // DÅ08 opens today
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when the coordinator links the channel, then the summary compares like with like in words and shows the red goal with its figures', async () => {
    await users.anna.say('koppla RS', { conversation: inChannel });
    await drain();

    const live = plain(cardOf(posts(channelId)[0]));
    expect(live).toContain('Måluppfyllelse – Delår per augusti 2026');
    expect(live).toContain('Pågår · sista svarsdag tisdag 15 december 2026');
    // DÅ04 had no goal bedömningar: the indicators assessed both times are compared, not "saknas −3".
    expect(live).toContain('Lika många gröna, gula och röda som i Delår per april 2026 (av 2 mätetal som bedömts båda gångerna).');
    expect(live).toContain('**Resultat i förhållande till budget:** -24,6 mnkr (mål minst 0 mnkr) · Prognosen för helåret är -40 mnkr.');
    expect(live).toContain('Alla mätetal');
    expect(live).not.toMatch(/indikator|\u2212/i);
  });

  test('when a chef opens "Vilka har inte svarat", then they see names and what is owed, with no "Påminn"; a forged "Påminn" is refused', async () => {
    const card = cardOf(posts(channelId)[0])!;
    const missing = await users.chef.click(card, 'Vilka har inte svarat (1)', {}, inChannelInvoke);

    expect(plain(missing)).toContain('Anna Lind');
    expect(plain(missing)).toContain(
      'Kvar: 3 mätetal och bedömningen i ”Arbetsmiljön ska vara hälsofrämjande och bidra till ett hållbart arbetsliv”; 1 mätetal i ”Regionen ska ha en ekonomi i balans”',
    );
    expect(plain(missing)).not.toContain(anna.email);
    expect(plain(missing)).not.toContain('Påminn');
    const forged = await users.chef.invoke('remind.preview', { unit: 'RS' }, inChannelInvoke);
    expect(plain(forged)).toContain('Bara samordnare kan skicka påminnelser');
  });

  test('when the coordinator opens the same list, then "Påminn" leads through the påminn confirmation to the reminder', async () => {
    const card = cardOf(posts(channelId)[0])!;
    const missing = await users.anna.click(card, 'Vilka har inte svarat (1)', {}, inChannelInvoke);
    const confirm = await users.anna.click(missing, 'Påminn dem som inte har svarat', {}, inChannelInvoke);
    expect(plain(confirm)).toContain('Påminna om Delår per augusti 2026?');
    expect(plain(confirm)).toContain('1 målägare har inte svarat klart');

    const before = stub.sent().filter((sent) => String(sent.activity.text ?? '').startsWith('Påminnelse')).length;
    const sent = await users.anna.click(confirm, 'Skicka påminnelse', {}, inChannelInvoke);
    expect(plain(sent)).toContain('1 påminnelse skickas nu.');
    await drain();
    const reminders = stub.sent().filter((one) => String(one.activity.text ?? '').startsWith('Påminnelse'));
    expect(reminders).toHaveLength(before + 1);
    expect(reminders.at(-1)!.conversationId).toBe(`a:personal-${anna.aadObjectId}`);
  });

  test('when a chef opens a goal, then each mätetal shows the target with its direction, the previous period and who answers it', async () => {
    const goal = plain(await users.chef.invoke('summary.goal', { code: 'DÅ08', year: 2026, goal: 'RS-G3' }, inChannelInvoke));

    expect(goal).toContain('Bedömning: ○ Röd');
    expect(goal).toContain('**Målägare:** Erik Berg');
    expect(goal).toContain('Utfall -24,6 mnkr · mål minst 0 mnkr · Förra perioden (DÅ04): -18,2 mnkr');
    expect(goal).toContain('Ansvarig: Erik Berg');
    expect(goal).toContain('Utfall saknas · mål minska till 250 mnkr');
    expect(goal).toContain('Ansvarig: Anna Lind');
  });

  test('when a coordinator whose Teams is in English links another channel, then that channel gets English cards and the first stays Swedish', async () => {
    await users.annaEn.say('link RS', { conversation: inEnglish });
    expect(String(lastIn(englishId)?.activity.text)).toContain('The channel is linked to Regionstyrelsen');
    await drain();
    const live = plain(cardOf(posts(englishId)[0]));
    expect(live).toContain('Goal attainment – Delår per augusti 2026');
    expect(live).toContain('In progress · deadline Tuesday 15 December 2026');
    expect(live).toContain('As many green, yellow and red as in Delår per april 2026 (of 2 indicators assessed both times).');
    // What is posted for everyone in the channel follows the channel, whoever asks.
    await users.chef.say('sammanfattning', { conversation: inEnglish });
    expect(plain(cardOf(lastIn(englishId)))).toContain('Snapshot 24 November 09:00, not updated · deadline Tuesday 15 December 2026');

    expect(await bot.service.repositories.links.localeOf(englishId)).toBe('en');
    expect(await bot.service.repositories.links.localeOf(channelId)).toBe('sv');
    expect(plain(cardOf(posts(channelId)[0]))).toContain('Måluppfyllelse – Delår per augusti 2026');
  });

  test('when someone asks for the summary on demand, then it is a marked snapshot and stays one after the period closes', async () => {
    await users.chef.say('sammanfattning', { conversation: inChannel });
    const snapshot = cardOf(lastIn(channelId))!;
    expect(plain(snapshot)).toContain('Ögonblicksbild 24 november 09:00, uppdateras inte · sista svarsdag tisdag 15 december 2026');
    expect(plain(snapshot)).not.toContain('Pågår');

    now = new Date('2026-12-23T08:00:00Z'); // after DÅ08 closes (today + 28 days)
    await drain();
    await drain();
    const final = posts(channelId)
      .map((sent) => plain(cardOf(sent)))
      .find((text) => text.includes('Slutlig sammanställning'));
    expect(final).toContain('Perioden är stängd. Svaren är låsta.');
    expect(plain(cardOf(posts(channelId)[0]))).toContain('Måluppfyllelse – Delår per augusti 2026');
    // The snapshot was never a live card: it still says when it was taken, and its way back is a new snapshot.
    expect(plain(snapshot)).toContain('Ögonblicksbild 24 november 09:00');
    const drilled = await users.chef.click(snapshot, 'Vilka har inte svarat (1)', {}, inChannelInvoke);
    const again = plain(await users.chef.click(drilled, 'Tillbaka till sammanfattningen', {}, inChannelInvoke));
    expect(again).toContain('Slutlig sammanställning – Delår per augusti 2026');
    expect(again).toContain('Ögonblicksbild 23 december 09:00, uppdateras inte · perioden är stängd');
    expect(again).not.toContain('Pågår');
  });
});
