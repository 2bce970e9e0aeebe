import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsInfo, type ConversationReference } from 'botbuilder';
import { makePerson, personalConversationId, TEST_BOT_ID, TEST_TENANT_ID } from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';

const CHANNEL_THREAD = '19:4f1c2a9e8b7d4c3aa1b2c3d4e5f60718@thread.tacv2;messageid=1717000000000';

let stub: ConnectorStub;

beforeAll(async () => {
  stub = await startConnectorStub();
});

afterEach(() => stub.reset());

afterAll(async () => {
  await stub.stop();
});

function postJson(path: string, body: unknown, method = 'POST'): Promise<Response> {
  return fetch(new URL(path, stub.url), {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe(startConnectorStub.name, () => {
  test('when a send names an URL-encoded Teams conversation id, then the stub records it decoded', async () => {
    const path = `v3/conversations/${encodeURIComponent(CHANNEL_THREAD)}/activities/1717000000000`;

    const response = await postJson(path, { type: 'message', text: 'hej' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: expect.any(String) });
    const [sent] = stub.sent();
    expect(sent).toMatchObject({ conversationId: CHANNEL_THREAD, replyToId: '1717000000000', activity: { text: 'hej' } });
    expect(stub.requests()[0]).toMatchObject({ conversationId: CHANNEL_THREAD, replyToId: '1717000000000', status: 200 });
  });

  test('when a 429 is injected, then the next call gets Retry-After and an error body, and the one after succeeds', async () => {
    stub.failNext(1, { status: 429, retryAfterSeconds: 2 }, { method: 'POST', pathIncludes: '/activities' });
    const path = `v3/conversations/${encodeURIComponent('a:personal-x')}/activities`;

    const throttled = await postJson(path, { type: 'message', text: 'one' });
    const accepted = await postJson(path, { type: 'message', text: 'one' });

    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(await throttled.json()).toEqual({ error: { code: 'Throttled', message: expect.any(String) } });
    expect(accepted.status).toBe(200);
    expect(stub.requests().map((r) => r.failedWith)).toEqual([429, undefined]);
    expect(stub.sent()).toHaveLength(1);
  });

  test('when a member is looked up by aadObjectId, 29: id or e-mail in their chat, then the roster entry is returned, else 404', async () => {
    const anna = makePerson('anna.andersson@region.se');
    const bo = makePerson('bo.berg@region.se');
    stub.addPerson(anna);
    stub.addPerson(bo);
    const members = `v3/conversations/${encodeURIComponent(personalConversationId(anna.aadObjectId))}/members/`;

    const byAad = await fetch(new URL(members + anna.aadObjectId, stub.url));
    const byUserId = await fetch(new URL(members + encodeURIComponent(anna.userId), stub.url));
    const byEmail = await fetch(new URL(members + encodeURIComponent('Anna.Andersson@region.se'), stub.url));
    const unknown = await fetch(new URL(members + 'a1b2c3d4-0000-4000-a000-000000000000', stub.url));
    const notInThisChat = await fetch(new URL(members + bo.aadObjectId, stub.url));

    expect(await byAad.json()).toMatchObject({ id: anna.userId, email: 'anna.andersson@region.se', name: 'Anna Andersson' });
    expect(await byUserId.json()).toMatchObject({ aadObjectId: anna.aadObjectId });
    expect(await byEmail.json()).toMatchObject({ aadObjectId: anna.aadObjectId });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'MemberNotFoundInConversation' } });
    expect(notInThisChat.status).toBe(404);
  });

  test("when a team names its members, then the team's roster has only them, by e-mail too, paged", async () => {
    const cecilia = makePerson('cecilia.ek@region.se');
    const david = makePerson('david.ek@region.se');
    stub.addPerson(cecilia);
    stub.addPerson(david);
    stub.addTeam({ id: '19:team-ek@thread.tacv2', name: 'Ek', members: [cecilia.email] });
    const team = `v3/conversations/${encodeURIComponent('19:team-ek@thread.tacv2')}`;

    const found = await fetch(new URL(`${team}/members/${encodeURIComponent(cecilia.email)}`, stub.url));
    const notMember = await fetch(new URL(`${team}/members/${encodeURIComponent(david.email)}`, stub.url));
    const paged = await fetch(new URL(`${team}/pagedmembers?pageSize=10`, stub.url));

    expect(await found.json()).toMatchObject({ aadObjectId: cecilia.aadObjectId, name: 'Cecilia Ek' });
    expect(notMember.status).toBe(404);
    expect(await paged.json()).toMatchObject({ members: [{ email: cecilia.email }] });
  });

  test('when fewer activities arrive than awaited, then waitForActivities rejects listing what did arrive', async () => {
    await postJson(`v3/conversations/${encodeURIComponent('a:personal-x')}/activities`, { type: 'message', text: 'bara en' });

    await expect(stub.waitForActivities(2, 200)).rejects.toThrow(/expected 2 sent activities, got 1[\s\S]*"bara en"/);
  });

  test('when a file is served, then its URL returns the exact bytes and content type', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    const url = stub.serveFile('uploads/Plan 2025.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const response = await fetch(url);

    expect(url.startsWith(stub.url)).toBe(true);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });
});

