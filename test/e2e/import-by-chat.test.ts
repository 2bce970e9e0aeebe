import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { fileAttachment, makePerson, messageActivity, postActivity, type TeamsPerson } from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';

describe('importing a plan by chat attachment', () => {
  let stub: ConnectorStub;
  let bot: TestService;
  const coordinator = makePerson('Karin.Controller@Region.Example', 'Karin Controller');
  const owner = makePerson('ulrika.nord@region.example', 'Ulrika Nord');

  beforeAll(async () => {
    stub = await startConnectorStub();
    stub.addPerson(coordinator);
    stub.addPerson(owner);
    bot = await startTestService({ UTFALL_COORDINATORS: 'karin.controller@region.example' });
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });
  beforeEach(() => stub.reset());

  async function sendImport(person: TeamsPerson, fileName: string, bytes: Buffer) {
    const url = stub.serveFile(`/${fileName}`, bytes);
    const activity = messageActivity({
      serviceUrl: stub.url,
      person,
      text: 'importera',
      attachments: [fileAttachment({ name: fileName, downloadUrl: url, fileType: fileName.split('.').pop() ?? '' })],
    });
    const response = await postActivity(bot.endpoint, activity);
    expect(response.status).toBe(200);
    const [sent] = await stub.waitForActivities(1, 4_000);
    return JSON.stringify(adaptiveCards(sent!.activity)[0] ?? sent!.activity.text);
  }

  test('when a coordinator attaches the Norrbotten plan, then it is imported and the summary card counts it', async () => {
    const card = await sendImport(coordinator, 'norrbotten-plan.json', readFixture(PLAN_FIXTURES.norrbotten));

    expect(card).toContain('Planen är importerad');
    expect(card).toContain('15 nya, 0 ändrade, 0 oförändrade');
    const stored = await bot.service.mongo.db.collection('indicators').countDocuments({ plan: 'NB-DIV-2022' });
    expect(stored).toBe(15);
  });

  test('when the same file is attached again, then nothing changes', async () => {
    const card = await sendImport(coordinator, 'norrbotten-plan.json', readFixture(PLAN_FIXTURES.norrbotten));
    expect(card).toContain('0 nya, 0 ändrade, 15 oförändrade');
  });

  test('when someone who is not a coordinator attaches a plan, then it is refused politely and nothing is written', async () => {
    const card = await sendImport(owner, 'halland-plan.json', readFixture(PLAN_FIXTURES.halland));

    expect(card).toContain('Bara samordnare kan importera planer');
    expect(await bot.service.mongo.db.collection('plans').countDocuments({ _id: 'HL-RGS-2022' as never })).toBe(0);
  });

  test('when the attachment is a PDF renamed to .xlsx, then the card says so and nothing is written', async () => {
    const card = await sendImport(coordinator, 'plan.xlsx', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'));
    expect(card).toContain('Inget importerades');
    expect(card).toContain('inte en Excel-fil');
  });

  test('when a CSV has a broken quote, then the card names the line and nothing is written', async () => {
    const csv =
      'enhet_id;år;perspektiv;mål_id;mål;målägare;mätetal_id;mätetal;typ\nRS;2026;"Medarbetare;G1;Mål;a@b.se;I1;Sjukfrånvaro;procent\n';
    const card = await sendImport(coordinator, 'plan.csv', Buffer.from(csv));
    expect(card).toContain('Inget importerades');
    expect(card).toContain('CSV-filen går inte att läsa');
  });

  test('when the word importera comes without a file, then the bot says how to attach one', async () => {
    await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person: coordinator, text: 'importera' }));
    const [sent] = await stub.waitForActivities(1, 3_000);
    expect(sent!.activity.text).toContain('Bifoga planen');
  });
});
