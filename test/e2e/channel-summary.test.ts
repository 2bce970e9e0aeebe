import type { AdaptiveCard } from '../../src/cards/render';
import { cardBytes } from '../../src/cards/render';
import { adaptiveCards, startConnectorStub, type ConnectorStub, type SentActivity } from '../support/connector-stub';
import { channelConversation, fileAttachment, makePerson, makeTeam } from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, currentInputs, TeamsUser } from '../support/teams-client';

/**
 * A whole DÅ04 period of the Norrbotten plan with the injected clock: a management channel is
 * linked, the period opens, answers arrive, the channel's card is updated in place, reminders go out
 * on the schedule and by command, the deadline passes, the period closes with a final summary.
 * Deadline 2022-05-12 (Thursday): reminder slots 2022-05-03 (7 working days before), 2022-05-10 (2)
 * and the deadline's morning. Stockholm is UTC+2 in May.
 */
describe('management channel summary, reminders and coordinator commands (Norrbotten, DÅ04)', () => {
  jest.setTimeout(90_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2022-04-29T07:00:00Z');
  const setNow = (iso: string) => (now = new Date(iso));
  const karin = makePerson('karin.controller@region.example', 'Karin Controller');
  const chef = makePerson('chef.ledning@region.example', 'Lena Chef');
  const ulrika = makePerson('ulrika.nord@region.example');
  const peter = makePerson('peter.sandberg@region.example');
  const malin = makePerson('malin.hogberg@region.example');
  const team = makeTeam('Ledningsgrupp division', ['Uppföljning']);
  const channelId = team.channels[1]!.id;
  const inChannel = channelConversation(team.id, channelId);
  const users = new Map<string, TeamsUser>();
  const user = (person: { email: string }) => users.get(person.email)!;

  const channelPosts = () => stub.sent().filter((sent) => sent.conversationId === channelId);
  const channelUpdates = () => stub.updates().filter((update) => update.conversationId === channelId);
  const personal = (person: { aadObjectId: string }) =>
    stub.sent().filter((sent) => sent.conversationId === `a:personal-${person.aadObjectId}`);
  const reminders = (person: { aadObjectId: string }) =>
    personal(person).filter((sent) => String(sent.activity.text ?? '').startsWith('Påminnelse'));
  const cardOf = (sent: { activity: SentActivity['activity'] } | undefined) =>
    sent ? (adaptiveCards(sent.activity)[0] as AdaptiveCard) : null;
  const channelSay = async (who: TeamsUser, text: string) => void (await who.say(text, { conversation: inChannel }));
  /** The bot's latest message in the channel (a reply in a thread has the thread's conversation id). */
  const lastInChannel = (): SentActivity | undefined =>
    stub
      .sent()
      .filter((sent) => sent.conversationId.startsWith(channelId))
      .at(-1);
  const inChannelInvoke = (activity: { conversation: unknown; channelData: unknown }) => {
    activity.conversation = inChannel.conversation;
    activity.channelData = { ...inChannel.channelData, source: { name: 'message' } };
  };

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: karin.email, SEND_RATE_PER_SECOND: '50', SUMMARY_UPDATE_INTERVAL_SECONDS: '60' },
      { now: () => now, startScheduler: false },
    );
    for (const person of [karin, chef, ulrika, peter, malin]) {
      stub.addPerson(person);
      users.set(person.email, new TeamsUser(person, stub, bot.endpoint));
      await users.get(person.email)!.install();
    }
    const url = stub.serveFile('/norrbotten-plan.json', readFixture(PLAN_FIXTURES.norrbotten));
    const [imported] = await user(karin).say('importera', {
      attachments: [fileAttachment({ name: 'norrbotten-plan.json', downloadUrl: url, fileType: 'json' })],
    });
    expect(cardText(imported!.card)).toContain('Planen är importerad');
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when someone links in the wrong place, without the role or with an unknown unit, then they get a specific answer and nothing is linked', async () => {
    const [personalAnswer] = await user(karin).say('koppla NB-DIV');
    expect(personalAnswer!.text).toContain('skriver du i en kanal');

    await channelSay(user(chef), 'koppla NB-DIV');
    const refusal = lastInChannel();
    expect(String(refusal?.activity.text)).toContain('Bara samordnare kan koppla kanaler till enheter');

    await channelSay(user(karin), 'koppla Divsion servicekompasen');
    const unknown = lastInChannel();
    expect(String(unknown?.activity.text)).toContain('Jag hittar');
    expect(await bot.service.repositories.links.unitsOf(channelId)).toEqual([]);
  });

  test('when the coordinator links the channel by the unit name, accents and case aside, then the channel follows it', async () => {
    await channelSay(user(karin), 'KOPPLA division (servicekompassen)');
    const answer = lastInChannel();
    expect(String(answer?.activity.text)).toContain('Kanalen är kopplad till Division (servicekompassen)');
    expect(await bot.service.repositories.links.unitsOf(channelId)).toEqual(['NB-DIV']);

    await channelSay(user(chef), 'kopplingar');
    const listed = lastInChannel();
    expect(String(listed?.activity.text)).toBe('Kanalen följer: Division (servicekompassen).');
  });

  test('when DÅ04 opens, then the channel gets one summary card with exact counts', async () => {
    setNow('2022-04-30T07:00:00Z');
    const [confirm] = await user(karin).say('öppna period DÅ04');
    await user(karin).click(confirm!.card!, 'Skicka');
    await bot.service.scheduler.idle();
    await bot.service.scheduler.tick();

    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    const text = cardText(cardOf(posts[0]));
    expect(text).toContain('Måluppfyllelse – Delår per april 2022');
    expect(text).toContain('0 av 3 målägare har svarat, 0\u00a0%');
    expect(text).toContain('Verksamhet');
    expect(text).toContain('Vilka har inte svarat (3)');
    expect(cardBytes(cardOf(posts[0])!)).toBeLessThan(40_000);
  });

  test('when the first reminder slot comes, then only owners with something missing get one, once, in office hours', async () => {
    // Malin answers everything before the first reminder.
    setNow('2022-05-02T08:00:00Z');
    await answerEverything(user(malin), 'NB-P3-G1', { 'NB-P3-G1.assessment': 'achieved' });

    setNow('2022-05-03T04:00:00Z'); // 06:00 in Stockholm: too early
    await bot.service.scheduler.tick();
    expect(reminders(ulrika)).toHaveLength(0);

    setNow('2022-05-03T07:30:00Z'); // 09:30
    const first = await bot.service.scheduler.tick();
    expect(first.reminders.slots).toEqual(['NB-DIV-2022/DÅ04/7wd']);
    await bot.service.scheduler.tick();
    setNow('2022-05-03T12:00:00Z');
    await bot.service.scheduler.tick();
    expect(reminders(ulrika)).toHaveLength(1);
    expect(reminders(peter)).toHaveLength(1);
    expect(reminders(malin)).toHaveLength(0);
    expect(reminders(karin)).toHaveLength(0);
    expect(String(reminders(peter)[0]!.activity.text)).toBe(
      'Påminnelse: 1 av 1 mål återstår i Delår per april 2022. Sista svarsdag är torsdag 12 maj 2022.',
    );
  });

  test('when answers arrive in a burst, then the channel card is updated in place at most once per interval and shows the last answer', async () => {
    const live = channelPosts()[0]!;
    // Malin's answer (before) plus two saves by Peter within one minute.
    setNow('2022-05-04T08:00:05Z');
    await answerEverything(
      user(peter),
      'NB-P2-G1',
      { 'NB-P2-G1.assessment': 'not_achieved', 'NB-P2-G1.analysis': 'Sjukfrånvaron har ökat under våren.' },
      { 'NB-P2-G1-I1': ['6,3%', 'not_achieved', 'Högre än målet på 5 %.'] },
    );
    setNow('2022-05-04T08:00:30Z');
    await answerEverything(
      user(peter),
      'NB-P2-G1',
      { 'NB-P2-G1.assessment': 'not_achieved', 'NB-P2-G1.analysis': 'Sjukfrånvaron har ökat under våren; åtgärder pågår.' },
      { 'NB-P2-G1-I1': ['6,3%', 'not_achieved', 'Högre än målet på 5 %.'] },
    );
    setNow('2022-05-04T08:00:40Z');
    const updatesBefore = channelUpdates().length;
    await bot.service.scheduler.tick(); // the slot has not ended: no update yet
    expect(channelUpdates().length).toBe(updatesBefore);

    setNow('2022-05-04T08:01:10Z');
    await bot.service.scheduler.tick();
    const updates = channelUpdates().slice(updatesBefore);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.activityId).toBe(live.id);
    expect(channelPosts()).toHaveLength(1);
    const text = cardText(adaptiveCards(updates[0]!.activity)[0] as AdaptiveCard);
    expect(text).toContain('2 av 3 målägare har svarat, 67\u00a0%');
    expect(text).toContain('Röda mål (1)');
    expect(text).toContain('Sjukfrånvaron har ökat under våren; åtgärder pågår.');

    setNow('2022-05-04T08:05:00Z');
    await bot.service.scheduler.tick();
    expect(channelUpdates().length).toBe(updatesBefore + 1);
  });

  test('when a manager drills down from the channel card, then they see a perspective, a goal and who has not answered, read-only', async () => {
    const card = cardOf(channelPosts()[0])!;
    const perspective = await user(chef).click(card, 'Medarbetare', {}, inChannelInvoke);
    expect(cardText(perspective)).toContain('Perspektiv: Medarbetare');
    expect(cardText(perspective)).toContain('Bedömning: ○ Röd');
    const goal = await user(chef).invoke('summary.goal', { code: 'DÅ04', year: 2022, goal: 'NB-P2-G1' }, inChannelInvoke);
    expect(cardText(goal).replace(/\u00a0/g, ' ')).toContain('Utfall 6,3 %');
    expect(cardText(goal)).toContain('Högre än målet på 5 %.');
    const missing = await user(chef).invoke('summary.missing', { code: 'DÅ04', year: 2022 }, inChannelInvoke);
    expect(cardText(missing)).toContain('Har inte svarat klart (1)');
    expect(cardText(missing)).toContain('Ulrika Nord');
    // From personal chat a non-coordinator gets nothing, whatever the payload says.
    const refused = await user(chef).invoke('summary.missing', { code: 'DÅ04', year: 2022, units: ['NB-DIV'] });
    expect(cardText(refused)).not.toContain('ulrika.nord');
  });

  test('when anyone asks for the summary in the channel, then it is shown there; in personal chat only coordinators get it', async () => {
    await channelSay(user(chef), 'sammanfattning');
    const shown = lastInChannel();
    expect(cardText(cardOf(shown))).toContain('2 av 3 målägare har svarat');
    const [refused] = await user(chef).say('sammanfattning');
    expect(refused!.text).toContain('Sammanfattningen visas i en kopplad kanal');
    const [mine] = await user(karin).say('sammanfattning NB-DIV DÅ04');
    expect(cardText(mine!.card)).toContain('2 av 3 målägare har svarat');
  });

  test('when the coordinator writes "paminn", then a confirmation says how many and only they get a reminder, once', async () => {
    const [refused] = await user(peter).say('påminn');
    expect(refused!.text).toContain('Bara samordnare kan skicka påminnelser');

    setNow('2022-05-05T09:00:00Z');
    const [confirm] = await user(karin).say('paminn');
    expect(cardText(confirm!.card)).toContain('1 målägare har inte svarat klart');
    const before = { ulrika: reminders(ulrika).length, peter: reminders(peter).length };
    // A forwarded confirmation clicked by someone else sends nothing and says why.
    const notTheirs = await user(peter).click(confirm!.card!, 'Skicka påminnelse');
    expect(cardText(notTheirs)).toMatch(/"Det gick inte"[\s\S]*Bara samordnare kan skicka påminnelser/);
    const sent = await user(karin).click(confirm!.card!, 'Skicka påminnelse');
    expect(cardText(sent)).toContain('1 påminnelse skickas nu.');
    await user(karin).click(confirm!.card!, 'Skicka påminnelse'); // a double click
    await bot.service.scheduler.idle();
    await bot.service.scheduler.tick();
    expect(reminders(ulrika)).toHaveLength(before.ulrika + 1);
    expect(reminders(peter)).toHaveLength(before.peter);
  });

  test('when the deadline passes with answers missing, then the coordinator gets the list once and nobody who answered is reminded', async () => {
    setNow('2022-05-10T07:00:00Z'); // 2 working days before: only Ulrika is still missing
    await bot.service.scheduler.tick();
    expect(reminders(ulrika).length).toBeGreaterThanOrEqual(3);
    expect(reminders(peter)).toHaveLength(1);
    expect(reminders(malin)).toHaveLength(0);

    setNow('2022-05-13T07:00:00Z'); // the morning after the deadline
    await bot.service.scheduler.tick();
    await bot.service.scheduler.tick();
    const lists = personal(karin).filter((sent) => String(sent.activity.text ?? '').includes('sista svarsdagen har passerat'));
    expect(lists.map((sent) => sent.activity.text)).toEqual([
      'Delår per april 2022: sista svarsdagen har passerat. 1 målägare har inte svarat klart: ulrika.nord@region.example.',
    ]);
  });

  test('when the period is closed, then the live card is updated one last time and a final summary is posted', async () => {
    const updatesBefore = channelUpdates().length;
    const [confirm] = await user(karin).say('stäng period DÅ04');
    expect(cardText(confirm!.card)).toContain('Stänga Delår per april 2022?');
    await user(karin).click(confirm!.card!, 'Stäng perioden');
    await bot.service.scheduler.idle();
    await bot.service.scheduler.tick();
    const posts = channelPosts();
    expect(posts).toHaveLength(2);
    expect(cardText(cardOf(posts[1]))).toContain('Slutlig sammanställning – Delår per april 2022');
    expect(cardText(cardOf(posts[1]))).toContain('Perioden är stängd');
    expect(channelUpdates().length).toBe(updatesBefore + 1);
    await bot.service.scheduler.tick();
    expect(channelPosts()).toHaveLength(2);
  });
});

/** Opens the goal's form and saves every indicator: "mäts senare" unless a value is given as [typed, assessment, comment]. */
async function answerEverything(
  user: TeamsUser,
  goalKey: string,
  goalFields: Record<string, string>,
  values: Record<string, [string, string, string]> = {},
): Promise<AdaptiveCard> {
  const form = await user.invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: goalKey });
  const typed: Record<string, string> = { ...goalFields };
  for (const key of Object.keys(currentInputs(form))
    .filter((id) => id.endsWith('.outcome'))
    .map((id) => id.slice(0, -'.outcome'.length))) {
    const value = values[key];
    if (value) Object.assign(typed, { [`${key}.outcome`]: value[0], [`${key}.assessment`]: value[1], [`${key}.comment`]: value[2] });
    else Object.assign(typed, { [`${key}.na`]: 'true', [`${key}.comment`]: 'Mäts senare.' });
  }
  const saved = await user.click(form, 'Spara', typed);
  expect(cardText(saved)).not.toContain('Något behöver rättas');
  return saved;
}
