import { ANNA, ERIK, answer, assess, demoSummary, DEMO_NOW, number } from '../../test/support/summary-fixtures';
import { summarizePeriod } from './aggregation';
import { goalDetail, missingWork } from './summary-details';

describe(missingWork.name, () => {
  test("when a goal owner has answered but a colleague's indicator in the goal is empty, then only the colleague owes it, goal by goal", () => {
    const { input } = demoSummary();

    expect(missingWork(input)).toEqual([
      {
        email: ANNA,
        goals: [
          {
            goalKey: 'RS-G1',
            title: 'Arbetsmiljön ska vara hälsofrämjande och bidra till ett hållbart arbetsliv',
            indicators: 2,
            assessment: true,
          },
          { goalKey: 'RS-G3', title: 'Regionen ska ha en ekonomi i balans', indicators: 1, assessment: false },
        ],
      },
    ]);
    expect(missingWork(input).map((owner) => owner.email)).toEqual(summarizePeriod(input).missingOwners);
  });

  test('when the goal owner has not set the bedömning, then they owe it even with every indicator answered', () => {
    const { input } = demoSummary({ goalResponses: DEMO_NOW.goalResponses.filter((response) => response.goal !== 'RS-G3') });

    expect(missingWork(input).find((owner) => owner.email === ERIK)?.goals).toEqual([
      { goalKey: 'RS-G3', title: 'Regionen ska ha en ekonomi i balans', indicators: 0, assessment: true },
    ]);
    expect(missingWork(input).map((owner) => owner.email)).toEqual(summarizePeriod(input).missingOwners);
  });

  test('when everyone has answered, then nobody is listed', () => {
    const { input } = demoSummary({
      indicatorResponses: [
        ...DEMO_NOW.indicatorResponses,
        answer('RS-G1-I1', number(4.4), 'achieved'),
        answer('RS-G1-I2', { kind: 'not_available' }, null),
        answer('RS-G3-I2', number(212.5, 'mnkr'), 'achieved'),
      ],
      goalResponses: [...DEMO_NOW.goalResponses, assess('RS-G1', 'achieved')],
    });

    expect(missingWork(input)).toEqual([]);
  });
});

describe(goalDetail.name, () => {
  test("when the previous period has an utfall for an indicator, then the detail carries it beside this period's", () => {
    const { input } = demoSummary({ indicatorResponses: [answer('RS-G1-I1', number(4.4), 'achieved')] });

    const detail = goalDetail(input, 'RS-G1')!;

    expect(detail.indicators.map((item) => [item.indicator.key, item.outcome, item.previous])).toEqual([
      ['RS-G1-I1', number(4.4), number(4.9)],
      ['RS-G1-I2', null, null],
    ]);
  });
});
