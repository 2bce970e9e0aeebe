import { readdirSync } from 'node:fs';
import os from 'node:os';
import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson, messageActivity, postActivity } from '../support/activities';
import { startTestService, type TestService } from '../support/service';

describe('help in personal chat', () => {
  let stub: ConnectorStub;
  let bot: TestService;

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService();
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });
  beforeEach(() => stub.reset());

  test('when a person writes "hjälp", then the bot answers with a Swedish help card', async () => {
    const person = makePerson('anna.berg@region.example', 'Anna Berg');
    const response = await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjälp' }));

    expect(response.status).toBe(200);
    const [sent] = await stub.waitForActivities(1, 3_000);
    const card = JSON.stringify(adaptiveCards(sent!.activity)[0]);
    expect(card).toContain('Utfall – så fungerar det');
    expect(card).toContain('öppna period');
    expect(card).toContain('"version":"1.5"');
    expect(card).not.toContain('${');
    // Auth is off without BOT_ID: the bot must not have asked for or sent a token.
    expect(stub.requests().every((request) => request.headers.authorization === undefined)).toBe(true);
  });

  test('when the Teams locale is English, then the help card is in English', async () => {
    const person = makePerson('erik.lind@region.example', 'Erik Lind');
    await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'help', locale: 'en-GB' }));

    const [sent] = await stub.waitForActivities(1, 3_000);
    const card = JSON.stringify(adaptiveCards(sent!.activity)[0]);
    expect(card).toContain('Utfall – how it works');
    expect(card).not.toContain('så fungerar det');
  });

  test('when the command is misspelt without accents, then one line suggests the closest command and points to hjälp', async () => {
    const person = makePerson('anna.berg@region.example', 'Anna Berg');
    await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'hjalpp' }));

    const [sent] = await stub.waitForActivities(1, 3_000);
    expect(sent!.activity.text).toBe('Jag förstod inte ”hjalpp”. Menade du **hjälp**? Skriv **hjälp** för att se vad jag kan.');
    expect(adaptiveCards(sent!.activity)).toHaveLength(0);
  });

  test('when an English speaker misspells a command, then the suggestion is the English word', async () => {
    const person = makePerson('erik.lind@region.example', 'Erik Lind');
    await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'opn period DÅ08', locale: 'en-GB' }));

    const [sent] = await stub.waitForActivities(1, 3_000);
    expect(sent!.activity.text).toBe(
      'I did not understand “opn period DÅ08”. Did you mean **open period**? Write **help** to see what I can do.',
    );
  });

  test('when the word is no command at all, then one line says so, suggests nothing and points to hjälp', async () => {
    const person = makePerson('anna.berg@region.example', 'Anna Berg');
    await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'blomkål' }));

    const [sent] = await stub.waitForActivities(1, 3_000);
    expect(sent!.activity.text).toBe('Jag förstod inte ”blomkål”. Skriv **hjälp** för att se vad jag kan.');
  });

  test('when the body is malformed or not an activity, then the endpoint answers 400 and keeps serving', async () => {
    const broken = await fetch(bot.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    const notActivity = await postActivity(bot.endpoint, { hello: 'world' });
    const health = await fetch(`${bot.service.server.url}/healthz`);

    expect(broken.status).toBe(400);
    expect(notActivity.status).toBe(400);
    expect(health.status).toBe(200);
  });

  test('when the body is multipart or plain text, then the endpoint answers 415 without reading it, and no upload lands in the temp directory', async () => {
    const tempBefore = new Set(readdirSync(os.tmpdir()).filter((name) => name.startsWith('upload_')));
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(3 * 1024 * 1024, 'a')]), 'big.bin');
    const multipart = await fetch(bot.endpoint, { method: 'POST', body: form });
    const text = await fetch(bot.endpoint, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"type":"message"}' });

    expect(multipart.status).toBe(415);
    expect(text.status).toBe(415);
    expect(readdirSync(os.tmpdir()).filter((name) => name.startsWith('upload_') && !tempBefore.has(name))).toEqual([]);
  });

  test('when the database answers, then /readyz is 200', async () => {
    const ready = await fetch(`${bot.service.server.url}/readyz`);
    expect(ready.status).toBe(200);
  });
});

describe('an organisation that sets UTFALL_LANGUAGE=sv', () => {
  let stub: ConnectorStub;
  let bot: TestService;

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({ UTFALL_LANGUAGE: 'sv' });
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when a person whose Teams is in English writes "help", then the help card is Swedish all the same', async () => {
    const person = makePerson('erik.lind@region.example', 'Erik Lind');
    await postActivity(bot.endpoint, messageActivity({ serviceUrl: stub.url, person, text: 'help', locale: 'en-US' }));

    const [sent] = await stub.waitForActivities(1, 3_000);
    const card = JSON.stringify(adaptiveCards(sent!.activity)[0]);
    expect(card).toContain('Utfall – så fungerar det');
    expect(card).not.toContain('how it works');
  });
});
