import { executeActions, expectWellFormedCard, findNodes, inputById, inputs, type CardNode } from '../../test/support/adaptive-card';
import { VERBS } from './actions';
import type { CardAction } from './card-types';
import { buildGoalFormCard, goalFormRowBytes, type GoalFormCardData, type IndicatorFormRow } from './goal-form-card';
import { cardBytes, type AdaptiveCard } from './render';
import { INDICATORS_PER_PAGE } from '../views/goal-form-view';

const PERIOD = 'region-norrbotten/DÅ08';
const KB_40 = 40 * 1024;

function indicator(key: string, overrides: Partial<IndicatorFormRow> = {}): IndicatorFormRow {
  return {
    key,
    name: 'Sjukfrånvaro, andel av ordinarie arbetstid',
    targetText: 'Mål: högst 4,6 % · Ingångsvärde 5,1 %',
    previousText: 'Förra perioden (DÅ04): 6,3 %',
    inputKind: 'text',
    outcomePlaceholder: 't.ex. 4,6',
    outcome: '5,2',
    comment: 'Minskat sedan förra mätningen.',
    assessment: 'yellow',
    notAvailable: false,
    editable: true,
    ownerText: '',
    outcomeError: '',
    commentError: '',
    assessmentError: '',
    assessmentHint: '',
    summary: 'Utfall 5,2 % · Gul · Minskat sedan förra mätningen.',
    savedBy: '',
    delegate: action('Delegera', VERBS.openDelegate, { period: PERIOD, goal: 'RS-G7', subject: key, page: 0 }),
    ...overrides,
  };
}

function action(title: string, verb: string, data: Record<string, unknown>): CardAction {
  return { title, verb, data };
}

function form(overrides: Partial<GoalFormCardData> = {}): GoalFormCardData {
  return {
    title: 'Minskad sjukfrånvaro',
    subtitle: 'Medarbetare · Hälsofrämjande arbetsmiljö · DÅ08',
    notice: null,
    readOnly: false,
    indicators: [indicator('RS-G7-I1')],
    goal: {
      key: 'RS-G7',
      assessment: '',
      analysis: '',
      editable: true,
      assessmentError: '',
      analysisError: '',
      summary: 'Bedömning: Gul',
      savedBy: '',
      delegate: action('Delegera målet', VERBS.openDelegate, { period: PERIOD, goal: 'RS-G7', subject: 'RS-G7', page: 0 }),
    },
    assessmentChoices: [
      { title: 'Grön', value: 'green' },
      { title: 'Gul', value: 'yellow' },
      { title: 'Röd', value: 'red' },
      { title: 'Ingen bedömning', value: 'none' },
    ],
    yesNoChoices: [
      { title: 'Ja', value: 'Ja' },
      { title: 'Nej', value: 'Nej' },
    ],
    save: action('Spara', VERBS.saveGoal, { period: PERIOD, goal: 'RS-G7', versions: { 'RS-G7-I1': 3, 'RS-G7': 0 } }),
    back: action('Tillbaka', VERBS.showInbox, { period: PERIOD }),
    pager: null,
    labels: {
      outcome: 'Utfall',
      comment: 'Kommentar',
      assessment: 'Bedömning',
      notAvailable: 'Uppgift saknas',
      target: 'Mål',
      previous: 'Förra perioden',
      analysis: 'Analys',
      goalAssessment: 'Bedömning av målet',
      commentPlaceholder: 'Kort kommentar till utfallet',
      analysisPlaceholder: 'Analys av måluppfyllelsen',
    },
    ...overrides,
  };
}

/** The node that directly follows the input with this id in its container. */
function nodeAfterInput(card: AdaptiveCard, id: string): CardNode | undefined {
  const containers = findNodes(card, (type) => type === 'Container');
  for (const container of containers) {
    const items = container.items as CardNode[];
    const at = items.findIndex((item) => item.id === id);
    if (at >= 0) return items[at + 1];
  }
  return undefined;
}

