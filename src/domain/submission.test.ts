import type { Indicator } from './plan';
import type { GoalAnswer, IndicatorAnswer } from './response';
import { MAX_COMMENT_LENGTH, NO_ASSESSMENT, readSubmission, type FieldErrors } from './submission';
import type { ValueType } from './vocabulary';

const GOAL = 'G1';

function indicator(key: string, valueType: ValueType, more: Partial<Indicator> = {}): Indicator {
  return {
    key,
    plan: 'P1',
    unit: 'U1',
    goal: GOAL,
    perspective: 'PE1',
    name: `Indikator ${key}`,
    owner: 'anna@region.example',
    valueType,
    unitOfMeasure: null,
    direction: 'none',
    baseline: null,
    target: null,
    periods: ['T1'],
    order: 0,
    archived: false,
    ...more,
  };
}

/** Sjukfrånvaro: percent, should go down from 5,1 to 4,6 (NB-P2-G1-I1 with a target). */
const SICK_LEAVE = indicator('I1', 'percent', { direction: 'decrease', target: 4.6, baseline: 5.1 });

/** One indicator row's inputs, as the goal form posts them. */
function rowFields(
  key: string,
  row: { outcome?: unknown; comment?: unknown; assessment?: unknown; na?: unknown },
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) fields[`${key}.${name}`] = value;
  return fields;
}

function readOne(target: Indicator, row: Parameters<typeof rowFields>[1], tolerance?: number) {
  return readSubmission(rowFields(target.key, row), [target], { key: GOAL, editable: false }, tolerance === undefined ? {} : { tolerance });
}

