import { groupByInbox, inboxDeadline, isInInbox, promptCover, sameCode } from './inbox';

const YEARS = new Map([
  ['RS-2022', 2022],
  ['HSN-2022', 2022],
  ['RS-2023', 2023],
]);

describe('inbox', () => {
  test('when period codes differ only in case, then they are the same code', () => {
    expect(sameCode('DÅ04', 'då04')).toBe(true);
    expect(sameCode('DÅ04', 'DÅ08')).toBe(false);
  });

  test('when periods of several plans share a code and year, then they are one inbox; another year is another', () => {
    const periods = [
      { id: 'RS-2022/DÅ04', plan: 'RS-2022', code: 'DÅ04' },
      { id: 'HSN-2022/DÅ04', plan: 'HSN-2022', code: 'då04' },
      { id: 'RS-2023/DÅ04', plan: 'RS-2023', code: 'DÅ04' },
      { id: 'RS-2022/DÅ08', plan: 'RS-2022', code: 'DÅ08' },
    ];
    expect(groupByInbox(periods, YEARS).map((group) => [group.ref, group.periods.map((period) => period.id)])).toEqual([
      [{ code: 'DÅ04', year: 2022 }, ['RS-2022/DÅ04', 'HSN-2022/DÅ04']],
      [{ code: 'DÅ04', year: 2023 }, ['RS-2023/DÅ04']],
      [{ code: 'DÅ08', year: 2022 }, ['RS-2022/DÅ08']],
    ]);
    expect(isInInbox(periods[1]!, { code: 'DÅ04', year: 2022 }, YEARS)).toBe(true);
    expect(isInInbox(periods[2]!, { code: 'DÅ04', year: 2022 }, YEARS)).toBe(false);
  });

  test('when a card covers plans, then the cover is their sorted keys once each, whatever the order', () => {
    expect(promptCover(['RS-2022', 'HSN-2022', 'RS-2022'])).toBe('HSN-2022+RS-2022');
    expect(promptCover(['HSN-2022', 'RS-2022'])).toBe(promptCover(['RS-2022', 'HSN-2022']));
  });

  test('when a card covers very many plans, then the cover is a short stable hash that still tells covers apart', () => {
    const many = Array.from({ length: 40 }, (_, index) => `NAMND-${String(index).padStart(2, '0')}-2022`);
    const cover = promptCover(many);
    expect(cover).toMatch(/^40-plans-[0-9a-f]{20}$/);
    expect(promptCover([...many].reverse())).toBe(cover);
    expect(promptCover(many.slice(1))).not.toBe(cover);
  });

  test('when the plans have the same deadline, then it is the one shown; when they differ, the earliest, flagged', () => {
    expect(inboxDeadline(['2022-05-12', '2022-05-12'])).toEqual({ earliest: '2022-05-12', differ: false });
    expect(inboxDeadline(['2022-05-19', '2022-05-12'])).toEqual({ earliest: '2022-05-12', differ: true });
    expect(inboxDeadline([])).toEqual({ earliest: '', differ: false });
  });
});