function attentionTexts(card: AdaptiveCard): unknown[] {
  return findNodes(card, (type) => type === 'TextBlock')
    .filter((block) => block.color === 'Attention')
    .map((block) => block.text);
}

describe(buildGoalFormCard.name, () => {
  test('when a text indicator is editable, then it has outcome, n/a, comment and assessment inputs named by its key', () => {
    const card = buildGoalFormCard(form());
    expectWellFormedCard(card);
    expect(inputById(card, 'RS-G7-I1.outcome')).toMatchObject({
      type: 'Input.Text',
      label: 'Utfall',
      placeholder: 't.ex. 4,6',
      value: '5,2',
      isRequired: false,
    });
    expect(inputById(card, 'RS-G7-I1.na')).toMatchObject({ type: 'Input.Toggle', title: 'Uppgift saknas', value: 'false' });
    expect(inputById(card, 'RS-G7-I1.comment')).toMatchObject({
      type: 'Input.Text',
      label: 'Kommentar',
      isMultiline: true,
      maxLength: 2000,
      value: 'Minskat sedan förra mätningen.',
    });
    expect(inputById(card, 'RS-G7-I1.assessment')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'compact',
      label: 'Bedömning',
      value: 'yellow',
      choices: form().assessmentChoices,
    });
  });

  test('when rendered, then the name, target and previous value are shown', () => {
    const json = JSON.stringify(buildGoalFormCard(form()));
    const texts = ['Sjukfrånvaro, andel av ordinarie arbetstid', 'Mål: högst 4,6 % · Ingångsvärde 5,1 %', 'Förra perioden (DÅ04): 6,3 %'];
    for (const text of texts) {
      expect(json).toContain(text);
    }
  });

  test('when the goal is editable, then it has an assessment choice and a multiline analysis named by the goal key', () => {
    const card = buildGoalFormCard(form());
    expect(inputById(card, 'RS-G7.assessment')).toMatchObject({ type: 'Input.ChoiceSet', label: 'Bedömning av målet' });
    expect(inputById(card, 'RS-G7.analysis')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 4000 });
    expect(inputs(card).map((input) => input.id)).toEqual([
      'RS-G7-I1.outcome',
      'RS-G7-I1.na',
      'RS-G7-I1.comment',
      'RS-G7-I1.assessment',
      'RS-G7.assessment',
      'RS-G7.analysis',
    ]);
  });

  test('when an indicator is yes/no, then the outcome is a compact Ja/Nej choice', () => {
    const row = indicator('RS-G7-I2', { inputKind: 'yesno', outcome: 'Nej', notAvailable: true });
    const card = buildGoalFormCard(form({ indicators: [row] }));
    expect(inputById(card, 'RS-G7-I2.outcome')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'compact',
      value: 'Nej',
      choices: [
        { title: 'Ja', value: 'Ja' },
        { title: 'Nej', value: 'Nej' },
      ],
    });
    expect(inputById(card, 'RS-G7-I2.na')).toMatchObject({ value: 'true' });
  });

  test('when fields have errors, then each error is shown in Attention right under its field', () => {
    const row = indicator('RS-G7-I1', {
      outcomeError: 'Skriv ett tal',
      commentError: 'För lång',
      assessmentError: 'Välj en bedömning',
    });
    const goal = { ...form().goal!, assessmentError: 'Välj', analysisError: 'Anna Berg ändrade analysen' };
    const card = buildGoalFormCard(form({ indicators: [row], goal }));
    expectWellFormedCard(card);
    expect(nodeAfterInput(card, 'RS-G7-I1.outcome')).toMatchObject({ text: 'Skriv ett tal', color: 'Attention' });
    expect(nodeAfterInput(card, 'RS-G7-I1.comment')).toMatchObject({ text: 'För lång', color: 'Attention' });
    expect(nodeAfterInput(card, 'RS-G7-I1.assessment')).toMatchObject({ text: 'Välj en bedömning', color: 'Attention' });
    expect(nodeAfterInput(card, 'RS-G7.assessment')).toMatchObject({ text: 'Välj', color: 'Attention' });
    expect(nodeAfterInput(card, 'RS-G7.analysis')).toMatchObject({ text: 'Anna Berg ändrade analysen', color: 'Attention' });
  });

  test('when there are no errors, then no Attention text is shown', () => {
    expect(attentionTexts(buildGoalFormCard(form()))).toEqual([]);
  });

  test('when an indicator belongs to someone else, then it shows owner, summary and saved-by instead of inputs', () => {
    const other = indicator('RS-G7-I3', {
      editable: false,
      ownerText: 'Besvaras av Anna Berg',
      summary: 'Utfall 12 · Grön',
      savedBy: 'Sparat av Anna Berg 12 maj 14:03',
    });
    const card = buildGoalFormCard(form({ indicators: [indicator('RS-G7-I1'), other] }));
    const json = JSON.stringify(card);
    expectWellFormedCard(card);
    expect(inputs(card).filter((input) => String(input.id).startsWith('RS-G7-I3.'))).toEqual([]);
    expect(inputById(card, 'RS-G7-I1.outcome')).toBeDefined();
    for (const text of ['Besvaras av Anna Berg', 'Utfall 12 · Grön', 'Sparat av Anna Berg 12 maj 14:03']) {
      expect(json).toContain(text);
    }
  });

  test('when the form is read-only, then it has no inputs and no save, only summaries and back', () => {
    const card = buildGoalFormCard(form({ readOnly: true, save: null }));
    const json = JSON.stringify(card);
    expectWellFormedCard(card);
    expect(inputs(card)).toEqual([]);
    expect(json).toContain('Utfall 5,2 % · Gul · Minskat sedan förra mätningen.');
    expect(json).toContain('Bedömning: Gul');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['inbox.show']);
  });

  test('when save is offered, then it is a positive Action.Execute with the save data and a Submit fallback', () => {
    const card = buildGoalFormCard(form());
    expectWellFormedCard(card);
    expect(executeActions(card).filter((a) => a.verb !== VERBS.openDelegate)).toEqual([
      expect.objectContaining({
        title: 'Spara',
        verb: 'goal.save',
        style: 'positive',
        data: { period: PERIOD, goal: 'RS-G7', versions: { 'RS-G7-I1': 3, 'RS-G7': 0 } },
        fallback: expect.objectContaining({
          type: 'Action.Submit',
          data: { period: PERIOD, goal: 'RS-G7', versions: { 'RS-G7-I1': 3, 'RS-G7': 0 }, verb: 'goal.save' },
        }),
      }),
      expect.objectContaining({ title: 'Tillbaka', verb: 'inbox.show', data: { period: PERIOD } }),
    ]);
  });

  test('when a row may be delegated, then it has its own "Delegera" naming the subject; a row without one and a read-only form have none', () => {
    const card = buildGoalFormCard(form({ indicators: [indicator('RS-G7-I1'), indicator('RS-G7-I2', { delegate: null })] }));
    expectWellFormedCard(card);
    expect(executeActions(card).filter((a) => a.verb === VERBS.openDelegate)).toEqual([
      expect.objectContaining({ title: 'Delegera', data: { period: PERIOD, goal: 'RS-G7', subject: 'RS-G7-I1', page: 0 } }),
      expect.objectContaining({ title: 'Delegera målet', data: { period: PERIOD, goal: 'RS-G7', subject: 'RS-G7', page: 0 } }),
    ]);
    const readOnly = buildGoalFormCard(form({ readOnly: true, save: null }));
    expect(executeActions(readOnly).filter((a) => a.verb === VERBS.openDelegate)).toEqual([]);
  });

  test('when notice is null, then the notice block is left out; when set, it is shown in its colour', () => {
    const top = (card: AdaptiveCard): CardNode[] => card.body as CardNode[];
    expect(top(buildGoalFormCard(form())).filter((node) => 'color' in node)).toEqual([]);
    const withNotice = buildGoalFormCard(form({ notice: { text: 'Perioden är stängd', color: 'Attention' } }));
    expect(top(withNotice)).toContainEqual(expect.objectContaining({ text: 'Perioden är stängd', color: 'Attention' }));
  });

  test('when the goal row is null, then there are no goal inputs', () => {
    const card = buildGoalFormCard(form({ goal: null }));
    expectWellFormedCard(card);
    expect(inputById(card, 'RS-G7.assessment')).toBeUndefined();
    expect(inputById(card, 'RS-G7.analysis')).toBeUndefined();
  });

  test('when paged, then the pager shows its text and both page buttons', () => {
    const pager = {
      text: 'Mätetal 11–20 av 60',
      previous: action('Föregående', VERBS.openGoal, { period: PERIOD, goal: 'RS-G7', page: 0 }),
      next: action('Nästa', VERBS.openGoal, { period: PERIOD, goal: 'RS-G7', page: 2 }),
    };
    const card = buildGoalFormCard(form({ pager }));
    expectWellFormedCard(card);
    expect(JSON.stringify(card)).toContain('Mätetal 11–20 av 60');
    expect(executeActions(card).map((a) => a.title)).toEqual(['Delegera', 'Delegera målet', 'Spara', 'Tillbaka', 'Föregående', 'Nästa']);
  });
});

