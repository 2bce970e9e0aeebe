import { MAX_INPUT_LENGTH, SaveGoalData } from './actions';

const FORM = { period: 'RS-2026/DÅ08', goal: 'RS-G1', page: 0, versions: { 'RS-G1-I1': 2, 'RS-G1': 0 } };

describe('SaveGoalData', () => {
  test("when a save carries the form's inputs, then they come out as inputs, apart from what the card itself put in data", () => {
    const parsed = SaveGoalData.parse({ ...FORM, verb: 'goal.save', 'RS-G1-I1.outcome': '4,4 %', 'RS-G1-I1.na': 'false' });

    expect(parsed).toEqual({
      ...FORM,
      goTo: undefined,
      confirmed: undefined,
      inputs: { 'RS-G1-I1.outcome': '4,4 %', 'RS-G1-I1.na': 'false' },
      tooLong: [],
    });
  });

  test('when an input is longer than MAX_INPUT_LENGTH, then it is cut to it and named, and the save is not refused', () => {
    const parsed = SaveGoalData.parse({
      ...FORM,
      'RS-G1-I1.comment': 'å'.repeat(MAX_INPUT_LENGTH + 1),
      'RS-G1.analysis': 'x'.repeat(MAX_INPUT_LENGTH),
    });

    expect(parsed.tooLong).toEqual(['RS-G1-I1.comment']);
    expect(parsed.inputs['RS-G1-I1.comment']).toBe('å'.repeat(MAX_INPUT_LENGTH));
    expect(parsed.inputs['RS-G1.analysis']).toHaveLength(MAX_INPUT_LENGTH);
  });

  test('when an input is named "__proto__", then no prototype changes', () => {
    const parsed = SaveGoalData.parse(JSON.parse(`{"period":"RS-2026/DÅ08","goal":"RS-G1","versions":{},"__proto__":{"polluted":"yes"}}`));

    expect(Object.getPrototypeOf(parsed.inputs)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each([
    ['a confirmation that is not text', { confirmed: { 'RS-G1-I2': 999 } }],
    ['a confirmation longer than any input', { confirmed: { 'RS-G1-I2': '9'.repeat(MAX_INPUT_LENGTH + 1) } }],
    [
      'confirmations for more keys than a form holds',
      { confirmed: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`K${i}`, '1'])) },
    ],
  ])('when the payload has %s, then it is refused', (_situation, extra) => {
    expect(SaveGoalData.safeParse({ ...FORM, ...extra }).success).toBe(false);
  });

  test('when the questioned values come back confirmed, then they are read', () => {
    expect(SaveGoalData.parse({ ...FORM, confirmed: { 'RS-G1-I2': '999999999999' } }).confirmed).toEqual({ 'RS-G1-I2': '999999999999' });
  });
});
