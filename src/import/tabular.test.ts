import type { ImportIssue } from '../domain/import-issues';
import type { PlanFile } from '../domain/plan-format';
import { tabularToPlanFile, type Cell, type PeriodRowInput, type TabularResult, type TabularSheet } from './tabular';
import { MAX_ROWS } from './tabular-sheet';

const HEADER = [
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
] as const;
type Column = (typeof HEADER)[number];
type RowValues = Partial<Record<Column, Cell>>;

const ROW: RowValues = {
  unit_key: 'RS',
  unit: 'Regionstyrelsen',
  plan_year: '2026',
  perspective: 'Medarbetare',
  area: 'Hälsofrämjande arbetsmiljö',
  goal_key: 'RS-G7',
  goal: 'Arbetsmiljön ska vara hälsofrämjande',
  goal_owner: 'anna.berg@region.example',
  indicator_key: 'RS-G7-I1',
  indicator: 'Sjukfrånvaro',
  indicator_owner: '',
  value_type: 'percent',
  unit_of_measure: '%',
  direction: 'decrease',
  baseline: '5,1',
  target: '4,6',
  periods: 'DÅ04, DÅ08, ÅR',
};

const PERIODS: PeriodRowInput[] = [
  { code: 'DÅ04', label: 'Delår per april 2026', opens: '2026-04-30', deadline: '2026-05-12', closes: '2026-05-20' },
  { code: 'DÅ08', label: 'Delår per augusti 2026', opens: '2026-08-31', deadline: '2026-09-11', closes: '2026-09-18' },
  { code: 'ÅR', label: 'Helår 2026', opens: '2027-01-08', deadline: '2027-01-22', closes: '2027-02-01' },
];

const isColumn = (header: string): header is Column => (HEADER as readonly string[]).includes(header);

/** Header row 1, data from row 2; each row overrides ROW. A header that is not English takes ROW's column at its position. */
function sheet(rows: RowValues[], header: readonly string[] = HEADER): TabularSheet {
  return {
    header,
    rows: rows.map((values, index) => {
      const row = { ...ROW, ...values };
      const cells = header.map((column, at) => {
        const key = isColumn(column) ? column : HEADER[at];
        return key === undefined ? null : (row[key] ?? null);
      });
      return { row: index + 2, cells };
    }),
  };
}

function convert(rows: RowValues[], periods: PeriodRowInput[] | null = PERIODS, header?: readonly string[]): TabularResult {
  return tabularToPlanFile({ indicators: sheet(rows, header), periods, organisation: 'Region Exempel' });
}

function fileOf(result: TabularResult): PlanFile {
  if (!result.ok) throw new Error(`expected a plan file, got ${JSON.stringify(result.issues)}`);
  return result.file;
}

