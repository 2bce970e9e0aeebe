import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { conversationUpdateMembersAdded, fileAttachment, installationUpdate, makePerson, postActivity } from '../support/activities';
import { PLAN_FIXTURES, readFixture, readJsonFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { TeamsUser } from '../support/teams-client';

interface PlanShape {
  plans: { perspectives: { goals: { owners: string[]; indicators: { owner: string; periods: string[] }[] }[] }[] }[];
}

const plan = readJsonFixture(PLAN_FIXTURES.norrbotten) as PlanShape;
const OWNERS = [...new Set(plan.plans[0]!.perspectives.flatMap((p) => p.goals.flatMap((g) => g.owners)))].sort();

describe('an owner who installs Utfall after the period opened', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2022-04-30T07:00:00Z');
  const coordinator = makePerson('karin.controller@region.example', 'Karin Controller');
  let karin: TeamsUser;
  const [late, afterClose, ...early] = OWNERS.map((email) => makePerson(email));
  const userOf = (person: ReturnType<typeof makePerson>) => new TeamsUser(person, stub, bot.endpoint);
  const inboxesOf = (person: ReturnType<typeof makePerson>) =>
    stub
      .sent()
      .filter((sent) => sent.conversationId === `a:personal-${person.aadObjectId}` && JSON.stringify(sent.activity).includes('dina mål'));

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({ UTFALL_COORDINATORS: coordinator.email }, { now: () => now, startScheduler: false });
    karin = new TeamsUser(coordinator, stub, bot.endpoint);
    for (const person of [coordinator, late!, afterClose!, ...early]) stub.addPerson(person);
    await karin.install();
    for (const person of early) await userOf(person).install();
    // afterClose had the app once (greeted), then removed it before the period opened.
    await userOf(afterClose!).install();
    await postActivity(bot.endpoint, installationUpdate({ serviceUrl: stub.url, person: afterClose!, action: 'remove' }));
    const url = stub.serveFile('/plan.json', readFixture(PLAN_FIXTURES.norrbotten));
    await karin.say('importera', { attachments: [fileAttachment({ name: 'plan.json', downloadUrl: url, fileType: 'json' })] });
    const [confirm] = await karin.say('öppna period DÅ04');
    await karin.click(confirm!.card!, 'Skicka');
    await bot.service.scheduler.idle();
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('the coordinator is told who could not be reached and that they get their card on install', () => {
    const report = stub
      .sent()
      .filter(
        (sent) =>
          sent.conversationId === `a:personal-${coordinator.aadObjectId}` &&
          typeof sent.activity.text === 'string' &&
          sent.activity.text.includes('har fått sitt kort'),
      );
    // Names where Utfall knows them (afterClose installed once), else the address.
    expect(report.map((sent) => sent.activity.text)).toEqual([
      `Delår per april 2022 (Division (servicekompassen)): ${early.length} av ${early.length + 2} målägare har fått sitt kort. Ej nåbara (2): ${late!.email}, ${afterClose!.name}. De får sitt kort så snart de installerar Utfall.`,
    ]);
    expect(inboxesOf(late!)).toHaveLength(0);
  });

  test('when they install (Teams sends two install events at once), then they are greeted once, told the card follows, and get it once', async () => {
    const user = userOf(late!);
    // As Teams and the Agents Playground do: installationUpdate and conversationUpdate together.
    const responses = await Promise.all([
      postActivity(bot.endpoint, installationUpdate({ serviceUrl: stub.url, person: late!, action: 'add' })),
      postActivity(bot.endpoint, conversationUpdateMembersAdded({ serviceUrl: stub.url, person: late!, scope: 'personal' })),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    // Whichever event greets learns that a card is on its way, even if the other one enqueued it.
    await expect(bot.service.deps.collect.promptAfterInstall(late!.email)).resolves.toEqual({ due: 1, created: 0 });
    const welcomes = stub
      .sent()
      .filter(
        (sent) => sent.conversationId === `a:personal-${late!.aadObjectId}` && JSON.stringify(sent.activity).includes('Jag är Utfall'),
      );
    expect(welcomes).toHaveLength(1);
    expect(JSON.stringify(welcomes[0]!.activity)).toContain('En period är öppen nu: ditt kort kommer här nedanför.');
    await bot.service.scheduler.idle();
    expect(inboxesOf(late!)).toHaveLength(1);
    expect(JSON.stringify(inboxesOf(late!)[0]!.activity)).toContain('Delår per april 2022 – dina mål');

    await user.install();
    await bot.service.scheduler.idle();
    expect(inboxesOf(late!)).toHaveLength(1);
  });

  test('when an owner who already got the card installs again, then no second card is sent', async () => {
    const first = early[0]!;
    expect(inboxesOf(first)).toHaveLength(1);
    await userOf(first).install();
    await bot.service.scheduler.idle();
    expect(inboxesOf(first)).toHaveLength(1);
  });

  test('when the late card cannot be delivered (Teams answers 403), then the next install tries again, and it arrives once', async () => {
    const conversation = `a:personal-${afterClose!.aadObjectId}`;
    stub.failNext(1, { status: 403 }, { method: 'POST', pathIncludes: conversation });
    await userOf(afterClose!).install(); // greeted already, at the first install: only the card is sent
    await bot.service.scheduler.idle();
    expect(inboxesOf(afterClose!)).toHaveLength(0);
    expect(stub.requests().filter((request) => request.failedWith === 403)).toHaveLength(1);

    await userOf(afterClose!).install();
    await bot.service.scheduler.idle();
    expect(inboxesOf(afterClose!)).toHaveLength(1);
    await userOf(afterClose!).install();
    await bot.service.scheduler.idle();
    expect(inboxesOf(afterClose!)).toHaveLength(1);
  });

  test('after the period closes, no card is due for it on install', async () => {
    now = new Date('2022-05-20T07:00:00Z');
    const [confirm] = await karin.say('stäng period DÅ04');
    await karin.click(confirm!.card!, 'Stäng perioden');
    await expect(bot.service.deps.collect.promptAfterInstall(late!.email)).resolves.toEqual({ due: 0, created: 0 });
    await expect(bot.service.deps.collect.promptAfterInstall(afterClose!.email)).resolves.toEqual({ due: 0, created: 0 });
  });
});
