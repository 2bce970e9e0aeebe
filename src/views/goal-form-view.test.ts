import type { GoalWork } from '../domain/owner-work';
import type { Indicator } from '../domain/plan';
import type { IndicatorResponse } from '../domain/response';
import { readSubmission } from '../domain/submission';
import type { PeriodWork } from '../services/collect-service';
import { goalFormView, type GoalFormOptions } from './goal-form-view';

const PERIOD = 'P1/DÅ08';

function indicator(key: string, more: Partial<Indicator> = {}): Indicator {
  return {
    key,
    plan: 'P1',
    unit: 'U1',
    goal: 'G1',
    perspective: 'PE1',
    name: `Indikator ${key}`,
    owner: 'anna@region.example',
    valueType: 'percent',
    unitOfMeasure: '%',
    direction: 'decrease',
    baseline: 5.1,
    target: 4.6,
    periods: ['DÅ08'],
    order: 0,
    archived: false,
    ...more,
  };
}

function response(key: string, more: Partial<IndicatorResponse> = {}): IndicatorResponse {
  return {
    indicator: key,
    goal: 'G1',
    plan: 'P1',
    unit: 'U1',
    perspective: 'PE1',
    period: PERIOD,
    outcome: { kind: 'number', value: 6 },
    outcomeText: '6 %',
    comment: 'Influensa',
    assessment: 'not_achieved',
    author: 'anna@region.example',
    authorName: 'Anna Berg',
    savedAt: new Date('2026-09-01T08:00:00Z'),
    version: 3,
    ...more,
  };
}

const SICK = indicator('I1');
const HME = indicator('I2', { valueType: 'number', unitOfMeasure: 'index', direction: 'atLeast', baseline: 78, target: 80 });
const COST = indicator('I3', { valueType: 'currency', unitOfMeasure: 'mnkr', baseline: 310, target: 250 });
const PLAN_DONE = indicator('I4', { valueType: 'yesno', unitOfMeasure: null, direction: 'yes', baseline: null, target: true });

function view(responses: Partial<Record<string, IndicatorResponse>>): { view: PeriodWork; goal: GoalWork } {
  const goal: GoalWork = {
    goal: {
      key: 'G1',
      plan: 'P1',
      unit: 'U1',
      perspective: 'PE1',
      area: null,
      title: 'Arbetsmiljön',
      owners: ['anna@region.example'],
      activities: [],
      order: 0,
      archived: false,
    },
    indicators: [SICK, HME, COST, PLAN_DONE].map((item) => ({ indicator: item, response: responses[item.key], editable: true, own: true })),
    goalEditable: true,
    goalResponse: undefined,
    required: 5,
    answered: 0,
  };
  const period = {
    id: PERIOD,
    plan: 'P1',
    unit: 'U1',
    code: 'DÅ08',
    label: 'Delår per augusti 2026',
    opens: '2026-08-31',
    deadline: '2026-09-11',
    closes: '2026-09-18',
    state: 'open' as const,
  };
  return {
    view: {
      period,
      plan: { key: 'P1', organisation: 'R', unit: 'U1', year: 2026, name: 'Plan', perspectives: [] },
      work: { goals: [goal], doneGoals: 0 },
      previous: null,
    },
    goal,
  };
}

const OPTIONS: GoalFormOptions = { locale: 'sv', timezone: 'Europe/Stockholm', tolerance: 0.05, notice: null };

