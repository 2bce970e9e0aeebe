import { computeOwnerWork, indicatorsInPeriod, ownersInPeriod, unitSubtree } from './owner-work';
import type { Goal, Indicator, Unit } from './plan';
import type { GoalResponse, IndicatorResponse } from './response';
import type { OutcomeValue } from './values';

const ANNA = 'anna@region.example';
const BO = 'bo@region.example';
const CIA = 'cia@region.example';

function goal(key: string, owners: string[], more: Partial<Goal> = {}): Goal {
  return {
    key,
    plan: 'P1',
    unit: 'U1',
    perspective: 'PE1',
    area: null,
    title: `Mål ${key}`,
    owners,
    activities: [],
    order: 0,
    archived: false,
    ...more,
  };
}

function indicator(key: string, goalKey: string, owner: string, more: Partial<Indicator> = {}): Indicator {
  return {
    key,
    plan: 'P1',
    unit: 'U1',
    goal: goalKey,
    perspective: 'PE1',
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

function indicatorResponse(key: string, goalKey: string, outcome: OutcomeValue | null): IndicatorResponse {
  return {
    indicator: key,
    goal: goalKey,
    plan: 'P1',
    unit: 'U1',
    perspective: 'PE1',
    period: 'P1/T1',
    outcome,
    outcomeText: '',
    comment: '',
    assessment: null,
    author: ANNA,
    authorName: 'Anna',
    savedAt: new Date('2026-05-01T08:00:00Z'),
    version: 1,
  };
}

function goalResponse(goalKey: string, assessment: GoalResponse['assessment']): GoalResponse {
  return {
    goal: goalKey,
    plan: 'P1',
    unit: 'U1',
    perspective: 'PE1',
    period: 'P1/T1',
    assessment,
    analysis: '',
    author: ANNA,
    authorName: 'Anna',
    savedAt: new Date('2026-05-01T08:00:00Z'),
    version: 1,
  };
}

const NUMBER = (value: number): OutcomeValue => ({ kind: 'number', value });

/** G1 owned by Anna: I1 (Bo), I2 (Cia), I3 (Anna, only in T2), I4 (Bo, archived). G2 owned by Cia: I5 (Bo). */
const GOALS: Goal[] = [goal('G2', [CIA], { order: 2 }), goal('G1', [ANNA], { order: 1 }), goal('G3', [BO], { order: 3, archived: true })];
const INDICATORS: Indicator[] = [
  indicator('I1', 'G1', BO),
  indicator('I2', 'G1', CIA),
  indicator('I3', 'G1', ANNA, { periods: ['T2'] }),
  indicator('I4', 'G1', BO, { archived: true }),
  indicator('I5', 'G2', BO),
  indicator('I6', 'G3', CIA),
];

function workOf(email: string, responses: { indicators?: IndicatorResponse[]; goals?: GoalResponse[] } = {}, periodCode = 'T1') {
  return computeOwnerWork({
    email,
    periodCode,
    goals: GOALS,
    indicators: INDICATORS,
    indicatorResponses: responses.indicators ?? [],
    goalResponses: responses.goals ?? [],
  });
}

function summary(work: ReturnType<typeof computeOwnerWork>) {
  return work.goals.map((g) => ({
    goal: g.goal.key,
    goalEditable: g.goalEditable,
    indicators: g.indicators.map((item) => `${item.indicator.key}${item.editable ? '*' : ''}`),
    answered: g.answered,
    required: g.required,
  }));
}

describe(indicatorsInPeriod.name, () => {
  test('when indicators are archived or not measured in the period, then only the measured ones are returned', () => {
    expect(indicatorsInPeriod(INDICATORS, 'T1').map((i) => i.key)).toEqual(['I1', 'I2', 'I5', 'I6']);
    expect(indicatorsInPeriod(INDICATORS, 'T2').map((i) => i.key)).toEqual(['I1', 'I2', 'I3', 'I5', 'I6']);
  });

  test('when no indicator lists the period, then none is returned', () => {
    expect(indicatorsInPeriod(INDICATORS, 'ÅR')).toEqual([]);
  });
});

describe(ownersInPeriod.name, () => {
  test('when goals and indicators have owners, then goal owners of live goals and owners of measured indicators are included', () => {
    const goals = [goal('G1', [ANNA]), goal('G9', ['dora@region.example'], { archived: true })];
    const indicators = [
      indicator('I1', 'G1', BO),
      indicator('I2', 'G1', CIA, { periods: ['T2'] }),
      indicator('I3', 'G1', 'eva@region.example', { archived: true }),
    ];

    expect(ownersInPeriod(goals, indicators, 'T1')).toEqual(new Set([ANNA, BO]));
    expect(ownersInPeriod(goals, indicators, 'T2')).toEqual(new Set([ANNA, BO, CIA]));
  });

  test('when a goal has several owners, then each is included once', () => {
    expect(ownersInPeriod([goal('G1', [ANNA, BO]), goal('G2', [BO])], [indicator('I1', 'G2', ANNA)], 'T1')).toEqual(new Set([ANNA, BO]));
  });
});

describe(computeOwnerWork.name, () => {
  test('when the person owns a goal, then every measured indicator of it and the goal itself are editable, but only the goal is theirs to answer', () => {
    expect(summary(workOf(ANNA))).toEqual([{ goal: 'G1', goalEditable: true, indicators: ['I1*', 'I2*'], answered: 0, required: 1 }]);
  });

  test("when a goal owner also owns one of its indicators, then they answer that indicator and the goal, not a colleague's indicator", () => {
    const goals = [goal('G1', [ANNA])];
    const indicators = [indicator('I1', 'G1', ANNA), indicator('I2', 'G1', BO)];
    const work = computeOwnerWork({
      email: ANNA,
      periodCode: 'T1',
      goals,
      indicators,
      indicatorResponses: [indicatorResponse('I1', 'G1', NUMBER(3))],
      goalResponses: [goalResponse('G1', 'achieved')],
    });

    expect(work.goals[0]).toMatchObject({ answered: 2, required: 2 });
    expect(work.doneGoals).toBe(1);
  });

  test('when the person owns only indicators, then they see those goals with only their own indicators editable', () => {
    expect(summary(workOf(BO))).toEqual([
      { goal: 'G1', goalEditable: false, indicators: ['I1*', 'I2'], answered: 0, required: 1 },
      { goal: 'G2', goalEditable: false, indicators: ['I5*'], answered: 0, required: 1 },
    ]);
  });

  test('when the person owns a goal and an indicator of another goal, then goals come in plan order', () => {
    expect(summary(workOf(CIA)).map((g) => [g.goal, g.goalEditable, g.indicators])).toEqual([
      ['G1', false, ['I1', 'I2*']],
      ['G2', true, ['I5*']],
    ]);
  });

  test('when the only indicator a person owns is archived or not measured in the period, then they have no work there', () => {
    const goals = [goal('G1', [ANNA])];
    const indicators = [indicator('I1', 'G1', BO, { archived: true }), indicator('I2', 'G1', BO, { periods: ['T2'] })];

    expect(computeOwnerWork({ email: BO, periodCode: 'T1', goals, indicators, indicatorResponses: [], goalResponses: [] }).goals).toEqual(
      [],
    );
  });

  test('when the goal is archived, then even its owner has no work for it', () => {
    expect(workOf(BO).goals.map((g) => g.goal.key)).not.toContain('G3');
    expect(workOf(CIA).goals.map((g) => g.goal.key)).not.toContain('G3');
  });

  test('when the email differs only in case, then the person is still recognised', () => {
    expect(summary(workOf('Anna@Region.EXAMPLE'))).toEqual(summary(workOf(ANNA)));
    expect(summary(workOf('BO@REGION.EXAMPLE'))).toEqual(summary(workOf(BO)));
  });

  test('when the person owns nothing, then there is no work and nothing is done', () => {
    expect(workOf('dora@region.example')).toEqual({ goals: [], doneGoals: 0 });
  });

  test('when some answers exist, then answered counts outcomes (not available included) and the goal assessment', () => {
    const goals = [goal('G1', [ANNA])];
    const indicators = [indicator('I1', 'G1', ANNA), indicator('I2', 'G1', ANNA)];
    const work = computeOwnerWork({
      email: ANNA,
      periodCode: 'T1',
      goals,
      indicators,
      indicatorResponses: [indicatorResponse('I1', 'G1', NUMBER(3)), indicatorResponse('I2', 'G1', { kind: 'not_available' })],
      goalResponses: [goalResponse('G1', null)],
    });

    expect(summary(work)).toEqual([{ goal: 'G1', goalEditable: true, indicators: ['I1*', 'I2*'], answered: 2, required: 3 }]);
    expect(work.doneGoals).toBe(0);
    expect(work.goals[0]?.indicators.map((item) => item.response?.version)).toEqual([1, 1]);
  });

  test('when a response has no outcome, then it does not count as answered', () => {
    const work = workOf(BO, { indicators: [indicatorResponse('I1', 'G1', null), indicatorResponse('I5', 'G2', NUMBER(0))] });

    expect(summary(work).map((g) => [g.goal, g.answered, g.required])).toEqual([
      ['G1', 0, 1],
      ['G2', 1, 1],
    ]);
    expect(work.doneGoals).toBe(1);
  });

  test('when everything a person must answer is answered, then each goal counts as done', () => {
    const work = workOf(ANNA, {
      indicators: [indicatorResponse('I1', 'G1', NUMBER(3)), indicatorResponse('I2', 'G1', NUMBER(4))],
      goals: [goalResponse('G1', 'partly')],
    });

    expect(work.goals[0]).toMatchObject({ answered: 1, required: 1 });
    expect(work.goals[0]?.goalResponse?.assessment).toBe('partly');
    expect(work.doneGoals).toBe(1);
  });

  test("when others' answers exist for indicators the person may not edit, then they are shown but not counted", () => {
    const work = workOf(BO, { indicators: [indicatorResponse('I2', 'G1', NUMBER(7))] });

    expect(work.goals[0]?.indicators.find((item) => item.indicator.key === 'I2')?.response?.outcome).toEqual(NUMBER(7));
    expect(work.goals[0]).toMatchObject({ answered: 0, required: 1 });
  });

  test('when a goal has no indicators measured in the period, then its owner has the goal-level answer only', () => {
    const goals = [goal('G1', [ANNA])];
    const indicators = [indicator('I1', 'G1', BO, { periods: ['T2'] })];
    const input = { email: ANNA, periodCode: 'T1', goals, indicators, indicatorResponses: [] };

    expect(
      computeOwnerWork({ ...input, goalResponses: [] }).goals.map((g) => [g.goal.key, g.indicators.length, g.answered, g.required]),
    ).toEqual([['G1', 0, 0, 1]]);
    expect(computeOwnerWork({ ...input, goalResponses: [goalResponse('G1', 'achieved')] })).toMatchObject({
      doneGoals: 1,
      goals: [{ answered: 1, required: 1 }],
    });
  });
});

describe(unitSubtree.name, () => {
  const UNITS: Unit[] = [
    { key: 'REGION', name: 'Region', parent: null },
    { key: 'HSF', name: 'Hälso- och sjukvård', parent: 'REGION' },
    { key: 'KIR', name: 'Kirurgi', parent: 'HSF' },
    { key: 'KIR-AVD1', name: 'Avdelning 1', parent: 'KIR' },
    { key: 'MED', name: 'Medicin', parent: 'HSF' },
    { key: 'KS', name: 'Kultur', parent: 'REGION' },
    { key: 'BIB', name: 'Bibliotek', parent: 'KS' },
    { key: 'OTHER', name: 'Annan region', parent: null },
  ];

  test('when the root is the top unit, then every unit below it at any depth is included', () => {
    expect(unitSubtree(UNITS, 'REGION')).toEqual(new Set(['REGION', 'HSF', 'KIR', 'KIR-AVD1', 'MED', 'KS', 'BIB']));
  });

  test('when the root is a middle unit, then its parent and siblings are excluded', () => {
    expect(unitSubtree(UNITS, 'HSF')).toEqual(new Set(['HSF', 'KIR', 'KIR-AVD1', 'MED']));
  });

  test('when the root is a leaf, then only the leaf is returned', () => {
    expect(unitSubtree(UNITS, 'KIR-AVD1')).toEqual(new Set(['KIR-AVD1']));
  });

  test('when the root is unknown, then only that key is returned', () => {
    expect(unitSubtree(UNITS, 'NOPE')).toEqual(new Set(['NOPE']));
  });

  test('when the units contain a cycle, then every unit on it is returned once and the walk ends', () => {
    const cyclic: Unit[] = [
      { key: 'A', name: 'A', parent: 'C' },
      { key: 'B', name: 'B', parent: 'A' },
      { key: 'C', name: 'C', parent: 'B' },
      { key: 'D', name: 'D', parent: 'B' },
    ];

    expect(unitSubtree(cyclic, 'B')).toEqual(new Set(['A', 'B', 'C', 'D']));
  });
});
