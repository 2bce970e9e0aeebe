import type { AdaptiveCard } from '../../src/cards/render';
import { inputById } from '../support/adaptive-card';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub';
import { makePerson } from '../support/activities';
import { startTestService, type TestService } from '../support/service';
import { cardText, TeamsUser } from '../support/teams-client';

const ANNA = 'anna.berg@region.example';
const ERIK = 'erik.lind@region.example';
const PERIOD = 'RS-2026/DÅ08';
const PREVIOUS = 'RS-2026/DÅ04';

/** The playground's goal, with DÅ04 behind it (HME was 78 then) and DÅ08 open. */
function plan() {
  const both = ['DÅ04', 'DÅ08'];
  return {
    organisation: 'Region Exempel',
    units: [{ key: 'RS', name: 'Regionstyrelsen' }],
    plans: [
      {
        key: 'RS-2026',
        unit: 'RS',
        year: 2026,
        name: 'Regionstyrelsens verksamhetsplan 2026',
        periods: [
          { code: 'DÅ04', label: 'Delår per april 2026', opens: '2026-04-30', deadline: '2026-05-12', closes: '2026-05-20' },
          { code: 'DÅ08', label: 'Delår per augusti 2026', opens: '2026-08-31', deadline: '2026-09-11', closes: '2026-09-18' },
        ],
        perspectives: [
          {
            key: 'RS-P1',
            name: 'Medarbetare',
            goals: [
              {
                key: 'RS-G1',
                title: 'Arbetsmiljön ska vara hälsofrämjande',
                owners: [ANNA],
                indicators: [
                  {
                    key: 'RS-G1-I1',
                    name: 'Sjukfrånvaro',
                    owner: ANNA,
                    valueType: 'percent',
                    unit: '%',
                    direction: 'decrease',
                    baseline: 5.1,
                    target: 4.6,
                    periods: both,
                  },
                  {
                    key: 'RS-G1-I2',
                    name: 'Hållbart medarbetarengagemang (HME)',
                    owner: ANNA,
                    valueType: 'number',
                    unit: 'index',
                    direction: 'atLeast',
                    baseline: 78,
                    target: 80,
                    periods: both,
                  },
                  {
                    key: 'RS-G1-I3',
                    name: 'Handlingsplan för kemikalieriskbedömning är framtagen',
                    owner: ERIK,
                    valueType: 'yesno',
                    direction: 'yes',
                    target: true,
                    periods: both,
                  },
                  {
                    key: 'RS-G1-I4',
                    name: 'Kostnad för inhyrd personal',
                    owner: ANNA,
                    valueType: 'currency',
                    unit: 'mnkr',
                    direction: 'decrease',
                    baseline: 310,
                    target: 250,
                    periods: both,
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('the goal form: suggested bedömning, plausibility, a second window, conflicts, long input, placeholders', () => {
  jest.setTimeout(60_000);
  let stub: ConnectorStub;
  let bot: TestService;
  let anna: TeamsUser;
  let annaInEnglish: TeamsUser;

  const responses = () => bot.service.mongo.db.collection('responses');
  const goalResponses = () => bot.service.mongo.db.collection('goalResponses');
  const stored = (indicator: string) => responses().findOne({ indicator, period: PERIOD });
  const openForm = (user: TeamsUser = anna) => user.invoke('goal.open', { period: PERIOD, goal: 'RS-G1' });
  /** The card as text with no-break spaces as spaces and quotes unescaped, as a reader sees it. */
  const text = (card: AdaptiveCard) =>
    cardText(card)
      .replace(/\u00A0/g, ' ')
      .replace(/\\"/g, '"');

  beforeAll(async () => {
    stub = await startConnectorStub();
    bot = await startTestService({}, { now: () => new Date('2026-09-01T08:00:00Z'), startScheduler: false });
    const person = makePerson(ANNA, 'Anna Berg');
    anna = new TeamsUser(person, stub, bot.endpoint);
    annaInEnglish = new TeamsUser(person, stub, bot.endpoint, 'en-US');
    stub.addPerson(person);
    await anna.install();
    const imported = await bot.service.deps.importer.importFile({ fileName: 'plan.json', bytes: Buffer.from(JSON.stringify(plan())) });
    expect(imported.ok).toBe(true);
    const place = { indicator: 'RS-G1-I2', goal: 'RS-G1', plan: 'RS-2026', unit: 'RS', perspective: 'RS-P1', period: PREVIOUS };
    await bot.service.repositories.responses.saveIndicator(
      place,
      { outcome: { kind: 'number', value: 78 }, outcomeText: '78', comment: '', assessment: 'partly' },
      0,
      { email: ANNA, name: 'Anna Berg' },
      new Date('2026-05-05T08:00:00Z'),
    );
    await bot.service.deps.collect.openPeriods(await bot.service.deps.collect.periodsFor('DÅ08', null, ['draft']));
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  test('when the form is opened, then each utfall has a placeholder in its own unit and the analysis presumes nothing', async () => {
    const form = await openForm();
    expect(inputById(form, 'RS-G1-I1.outcome')?.placeholder).toBe('T.ex. 4,4\u00A0%');
    expect(inputById(form, 'RS-G1-I2.outcome')?.placeholder).toBe('T.ex. 78');
    expect(inputById(form, 'RS-G1-I4.outcome')?.placeholder).toBe('T.ex. -24,6\u00A0mnkr');
    expect(inputById(form, 'RS-G1.analysis')?.placeholder).not.toMatch(/inte/);
    expect((inputById(form, 'RS-G1-I1.assessment')?.choices as { title: string; value: string }[]).at(-1)).toEqual({
      title: 'Ingen bedömning',
      value: 'none',
    });
  });

  test('when a value far from the target and the previous period is saved, then the form asks first, and a second save stores it as a suggested Grön', async () => {
    const form = await openForm();
    const asked = await anna.click(form, 'Spara', { 'RS-G1-I2.outcome': '999999999999' });

    expect(text(asked)).toContain(
      'Värdet 999 999 999 999 index ligger långt från målvärdet 80 index och förra periodens 78 index – stämmer det? Spara igen för att bekräfta.',
    );
    expect(text(asked)).toContain('Kontrollera det markerade värdet');
    expect(inputById(asked, 'RS-G1-I2.outcome')?.value).toBe('999999999999');
    expect(await stored('RS-G1-I2')).toBeNull();

    const confirmed = await anna.click(asked, 'Spara');
    expect(text(confirmed)).toContain('Sparat.');
    expect(await stored('RS-G1-I2')).toMatchObject({
      outcome: { kind: 'number', value: 999999999999 },
      assessment: 'achieved',
      assessmentSource: 'suggested',
      version: 1,
    });
  });

  test('when the value is corrected after a suggested Grön, then the suggestion follows it: Röd, and the comment is asked for naming the suggestion', async () => {
    const form = await openForm();
    expect(inputById(form, 'RS-G1-I2.assessment')?.value).toBe('');
    expect(text(form)).toContain('Föreslagen utifrån målvärdet: Grön. Den gäller om du inte väljer en egen bedömning.');

    const refused = await anna.click(form, 'Spara', { 'RS-G1-I2.outcome': '12,5' });
    expect(text(refused)).toContain('Skriv en kommentar: Röd föreslås utifrån målvärdet, och en gul eller röd bedömning ska förklaras.');
    expect(text(refused)).toContain('Föreslagen utifrån målvärdet: Röd.');
    expect(await stored('RS-G1-I2')).toMatchObject({ assessment: 'achieved', version: 1 });

    const saved = await anna.click(refused, 'Spara', { 'RS-G1-I2.comment': 'Låg svarsfrekvens i enkäten.' });
    expect(text(saved)).toContain('Sparat.');
    expect(await stored('RS-G1-I2')).toMatchObject({
      outcome: { kind: 'number', value: 12.5 },
      assessment: 'not_achieved',
      assessmentSource: 'suggested',
      version: 2,
    });
    const history = await bot.service.repositories.responses.historyOf('indicator:RS-G1-I2', PERIOD);
    expect(history.map((entry) => entry.version)).toEqual([1, 2]);
  });

  test('when the owner chooses a bedömning, then it is theirs and preselected; "Ingen bedömning" clears it back to the suggestion, and clears the goal\'s', async () => {
    const chosen = await anna.click(await openForm(), 'Spara', {
      'RS-G1-I1.outcome': '4,8 %',
      'RS-G1-I1.assessment': 'achieved',
      'RS-G1.assessment': 'achieved',
    });
    expect(text(chosen)).toContain('Sparat');
    expect(await stored('RS-G1-I1')).toMatchObject({ assessment: 'achieved', assessmentSource: 'owner' });

    const reopened = await openForm();
    expect(inputById(reopened, 'RS-G1-I1.assessment')?.value).toBe('achieved');
    expect(text(reopened)).toContain('Föreslagen utifrån målvärdet: Gul.');

    const cleared = await anna.click(reopened, 'Spara', {
      'RS-G1-I1.assessment': 'none',
      'RS-G1-I1.comment': 'Nära målet.',
      'RS-G1.assessment': 'none',
    });
    expect(text(cleared)).toContain('Sparat');
    expect(await stored('RS-G1-I1')).toMatchObject({ assessment: 'partly', assessmentSource: 'suggested' });
    expect(await goalResponses().findOne({ goal: 'RS-G1', period: PERIOD })).toMatchObject({ assessment: null, version: 2 });
  });

  test('when a second window saved first and the stale window then fails validation, then after fixing it the stale window still gets the conflict', async () => {
    const windowA = await openForm();
    const windowB = await openForm();
    expect(text(await anna.click(windowB, 'Spara', { 'RS-G1-I1.outcome': '4,4 %', 'RS-G1-I1.assessment': 'achieved' }))).toContain(
      'Sparat',
    );

    const invalid = await anna.click(windowA, 'Spara', {
      'RS-G1-I1.outcome': '4,7 %',
      'RS-G1-I1.assessment': 'partly',
      'RS-G1-I1.comment': '',
    });
    expect(text(invalid)).toContain('Skriv en kommentar');
    const fixed = await anna.click(invalid, 'Spara', { 'RS-G1-I1.comment': 'Influensan i augusti.' });

    expect(text(fixed)).toContain('Du har ändrat samma svar i ett annat fönster.');
    expect(text(fixed)).not.toContain('Anna Berg har ändrat');
    expect(text(fixed)).not.toContain('Övriga svar sparades');
    expect(inputById(fixed, 'RS-G1-I1.outcome')?.value).toBe('4,4 %');
    expect(await stored('RS-G1-I1')).toMatchObject({ outcome: { kind: 'number', value: 4.4 }, author: ANNA });
  });

  test('when a save meets a version that is not stored at all, then the notice names nobody and the form does not show the lost values as current', async () => {
    const card = await anna.invoke('goal.save', {
      period: PERIOD,
      goal: 'RS-G1',
      versions: { 'RS-G1-I4': 3 },
      'RS-G1-I4.outcome': '240',
      'RS-G1-I4.comment': 'Min text',
    });

    expect(text(card)).toContain('Svaret har ändrats sedan formuläret öppnades');
    expect(text(card)).not.toContain('Anna Berg har ändrat');
    expect(inputById(card, 'RS-G1-I4.outcome')?.value).toBe('');
    expect(text(card)).not.toContain('Min text');
    expect(await stored('RS-G1-I4')).toBeNull();
  });

  test.each([
    ['comment', 'RS-G1-I4.comment', 'högst 2 000 tecken'],
    ['outcome', 'RS-G1-I4.outcome', 'högst 200 tecken'],
    ['goal analysis', 'RS-G1.analysis', 'högst 4 000 tecken'],
  ])(
    'when the %s is longer than any input may be, then the form says so beside it, keeps its start and stores nothing',
    async (_field, id, limit) => {
      const before = await bot.service.mongo.db.collection('history').countDocuments();
      const card = await anna.click(await openForm(), 'Spara', { 'RS-G1-I4.outcome': '240', [id]: 'å'.repeat(50_000) });

      expect(text(card)).toContain(
        `Texten är för lång (över 4 000 tecken) och sparades inte. Här visas bara början – korta den till ${limit} och spara igen.`,
      );
      expect(inputById(card, id)?.value).toBe('å'.repeat(4_000));
      expect(await bot.service.mongo.db.collection('history').countDocuments()).toBe(before);
    },
  );

  test('when an amount is typed in the wrong unit or a yellow goal lacks its analysis, then the messages say what is expected', async () => {
    const card = await anna.click(await openForm(), 'Spara', {
      'RS-G1-I4.outcome': '12,5 %',
      'RS-G1.assessment': 'partly',
      'RS-G1.analysis': '',
    });

    expect(text(card)).toContain('”12,5 %” har fel enhet: det här mätetalet anges i mnkr, t.ex. -24,6 mnkr.');
    expect(text(card)).toContain('Skriv en analys: målet är delvis uppnått – vad återstår, och vad görs?');
  });

  test('when the person uses Teams in English, then the form has no Swedish left in its choices, targets, examples and suggestions', async () => {
    const form = await openForm(annaInEnglish);
    expect(inputById(form, 'RS-G1-I1.outcome')?.placeholder).toBe('E.g. 4.4\u00A0%');
    expect(text(form)).toContain('Suggested from the target: Red. It applies unless you choose an assessment of your own.');

    const erik = new TeamsUser(makePerson(ERIK, 'Erik Lind'), stub, bot.endpoint, 'en-US');
    stub.addPerson(erik.person);
    await erik.install();
    const eriksForm = await erik.invoke('goal.open', { period: PERIOD, goal: 'RS-G1' });
    expect(inputById(eriksForm, 'RS-G1-I3.outcome')?.choices).toEqual([
      { title: 'Yes', value: 'Ja' },
      { title: 'No', value: 'Nej' },
    ]);
    expect(text(eriksForm)).toContain('Target: Yes');
    const refused = await erik.click(eriksForm, 'Save', { 'RS-G1-I3.outcome': 'kanske' });
    expect(text(refused)).toContain('Answer Yes or No (not "kanske").');

    const error = await annaInEnglish.click(form, 'Save', { 'RS-G1-I4.outcome': 'four' });
    expect(text(error)).toContain('"four" is not a number. Write e.g. 5.4 or 21 707.');
    expect(text(error)).not.toMatch(/T\.ex\.|Föreslagen|Mål:|"title":"(Ja|Nej)"|Ingen bedömning|Spara|Utfall|Bedömning|Kommentar/);

    // To an English writer 21,707 may be twenty-one thousand: they are asked, and what they typed stays.
    const ambiguous = await annaInEnglish.click(form, 'Save', { 'RS-G1-I4.outcome': '21,707' });
    expect(text(ambiguous)).toContain('"21,707" is ambiguous.');
    expect(inputById(ambiguous, 'RS-G1-I4.outcome')?.value).toBe('21,707');
  });
});
