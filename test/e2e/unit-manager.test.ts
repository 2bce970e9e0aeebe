import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { fileAttachment, makePerson } from '../support/activities';
import { PLAN_FIXTURES, readFixture, readJsonFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

/**
 * A unit's manager (the plan's optional `manager`, `enhetschef` in XLSX/CSV): told after the deadline
 * which of the unit's answers are missing, once, and allowed the unit's summary in personal chat.
 */
describe('unit managers (Norrbotten with a chef for NB-DIV, Halland without)', () => {
  jest.setTimeout(90_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2022-04-30T07:00:00Z');
  const karin = makePerson('karin.controller@region.example', 'Karin Controller');
  const chef = makePerson('Disa.Chef@region.example', 'Disa Chef');
  const stranger = makePerson('sven.annan@region.example', 'Sven Annan');
  const users = new Map<string, TeamsUser>();
  const user = (person: { email: string }) => users.get(person.email)!;
  const lastText = async (who: TeamsUser, text: string) =>
    (await who.say(text)).map((reply) => reply.text || cardText(reply.card)).join('\n');

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: karin.email, SEND_RATE_PER_SECOND: '50' },
      { now: () => now, startScheduler: false },
    );
    for (const person of [karin, chef, stranger]) {
      stub.addPerson(person);
      users.set(person.email, new TeamsUser(person, stub, bot.endpoint));
      await user(person).install();
    }
    const norrbotten = readJsonFixture(PLAN_FIXTURES.norrbotten) as { units: { key: string; manager?: string }[] };
    norrbotten.units[0]!.manager = chef.email;
    for (const [name, bytes] of [
      ['norrbotten.json', Buffer.from(JSON.stringify(norrbotten))],
      ['halland.json', readFixture(PLAN_FIXTURES.halland)],
    ] as const) {
      const url = stub.serveFile(`/${name}`, bytes);
      const [imported] = await user(karin).say('importera', {
        attachments: [fileAttachment({ name, downloadUrl: url, fileType: 'json' })],
      });
      expect(cardText(imported!.card)).toContain('Planen är importerad');
    }
    const [confirm] = await user(karin).say('öppna period DÅ04');
    await user(karin).click(confirm!.card!, 'Skicka');
    await bot.service.scheduler.idle();
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when the manager writes "sammanfattning", then they get their unit\'s summary, and not another unit\'s', async () => {
    const own = await lastText(user(chef), 'sammanfattning');
    expect(own).toContain('Måluppfyllelse – Delår per april 2022');
    expect(own).toContain('Division (servicekompassen)');

    const other = await lastText(user(chef), 'sammanfattning HL-RGS');
    expect(other).toContain('Enheten ”Driftnämnden Regionservice” hör inte till det du är chef för');
    expect(other).not.toContain('Måluppfyllelse');
  });

  test('when someone who is neither coordinator nor manager asks, then they are told where the summary is', async () => {
    expect(await lastText(user(stranger), 'sammanfattning')).toContain('samordnare och enhetschefer');
  });

  test('when the manager writes "status", then they also see where their unit stands', async () => {
    const replies = await lastText(user(chef), 'status');
    expect(replies).toContain('Du har inget att svara på just nu.');
    expect(replies).toContain('målägare har svarat');
  });

  test("when the deadline has passed, then the manager gets the unit's missing list once, and the coordinator the whole list", async () => {
    now = new Date('2022-05-13T07:00:00Z');
    await bot.service.scheduler.tick();
    await bot.service.scheduler.tick();
    const listsTo = (person: { aadObjectId: string }) =>
      stub
        .sent()
        .filter(
          (sent) =>
            sent.conversationId === `a:personal-${person.aadObjectId}` &&
            String(sent.activity.text ?? '').includes('sista svarsdagen har passerat'),
        );
    const chefs = listsTo(chef).map((sent) => String(sent.activity.text));
    expect(chefs).toHaveLength(1);
    expect(chefs[0]).toMatch(
      /^Delår per april 2022, Division \(servicekompassen\): sista svarsdagen har passerat\. \d+ målägare har inte svarat klart: /,
    );
    expect(chefs[0]).not.toContain('halland');
    expect(listsTo(karin).filter((sent) => String(sent.activity.text).startsWith('Delår per april 2022'))).toHaveLength(1);

    await bot.service.scheduler.tick();
    expect(listsTo(chef)).toHaveLength(1);
  });
});