describe(`${buildGoalFormCard.name} size`, () => {
  const long = (text: string, length: number): string => text.repeat(Math.ceil(length / text.length)).slice(0, length);
  const NAME = long('Andel medarbetare med sjukfrånvaro över 14 dagar, per förvaltning och kvartal; ', 150);
  const COMMENT = long('Sjukfrånvaron har minskat något, men långtidssjukskrivningarna ökar i vården. ', 2000);

  function bytesFor(count: number, analysis = ''): number {
    const indicators = Array.from({ length: count }, (_, i) =>
      indicator(`RS-G7-I${i + 1}`, { name: NAME, comment: COMMENT, savedBy: 'Sparat av Anna Berg 12 maj 14:03' }),
    );
    return cardBytes(buildGoalFormCard(form({ indicators, goal: { ...form().goal!, analysis } })));
  }

  test('when 60 indicators with 150-char names and 2000-char comments share one card, then it exceeds 40 KB (so the caller pages)', () => {
    expect(bytesFor(60)).toBeGreaterThan(KB_40);
  });

  test('when an indicator with full-length texts (and its "Delegera") is added, then the card grows by under 4 KB', () => {
    expect((bytesFor(11) - bytesFor(1)) / 10).toBeLessThan(4000);
  });

  test('when a page holds the most indicators a page takes, full-length, and a 4000-char analysis, then it stays under 40 KB', () => {
    expect(bytesFor(INDICATORS_PER_PAGE, long('Analys av måluppfyllelsen. ', 4000))).toBeLessThan(KB_40);
  });

  test.each([
    ['an editable', { name: NAME, comment: COMMENT, savedBy: 'Sparat av Anna Berg 12 maj 14:03' }],
    [
      'a read-only',
      { name: NAME, editable: false, ownerText: 'Besvaras av anna.berg@region.example', summary: long('5,2 % · Gul · Orsak ', 600) },
    ],
    ['a short', {}],
  ] as const)('when %s indicator is added, then goalFormRowBytes is at least what it adds to the card', (_, overrides) => {
    const row = indicator('RS-G7-I2', overrides);
    const without = cardBytes(buildGoalFormCard(form({ indicators: [indicator('RS-G7-I1')] })));
    const withRow = cardBytes(buildGoalFormCard(form({ indicators: [indicator('RS-G7-I1'), row] })));
    expect(goalFormRowBytes(row)).toBeGreaterThanOrEqual(withRow - without);
  });
});
