import { PLAN_FIXTURES, readJsonFixture } from '../../test/support/fixtures';
import { PlanFileSchema, type PlanFile } from '../domain/plan-format';
import { formatNumber } from '../domain/values';
import type { Direction, ValueType } from '../domain/vocabulary';
import { detectDelimiter, parseCsvSheet, readCsv } from './read-csv';
import type { PeriodRowInput, TabularResult } from './tabular';

const SWEDISH_HEADER = [
  'enhet_id',
  'enhet',
  'år',
  'perspektiv',
  'målområde',
  'mål_id',
  'mål',
  'målägare',
  'mätetal_id',
  'mätetal',
  'ansvarig',
  'typ',
  'enhet_mått',
  'riktning',
  'ingångsvärde',
  'målvärde',
  'perioder',
];
const ENGLISH_HEADER = [
  'unit_key',
  'unit',
  'plan_year',
  'perspective',
  'area',
  'goal_key',
  'goal',
  'goal_owner',
  'indicator_key',
  'indicator',
  'indicator_owner',
  'value_type',
  'unit_of_measure',
  'direction',
  'baseline',
  'target',
  'periods',
];
const SICK_LEAVE = [
  'RS',
  'Regionstyrelsen',
  '2026',
  'Medarbetare',
  'Hälsofrämjande arbetsmiljö',
  'RS-G7',
  'Arbetsmiljön ska vara hälsofrämjande, och hållbar',
  'anna.berg@region.example',
  'RS-G7-I1',
  'Sjukfrånvaro',
  '',
  'procent',
  '%',
  'Minska',
  '5,1 %',
  '4,6',
  'DÅ04; DÅ08; ÅR',
];
const PERIODS: PeriodRowInput[] = [
  { code: 'DÅ04', label: 'Delår per april 2026', opens: '2026-04-30', deadline: '2026-05-12', closes: '2026-05-20' },
  { code: 'DÅ08', label: 'Delår per augusti 2026', opens: '2026-08-31', deadline: '2026-09-11', closes: '2026-09-18' },
  { code: 'ÅR', label: 'Helår 2026', opens: '2027-01-08', deadline: '2027-01-22', closes: '2027-02-01' },
];
const OPTIONS = { organisation: 'Region Exempel', periods: PERIODS };