describe(readSubmission.name, () => {
  type Accepted = [string, Indicator, Parameters<typeof rowFields>[1], IndicatorAnswer];
  test.each<Accepted>([
    [
      'a percent is typed with a decimal comma and a spaced %',
      indicator('P', 'percent'),
      { outcome: '5,4 %' },
      { outcome: { kind: 'number', value: 5.4 }, outcomeText: '5,4 %', comment: '', assessment: null, assessmentSource: 'owner' },
    ],
    [
      'a number is typed with a space as thousands separator',
      indicator('N', 'number'),
      { outcome: '21 707' },
      { outcome: { kind: 'number', value: 21707 }, outcomeText: '21 707', comment: '', assessment: null, assessmentSource: 'owner' },
    ],
    [
      'a number is typed with a no-break space as thousands separator',
      indicator('N', 'number'),
      { outcome: '1\u00A0600' },
      { outcome: { kind: 'number', value: 1600 }, outcomeText: '1\u00A0600', comment: '', assessment: null, assessmentSource: 'owner' },
    ],
    [
      'a negative currency amount is typed with a space group',
      indicator('C', 'currency'),
      { outcome: '-26 151' },
      { outcome: { kind: 'number', value: -26151 }, outcomeText: '-26 151', comment: '', assessment: null, assessmentSource: 'owner' },
    ],
    [
      'a currency amount is typed with a Unicode minus and mnkr',
      indicator('C', 'currency'),
      { outcome: '−11,1 mnkr' },
      {
        outcome: { kind: 'number', value: -11.1, currencyUnit: 'mnkr' },
        outcomeText: '−11,1 mnkr',
        comment: '',
        assessment: null,
        assessmentSource: 'owner',
      },
    ],
    [
      'a yes/no indicator is answered Ja',
      indicator('Y', 'yesno'),
      { outcome: 'Ja' },
      { outcome: { kind: 'boolean', value: true }, outcomeText: 'Ja', comment: '', assessment: null, assessmentSource: 'owner' },
    ],
    [
      'a yes/no indicator is answered nej in lower case',
      indicator('Y', 'yesno'),
      { outcome: 'nej' },
      { outcome: { kind: 'boolean', value: false }, outcomeText: 'nej', comment: '', assessment: null, assessmentSource: 'owner' },
    ],
    [
      'a text indicator gets free text with surrounding spaces',
      indicator('T', 'text'),
      { outcome: '  Genomfört enligt plan ' },
      {
        outcome: { kind: 'text', value: 'Genomfört enligt plan' },
        outcomeText: 'Genomfört enligt plan',
        comment: '',
        assessment: null,
        assessmentSource: 'owner',
      },
    ],
    [
      'Ej tillgängligt is typed as the outcome of a percent, with a reason',
      indicator('P', 'percent'),
      { outcome: 'Ej tillgängligt', comment: 'Statistiken kommer i maj' },
      {
        outcome: { kind: 'not_available' },
        outcomeText: 'Ej tillgängligt',
        comment: 'Statistiken kommer i maj',
        assessment: 'not_measured',
        assessmentSource: 'owner',
      },
    ],
    [
      'the not-available toggle is on with a reason, and an outcome is also typed',
      SICK_LEAVE,
      { na: 'true', outcome: '5,0 %', comment: 'Mäts senare' },
      {
        outcome: { kind: 'not_available' },
        outcomeText: '',
        comment: 'Mäts senare',
        assessment: 'not_measured',
        assessmentSource: 'owner',
      },
    ],
    [
      'the toggle is sent as "false"',
      SICK_LEAVE,
      { na: 'false', outcome: '4,5 %' },
      { outcome: { kind: 'number', value: 4.5 }, outcomeText: '4,5 %', comment: '', assessment: 'achieved', assessmentSource: 'suggested' },
    ],
    [
      'no bedömning is chosen and the decrease target is reached',
      SICK_LEAVE,
      { outcome: '4,5 %' },
      { outcome: { kind: 'number', value: 4.5 }, outcomeText: '4,5 %', comment: '', assessment: 'achieved', assessmentSource: 'suggested' },
    ],
    [
      'no bedömning is chosen, the target is missed and a comment says why',
      SICK_LEAVE,
      { outcome: '6 %', comment: 'Hög influensa' },
      {
        outcome: { kind: 'number', value: 6 },
        outcomeText: '6 %',
        comment: 'Hög influensa',
        assessment: 'not_achieved',
        assessmentSource: 'suggested',
      },
    ],
    [
      'the owner overrides a suggested red with green',
      SICK_LEAVE,
      { outcome: '6 %', assessment: 'achieved' },
      { outcome: { kind: 'number', value: 6 }, outcomeText: '6 %', comment: '', assessment: 'achieved', assessmentSource: 'owner' },
    ],
    [
      'partly is chosen with a comment',
      SICK_LEAVE,
      { outcome: '4,8 %', assessment: 'partly', comment: '  Nära målet  ' },
      {
        outcome: { kind: 'number', value: 4.8 },
        outcomeText: '4,8 %',
        comment: 'Nära målet',
        assessment: 'partly',
        assessmentSource: 'owner',
      },
    ],
    [
      'not_measured is chosen without an outcome',
      SICK_LEAVE,
      { assessment: 'not_measured' },
      { outcome: null, outcomeText: '', comment: '', assessment: 'not_measured', assessmentSource: 'owner' },
    ],
    ['the row is left empty', SICK_LEAVE, {}, { outcome: null, outcomeText: '', comment: '', assessment: null, assessmentSource: 'owner' }],
    [
      'inputs arrive as null',
      SICK_LEAVE,
      { outcome: null, comment: null, assessment: null, na: null },
      { outcome: null, outcomeText: '', comment: '', assessment: null, assessmentSource: 'owner' },
    ],
  ])('when %s, then the answer is read', (_situation, target, row, expected) => {
    const result = readOne(target, row);

    expect(result.errors).toEqual(new Map());
    expect(result.ok).toBe(true);
    expect(result.indicators.get(target.key)).toEqual(expected);
  });

  type Refused = [string, Indicator, Parameters<typeof rowFields>[1], FieldErrors];
  test.each<Refused>([
    ['the not-available toggle is on without a reason', SICK_LEAVE, { na: 'true' }, { comment: 'reason_required' }],
    ['the not-available toggle is on with a blank reason', SICK_LEAVE, { na: 'true', comment: '   ' }, { comment: 'reason_required' }],
    ['partly is chosen without a comment', SICK_LEAVE, { outcome: '4,8 %', assessment: 'partly' }, { comment: 'comment_required' }],
    [
      'not_achieved is chosen with a blank comment',
      SICK_LEAVE,
      { outcome: '6 %', assessment: 'not_achieved', comment: ' \n ' },
      { comment: 'comment_required' },
    ],
    [
      'no bedömning is chosen and the suggested one is red, without a comment',
      SICK_LEAVE,
      { outcome: '6 %' },
      { comment: 'comment_required_suggested' },
    ],
    [
      'no bedömning is chosen and the suggested one is yellow, without a comment',
      SICK_LEAVE,
      { outcome: '5,0 %' },
      { comment: 'comment_required_suggested' },
    ],
    ['achieved is chosen without an outcome', SICK_LEAVE, { assessment: 'achieved' }, { outcome: 'outcome_required' }],
    [
      'not_achieved is chosen without an outcome or comment',
      SICK_LEAVE,
      { assessment: 'not_achieved' },
      { outcome: 'outcome_required', comment: 'comment_required' },
    ],
    ['an unknown bedömning is posted', SICK_LEAVE, { outcome: '4,5 %', assessment: 'green' }, { assessment: 'invalid_assessment' }],
    ['the outcome is an object', SICK_LEAVE, { outcome: { $gt: '' } }, { outcome: 'invalid_input' }],
    ['the outcome is a number instead of a string', SICK_LEAVE, { outcome: 4.5 }, { outcome: 'invalid_input' }],
    ['the outcome is an array', SICK_LEAVE, { outcome: ['4,5 %'] }, { outcome: 'invalid_input' }],
    ['the comment is an object', SICK_LEAVE, { outcome: '4,5 %', comment: { $gt: '' } }, { comment: 'invalid_input' }],
    ['the bedömning is an object', SICK_LEAVE, { outcome: '4,5 %', assessment: { $ne: null } }, { assessment: 'invalid_assessment' }],
    ['the toggle is a boolean instead of a string', SICK_LEAVE, { outcome: '4,5 %', na: true }, { assessment: 'invalid_assessment' }],
    ['the comment is 100 000 characters', SICK_LEAVE, { outcome: '4,5 %', comment: 'x'.repeat(100_000) }, { comment: 'too_long' }],
    [
      'the comment is one character over the limit',
      SICK_LEAVE,
      { outcome: '4,5 %', comment: 'x'.repeat(MAX_COMMENT_LENGTH + 1) },
      { comment: 'too_long' },
    ],
    ['the outcome is 100 000 characters', indicator('T', 'text'), { outcome: 'x'.repeat(100_000) }, { outcome: 'too_long' }],
    ['a number has two decimal commas', indicator('N', 'number'), { outcome: '12,3,4' }, { outcome: 'multiple_decimal_separators' }],
    ['a number is letters', indicator('N', 'number'), { outcome: 'abc' }, { outcome: 'not_a_number' }],
    [
      'a percent is absurdly large (a missing comma)',
      indicator('P', 'percent'),
      { outcome: '5400 %' },
      { outcome: 'percent_out_of_range' },
    ],
    ['a yes/no is answered kanske', indicator('Y', 'yesno'), { outcome: 'kanske' }, { outcome: 'not_yes_no' }],
  ])('when %s, then the row is refused', (_situation, target, row, expected) => {
    const result = readOne(target, row);

    expect(result.ok).toBe(false);
    expect(result.errors.get(target.key)).toEqual(expected);
    expect(result.indicators.has(target.key)).toBe(false);
  });

  test('when the comment is exactly at the limit, then it is accepted', () => {
    const result = readOne(SICK_LEAVE, { outcome: '4,5 %', comment: 'x'.repeat(MAX_COMMENT_LENGTH) });

    expect(result.ok).toBe(true);
    expect(result.indicators.get(SICK_LEAVE.key)?.comment).toHaveLength(MAX_COMMENT_LENGTH);
  });

  test('when a wider tolerance is passed, then a value near the target is suggested yellow instead of red', () => {
    const missed = { outcome: '5,2 %', comment: 'Nära' };

    expect(readOne(SICK_LEAVE, missed).indicators.get(SICK_LEAVE.key)?.assessment).toBe('not_achieved');
    expect(readOne(SICK_LEAVE, missed, 0.2).indicators.get(SICK_LEAVE.key)?.assessment).toBe('partly');
  });

  test('when some rows have errors, then every row keeps what was typed and only valid rows are answered', () => {
    const number = indicator('N', 'number');
    const fields = {
      ...rowFields(SICK_LEAVE.key, { outcome: '6 %', assessment: 'partly', comment: '' }),
      ...rowFields(number.key, { outcome: '21 707', comment: 'Som väntat' }),
      ...rowFields('I9', { outcome: 'abc', na: 'true' }),
    };

    const result = readSubmission(fields, [SICK_LEAVE, number, indicator('I9', 'number')], { key: GOAL, editable: false });

    expect(result.ok).toBe(false);
    expect(result.typed).toEqual(
      new Map([
        [SICK_LEAVE.key, { outcome: '6 %', comment: '', assessment: 'partly', notAvailable: false }],
        [number.key, { outcome: '21 707', comment: 'Som väntat', assessment: '', notAvailable: false }],
        ['I9', { outcome: 'abc', comment: '', assessment: '', notAvailable: true }],
      ]),
    );
    expect([...result.errors.keys()]).toEqual([SICK_LEAVE.key, 'I9']);
    expect([...result.indicators.keys()]).toEqual([number.key]);
  });

  test('when a row has a hostile input, then the typed row keeps an empty string instead of the object', () => {
    const result = readOne(SICK_LEAVE, { outcome: { $gt: '' }, comment: 'ok' });

    expect(result.typed.get(SICK_LEAVE.key)).toEqual({ outcome: '', comment: 'ok', assessment: '', notAvailable: false });
  });

  test('when fields for indicators outside the editable list are posted, then they are ignored', () => {
    const other = indicator('OTHER', 'number');
    const fields = {
      ...rowFields(SICK_LEAVE.key, { outcome: '4,5 %' }),
      ...rowFields(other.key, { outcome: { $gt: '' }, assessment: 'bogus' }),
      'G1.assessment': 'bogus',
    };

    const result = readSubmission(fields, [SICK_LEAVE], { key: GOAL, editable: false });

    expect(result.ok).toBe(true);
    expect([...result.indicators.keys()]).toEqual([SICK_LEAVE.key]);
    expect([...result.typed.keys()]).toEqual([SICK_LEAVE.key]);
    expect(result.goal).toBeNull();
    expect(result.typedGoal).toBeNull();
  });

  test('when a field is inherited from the prototype rather than posted, then it is not read', () => {
    const fields = Object.create({ 'I1.outcome': '6 %', 'I1.assessment': 'bogus' }) as Record<string, unknown>;

    const result = readSubmission(fields, [SICK_LEAVE], { key: GOAL, editable: false });

    expect(result.ok).toBe(true);
    expect(result.typed.get(SICK_LEAVE.key)).toEqual({ outcome: '', comment: '', assessment: '', notAvailable: false });
  });

  type GoalCase = [string, Record<string, unknown>, GoalAnswer | null, FieldErrors | undefined];
  test.each<GoalCase>([
    [
      'the goal is assessed achieved without analysis',
      { 'G1.assessment': 'achieved' },
      { assessment: 'achieved', analysis: '' },
      undefined,
    ],
    [
      'the goal is assessed partly with an analysis',
      { 'G1.assessment': 'partly', 'G1.analysis': ' Sjukfrånvaron minskar långsamt ' },
      { assessment: 'partly', analysis: 'Sjukfrånvaron minskar långsamt' },
      undefined,
    ],
    ['the goal is left unassessed', {}, { assessment: null, analysis: '' }, undefined],
    ['the goal is assessed partly without analysis', { 'G1.assessment': 'partly' }, null, { analysis: 'analysis_required_partly' }],
    [
      'the goal is assessed not_achieved with a blank analysis',
      { 'G1.assessment': 'not_achieved', 'G1.analysis': '  ' },
      null,
      { analysis: 'analysis_required' },
    ],
    ['the goal gets an unknown assessment', { 'G1.assessment': 'röd' }, null, { assessment: 'invalid_assessment' }],
    [
      'the goal analysis is 100 000 characters',
      { 'G1.assessment': 'achieved', 'G1.analysis': 'x'.repeat(100_000) },
      null,
      { analysis: 'too_long' },
    ],
    ['the goal analysis is an object', { 'G1.assessment': 'achieved', 'G1.analysis': { $gt: '' } }, null, { analysis: 'invalid_input' }],
    ['the goal assessment is a number', { 'G1.assessment': 1 }, null, { assessment: 'invalid_assessment' }],
  ])('when %s, then the goal answer and errors are as expected', (_situation, fields, answer, errors) => {
    const result = readSubmission(fields, [], { key: GOAL, editable: true });

    expect(result.goal).toEqual(answer);
    expect(result.errors.get(GOAL)).toEqual(errors);
    expect(result.ok).toBe(errors === undefined);
  });

  test('when the goal form has errors, then the typed goal inputs are kept', () => {
    const result = readSubmission({ 'G1.assessment': 'partly', 'G1.analysis': '' }, [], { key: GOAL, editable: true });

    expect(result.typedGoal).toEqual({ assessment: 'partly', analysis: '' });
    expect(result.goal).toBeNull();
  });

  test('when "Ej tillgängligt" is typed instead of ticking the box, then a reason is required just the same', () => {
    expect(readOne(SICK_LEAVE, { outcome: 'Ej tillgängligt' }).errors.get('I1')).toEqual({ comment: 'reason_required' });
  });

  test('when "mäts senare" is typed with a chosen assessment, then it counts as not measured', () => {
    expect(readOne(SICK_LEAVE, { outcome: 'mäts senare', assessment: 'achieved', comment: 'x' }).indicators.get('I1')?.assessment).toBe(
      'not_measured',
    );
  });

  test('when "Ingen bedömning" is chosen for an indicator with a suggestion, then the suggestion is stored as suggested', () => {
    const result = readOne(SICK_LEAVE, { outcome: '4,5 %', assessment: NO_ASSESSMENT });

    expect(result.indicators.get(SICK_LEAVE.key)).toMatchObject({ assessment: 'achieved', assessmentSource: 'suggested' });
  });

  test('when "Ingen bedömning" is chosen for an indicator without a suggestion, then no bedömning is stored', () => {
    const result = readOne(indicator('T', 'text'), { outcome: 'Klart', assessment: NO_ASSESSMENT });

    expect(result.indicators.get('T')).toMatchObject({ assessment: null, assessmentSource: 'owner' });
  });

  test('when "Ingen bedömning" is chosen for the goal, then its bedömning is cleared', () => {
    expect(readSubmission({ 'G1.assessment': NO_ASSESSMENT }, [], { key: GOAL, editable: true }).goal).toEqual({
      assessment: null,
      analysis: '',
    });
  });

  test('when an outcome is typed, then the bedömning suggested from it is reported for the form, chosen or not', () => {
    expect(readOne(SICK_LEAVE, { outcome: '6 %', assessment: 'achieved' }).suggested).toEqual(new Map([[SICK_LEAVE.key, 'not_achieved']]));
    expect(readOne(SICK_LEAVE, { outcome: '6 %' }).suggested).toEqual(new Map([[SICK_LEAVE.key, 'not_achieved']]));
    expect(readOne(indicator('T', 'text'), { outcome: 'Klart' }).suggested).toEqual(new Map());
  });

  describe('plausibility', () => {
    const HME = indicator('HME', 'number', { direction: 'atLeast', target: 80, baseline: 78, unitOfMeasure: 'index' });
    const read = (row: Parameters<typeof rowFields>[1], context: Parameters<typeof readSubmission>[3] = {}) =>
      readSubmission(rowFields(HME.key, row), [HME], { key: GOAL, editable: false }, context);

    test('when a new value is far from the target and the previous value, then it is questioned with what it was compared to', () => {
      const result = read({ outcome: '999999999999' }, { previous: new Map([[HME.key, { kind: 'number', value: 78 }]]) });

      expect(result.ok).toBe(false);
      expect(result.errors.get(HME.key)).toEqual({ outcome: 'implausible' });
      expect(result.implausible.get(HME.key)).toEqual({
        value: { kind: 'number', value: 999999999999 },
        text: '999999999999',
        target: 80,
        previous: { kind: 'number', value: 78 },
        confirmed: false,
      });
      expect(result.typed.get(HME.key)?.outcome).toBe('999999999999');
    });

    test('when the questioned value is saved again as the same text, then it is confirmed and read', () => {
      const result = read({ outcome: '999999999999' }, { confirmed: { [HME.key]: '999999999999' } });

      expect(result.ok).toBe(true);
      expect(result.indicators.get(HME.key)).toMatchObject({
        outcome: { kind: 'number', value: 999999999999 },
        assessment: 'achieved',
        assessmentSource: 'suggested',
      });
      expect(result.implausible.get(HME.key)?.confirmed).toBe(true);
    });

    test('when a different value is saved after the question, then the new one is questioned again', () => {
      expect(read({ outcome: '8 000' }, { confirmed: { [HME.key]: '999999999999' } }).errors.get(HME.key)).toEqual({
        outcome: 'implausible',
      });
    });

    test('when the far value is what is stored already, then it is not questioned again', () => {
      const stored = new Map([[HME.key, { outcome: { kind: 'number' as const, value: 999999999999 } }]]);
      expect(read({ outcome: '999 999 999 999', comment: 'x' }, { stored }).ok).toBe(true);
    });

    test('when a questioned value also lacks its comment, then both are reported', () => {
      const result = read({ outcome: '1', assessment: 'not_achieved' });

      expect(result.errors.get(HME.key)).toEqual({ outcome: 'implausible', comment: 'comment_required' });
    });
  });

  test.each([
    ['comment', { comment: 'x'.repeat(4_000) }, { comment: 'input_too_long' }],
    ['outcome', { outcome: '4'.repeat(4_000) }, { outcome: 'input_too_long' }],
  ])('when the %s was cut at the edge for being too long, then it is reported as such and nothing is read', (field, row, expected) => {
    const result = readSubmission(
      rowFields(SICK_LEAVE.key, row),
      [SICK_LEAVE],
      { key: GOAL, editable: false },
      { tooLong: new Set([`${SICK_LEAVE.key}.${field}`]) },
    );

    expect(result.errors.get(SICK_LEAVE.key)).toEqual(expected);
    expect(result.typed.get(SICK_LEAVE.key)).toMatchObject(row);
  });

  test('when the goal analysis was cut at the edge, then it is refused even though what is left fits', () => {
    const result = readSubmission(
      { 'G1.assessment': 'achieved', 'G1.analysis': 'x'.repeat(4_000) },
      [],
      { key: GOAL, editable: true },
      { tooLong: new Set(['G1.analysis']) },
    );

    expect(result.errors.get(GOAL)).toEqual({ analysis: 'input_too_long' });
    expect(result.typedGoal?.analysis).toHaveLength(4_000);
  });
});
