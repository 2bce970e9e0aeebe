import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import type { AdaptiveCard } from '../../src/cards/render';
import { findNodes } from '../support/adaptive-card';
import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import {
  channelConversation,
  fileAttachment,
  invokeAdaptiveCardAction,
  makePerson,
  makeTeam,
  postActivity,
  type TeamsActivity,
} from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, findAction, TeamsUser } from '../support/teams-client';

/**
 * `rapport` end to end: the coordinator's card in personal chat (Word and Excel by Teams' file
 * consent, the web page by a signed link), a chef's in a linked channel (three signed links), the
 * links refused when tampered or expired, and the documents read back.
 */
describe('the compiled report, delivered (Norrbotten, DÅ04)', () => {
  jest.setTimeout(120_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let now = new Date('2022-05-02T07:00:00Z');
  const karin = makePerson('karin.controller@region.example', 'Karin Controller');
  const peter = makePerson('peter.sandberg@region.example', 'Peter Sandberg');
  const chef = makePerson('lena.chef@region.example', 'Lena Chef');
  const team = makeTeam('Ledningsgrupp division', ['Uppföljning']);
  const inChannel = channelConversation(team.id, team.channels[1]!.id);
  const users = new Map<string, TeamsUser>();
  const user = (person: { email: string }) => users.get(person.email)!;
  let personalCard: AdaptiveCard;

  const openUrl = (card: AdaptiveCard, title: string): string => {
    const action = findNodes(card, (type) => type === 'Action.OpenUrl').find((node) => node.title === title);
    if (!action) throw new Error(`no link "${title}" on the card`);
    return String(action.url);
  };

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: karin.email, SEND_RATE_PER_SECOND: '50' },
      { now: () => now, startScheduler: false },
    );
    stub.addTeam(team);
    for (const person of [karin, peter, chef]) {
      stub.addPerson(person);
      users.set(person.email, new TeamsUser(person, stub, bot.endpoint));
      await user(person).install();
    }
    const url = stub.serveFile('/plan.json', readFixture(PLAN_FIXTURES.norrbotten));
    await user(karin).say('importera', { attachments: [fileAttachment({ name: 'plan.json', downloadUrl: url, fileType: 'json' })] });
    const [confirm] = await user(karin).say('öppna period DÅ04');
    await user(karin).click(confirm!.card!, 'Skicka');
    await bot.service.scheduler.idle();
    // Peter answers sick leave the way the region wrote it.
    const form = await user(peter).invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P2-G1' });
    let saved = await user(peter).click(form, 'Spara', {
      'NB-P2-G1-I1.outcome': '6,3%',
      'NB-P2-G1-I1.comment': 'Högre än målet på 5 %.',
      'NB-P2-G1-I1.assessment': 'not_achieved',
    });
    if (cardText(saved).includes('stämmer det?')) saved = await user(peter).click(saved, 'Spara');
    expect(await bot.service.repositories.responses.listIndicatorResponses('NB-DIV-2022/DÅ04', ['NB-P2-G1-I1'])).toEqual([
      expect.objectContaining({ outcomeText: '6,3%' }),
    ]);
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when the coordinator writes "rapport" in personal chat, then a card says what it covers, with Word, Excel and the web page', async () => {
    const [reply] = await user(karin).say('rapport');
    personalCard = reply!.card!;
    const text = cardText(personalCard);
    expect(text).toContain('Rapport – Delår per april 2022');
    expect(text).toContain('Division (servicekompassen)');
    expect(text).toContain('Utkast: perioden pågår');
    expect(findAction(personalCard, 'Word (DOCX)').verb).toBe('report.file');
    expect(findAction(personalCard, 'Excel (XLSX)').verb).toBe('report.file');
    expect(openUrl(personalCard, 'Webbsida')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rapport\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.html$/);
  });

  test('when she clicks Word and accepts the file consent, then the DOCX is uploaded to her OneDrive and shown in the chat, with every value as typed', async () => {
    const action = findAction(personalCard, 'Word (DOCX)');
    const before = stub.sent().length;
    const response = await postActivity(
      bot.endpoint,
      invokeAdaptiveCardAction({ serviceUrl: stub.url, person: karin, verb: 'report.file', data: action.data }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('Godkänn uppladdningen'),
    });
    const consent = stub
      .sent()
      .slice(before)
      .map((sent) => sent.activity.attachments?.[0])
      .find((attachment) => attachment?.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    expect(consent).toBeDefined();
    const content = consent!.content as { acceptContext: Record<string, string>; sizeInBytes: number };
    const name = String(consent!.name);
    expect(name).toMatch(/\.docx$/);

    const accept: TeamsActivity = {
      ...invokeAdaptiveCardAction({ serviceUrl: stub.url, person: karin, verb: 'x', data: {} }),
      name: 'fileConsent/invoke',
      value: {
        type: 'fileUpload',
        action: 'accept',
        context: content.acceptContext,
        uploadInfo: {
          name,
          uploadUrl: stub.uploadUrl(name),
          contentUrl: `https://onedrive.example/${name}`,
          uniqueId: 'file-1',
          fileType: 'docx',
        },
      },
    };
    expect((await postActivity(bot.endpoint, accept)).status).toBe(200);
    const upload = stub.uploads().get(name);
    expect(upload).toBeDefined();
    expect(upload!.data.length).toBe(content.sizeInBytes);
    expect(upload!.contentRange).toBe(`bytes 0-${upload!.data.length - 1}/${upload!.data.length}`);
    const info = stub
      .sent()
      .map((sent) => sent.activity.attachments?.[0])
      .find((attachment) => attachment?.contentType === 'application/vnd.microsoft.teams.card.file.info');
    expect(info).toMatchObject({ name, contentUrl: `https://onedrive.example/${name}`, content: { uniqueId: 'file-1', fileType: 'docx' } });

    const docx = await JSZip.loadAsync(upload!.data);
    const xml = await docx.file('word/document.xml')!.async('string');
    // Values are written the Swedish way of SPEC §4 ("6,3 %" with a no-break space); the XLSX also keeps what was typed.
    expect(xml).toContain('6,3\u00a0%');
    expect(xml).toContain('Saknas');
  });

  test('when she declines, then she is told the file stays out and nothing is uploaded', async () => {
    const uploadsBefore = stub.uploads().size;
    const decline: TeamsActivity = {
      ...invokeAdaptiveCardAction({ serviceUrl: stub.url, person: karin, verb: 'x', data: {} }),
      name: 'fileConsent/invoke',
      value: { type: 'fileUpload', action: 'decline', context: {} },
    };
    expect((await postActivity(bot.endpoint, decline)).status).toBe(200);
    expect(String(stub.sent().at(-1)?.activity.text)).toContain('jag laddar inte upp filen');
    expect(stub.uploads().size).toBe(uploadsBefore);
  });

  test('when the web page link is opened without Teams, then the report comes with headers that keep it private', async () => {
    const response = await fetch(openUrl(personalCard, 'Webbsida'));
    expect({ status: response.status, body: response.status === 200 ? '' : await response.clone().text() }).toEqual({
      status: 200,
      body: '',
    });
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toMatch(/6,3(\u00a0|&nbsp;| )%/);
    expect(html).toContain('Saknas');
    expect(html).not.toContain('<script');
  });

  test('when a link is tampered with or has expired, then a readable page refuses it (403, 410) and shows no report', async () => {
    const url = openUrl(personalCard, 'Webbsida');
    const [, token] = /\/rapport\/(.+)\.html$/.exec(url)!;
    const [payload, signature] = token!.split('.') as [string, string];
    const widened = Buffer.from(
      JSON.stringify({ s: { units: ['NB-DIV', 'HL-RGS'], code: 'DÅ04', year: 2022, locale: 'sv' }, exp: 9_999_999_999 }),
    ).toString('base64url');
    const tampered = await fetch(url.replace(payload, widened));
    expect(tampered.status).toBe(403);
    const page = await tampered.text();
    expect(page).toContain('Länken är inte giltig');
    expect(page).not.toContain('6,3');
    expect((await fetch(url.replace(signature, `${signature.slice(0, -2)}AA`))).status).toBe(403);

    now = new Date(now.getTime() + 25 * 3600_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Den här länken har gått ut');
    now = new Date(now.getTime() - 25 * 3600_000);
  });

  test('when a chef writes "@Utfall rapport" in the linked channel, then the card carries three signed links, and the Excel has the value as a number', async () => {
    await user(karin).say('koppla NB-DIV', { conversation: inChannel });
    await bot.service.scheduler.idle();
    const replies = await user(chef).say('rapport', { conversation: inChannel });
    const card = replies.map((reply) => reply.card).find((candidate) => candidate !== null && cardText(candidate).includes('Rapport –'))!;
    expect(cardText(card)).toContain('Rapport – Delår per april 2022');
    const xlsx = await fetch(openUrl(card, 'Excel (XLSX)'));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])));
    expect(cells.some((cell) => cell === 6.3 || cell === 0.063)).toBe(true);
    expect(cells).toContain('6,3%');
    expect(cells.some((cell) => cell === 'Saknas')).toBe(true);
    expect((await fetch(openUrl(card, 'Word (DOCX)'))).status).toBe(200);

    // The channel's summary card has "Rapport": the same card, for whoever clicks, from the channel's links.
    const summary = stub
      .sent()
      .map((sent) => adaptiveCards(sent.activity)[0] as AdaptiveCard | undefined)
      .find((candidate) => candidate !== undefined && cardText(candidate).includes('Måluppfyllelse – Delår per april 2022'))!;
    const fromSummary = await user(chef).click(summary, 'Rapport', {}, (activity) => {
      activity.conversation = inChannel.conversation;
      activity.channelData = { ...inChannel.channelData, source: { name: 'message' } };
    });
    expect(cardText(fromSummary)).toContain('Rapport – Delår per april 2022');
    expect(openUrl(fromSummary, 'Webbsida')).toMatch(/\/rapport\/.+\.html$/);
  });

  test('when an owner who is neither coordinator nor manager asks in personal chat, then she is told who can', async () => {
    const [reply] = await user(peter).say('rapport');
    expect(reply!.text).toContain('Rapporten kan samordnare och enhetschefer be om');
    expect(adaptiveCards(stub.sent().at(-1)!.activity)).toHaveLength(0);
  });
});
