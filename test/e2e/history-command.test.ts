import type { AdaptiveCard } from '../../src/cards/render';
import { fileAttachment, makePerson } from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { TeamsUser } from '../support/teams-client';

/** The card's TextBlocks, in order. */
function texts(card: AdaptiveCard | null): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as { type?: unknown; text?: unknown };
    if (element.type === 'TextBlock' && typeof element.text === 'string') found.push(element.text);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

describe('historik <nyckel> (Norrbotten, DÅ04)', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2022-04-30T07:00:00Z');
  const minutesLater = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
  const karin = makePerson('karin.controller@region.example', 'Karin Controller');
  const peter = makePerson('peter.sandberg@region.example', 'Peter Sandberg');
  const anna = makePerson('anna.kollega@region.example', 'Anna Kollega');
  const users = new Map<string, TeamsUser>();
  const user = (person: { email: string }) => users.get(person.email)!;
  const historyCount = () => bot.service.mongo.db.collection('history').countDocuments({});

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: karin.email, SEND_RATE_PER_SECOND: '50' },
      { now: () => now, startScheduler: false },
    );
    for (const person of [karin, peter, anna]) {
      stub.addPerson(person);
      users.set(person.email, new TeamsUser(person, stub, bot.endpoint));
      await users.get(person.email)!.install();
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

  test('when someone who is not a coordinator asks, then they are told who may, and nothing is written', async () => {
    const before = await historyCount();
    const [reply] = await user(peter).say('historik NB-P2-G1-I1');
    expect(reply?.text).toContain('Bara samordnare kan se historiken');
    expect(reply?.card).toBeNull();
    expect(await historyCount()).toBe(before);
  });

  test('when an indicator is answered, delegated, answered again and taken back, then the coordinator sees each change, newest first, in Swedish time', async () => {
    minutesLater(60); // 09:00 in Stockholm becomes 10:00
    const form = await user(peter).invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P2-G1' });
    await user(peter).click(form, 'Spara', {
      'NB-P2-G1-I1.outcome': '6,3 %',
      'NB-P2-G1-I1.assessment': 'not_achieved',
      'NB-P2-G1-I1.comment': 'Ökat under våren.',
    });
    minutesLater(5);
    await user(peter).say('delegera NB-P2-G1-I1 anna.kollega@region.example');
    minutesLater(5);
    const delegated = await user(anna).invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P2-G1' });
    await user(anna).click(delegated, 'Spara', {
      'NB-P2-G1-I1.outcome': '5,9 %',
      'NB-P2-G1-I1.assessment': 'partly',
      'NB-P2-G1-I1.comment': 'Rättat efter ny körning.',
    });
    minutesLater(5);
    await user(peter).say('delegera tillbaka NB-P2-G1-I1');

    const [reply] = await user(karin).say('historik NB-P2-G1-I1');

    const lines = texts(reply!.card);
    expect(lines[0]).toBe('Historik för NB-P2-G1-I1');
    expect(lines[1]).toMatch(/^Mätetal: /);
    expect(lines.slice(2)).toEqual([
      '30 april 2022 10:15 · peter.sandberg@region.example',
      'Tillbaka till peter.sandberg@region.example (var delegerat till anna.kollega@region.example)',
      '30 april 2022 10:10 · Anna Kollega (anna.kollega@region.example)',
      'Delår per april 2022, version 2',
      'Utfall: ”6,3 %” → ”5,9 %”',
      'Bedömning: Röd → Gul',
      'Kommentar: ”Ökat under våren.” → ”Rättat efter ny körning.”',
      '30 april 2022 10:05 · peter.sandberg@region.example',
      'Delegerat från peter.sandberg@region.example till anna.kollega@region.example',
      '30 april 2022 10:00 · Peter Sandberg (peter.sandberg@region.example)',
      'Delår per april 2022, version 1',
      'Utfall: (tomt) → ”6,3 %”',
      'Bedömning: (tomt) → Röd',
      'Kommentar: (tomt) → ”Ökat under våren.”',
    ]);
  });

  test('when a goal has more than 20 changes, then the 20 latest are shown and the card says so', async () => {
    const place = { goal: 'NB-P1-G1', plan: 'NB-DIV-2022', unit: 'NB-DIV', perspective: 'NB-P1', period: 'NB-DIV-2022/DÅ04' };
    const author = { email: 'ulrika.nord@region.example', name: 'Ulrika Nord' };
    for (let version = 1; version <= 25; version += 1) {
      minutesLater(1);
      await bot.service.repositories.responses.saveGoal(
        place,
        { assessment: 'partly', analysis: `Analys ${version}` },
        version - 1,
        author,
        now,
      );
    }

    const [reply] = await user(karin).say('history NB-P1-G1');

    const lines = texts(reply!.card);
    expect(lines.filter((line) => line.startsWith('Delår per april 2022, version'))).toHaveLength(20);
    expect(lines).toContain('Delår per april 2022, version 25');
    expect(lines).not.toContain('Delår per april 2022, version 5');
    expect(lines.at(-1)).toBe('Visar de 20 senaste av 25 ändringar.');
    expect(lines[1]).toMatch(/^Mål: /);
  });

  test('when the key is unknown or missing, then it says so', async () => {
    expect((await user(karin).say('historik NB-X-1'))[0]?.text).toContain('Jag hittar inget mätetal eller mål med nyckeln ”NB-X-1”');
    expect((await user(karin).say('historik'))[0]?.text).toContain('Skriv så här: **historik <nyckel>**');
  });
});
