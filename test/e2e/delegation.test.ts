import type { AdaptiveCard } from '../../src/cards/render';
import { executeActions, inputById } from '../support/adaptive-card';
import { adaptiveCards, startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { conversationUpdateMembersAdded, fileAttachment, makePerson, makeTeam, postActivity, searchInvoke } from '../support/activities';
import { PLAN_FIXTURES, readFixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

describe('delegation (Norrbotten, DÅ04)', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  const now = new Date('2022-04-30T07:00:00Z');
  const karin = makePerson('karin.controller@region.example', 'Karin Controller');
  const peter = makePerson('peter.sandberg@region.example');
  const ulrika = makePerson('ulrika.nord@region.example');
  const anna = makePerson('anna.kollega@region.example', 'Anna Kollega');
  // In Teams and in a team Utfall was added to, but in no plan and without Utfall installed.
  const maria = makePerson('maria.analytiker@region.example', 'Maria Analytiker');
  // In Teams, but in no team with Utfall: the bot cannot find her from a personal chat.
  const olle = makePerson('olle.utanfor@region.example', 'Olle Utanför');
  const team = makeTeam('Ekonomi');
  const users = new Map<string, TeamsUser>();
  const user = (person: { email: string }) => users.get(person.email)!;
  /** The bot's answer in the writer's own chat (proactive sends to others may interleave). */
  const lastText = async (who: TeamsUser, text: string) => {
    const before = stub.sent().length;
    await who.say(text);
    return String(
      stub
        .sent()
        .slice(before)
        .find((sent) => sent.conversationId === `a:personal-${who.person.aadObjectId}`)?.activity.text ?? '',
    );
  };

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService(
      { UTFALL_COORDINATORS: karin.email, SEND_RATE_PER_SECOND: '50' },
      { now: () => now, startScheduler: false },
    );
    for (const person of [karin, peter, ulrika, anna]) {
      stub.addPerson(person);
      users.set(person.email, new TeamsUser(person, stub, bot.endpoint));
      await users.get(person.email)!.install();
    }
    stub.addPerson(maria);
    stub.addPerson(olle);
    stub.addTeam({ ...team, members: [karin.email, maria.email] });
    await postActivity(bot.endpoint, conversationUpdateMembersAdded({ serviceUrl: stub.url, person: karin, scope: 'channel', team }));
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

  test("when the address is unknown, the key wrong or the indicator someone else's, then it says so and nothing changes", async () => {
    expect(await lastText(user(peter), 'delegera NB-P2-G1-I1 okand@region.example')).toContain(
      'Jag hittar ingen ”okand@region.example” i Teams',
    );
    expect(await lastText(user(peter), `delegera NB-P2-G1-I1 ${olle.email}`)).toContain(
      `Jag hittar ingen ”${olle.email}” i Teams: adressen finns inte i planen`,
    );
    expect(await lastText(user(peter), 'delegera NB-X-1 anna.kollega@region.example')).toContain(
      'Jag hittar inget mätetal eller mål med nyckeln ”NB-X-1”',
    );
    expect(await lastText(user(ulrika), 'delegera NB-P2-G1-I1 anna.kollega@region.example')).toContain(
      'Du kan bara delegera det du själv ansvarar för',
    );
    expect(await lastText(user(peter), 'delegera NB-P2-G1-I1')).toContain('Skriv så här');
    expect(await bot.service.repositories.delegations.find('NB-P2-G1-I1')).toBeNull();
  });

  test('when the owner delegates an indicator, then the colleague gets it in an inbox card, can answer it, and history records it', async () => {
    expect(await lastText(user(peter), 'delegera NB-P2-G1-I1 Anna.Kollega@region.example')).toContain(
      'är nu delegerat till Anna Kollega (anna.kollega@region.example), som får det i Utfall nu.',
    );
    await bot.service.scheduler.idle();
    await bot.service.scheduler.tick();
    const inbox = stub
      .sent()
      .filter((sent) => sent.conversationId === `a:personal-${anna.aadObjectId}` && JSON.stringify(sent.activity).includes('dina mål'));
    expect(inbox).toHaveLength(1);

    const form = await user(anna).invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P2-G1' });
    expect(inputById(form, 'NB-P2-G1-I1.outcome')).toBeDefined();
    expect(inputById(form, 'NB-P2-G1-I2.outcome')).toBeUndefined();
    const saved: AdaptiveCard = await user(anna).click(form, 'Spara', {
      'NB-P2-G1-I1.outcome': '6,3 %',
      'NB-P2-G1-I1.assessment': 'not_achieved',
      'NB-P2-G1-I1.comment': 'Ökat under våren.',
    });
    expect(cardText(saved)).not.toContain('Något behöver rättas');
    expect(await bot.service.mongo.db.collection('responses').findOne({ indicator: 'NB-P2-G1-I1' })).toMatchObject({
      author: 'anna.kollega@region.example',
      outcome: { kind: 'number', value: 6.3 },
    });
    expect(adaptiveCards(inbox[0]!.activity)).toHaveLength(1);
  });

  test('when the owner takes it back, then the colleague can no longer save it and history keeps both changes', async () => {
    expect(await lastText(user(anna), 'delegera tillbaka NB-P2-G1-I1')).toContain('Bara den som delegerade');
    expect(await lastText(user(peter), 'delegera tillbaka NB-P2-G1-I1')).toContain('är tillbaka hos peter.sandberg@region.example');
    const refused = await user(anna).invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P2-G1' });
    expect(inputById(refused, 'NB-P2-G1-I1.outcome')).toBeUndefined();
    const history = await bot.service.mongo.db
      .collection('history')
      .find({ subject: 'delegation:NB-P2-G1-I1' })
      .sort({ version: 1 })
      .toArray();
    expect(history.map((entry) => [entry.version, entry.by, entry.after === null ? null : (entry.after as { to: string }).to])).toEqual([
      [1, 'peter.sandberg@region.example', 'anna.kollega@region.example'],
      [2, 'peter.sandberg@region.example', null],
    ]);
  });

  test('when the owner delegates to a colleague in Teams who is in no plan and has not installed, then it is stored, the owner is told they get it when they open Utfall, and they get it on install', async () => {
    const before = stub.sent().length;
    expect(await lastText(user(peter), `delegera NB-P2-G1-I1 ${maria.email.toUpperCase()}`)).toBe(
      `”Hållbar arbetsmiljö: Sjukfrånvaro” är nu delegerat till Maria Analytiker (${maria.email}). Maria Analytiker har inte öppnat Utfall i Teams än och får det när hen gör det, så säg gärna till. Ta tillbaka med **delegera tillbaka NB-P2-G1-I1**.`,
    );
    // Found in the team's roster by e-mail, from Peter's personal chat.
    expect(stub.requests().some((request) => request.method === 'GET' && request.path.includes(encodeURIComponent(team.id)))).toBe(true);
    expect(await bot.service.repositories.delegations.find('NB-P2-G1-I1')).toMatchObject({ to: maria.email, from: peter.email });
    await bot.service.scheduler.idle();
    expect(
      stub
        .sent()
        .slice(before)
        .filter((sent) => sent.conversationId === `a:personal-${maria.aadObjectId}`),
    ).toHaveLength(0);

    const mariaUser = new TeamsUser(maria, stub, bot.endpoint);
    await mariaUser.install();
    await bot.service.scheduler.idle();
    const inbox = stub
      .sent()
      .filter((sent) => sent.conversationId === `a:personal-${maria.aadObjectId}` && JSON.stringify(sent.activity).includes('dina mål'));
    expect(inbox).toHaveLength(1);
    const form = await mariaUser.invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P2-G1' });
    expect(inputById(form, 'NB-P2-G1-I1.outcome')).toBeDefined();
  });

  test('when the owner clicks "Delegera" on a row of the goal form, then a picker finds colleagues by name, an unknown address is refused on the card, and a picked colleague gets it', async () => {
    const form = await user(peter).invoke('goal.open', { period: 'NB-DIV-2022/DÅ04', goal: 'NB-P2-G1' });
    const delegateActions = executeActions(form).filter((action) => action.verb === 'delegate.open');
    // NB-P2-G1-I1 is Maria's now: only Peter's own rows have "Delegera".
    expect(delegateActions.map((action) => [action.title, (action.data as { subject: string }).subject])).toEqual([
      ['Delegera', 'NB-P2-G1-I2'],
      ['Delegera målet', 'NB-P2-G1'],
    ]);
    const card = await user(peter).invoke('delegate.open', delegateActions[0]!.data);
    expect(inputById(card, 'person')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'filtered',
      'choices.data': { type: 'Data.Query', dataset: 'utfall.people' },
    });
    expect(inputById(card, 'email')).toMatchObject({ type: 'Input.Text', style: 'Email' });
    expect(cardText(card)).toContain('Kortkommando i chatten: delegera NB-P2-G1-I2 <e-post>');

    expect(await user(peter).search('utfall.people', 'kolle')).toEqual({
      status: 200,
      results: [{ title: `Anna Kollega (${anna.email})`, value: anna.email }],
    });
    expect((await user(peter).search('utfall.people', olle.email)).results).toEqual([
      { title: `${olle.email} (sök i Teams)`, value: olle.email },
    ]);
    const noDataset = await postActivity(bot.endpoint, {
      ...searchInvoke({ serviceUrl: stub.url, person: peter, dataset: 'utfall.people', queryText: 'x' }),
      value: { queryText: 'x' },
    });
    expect(noDataset.status).toBe(400);

    const refused = await user(peter).click(card, 'Delegera', { email: olle.email });
    expect(cardText(refused)).toContain(`Jag hittar ingen ”${olle.email}” i Teams`);
    expect(inputById(refused, 'email')).toMatchObject({ value: olle.email });
    const nobody = await user(peter).click(card, 'Delegera');
    expect(cardText(nobody)).toContain('Välj en kollega i listan eller skriv en e-postadress');

    const done = await user(peter).click(card, 'Delegera', { person: anna.email });
    expect(cardText(done)).toContain('Delegerat');
    expect(cardText(done)).toContain(`är nu delegerat till Anna Kollega (${anna.email}), som får det i Utfall nu.`);
    expect(executeActions(done).map((action) => [action.title, action.verb])).toEqual([['Till mina mål', 'inbox.show']]);
    expect(await bot.service.repositories.delegations.find('NB-P2-G1-I2')).toMatchObject({ to: anna.email, by: peter.email });
  });
});
