import type { GoalResponseFacts, IndicatorResponseFacts } from '../../src/domain/aggregation';
import type { Goal, Indicator } from '../../src/domain/plan';
import type { OutcomeValue } from '../../src/domain/values';
import type { Assessment } from '../../src/domain/vocabulary';
import type { LoadedSummary } from '../../src/services/summary-service';

export const ANNA = 'anna.lind@exempel.se';
export const ERIK = 'erik.berg@exempel.se';
export const MARIA = 'maria.nilsson@exempel.se';

const PLAN = 'RS-2026';

function goal(key: string, perspective: string, title: string, owner: string, order: number): Goal {
  return { key, plan: PLAN, unit: 'RS', perspective, area: null, title, owners: [owner], activities: [], order, archived: false };
}

function indicator(key: string, of: Goal, name: string, owner: string, more: Partial<Indicator>): Indicator {
  return {
    key,
    plan: PLAN,
    unit: 'RS',
    goal: of.key,
    perspective: of.perspective,
    name,
    owner,
    valueType: 'number',
    unitOfMeasure: null,
    direction: 'none',
    baseline: null,
    target: null,
    periods: ['DÅ04', 'DÅ08'],
    order: 0,
    archived: false,
    ...more,
  };
}

export const G1 = goal('RS-G1', 'RS-P1', 'Arbetsmiljön ska vara hälsofrämjande och bidra till ett hållbart arbetsliv', ANNA, 0);
export const G2 = goal('RS-G2', 'RS-P1', 'Regionen ska vara en attraktiv arbetsgivare', MARIA, 1);
export const G3 = goal('RS-G3', 'RS-P2', 'Regionen ska ha en ekonomi i balans', ERIK, 2);
export const INDICATORS: Indicator[] = [
  indicator('RS-G1-I1', G1, 'Sjukfrånvaro', ANNA, { valueType: 'percent', direction: 'decrease', baseline: 5.1, target: 4.6, order: 0 }),
  indicator('RS-G1-I2', G1, 'Hållbart medarbetarengagemang (HME)', ANNA, {
    unitOfMeasure: 'index',
    direction: 'atLeast',
    baseline: 78,
    target: 80,
    periods: ['DÅ08'],
    order: 1,
  }),
  indicator('RS-G2-I1', G2, 'Personalomsättning', MARIA, { valueType: 'percent', direction: 'decrease', baseline: 9.8, target: 8 }),
  indicator('RS-G3-I1', G3, 'Resultat i förhållande till budget', ERIK, {
    valueType: 'currency',
    unitOfMeasure: 'mnkr',
    direction: 'atLeast',
    baseline: -12.5,
    target: 0,
    order: 0,
  }),
  indicator('RS-G3-I2', G3, 'Kostnad för inhyrd personal', ANNA, {
    valueType: 'currency',
    unitOfMeasure: 'mnkr',
    direction: 'decrease',
    baseline: 310,
    target: 250,
    periods: ['DÅ08'],
    order: 1,
  }),
];

export const number = (value: number, currencyUnit?: 'mnkr'): OutcomeValue => ({
  kind: 'number',
  value,
  ...(currencyUnit ? { currencyUnit } : {}),
});
export const answer = (
  indicatorKey: string,
  outcome: OutcomeValue | null,
  assessment: Assessment | null,
  comment = '',
): IndicatorResponseFacts => ({ indicator: indicatorKey, outcome, assessment, comment });
export const assess = (goalKey: string, assessment: Assessment | null, analysis = ''): GoalResponseFacts => ({
  goal: goalKey,
  assessment,
  analysis,
});

/** DÅ08 as the playground demo starts it: Maria and Erik have answered, Anna not yet; DÅ04 had indicator answers only. */
export const DEMO_NOW = {
  indicatorResponses: [
    answer('RS-G2-I1', number(8.3), 'partly'),
    answer('RS-G3-I1', number(-24.6, 'mnkr'), 'not_achieved', 'Prognosen för helåret är -40 mnkr.'),
  ],
  goalResponses: [assess('RS-G2', 'partly', 'Omsättningen minskar.'), assess('RS-G3', 'not_achieved', 'Underskottet växer.')],
};
export const DEMO_BEFORE = {
  indicatorResponses: [
    answer('RS-G1-I1', number(4.9), 'partly'),
    answer('RS-G2-I1', number(9.4), 'partly'),
    answer('RS-G3-I1', number(-18.2, 'mnkr'), 'not_achieved'),
  ],
  goalResponses: [],
};

/** The playground's Regionstyrelsen in DÅ08 (2026), with the answers given (default: {@link DEMO_NOW}, previous {@link DEMO_BEFORE}). */
export function demoSummary(more: Partial<LoadedSummary['input']> = {}, state: LoadedSummary['state'] = 'open'): LoadedSummary {
  return {
    ref: { code: 'DÅ08', year: 2026 },
    label: 'Delår per augusti 2026',
    deadline: '2026-12-20',
    state,
    previousLabel: 'Delår per april 2026',
    previousCode: 'DÅ04',
    input: {
      units: [
        { key: 'RS', name: 'Regionstyrelsen', parent: null },
        { key: 'RS-HR', name: 'HR-avdelningen', parent: 'RS' },
      ],
      linkedUnits: ['RS'],
      plans: [
        {
          key: PLAN,
          unit: 'RS',
          perspectives: [
            { key: 'RS-P1', name: 'Medarbetare' },
            { key: 'RS-P2', name: 'Ekonomi' },
          ],
        },
      ],
      goals: [G1, G2, G3],
      indicators: INDICATORS,
      periodCode: 'DÅ08',
      ...DEMO_NOW,
      previous: DEMO_BEFORE,
      ...more,
    },
  };
}
