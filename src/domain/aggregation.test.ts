import {
  responseRate,
  summarizePeriod,
  type BucketCounts,
  type GoalResponseFacts,
  type IndicatorResponseFacts,
  type PlanOutline,
  type SummarizePeriodInput,
} from './aggregation';
import type { Goal, Indicator, Unit } from './plan';
import type { OutcomeValue } from './values';
import { ASSESSMENTS, type Assessment } from './vocabulary';

const ANNA = 'anna@region.example';
const BO = 'bo@region.example';
const CIA = 'cia@region.example';
const DORA = 'dora@region.example';
const EVA = 'eva@region.example';
const FIA = 'fia@region.example';

const NUMBER: OutcomeValue = { kind: 'number', value: 1 };
const NOT_AVAILABLE: OutcomeValue = { kind: 'not_available' };

function counts(partial: Partial<BucketCounts> = {}): BucketCounts {
  return { achieved: 0, partly: 0, not_achieved: 0, not_measured: 0, missing: 0, ...partial };
}

function goal(key: string, plan: string, unit: string, perspective: string, owners: string[], more: Partial<Goal> = {}): Goal {
  return { key, plan, unit, perspective, area: null, title: `Mål ${key}`, owners, activities: [], order: 0, archived: false, ...more };
}

function indicator(key: string, of: Goal, owner: string, more: Partial<Indicator> = {}): Indicator {
  return {
    key,
    plan: of.plan,
    unit: of.unit,
    goal: of.key,
    perspective: of.perspective,
    name: `Indikator ${key}`,
    owner,
    valueType: 'number',
    unitOfMeasure: null,
    direction: 'increase',
    baseline: null,
    target: null,
    periods: ['T1', 'T2'],
    order: 0,
    archived: false,
    ...more,
  };
}

function answer(key: string, outcome: OutcomeValue | null, assessment: Assessment | null, comment = ''): IndicatorResponseFacts {
  return { indicator: key, outcome, assessment, comment };
}

function assess(key: string, assessment: Assessment | null, analysis = ''): GoalResponseFacts {
  return { goal: key, assessment, analysis };
}

/** R ⊃ F1 ⊃ E1, and X beside them. */
const UNITS: Unit[] = [
  { key: 'R', name: 'Regionstyrelsen', parent: null },
  { key: 'F1', name: 'Förvaltning 1', parent: 'R' },
  { key: 'E1', name: 'Enhet 1', parent: 'F1' },
  { key: 'X', name: 'Annan nämnd', parent: null },
];
const PLANS: PlanOutline[] = [
  {
    key: 'PR',
    unit: 'R',
    perspectives: [
      { key: 'PR-MED', name: 'Medarbetare' },
      { key: 'PR-EKO', name: 'Ekonomi' },
    ],
  },
  {
    key: 'PE',
    unit: 'E1',
    perspectives: [
      { key: 'PE-VER', name: 'Verksamhet' },
      { key: 'PE-MED', name: 'Medarbetare' },
    ],
  },
  { key: 'PX', unit: 'X', perspectives: [{ key: 'PX-MED', name: 'Medarbetare' }] },
];
const GR1 = goal('GR1', 'PR', 'R', 'PR-MED', [ANNA], { order: 0 });
const GR2 = goal('GR2', 'PR', 'R', 'PR-EKO', [BO], { order: 1 });
const GE1 = goal('GE1', 'PE', 'E1', 'PE-VER', [CIA], { order: 2 });
const GE2 = goal('GE2', 'PE', 'E1', 'PE-MED', [DORA], { order: 3 });
const GE3 = goal('GE3', 'PE', 'E1', 'PE-MED', [EVA], { order: 4, archived: true });
const GX1 = goal('GX1', 'PX', 'X', 'PX-MED', [FIA], { order: 5 });
const GOALS = [GR1, GR2, GE1, GE2, GE3, GX1];
const INDICATORS = [
  indicator('IR1', GR1, BO),
  indicator('IR2', GR1, ANNA, { periods: ['T2'] }),
  indicator('IR3', GR2, BO),
  indicator('IE1', GE1, CIA, { order: 1 }),
  indicator('IE2', GE1, DORA, { order: 2 }),
  indicator('IE3', GE2, DORA),
  indicator('IE4', GE2, EVA, { archived: true }),
  indicator('IE5', GE3, EVA),
  indicator('IX1', GX1, FIA),
];
const INDICATOR_RESPONSES = [
  answer('IR1', NUMBER, 'achieved'),
  answer('IR3', NOT_AVAILABLE, 'not_measured', 'Mäts i juni'),
  answer('IE1', NUMBER, 'not_achieved', 'Lång sjukfrånvaro'),
  answer('IE3', NUMBER, 'partly', 'Nära målet'),
  answer('IE4', NUMBER, 'not_achieved', 'Arkiverad'),
  answer('IX1', NUMBER, 'not_achieved', 'Utanför'),
];
const GOAL_RESPONSES = [
  assess('GR1', 'achieved'),
  assess('GE1', 'partly', 'Bemanningen räcker inte'),
  assess('GE2', 'not_achieved', 'Rekrytering pågår'),
  assess('GX1', 'not_achieved', 'Utanför'),
];