function toCsv(rows: readonly (readonly string[])[], delimiter: ';' | ','): string {
  const quote = (cell: string) => (/[;,"\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n');
}

function fileOf(result: TabularResult): PlanFile {
  if (!result.ok) throw new Error(`expected a plan file, got ${JSON.stringify(result.issues)}`);
  return result.file;
}

const goalsOf = (file: PlanFile) =>
  file.plans.flatMap((plan) => plan.perspectives).flatMap((p) => [...(p.goals ?? []), ...(p.areas ?? []).flatMap((a) => a.goals)]);

describe(readCsv.name, () => {
  test('when the file is `;`-separated with a BOM and Swedish headers, then it becomes a plan file', () => {
    const file = fileOf(readCsv(`\uFEFF${toCsv([SWEDISH_HEADER, SICK_LEAVE], ';')}\r\n`, OPTIONS));
    expect(goalsOf(file)).toMatchObject([{ key: 'RS-G7', title: 'Arbetsmiljön ska vara hälsofrämjande, och hållbar' }]);
    expect(goalsOf(file)[0]?.indicators[0]).toMatchObject({
      valueType: 'percent',
      direction: 'decrease',
      baseline: 5.1,
      target: 4.6,
      periods: ['DÅ04', 'DÅ08', 'ÅR'],
    });
  });

  test('when the file is `,`-separated without a BOM and has English headers, then it reads the same', () => {
    const semicolon = readCsv(toCsv([SWEDISH_HEADER, SICK_LEAVE], ';'), OPTIONS);
    expect(readCsv(toCsv([ENGLISH_HEADER, SICK_LEAVE], ','), OPTIONS)).toEqual(semicolon);
  });

  test('when the file comes as UTF-8 bytes with a BOM, then it reads like the text', () => {
    const text = toCsv([SWEDISH_HEADER, SICK_LEAVE], ';');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(readCsv(bytes, OPTIONS)).toEqual(readCsv(text, OPTIONS));
  });

  test('when the bytes are Windows-1252 as old Swedish Excel saves them, then å, ä and ö still read right', () => {
    const text = toCsv([SWEDISH_HEADER, SICK_LEAVE], ';');
    const latin1 = Buffer.from(text, 'latin1');
    expect(readCsv(latin1, OPTIONS)).toEqual(readCsv(text, OPTIONS));
  });

  test('when a quote is never closed, then csv_syntax gives its line instead of throwing', () => {
    const text = `${toCsv([SWEDISH_HEADER, SICK_LEAVE], ';')}\n"RS;Regionstyrelsen;2026\n`;
    expect(readCsv(text, OPTIONS)).toEqual({ ok: false, issues: [{ code: 'csv_syntax', row: 3, detail: 'CSV_QUOTE_NOT_CLOSED' }] });
  });

  test('when a row has more cells than the header, then csv_syntax gives its line', () => {
    const text = toCsv([SWEDISH_HEADER, SICK_LEAVE, [...SICK_LEAVE, 'extra']], ';');
    expect(readCsv(text, OPTIONS)).toEqual({
      ok: false,
      issues: [{ code: 'csv_syntax', row: 3, detail: 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' }],
    });
  });

  test.each([
    ['an empty string', ''],
    ['only a BOM and line breaks', '\uFEFF\r\n\r\n'],
  ])('when the file is %s, then it is empty_file', (_situation, text) => {
    expect(readCsv(text, OPTIONS)).toEqual({ ok: false, issues: [{ code: 'empty_file' }] });
  });

  test('when the bytes are binary, then not_csv', () => {
    expect(readCsv(Buffer.from('%PDF-1.7\n\u0000\u0001binary'), OPTIONS)).toEqual({
      ok: false,
      issues: [{ code: 'not_csv', detail: 'binary' }],
    });
  });

  test('when a cell spans two lines and a blank line follows, then issues name the line each record starts on', () => {
    const twoLines = SICK_LEAVE.map((cell, index) => (index === 9 ? 'Sjuk-\nfrånvaro' : cell));
    const text = `${toCsv([SWEDISH_HEADER, twoLines], ';')}\n\n${toCsv([SICK_LEAVE], ';')}`;
    expect(readCsv(text, OPTIONS)).toEqual({
      ok: false,
      issues: [{ code: 'duplicate_key', row: 5, field: 'mätetal_id', value: 'RS-G7-I1', detail: '2' }],
    });
  });

  test('when an unknown column and a missing one meet, then both are reported with the headers as written', () => {
    const header = SWEDISH_HEADER.map((column) => (column === 'målägare' ? 'Kommentar' : column));
    const result = readCsv(toCsv([header, SICK_LEAVE], ';'), OPTIONS);
    expect(result).toEqual({
      ok: false,
      issues: [
        { code: 'unknown_column', row: 1, field: 'Kommentar', value: 'Kommentar' },
        { code: 'missing_column', row: 1, field: 'goal_owner', detail: 'goal_owner, målägare' },
      ],
    });
  });

  describe('the plan fixtures flattened to Swedish CSV', () => {
    test.each([
      ['norrbotten', PLAN_FIXTURES.norrbotten],
      ['halland', PLAN_FIXTURES.halland],
    ])('when %s is read back, then goals, indicators, owners, targets and periods are the same', (_name, fixture) => {
      const original = PlanFileSchema.parse(readJsonFixture(fixture));
      const plan = original.plans[0];
      if (plan === undefined) throw new Error('fixture without a plan');
      const converted = fileOf(readCsv(toCsv(flatten(original), ';'), { organisation: original.organisation, periods: plan.periods }));
      expect(summary(converted)).toEqual(summary(original));
      expect(converted.plans.map((p) => [p.key, p.unit, p.year, p.periods])).toEqual(
        original.plans.map((p) => [p.key, p.unit, p.year, p.periods]),
      );
    });
  });
});

describe(parseCsvSheet.name, () => {
  test('when a periods CSV has a bad date, then its issue is on the periods sheet, not on the indicator file', () => {
    const periods = parseCsvSheet(
      'kod;namn;öppnar;sista svarsdag;stänger\nDÅ04;April;30/4;2026-05-12;2026-05-20\nDÅ08;Augusti;2026-08-31;2026-09-11;2026-09-18\nÅR;Helår;2027-01-08;2027-01-22;2027-02-01\n',
    );
    if (!periods.ok) throw new Error('expected a sheet');
    const result = readCsv(toCsv([SWEDISH_HEADER, SICK_LEAVE], ';'), { organisation: 'Region Exempel', periods: periods.sheet });
    expect(result).toEqual({ ok: false, issues: [{ code: 'invalid_date', sheet: 'Perioder', row: 2, field: 'öppnar', value: '30/4' }] });
  });

  test('when the first lines are blank, then the header is the first line with text and keeps its line number', () => {
    const read = parseCsvSheet('\n\nkod;namn\nÅR;Helår\n');
    expect(read).toEqual({ ok: true, sheet: { header: ['kod', 'namn'], headerRow: 3, rows: [{ row: 4, cells: ['ÅR', 'Helår'] }] } });
  });
});

describe(detectDelimiter.name, () => {
  test.each<[string, ';' | ',', string]>([
    ['semicolons', ';', 'enhet_id;mål;typ\n1,5;2'],
    ['commas', ',', 'unit_key,goal,value_type\n1;2'],
    ['semicolons inside quotes', ',', '"a;b;c",goal,type'],
    ['commas inside quotes', ';', '"Mål, delmål";typ'],
    ['blank lines before it', ';', '\n\nkod;namn'],
    ['a single column', ',', 'enhet_id'],
  ])('when the header line has %s, then the delimiter is %s', (_situation, delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

const SWEDISH_TYPES: Record<ValueType, string> = { number: 'tal', percent: 'procent', currency: 'kr', yesno: 'ja/nej', text: 'text' };
const SWEDISH_DIRECTIONS: Record<Direction, string> = {
  increase: 'öka',
  decrease: 'minska',
  maintain: 'behålla',
  atLeast: 'minst',
  atMost: 'högst',
  yes: 'ja',
  none: '',
};

/** One Swedish-headed row per indicator, and one per goal without indicators, as a coordinator would write them. */
function flatten(file: PlanFile): string[][] {
  const value = (v: number | boolean | null | undefined) =>
    v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'Ja' : 'Nej') : formatNumber(v, 10);
  const rows = file.plans.flatMap((plan) =>
    plan.perspectives.flatMap((perspective) => {
      const placed = [
        ...(perspective.goals ?? []).map((goal) => ({ area: '', goal })),
        ...(perspective.areas ?? []).flatMap((area) => area.goals.map((goal) => ({ area: area.name, goal }))),
      ];
      return placed.flatMap(({ area, goal }) => {
        const unitName = file.units.find((unit) => unit.key === plan.unit)?.name ?? '';
        const head = [plan.unit, unitName, String(plan.year), perspective.name, area, goal.key, goal.title, goal.owners.join('; ')];
        if (goal.indicators.length === 0) return [[...head, ...Array<string>(9).fill('')]];
        return goal.indicators.map((i) => [
          ...head,
          i.key,
          i.name,
          i.owner ?? '',
          SWEDISH_TYPES[i.valueType],
          i.unit ?? '',
          SWEDISH_DIRECTIONS[i.direction],
          value(i.baseline),
          value(i.target),
          (i.periods ?? []).join(', '),
        ]);
      });
    }),
  );
  return [SWEDISH_HEADER, ...rows];
}

function summary(file: PlanFile) {
  return goalsOf(file).map((goal) => ({
    key: goal.key,
    title: goal.title,
    owners: goal.owners,
    indicators: goal.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      owner: i.owner,
      valueType: i.valueType,
      unit: i.unit,
      direction: i.direction,
      baseline: i.baseline ?? null,
      target: i.target ?? null,
      periods: i.periods ?? [],
    })),
  }));
}

describe('the unit manager column (enhetschef / unit_manager)', () => {
  const header = [...SWEDISH_HEADER, 'Enhetschef'];
  const second = SICK_LEAVE.map((cell, index) => (index === 8 ? 'RS-G7-I2' : index === 9 ? 'Antal anställda' : cell));

  test('when the column names the same chef on every row of a unit (or leaves it blank on some), then the unit has that manager', () => {
    const file = fileOf(readCsv(toCsv([header, [...SICK_LEAVE, 'Karin.Ek@region.example'], [...second, '']], ';'), OPTIONS));
    expect(file.units).toEqual([{ key: 'RS', name: 'Regionstyrelsen', manager: 'karin.ek@region.example' }]);
  });

  test('when two rows of a unit name different chefs, then the import fails naming the row, the column and the earlier row', () => {
    const result = readCsv(toCsv([header, [...SICK_LEAVE, 'karin.ek@region.example'], [...second, 'bo.ek@region.example']], ';'), OPTIONS);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual([
      expect.objectContaining({ code: 'conflicting_values', row: 3, field: 'Enhetschef', value: 'bo.ek@region.example' }),
    ]);
  });

  test('when the chef is not an e-mail address, then the plan file is refused for that unit', () => {
    const result = readCsv(toCsv([header, [...SICK_LEAVE, 'Karin Ek']], ';'), OPTIONS);
    const parsed = result.ok ? PlanFileSchema.safeParse(result.file) : null;
    expect(result.ok === false || parsed?.success === false).toBe(true);
  });

  test('when the column is absent, then units have no manager', () => {
    const file = fileOf(readCsv(toCsv([SWEDISH_HEADER, SICK_LEAVE], ';'), OPTIONS));
    expect(file.units[0]).not.toHaveProperty('manager');
  });
});