describe(goalFormView.name, () => {
  test('when the stored bedömning was suggested, then it is not preselected and the suggestion from the stored value is shown beside it', () => {
    const { view: work, goal } = view({ I1: response('I1', { assessmentSource: 'suggested' }) });
    const row = goalFormView(work, goal, OPTIONS).indicators[0]!;

    expect(row.assessment).toBe('');
    expect(row.assessmentHint).toBe('Föreslagen utifrån målvärdet: Röd. Den gäller om du inte väljer en egen bedömning.');
    expect(row.summary).toContain('Röd – ej uppnått (föreslagen)');
  });

  test("when the stored bedömning is the owner's (or has no source, as before the flag), then it is preselected, with the suggestion only where it differs", () => {
    const { view: work, goal } = view({
      I1: response('I1', { assessment: 'partly' }),
      I2: response('I2', { outcome: { kind: 'number', value: 81 }, outcomeText: '81', assessment: 'achieved', assessmentSource: 'owner' }),
    });
    const [sick, hme] = goalFormView(work, goal, OPTIONS).indicators;

    expect(sick).toMatchObject({ assessment: 'partly', assessmentHint: 'Föreslagen utifrån målvärdet: Röd.' });
    expect(hme).toMatchObject({ assessment: 'achieved', assessmentHint: '' });
  });

  test('when the outcome is "ej tillgängligt", then grey is neither preselected nor suggested (the toggle says it)', () => {
    const { view: work, goal } = view({
      I1: response('I1', { outcome: { kind: 'not_available' }, outcomeText: '', assessment: 'not_measured' }),
    });

    expect(goalFormView(work, goal, OPTIONS).indicators[0]).toMatchObject({ assessment: '', assessmentHint: '', notAvailable: true });
  });

  test('when the form is rendered, then each utfall placeholder fits its value type and unit, and the choices can clear a bedömning', () => {
    const data = goalFormView(view({}).view, view({}).goal, OPTIONS);

    expect(data.indicators.map((row) => row.outcomePlaceholder)).toEqual([
      'T.ex. 4,4\u00A0%',
      'T.ex. 78',
      'T.ex. -24,6\u00A0mnkr',
      'T.ex. 78',
    ]);
    expect(data.assessmentChoices.at(-1)).toEqual({ title: 'Ingen bedömning', value: 'none' });
    expect(data.yesNoChoices).toEqual([
      { title: 'Ja', value: 'Ja' },
      { title: 'Nej', value: 'Nej' },
    ]);
  });

  test('when a save failed, then the form keeps the versions it started from and carries the questioned values to confirm', () => {
    const { view: work, goal } = view({ I1: response('I1', { version: 7 }) });
    const submission = readSubmission({ 'I2.outcome': '999999999999' }, [SICK, HME], { key: 'G1', editable: true });
    const data = goalFormView(work, goal, { ...OPTIONS, submission, versions: { I1: 5, I2: 0, G1: 0 } });

    expect(data.save?.data).toEqual({
      period: PERIOD,
      goal: 'G1',
      page: 0,
      versions: { I1: 5, I2: 0, I3: 0, I4: 0, G1: 0 },
      confirmed: { I2: '999999999999' },
    });
    expect(data.indicators[1]?.outcomeError).toBe(
      'Värdet 999\u00A0999\u00A0999\u00A0999\u00A0index ligger långt från målvärdet 80\u00A0index – stämmer det? Spara igen för att bekräfta.',
    );
  });

  test('when the form is in English, then yes/no, targets and messages are English', () => {
    const { view: work, goal } = view({});
    const submission = readSubmission({ 'I3.outcome': '12,5 %' }, [COST], { key: 'G1', editable: false });
    const data = goalFormView(work, goal, { ...OPTIONS, locale: 'en', submission });

    expect(data.yesNoChoices).toEqual([
      { title: 'Yes', value: 'Ja' },
      { title: 'No', value: 'Nej' },
    ]);
    expect(data.indicators[3]?.targetText).toBe('Target: Yes');
    expect(data.indicators[2]?.outcomeError).toBe('"12,5 %" has the wrong unit: this indicator is given in mnkr, e.g. -24.6\u00A0mnkr.');
    expect(data.assessmentChoices.at(-1)).toEqual({ title: 'No assessment', value: 'none' });
  });

  test('when the form is in English, then targets and baselines are written the English way, and the typed outcome is kept as typed', () => {
    const big = indicator('I5', { valueType: 'currency', unitOfMeasure: 'kr', direction: 'atLeast', baseline: 21707.5, target: 25000 });
    const { view: work, goal } = view({});
    const withBig = { ...goal, indicators: [...goal.indicators, { indicator: big, response: undefined, editable: true, own: true }] };
    const submission = readSubmission({ 'I5.outcome': '22 100,5 kr' }, [big], { key: 'G1', editable: false });
    const data = goalFormView(work, withBig, { ...OPTIONS, locale: 'en', submission });

    expect(data.indicators[0]?.targetText).toBe('Target: decrease to 4.6\u00A0% · Baseline 5.1\u00A0%');
    expect(data.indicators[4]?.targetText).toBe('Target: at least 25,000\u00A0kr · Baseline 21,707.5\u00A0kr');
    expect(data.indicators[4]?.outcome).toBe('22 100,5 kr');
    expect(data.indicators[4]?.outcomePlaceholder).toBe('E.g. 21707\u00A0kr');
  });
});
