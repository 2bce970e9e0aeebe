import { summarizePeriod } from './aggregation';
import { buildReportModel, type ReportIndicator, type ReportModel } from './report-model';
import { normalizedFixture, reportInputOf, typedAnswers } from '../../test/support/report-input';

const plan = normalizedFixture('norrbotten');
const NBSP = '\u00a0';

function indicatorOf(model: ReportModel, key: string): ReportIndicator {
  const found = model.units
    .flatMap((u) => u.perspectives.flatMap((p) => p.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators))))
    .find((i) => i.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

describe(buildReportModel.name, () => {
  const current = typedAnswers(plan, {
    'NB-P2-G1-I1': { typed: '6,3%', comment: 'Sjukfrånvaron ökar.', assessment: 'not_achieved' },
    'NB-P2-G1-I2': { typed: '72%' },
    'NB-P3-G1-I1': { typed: '-11,1 mnkr', comment: '=HYPERLINK("http://x")', assessment: 'not_achieved' },
    'NB-P1-G1-I2': { typed: 'Ej tillgängligt', comment: 'Ny rutin för rapportering.' },
  });
  const earlier = new Map([['DÅ04', typedAnswers(plan, { 'NB-P2-G1-I1': { typed: '5,1 %' } })]]);
  const lastYear = new Map(typedAnswers(plan, { 'NB-P2-G1-I1': { typed: '5,4 %' } }).map((a) => [a.indicator, a]));
  const input = reportInputOf(
    plan,
    'DÅ08',
    {
      indicators: current,
      goals: [
        {
          goal: 'NB-P2-G1',
          assessment: 'not_achieved',
          analysis: 'Vi når inte målet.',
          authorName: 'Peter',
          savedAt: new Date('2026-09-02T08:00:00Z'),
        },
      ],
    },
    { earlier, lastYear },
  );
  const model = buildReportModel(input);

  test("when built, then its counts are exactly the channel summary's", () => {
    const summary = summarizePeriod({ ...input.summary, redLimit: 100 });
    expect(model.summary.totals).toEqual(summary.totals);
    expect(model.summary.perspectives).toEqual(summary.perspectives);
    expect(model.summary.responseRate).toBe(summary.responseRate);
    expect(model.summary.comparison).toEqual(summary.comparison);
  });

  test('when values are answered, then they are written in the Swedish forms of SPEC §4 with their numbers', () => {
    expect(indicatorOf(model, 'NB-P2-G1-I1').outcome).toEqual({ state: 'value', text: `6,3${NBSP}%`, number: 6.3, unit: '%' });
    expect(indicatorOf(model, 'NB-P3-G1-I1').outcome).toMatchObject({ text: `-11,1${NBSP}mnkr`, number: -11.1 });
    expect(indicatorOf(model, 'NB-P3-G1-I1').typed).toBe('-11,1 mnkr');
    expect(indicatorOf(model, 'NB-P3-G1-I2').target?.text).toBe(`100${NBSP}%`);
  });

  test('when an answer is missing, not available or not due, then the state says so (never a blank value)', () => {
    expect(indicatorOf(model, 'NB-P1-G1-I1').outcome.state).toBe('missing');
    expect(indicatorOf(model, 'NB-P1-G1-I1').assessment).toBe('missing');
    expect(indicatorOf(model, 'NB-P1-G1-I2')).toMatchObject({
      outcome: { state: 'not_available' },
      assessment: 'not_measured',
      comment: 'Ny rutin för rapportering.',
    });
    expect(indicatorOf(model, 'NB-P1-G1-I4')).toMatchObject({ outcome: { state: 'not_in_period' }, assessment: null, measuredIn: ['ÅR'] });
  });

  test('when earlier periods and last year have answers, then the trend runs DÅ04 → DÅ08 and last year is beside it', () => {
    const sick = indicatorOf(model, 'NB-P2-G1-I1');
    expect(model.periods.map((p) => p.code)).toEqual(['DÅ04', 'DÅ08']);
    expect(sick.trend.map((v) => v.number)).toEqual([5.1, 6.3]);
    expect(sick.previous?.text).toBe(`5,1${NBSP}%`);
    expect(sick.lastYear?.text).toBe(`5,4${NBSP}%`);
    expect(indicatorOf(model, 'NB-P2-G1-I2').lastYear).toBeNull();
  });

  test('when goals are red, then every one is listed with its analysis and the numbers of its red indicators', () => {
    const red = model.summary.redGoals.find((g) => g.goalKey === 'NB-P2-G1');
    expect(red).toMatchObject({ analysis: 'Vi når inte målet.', assessment: 'not_achieved' });
    expect(red?.indicators).toEqual([
      {
        name: expect.stringContaining('Sjukfrånvaro'),
        outcome: expect.objectContaining({ text: `6,3${NBSP}%` }),
        target: null,
        comment: 'Sjukfrånvaron ökar.',
      },
    ]);
    expect(model.summary.redGoals.map((g) => g.goalKey)).toContain('NB-P3-G1');
  });

  test('when built, then units hold perspectives in plan order and the goal carries who saved it', () => {
    expect(model.cover).toMatchObject({ organisation: 'Region Norrbotten', periodCode: 'DÅ08', final: false, units: [{ key: 'NB-DIV' }] });
    expect(model.units[0]!.perspectives.map((p) => p.name)).toEqual(['Verksamhet', 'Medarbetare', 'Ekonomi']);
    const goal = model.units[0]!.perspectives[1]!.areas[0]!.goals[0]!;
    expect(goal).toMatchObject({ key: 'NB-P2-G1', assessment: 'not_achieved', savedBy: 'Peter' });
    expect(indicatorOf(model, 'NB-P2-G1-I1').savedBy).toBe('Ägare peter.sandberg');
  });

  test('when the period is closed, then the report is final', () => {
    expect(buildReportModel({ ...input, state: 'closed' }).cover.final).toBe(true);
  });
});