function summarize(more: Partial<SummarizePeriodInput> = {}) {
  return summarizePeriod({
    units: UNITS,
    linkedUnits: ['R'],
    plans: PLANS,
    goals: GOALS,
    indicators: INDICATORS,
    periodCode: 'T1',
    indicatorResponses: INDICATOR_RESPONSES,
    goalResponses: GOAL_RESPONSES,
    ...more,
  });
}

describe(summarizePeriod.name, () => {
  test('when the channel is linked to the top unit, then every goal below it counts and other trees, archived and unmeasured items do not', () => {
    const summary = summarize();

    expect(summary.totals).toEqual({
      goals: counts({ achieved: 1, partly: 1, not_achieved: 1, missing: 1 }),
      indicators: counts({ achieved: 1, partly: 1, not_achieved: 1, not_measured: 1, missing: 1 }),
    });
    // Each counted for their own answers: CIA's goal and indicator are answered though DORA's IE2 in it is not.
    expect(summary.owners).toEqual({ total: 4, answered: 2 });
    expect(summary.responseRate).toBe(50);
    expect(summary.missingOwners).toEqual([BO, DORA]);
  });

  test('when the channel is linked to a middle unit, then its sub-unit rolls up and the units above are left out', () => {
    const summary = summarize({ linkedUnits: ['F1'] });

    expect(summary.totals.goals).toEqual(counts({ partly: 1, not_achieved: 1 }));
    expect(summary.totals.indicators).toEqual(counts({ partly: 1, not_achieved: 1, missing: 1 }));
    expect(summary.owners).toEqual({ total: 2, answered: 1 });
    expect(summary.perspectives.map((p) => p.name)).toEqual(['Verksamhet', 'Medarbetare']);
  });

  test('when the channel is linked to several units, then each contributes its own subtree once', () => {
    const summary = summarize({ linkedUnits: ['E1', 'X', 'F1'] });

    expect(summary.totals.goals).toEqual(counts({ partly: 1, not_achieved: 2 }));
    expect(summary.owners).toEqual({ total: 3, answered: 2 });
    expect(summary.missingOwners).toEqual([DORA]);
  });

  test('when plans share a perspective name, then they are merged in plan order', () => {
    expect(summarize().perspectives).toEqual([
      { name: 'Medarbetare', goals: counts({ achieved: 1, not_achieved: 1 }), indicators: counts({ achieved: 1, partly: 1 }) },
      { name: 'Ekonomi', goals: counts({ missing: 1 }), indicators: counts({ not_measured: 1 }) },
      { name: 'Verksamhet', goals: counts({ partly: 1 }), indicators: counts({ not_achieved: 1, missing: 1 }) },
    ]);
  });

  test('when names differ in case and spacing, a goal names an unknown perspective or one has no goals, then each goal counts once and empty ones are left out', () => {
    const plans: PlanOutline[] = [
      {
        key: 'PR',
        unit: 'R',
        perspectives: [
          { key: 'PR-MED', name: 'Medarbetare' },
          { key: 'PR-EKO', name: 'Ekonomi' },
        ],
      },
      { key: 'PE', unit: 'E1', perspectives: [{ key: 'PE-MED', name: ' medarbetare ' }] },
    ];
    const goals = [GR1, GE2, goal('GZ', 'PE', 'E1', 'PE-OKÄND', [ANNA])];

    const summary = summarize({ plans, goals, indicators: [] });

    expect(summary.perspectives.map((p) => [p.name, p.goals])).toEqual([
      ['Medarbetare', counts({ achieved: 1, not_achieved: 1 })],
      ['PE-OKÄND', counts({ missing: 1 })],
    ]);
  });

  test('when an outcome is not available, then it counts as answered and as not measured', () => {
    const goals = [goal('G1', 'PR', 'R', 'PR-MED', [ANNA])];
    const indicators = [indicator('I1', goals[0]!, BO)];

    const summary = summarize({
      goals,
      indicators,
      indicatorResponses: [answer('I1', NOT_AVAILABLE, null, 'Mäts senare')],
      goalResponses: [assess('G1', 'not_measured')],
    });

    expect(summary.totals.indicators).toEqual(counts({ not_measured: 1 }));
    expect(summary.owners).toEqual({ total: 2, answered: 2 });
    expect(summary.responseRate).toBe(100);
    expect(summary.missingOwners).toEqual([]);
  });

  test('when there is no response, no bedömning or no outcome, then the item counts as missing and its owner as not answered', () => {
    const goals = [goal('G1', 'PR', 'R', 'PR-MED', [ANNA]), goal('G2', 'PR', 'R', 'PR-MED', [ANNA])];
    const indicators = [indicator('I1', goals[0]!, BO), indicator('I2', goals[0]!, CIA), indicator('I3', goals[0]!, DORA)];
    const indicatorResponses = [answer('I2', { kind: 'text', value: 'Se bilaga' }, null), answer('I3', null, null, 'Utkast')];

    const summary = summarize({ goals, indicators, indicatorResponses, goalResponses: [assess('G1', null, 'Utkast')] });

    expect(summary.totals).toEqual({ goals: counts({ missing: 2 }), indicators: counts({ missing: 3 }) });
    expect(summary.owners).toEqual({ total: 4, answered: 1 });
    expect(summary.missingOwners).toEqual([ANNA, BO, DORA]);
  });

  test('when a goal owner answered the indicators but not the goal bedömning, then they have not answered', () => {
    const goals = [goal('G1', 'PR', 'R', 'PR-MED', [ANNA])];
    const indicators = [indicator('I1', goals[0]!, ANNA)];
    const indicatorResponses = [answer('I1', NUMBER, 'achieved')];

    expect(summarize({ goals, indicators, indicatorResponses, goalResponses: [] }).missingOwners).toEqual([ANNA]);
    expect(summarize({ goals, indicators, indicatorResponses, goalResponses: [assess('G1', 'achieved')] }).missingOwners).toEqual([]);
  });

  test("when a goal owner set the bedömning but a colleague's indicator is unanswered, then only the colleague has not answered", () => {
    const goals = [goal('G1', 'PR', 'R', 'PR-MED', [ANNA, EVA])];
    const indicators = [indicator('I1', goals[0]!, ANNA), indicator('I2', goals[0]!, BO)];

    const summary = summarize({
      goals,
      indicators,
      indicatorResponses: [answer('I1', NUMBER, 'achieved')],
      goalResponses: [assess('G1', 'achieved')],
    });

    expect(summary.missingOwners).toEqual([BO]);
    expect(summary.owners).toEqual({ total: 3, answered: 2 });
  });

  test('when 2 of 3 or 199 of 200 have answered, then the rate is rounded but never 100 before everyone has', () => {
    expect(responseRate(2, 3)).toBe(67);
    expect(responseRate(1, 3)).toBe(33);
    expect(responseRate(199, 200)).toBe(99);
    expect(responseRate(200, 200)).toBe(100);
    expect(responseRate(0, 0)).toBe(0);
  });

  test('when goals or indicators are red, then they are listed by unit and order with the analysis and the red comments', () => {
    expect(summarize().redGoals).toEqual([
      {
        goalKey: 'GE1',
        title: 'Mål GE1',
        unit: 'E1',
        unitName: 'Enhet 1',
        perspective: 'Verksamhet',
        comments: [
          { indicatorKey: null, name: 'Mål GE1', comment: 'Bemanningen räcker inte', indicator: null, outcome: null },
          { indicatorKey: 'IE1', name: 'Indikator IE1', comment: 'Lång sjukfrånvaro', indicator: INDICATORS[3], outcome: NUMBER },
        ],
      },
      {
        goalKey: 'GE2',
        title: 'Mål GE2',
        unit: 'E1',
        unitName: 'Enhet 1',
        perspective: 'Medarbetare',
        comments: [{ indicatorKey: null, name: 'Mål GE2', comment: 'Rekrytering pågår', indicator: null, outcome: null }],
      },
    ]);
    expect(summarize().moreRed).toBe(0);
  });

  test('when there are more red goals than the limit, then the list is cut and moreRed tells how many were left out', () => {
    const goals = Array.from({ length: 13 }, (_, n) =>
      goal(`G${n}`, 'PE', n % 2 === 0 ? 'E1' : 'F1', 'PE-VER', [ANNA], { order: 100 - n }),
    );
    const goalResponses = goals.map((g) => assess(g.key, 'not_achieved', `Analys ${g.key}`));
    const input = { goals, indicators: [], indicatorResponses: [], goalResponses };

    const byDefault = summarize(input);
    const cut = summarize({ ...input, redLimit: 3 });

    expect(byDefault.redGoals).toHaveLength(10);
    expect(byDefault.moreRed).toBe(3);
    expect(cut.redGoals.map((g) => g.goalKey)).toEqual(['G12', 'G10', 'G8']);
    expect(cut.moreRed).toBe(10);
    expect(summarize({ ...input, redLimit: 0 })).toMatchObject({ redGoals: [], moreRed: 13 });
    expect(() => summarize({ ...input, redLimit: -1 })).toThrow(RangeError);
  });

  test('when the previous period has goal bedömningar, then only goals assessed both then and now are compared, per bedömning', () => {
    // GR2 has no bedömning now and GE2 had none then: neither moves anything; GX1 is outside the view.
    const previous = {
      indicatorResponses: [answer('IR1', NUMBER, 'partly')],
      goalResponses: [assess('GR1', 'achieved'), assess('GR2', 'achieved'), assess('GE1', 'not_achieved'), assess('GX1', 'partly')],
    };

    expect(summarize({ previous }).comparison).toEqual({
      level: 'goals',
      compared: 2,
      change: { achieved: 0, partly: 1, not_achieved: -1, not_measured: 0 },
    });
  });

  test('when the previous period has no goal bedömningar, then indicators assessed both times are compared instead', () => {
    // IR1 went from gul to grön, IE1 stayed röd, IR3 "ej tillgängligt" (grå) both times; IE3 was not assessed then.
    const previous = {
      indicatorResponses: [
        answer('IR1', NUMBER, 'partly'),
        answer('IE1', NUMBER, 'not_achieved'),
        answer('IR3', NOT_AVAILABLE, null),
        answer('IE3', NUMBER, null),
        answer('IX1', NUMBER, 'achieved'),
      ],
      goalResponses: [assess('GR1', null)],
    };

    expect(summarize({ previous }).comparison).toEqual({
      level: 'indicators',
      compared: 3,
      change: { achieved: 1, partly: -1, not_achieved: 0, not_measured: 0 },
    });
  });

  test('when there is no previous period, it had no bedömningar in view, or nothing is assessed in both yet, then there is no comparison', () => {
    expect(summarize().comparison).toBeNull();
    expect(summarize({ previous: null }).comparison).toBeNull();
    expect(
      summarize({ previous: { indicatorResponses: [answer('IX1', NUMBER, 'achieved')], goalResponses: [assess('GX1', 'partly')] } })
        .comparison,
    ).toBeNull();
    expect(summarize({ previous: { indicatorResponses: [], goalResponses: [assess('GR2', 'achieved')] } }).comparison).toBeNull();
  });

  test('when the same goals, indicators and responses come in another order, then the summary is the same', () => {
    const interleaved = INDICATORS.map((_, n) => INDICATORS[n % 2 === 0 ? n / 2 : INDICATORS.length - 1 - (n - 1) / 2]!);

    expect(new Set(interleaved)).toEqual(new Set(INDICATORS));
    expect(
      summarize({ goals: [...GOALS].reverse(), indicators: interleaved, indicatorResponses: [...INDICATOR_RESPONSES].reverse() }),
    ).toEqual(summarize());
  });

  test('when nobody has anything to answer, then the response rate is 0 and every list is empty', () => {
    const summary = summarize({ linkedUnits: ['okänd'] });

    expect(summary).toMatchObject({
      owners: { total: 0, answered: 0 },
      responseRate: 0,
      perspectives: [],
      redGoals: [],
      moreRed: 0,
      missingOwners: [],
    });
    expect(summary.totals).toEqual({ goals: counts(), indicators: counts() });
  });

  test('when the region has 50 000 indicators, 10 000 goals and 10 000 owners, then every count is exact', () => {
    const summary = summarizePeriod(syntheticRegion());

    expect(summary.totals).toEqual({
      goals: counts({ achieved: 2_500, partly: 2_500, not_achieved: 2_500, missing: 2_500 }),
      indicators: counts({ achieved: 18_000, partly: 9_000, not_achieved: 9_000, not_measured: 9_000, missing: 5_000 }),
    });
    expect(summary.perspectives.map((p) => p.name)).toEqual(['Medborgare', 'Verksamhet', 'Medarbetare', 'Ekonomi']);
    expect(summary.perspectives[0]!.indicators).toEqual(
      counts({ achieved: 4_000, partly: 2_000, not_achieved: 2_000, not_measured: 2_000, missing: 2_500 }),
    );
    expect(summary.perspectives[1]!.goals).toEqual(counts({ achieved: 2_500 }));
    expect(summary.owners).toEqual({ total: 10_000, answered: 6_000 });
    expect(summary.responseRate).toBe(60);
    expect(summary.missingOwners).toHaveLength(4_000);
    expect(summary.redGoals.map((g) => g.goalKey)).toEqual(['G1', 'G101', 'G201', 'G301', 'G401', 'G501', 'G601', 'G701', 'G801', 'G901']);
    expect(summary.moreRed).toBe(9_000 - 10);
    expect(summary.comparison).toEqual({
      level: 'goals',
      compared: 7_500,
      change: { achieved: -5_000, partly: 2_500, not_achieved: 2_500, not_measured: 0 },
    });
  });
});

