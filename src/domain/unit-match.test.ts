import type { Unit } from './plan';
import { matchUnits } from './unit-match';

const UNITS: Unit[] = [
  { key: 'RS', name: 'Regionstyrelsen', parent: null },
  { key: 'HS', name: 'Hälso- och sjukvård', parent: 'RS' },
  { key: 'KF', name: 'Kultur och fritid', parent: 'RS' },
];

describe(matchUnits.name, () => {
  test('when a key or a name is typed in any case and without accents, then that unit is found', () => {
    expect(matchUnits(UNITS, 'rs').units.map((unit) => unit.key)).toEqual(['RS']);
    expect(matchUnits(UNITS, 'halso- och SJUKVARD').units.map((unit) => unit.key)).toEqual(['HS']);
  });

  test('when several are listed with commas or spaces, then each is found once', () => {
    expect(matchUnits(UNITS, 'Kultur och fritid, HS').units.map((unit) => unit.key)).toEqual(['KF', 'HS']);
    expect(matchUnits(UNITS, 'RS HS RS').units.map((unit) => unit.key)).toEqual(['RS', 'HS']);
  });

  test('when something matches no unit, then it is reported with the nearest name', () => {
    const result = matchUnits(UNITS, 'Regionstyrelsn');
    expect(result.units).toEqual([]);
    expect(result.unknown).toEqual([{ typed: 'Regionstyrelsn', suggestion: 'Regionstyrelsen' }]);
    expect(matchUnits(UNITS, 'XYZ').unknown).toEqual([{ typed: 'XYZ', suggestion: null }]);
  });
});
