import { splitUnitAndPeriod } from './command-args';

const CODES = ['DÅ04', 'DÅ08', 'ÅR'];

describe(splitUnitAndPeriod.name, () => {
  test.each([
    [[], { unitText: '', period: null }],
    [['DÅ08'], { unitText: '', period: 'DÅ08' }],
    [['då08'], { unitText: '', period: 'då08' }],
    [['RS'], { unitText: 'RS', period: null }],
    [['RS', 'DÅ04'], { unitText: 'RS', period: 'DÅ04' }],
    [['Hälso-', 'och', 'sjukvård', 'år'], { unitText: 'Hälso- och sjukvård', period: 'år' }],
    [['Hälso-', 'och', 'sjukvård'], { unitText: 'Hälso- och sjukvård', period: null }],
  ])('when the arguments are %j, then they split into %j', (args, expected) => {
    expect(splitUnitAndPeriod(args, CODES)).toEqual(expected);
  });

  test('when the period comes first, then it is unit text (only a last word is a period)', () => {
    expect(splitUnitAndPeriod(['DÅ08', 'RS'], CODES)).toEqual({ unitText: 'DÅ08 RS', period: null });
  });

  test('when a word only looks like a period code, then it stays unit text', () => {
    expect(splitUnitAndPeriod(['RS', 'DÅ12'], CODES)).toEqual({ unitText: 'RS DÅ12', period: null });
    expect(splitUnitAndPeriod(['RS', 'DA08'], CODES)).toEqual({ unitText: 'RS DA08', period: null });
  });

  test('when no period is known, then nothing is a period', () => {
    expect(splitUnitAndPeriod(['RS', 'DÅ08'], [])).toEqual({ unitText: 'RS DÅ08', period: null });
  });
});