describe('connector stub with the real botbuilder client', () => {
  // No app id or password: botframework-connector reports authentication as disabled and signs nothing.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const anna = makePerson('anna.andersson@region.se');

  function reference(): Partial<ConversationReference> {
    return {
      channelId: 'msteams',
      serviceUrl: stub.url,
      bot: { id: `28:${TEST_BOT_ID}`, name: 'Utfall' },
      user: { id: anna.userId, name: anna.name, aadObjectId: anna.aadObjectId },
      conversation: {
        id: personalConversationId(anna.aadObjectId),
        conversationType: 'personal',
        tenantId: TEST_TENANT_ID,
        isGroup: false,
        name: '',
      },
    };
  }

  test('when continueConversationAsync sends, then the stub records it without an Authorization header', async () => {
    await adapter.continueConversationAsync('', reference(), async (context) => {
      await context.sendActivity('Hej Anna');
    });

    const [sent] = await stub.waitForActivities(1);
    expect(sent).toMatchObject({
      conversationId: personalConversationId(anna.aadObjectId),
      activity: { type: 'message', text: 'Hej Anna' },
    });
    expect(stub.requests()[0]?.headers.authorization).toBeUndefined();
  });

  test('when TeamsInfo.getMember asks by aadObjectId, then the email and UPN come back', async () => {
    stub.addPerson(anna);
    let found: { email?: string; userPrincipalName?: string } = {};

    await adapter.continueConversationAsync('', reference(), async (context) => {
      const member = await TeamsInfo.getMember(context, anna.aadObjectId);
      found = { email: member.email, userPrincipalName: member.userPrincipalName };
    });

    expect(found).toEqual({ email: 'anna.andersson@region.se', userPrincipalName: 'anna.andersson@region.se' });
    expect(stub.requests()[0]?.path).toBe(
      `/v3/conversations/${encodeURIComponent(personalConversationId(anna.aadObjectId))}/members/${anna.aadObjectId}`,
    );
  });

  test('when createConversationAsync opens a personal chat, then the new id is the stable personal id', async () => {
    let conversationId: string | undefined;
    const parameters = {
      isGroup: false,
      bot: { id: `28:${TEST_BOT_ID}`, name: 'Utfall' },
      members: [{ id: anna.userId, name: anna.name }],
      tenantId: TEST_TENANT_ID,
      channelData: { tenant: { id: TEST_TENANT_ID } },
    };
    stub.addPerson(anna);

    await adapter.createConversationAsync('', 'msteams', stub.url, '', parameters, async (context) => {
      conversationId = context.activity.conversation.id;
      await context.sendActivity('Första meddelandet');
    });

    expect(conversationId).toBe(personalConversationId(anna.aadObjectId));
    expect(stub.requests()[0]?.body).toMatchObject({ members: [{ id: anna.userId }], tenantId: TEST_TENANT_ID });
    expect(stub.sent()).toMatchObject([{ conversationId, activity: { text: 'Första meddelandet' } }]);
  });

  test('when one 429 with Retry-After 0 is injected, then the SDK retries by itself and the send succeeds', async () => {
    stub.failNext(1, { status: 429, retryAfterSeconds: 0 });

    await adapter.continueConversationAsync('', reference(), async (context) => {
      await context.sendActivity('Efter 429');
    });

    expect(stub.requests().map((r) => r.status)).toEqual([429, 200]);
    expect(stub.sent()).toHaveLength(1);
  });

  test('when the connector answers 403 MessageWritesBlocked, then the error carries statusCode and code', async () => {
    stub.failNext(1, { status: 403, code: 'MessageWritesBlocked' });

    const sending = adapter.continueConversationAsync('', reference(), async (context) => {
      await context.sendActivity('Blockerad');
    });

    await expect(sending).rejects.toMatchObject({ statusCode: 403, code: 'MessageWritesBlocked' });
    expect(stub.requests()).toHaveLength(1);
  });
});