function issuesOf(result: TabularResult): ImportIssue[] {
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

const indicatorsOf = (file: PlanFile) =>
  file.plans
    .flatMap((plan) => plan.perspectives)
    .flatMap((p) => [...(p.goals ?? []), ...(p.areas ?? []).flatMap((a) => a.goals)])
    .flatMap((g) => g.indicators);

describe(tabularToPlanFile.name, () => {
  test('when every row is valid, then the rows group into unit, plan, perspective, area, goal and indicators', () => {
    const file = fileOf(
      convert([
        {},
        {
          indicator_key: 'RS-G7-I2',
          indicator: 'Handlingsplan',
          value_type: 'yesno',
          direction: 'ja',
          baseline: '',
          target: 'Ja',
          periods: 'ÅR',
        },
      ]),
    );
    expect(file.units).toEqual([{ key: 'RS', name: 'Regionstyrelsen' }]);
    const [plan] = file.plans;
    expect(plan).toMatchObject({ key: 'RS-2026', unit: 'RS', year: 2026, name: 'Verksamhetsplan 2026 – Regionstyrelsen' });
    expect(plan?.periods.map((period) => period.code)).toEqual(['DÅ04', 'DÅ08', 'ÅR']);
    expect(plan?.perspectives).toMatchObject([
      {
        key: 'RS-2026-medarbetare',
        name: 'Medarbetare',
        areas: [{ key: 'RS-2026-medarbetare-hälsofrämjande-arbetsmiljö', goals: [{ key: 'RS-G7', owners: ['anna.berg@region.example'] }] }],
      },
    ]);
    expect(indicatorsOf(file)).toEqual([
      {
        key: 'RS-G7-I1',
        name: 'Sjukfrånvaro',
        owner: 'anna.berg@region.example',
        valueType: 'percent',
        unit: '%',
        direction: 'decrease',
        baseline: 5.1,
        target: 4.6,
        periods: ['DÅ04', 'DÅ08', 'ÅR'],
      },
      {
        key: 'RS-G7-I2',
        name: 'Handlingsplan',
        owner: 'anna.berg@region.example',
        valueType: 'yesno',
        unit: '%',
        direction: 'yes',
        baseline: null,
        target: true,
        periods: ['ÅR'],
      },
    ]);
  });

  test('when the same sheet is converted twice, then every key is the same', () => {
    const keys = (file: PlanFile) => JSON.stringify(file.plans.map((plan) => plan.perspectives));
    expect(keys(fileOf(convert([{}])))).toBe(keys(fileOf(convert([{}]))));
  });

  test('when the headers are Swedish in any case, with spaces or without accents, then they map like the English ones', () => {
    const swedish = [
      'Enhet_ID',
      'enhet',
      'ÅR',
      'Perspektiv',
      'målområde',
      'mål id',
      'Mål',
      'Målägare',
      'mätetal_id',
      'Mätetal',
      'ansvarig',
      'Typ',
      'enhet_matt',
      'Riktning (öka, minska, behålla, minst, högst, ja)',
      'ingångsvärde',
      'MÅLVÄRDE',
      ' perioder ',
    ];
    expect(convert([{}], PERIODS, swedish)).toEqual(convert([{}]));
  });

  test('when columns are unknown, then each one is an unknown_column issue on the header row', () => {
    const issues = issuesOf(convert([{}], PERIODS, [...HEADER, 'kommentar', 'Ansvarig chef']));
    expect(issues).toEqual([
      { code: 'unknown_column', row: 1, field: 'kommentar', value: 'kommentar' },
      { code: 'unknown_column', row: 1, field: 'Ansvarig chef', value: 'Ansvarig chef' },
    ]);
  });

  test('when required columns are missing, then each one is a missing_column issue', () => {
    const header = HEADER.filter((column) => column !== 'goal_owner' && column !== 'value_type');
    expect(issuesOf(convert([{}], PERIODS, header)).map((issue) => [issue.code, issue.field])).toEqual([
      ['missing_column', 'goal_owner'],
      ['missing_column', 'value_type'],
    ]);
  });

  test('when optional columns are absent, then the unit name defaults to its key and there is no area', () => {
    const header = HEADER.filter(
      (column) => !['unit', 'area', 'indicator_owner', 'unit_of_measure', 'direction', 'baseline', 'target', 'periods'].includes(column),
    );
    const file = fileOf(convert([{}], PERIODS, header));
    expect(file.units).toEqual([{ key: 'RS', name: 'RS' }]);
    expect(file.plans[0]?.perspectives[0]?.goals?.[0]?.indicators[0]).toEqual({
      key: 'RS-G7-I1',
      name: 'Sjukfrånvaro',
      owner: 'anna.berg@region.example',
      valueType: 'percent',
      direction: 'none',
      baseline: null,
      target: null,
    });
  });

  test('when two rows have the same indicator key, then duplicate_key names the other row', () => {
    expect(issuesOf(convert([{}, {}]))).toEqual([
      { code: 'duplicate_key', row: 3, field: 'indicator_key', value: 'RS-G7-I1', detail: '2' },
    ]);
  });

  test('when the first of two rows with the same indicator key has a bad cell, then both problems are reported', () => {
    expect(issuesOf(convert([{ target: '12,3,4' }, { plan_year: 'nästa år' }]))).toEqual([
      { code: 'invalid_number', row: 2, field: 'target', value: '12,3,4', detail: 'multiple_decimal_separators' },
      { code: 'invalid_value', row: 3, field: 'plan_year', value: 'nästa år' },
      { code: 'duplicate_key', row: 3, field: 'indicator_key', value: 'RS-G7-I1', detail: '2' },
    ]);
  });

  test('when a goal key comes back with another title, then conflicting_values names both rows', () => {
    expect(issuesOf(convert([{}, { indicator_key: 'RS-G7-I2', goal: 'Något annat' }]))).toEqual([
      { code: 'conflicting_values', row: 3, field: 'goal', value: 'Något annat', detail: '2' },
    ]);
  });

  test('when later rows of a goal leave the goal cells blank, then they inherit them from its first row', () => {
    const blanks: RowValues = { unit_key: '', unit: '', plan_year: '', perspective: '', area: '', goal: '', goal_owner: '' };
    const file = fileOf(convert([{}, { ...blanks, indicator_key: 'RS-G7-I2' }]));
    expect(indicatorsOf(file).map((indicator) => [indicator.key, indicator.owner])).toEqual([
      ['RS-G7-I1', 'anna.berg@region.example'],
      ['RS-G7-I2', 'anna.berg@region.example'],
    ]);
  });

  test('when the first row of a goal lacks a goal cell, then missing_value names the column', () => {
    expect(issuesOf(convert([{ goal_owner: '' }]))).toEqual([{ code: 'missing_value', row: 2, field: 'goal_owner', value: '' }]);
  });

  test('when a goal has several owners, then they split on , and ; and the first owns the indicators by default', () => {
    const file = fileOf(
      convert([{ goal_owner: 'Erik.Lind@region.example; Anna Berg <anna.berg@region.example>, ERIK.LIND@region.example' }]),
    );
    expect(file.plans[0]?.perspectives[0]?.areas?.[0]?.goals[0]?.owners).toEqual(['erik.lind@region.example', 'anna.berg@region.example']);
    expect(indicatorsOf(file)[0]?.owner).toBe('erik.lind@region.example');
  });

  test('when an owner is not an e-mail address, then invalid_email points at its row and column', () => {
    expect(issuesOf(convert([{}, { indicator_key: 'RS-G7-I2', indicator_owner: 'Anna Berg' }]))).toEqual([
      { code: 'invalid_email', row: 3, field: 'indicator_owner', value: 'Anna Berg' },
    ]);
  });

  test('when a goal owner is a name, then invalid_email shows the whole name once, on the goal row', () => {
    const rows: RowValues[] = [{ goal_owner: 'Erik Lind; anna.berg@region.example' }, { indicator_key: 'RS-G7-I2', goal_owner: '' }];
    expect(issuesOf(convert(rows))).toEqual([{ code: 'invalid_email', row: 2, field: 'goal_owner', value: 'Erik Lind' }]);
  });

  test('when a key holds characters a key may not, then invalid_key points at its row', () => {
    expect(issuesOf(convert([{ indicator_key: '$where' }]))).toEqual([
      { code: 'invalid_key', row: 2, field: 'indicator_key', value: '$where' },
    ]);
  });

  test.each<[string, RowValues, ImportIssue]>([
    [
      'a target with two decimal commas',
      { target: '12,3,4' },
      { code: 'invalid_number', row: 2, field: 'target', value: '12,3,4', detail: 'multiple_decimal_separators' },
    ],
    [
      'a word as a baseline',
      { baseline: 'abc' },
      { code: 'invalid_number', row: 2, field: 'baseline', value: 'abc', detail: 'not_a_number' },
    ],
    [
      'a number as a yes/no target',
      { value_type: 'ja/nej', target: '5' },
      { code: 'invalid_value', row: 2, field: 'target', value: '5', detail: 'not_yes_no' },
    ],
    [
      'a target on a text indicator',
      { value_type: 'text' },
      { code: 'target_type_mismatch', row: 2, field: 'baseline', value: '5,1', detail: 'text' },
    ],
    ['an unknown value type', { value_type: 'decimal' }, { code: 'invalid_value_type', row: 2, field: 'value_type', value: 'decimal' }],
    ['an unknown direction', { direction: 'Se fotnot 1' }, { code: 'invalid_direction', row: 2, field: 'direction', value: 'Se fotnot 1' }],
    ['a plan year that is not a year', { plan_year: '26' }, { code: 'invalid_value', row: 2, field: 'plan_year', value: '26' }],
    ['an indicator without a name', { indicator: '' }, { code: 'missing_value', row: 2, field: 'indicator', value: '' }],
  ])('when a row has %s, then that cell is an issue', (_situation, values, expected) => {
    expect(issuesOf(convert([values]))).toContainEqual(expected);
  });

  test.each<[string, string, string, number | boolean | null]>([
    ['tal', 'Öka', 'increase', 4.6],
    ['antal', 'MINSKA', 'decrease', 4.6],
    ['procent', 'behålla', 'maintain', 4.6],
    ['%', 'minst', 'atLeast', 4.6],
    ['kr', 'högst', 'atMost', 4.6],
    ['belopp', 'hogst', 'atMost', 4.6],
    ['Ja/Nej', 'Ja', 'yes', true],
    ['janej', 'yes', 'yes', true],
    ['Number', 'atLeast', 'atLeast', 4.6],
    ['currency', 'none', 'none', 4.6],
  ])('when the type is %s and the direction %s, then they read as the plan format codes', (type, direction, code, target) => {
    const targetCell = typeof target === 'boolean' ? 'Ja' : '4,6';
    const [indicator] = indicatorsOf(fileOf(convert([{ value_type: type, direction, baseline: '', target: targetCell }])));
    expect([indicator?.direction, indicator?.target]).toEqual([code, target]);
  });

  test('when the direction carries the baseline in brackets, then it becomes the baseline unless the column has one', () => {
    const [fromDirection, ownColumn] = indicatorsOf(
      fileOf(
        convert([
          { direction: 'Minska (ingångsvärde 5,1%)', baseline: '' },
          { indicator_key: 'RS-G7-I2', direction: 'Öka (ingångsvärde 66%)', baseline: '70' },
        ]),
      ),
    );
    expect([fromDirection?.direction, fromDirection?.baseline]).toEqual(['decrease', 5.1]);
    expect([ownColumn?.direction, ownColumn?.baseline]).toEqual(['increase', 70]);
  });

  test('when the cells are typed numbers and booleans (XLSX), then they are used as they are', () => {
    const [number, yesno] = indicatorsOf(
      fileOf(
        convert([
          { baseline: 1600.5, target: 4.6, plan_year: 2026 },
          { indicator_key: 'RS-G7-I2', value_type: 'yesno', baseline: false, target: true },
        ]),
      ),
    );
    expect([number?.baseline, number?.target, yesno?.baseline, yesno?.target]).toEqual([1600.5, 4.6, false, true]);
  });

  test('when the periods cell names a code the plan lacks, then unknown_period lists the defined codes', () => {
    expect(issuesOf(convert([{ periods: 'DÅ04, T1' }]))).toEqual([
      { code: 'unknown_period', row: 2, field: 'periods', value: 'T1', detail: 'DÅ04, DÅ08, ÅR' },
    ]);
  });

  test("when periods are written as `då04,08;år`, then they expand and take the plan's spelling", () => {
    expect(indicatorsOf(fileOf(convert([{ periods: 'då04,08;år' }])))[0]?.periods).toEqual(['DÅ04', 'DÅ08', 'ÅR']);
  });

  test('when there are no periods at all, then missing_periods_sheet is reported', () => {
    expect(issuesOf(convert([{}], null))).toEqual([{ code: 'missing_periods_sheet' }]);
  });

  test('when a period names a plan year or unit, then only those plans get it', () => {
    const periods: PeriodRowInput[] = [
      ...PERIODS,
      { code: 'T1', opens: '2027-04-30', deadline: '2027-05-12', closes: '2027-05-20', planYear: 2027 },
    ];
    const file = fileOf(
      convert([{ periods: '' }, { plan_year: '2027', goal_key: 'RS-G8', indicator_key: 'RS-G8-I1', periods: 'T1' }], periods),
    );
    expect(file.plans.map((plan) => [plan.key, plan.periods.map((period) => period.code)])).toEqual([
      ['RS-2026', ['DÅ04', 'DÅ08', 'ÅR']],
      ['RS-2027', ['DÅ04', 'DÅ08', 'ÅR', 'T1']],
    ]);
    expect(file.plans[1]?.periods[3]?.label).toBe('T1');
  });

  test('when the Perioder sheet has a period whose dates are out of order, then the issue is on that sheet row', () => {
    const periods: TabularSheet = {
      name: 'Perioder',
      header: ['Kod', 'Benämning', 'Öppnar', 'Sista svarsdag', 'Stänger'],
      rows: [{ row: 2, cells: ['ÅR', 'Helår', new Date(Date.UTC(2027, 0, 22)), '2027-01-08', '2027-02-01'] }],
    };
    const result = tabularToPlanFile({ indicators: sheet([{ periods: 'ÅR' }]), periods, organisation: 'Region Exempel' });
    expect(issuesOf(result)).toEqual([{ code: 'period_dates_out_of_order', row: 2, sheet: 'Perioder' }]);
  });

  test('when a row leaves every indicator cell blank, then its goal has no indicators', () => {
    const none: RowValues = Object.fromEntries(HEADER.slice(8).map((column) => [column, '']));
    const goal = fileOf(convert([none])).plans[0]?.perspectives[0]?.areas?.[0]?.goals[0];
    expect(goal).toMatchObject({ key: 'RS-G7', indicators: [] });
  });

  test('when rows are blank, then they are skipped and the other rows keep their sheet row numbers', () => {
    const blank: RowValues = Object.fromEntries(HEADER.map((column) => [column, ' ']));
    expect(issuesOf(convert([{}, blank, {}]))).toEqual([
      { code: 'duplicate_key', row: 4, field: 'indicator_key', value: 'RS-G7-I1', detail: '2' },
    ]);
  });

  test('when there is only a header, then the file is empty', () => {
    expect(issuesOf(convert([]))).toEqual([{ code: 'empty_file' }]);
  });

  test('when there are more rows than the limit, then too_many_rows is the only issue', () => {
    const indicators: TabularSheet = { header: HEADER, rows: Array.from({ length: MAX_ROWS + 1 }, (_, i) => ({ row: i + 2, cells: [] })) };
    expect(issuesOf(tabularToPlanFile({ indicators, periods: PERIODS, organisation: 'R' }))).toEqual([
      { code: 'too_many_rows', value: String(MAX_ROWS + 1), detail: String(MAX_ROWS) },
    ]);
  });
});