/**
 * 100 units under ten administrations, one plan each with four perspectives; goal g sits in unit
 * g % 100 and perspective g % 4 and is owned by owner g; its indicators 0, 2, 4 are owned by owner g
 * and 1, 3 by owner g + 1. Goals with g % 10 = 0 have no indicator answers; the others get one
 * bedömning per indicator position. Goals with g % 4 = 0 have no bedömning, else one by g % 4.
 */
function syntheticRegion(): SummarizePeriodInput {
  const units: Unit[] = [{ key: 'R', name: 'Region', parent: null }];
  for (let f = 0; f < 10; f += 1) units.push({ key: `F${f}`, name: `Förvaltning ${f}`, parent: 'R' });
  const plans: PlanOutline[] = [];
  for (let u = 0; u < 100; u += 1) {
    const unit = `E${String(u).padStart(2, '0')}`;
    units.push({ key: unit, name: `Enhet ${u}`, parent: `F${Math.floor(u / 10)}` });
    plans.push({
      key: `P${u}`,
      unit,
      perspectives: ['Medborgare', 'Verksamhet', 'Medarbetare', 'Ekonomi'].map((name, p) => ({ key: `P${u}-${p}`, name })),
    });
  }
  const goals: Goal[] = [];
  const indicators: Indicator[] = [];
  const indicatorResponses: IndicatorResponseFacts[] = [];
  const goalResponses: GoalResponseFacts[] = [];
  const previous: GoalResponseFacts[] = [];
  const bedömning: Assessment[] = ['achieved', 'partly', 'not_achieved', 'not_measured', 'achieved'];
  for (let g = 0; g < 10_000; g += 1) {
    const u = g % 100;
    const owned = goal(`G${g}`, `P${u}`, plans[u]!.unit, `P${u}-${g % 4}`, [`owner${g}@region.example`], { order: g });
    goals.push(owned);
    for (let i = 0; i < 5; i += 1) {
      const key = `G${g}-I${i}`;
      indicators.push(indicator(key, owned, `owner${i % 2 === 0 ? g : (g + 1) % 10_000}@region.example`, { order: i }));
      const assessment = bedömning[i]!;
      if (g % 10 !== 0)
        indicatorResponses.push(answer(key, assessment === 'not_measured' ? NOT_AVAILABLE : NUMBER, assessment, 'Kommentar'));
    }
    if (g % 4 !== 0) goalResponses.push(assess(owned.key, ASSESSMENTS[g % 4 === 1 ? 0 : g % 4 === 2 ? 1 : 2]!));
    previous.push(assess(owned.key, 'achieved'));
  }
  return {
    units,
    linkedUnits: ['R'],
    plans,
    goals,
    indicators,
    periodCode: 'T1',
    indicatorResponses,
    goalResponses,
    previous: { indicatorResponses: [], goalResponses: previous },
  };
}
