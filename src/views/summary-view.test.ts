import { cardBytes } from '../cards/render';
import { buildSummaryCard, SUMMARY_CARD_BUDGET } from '../cards/summary-card';
import type { Goal, Indicator } from '../domain/plan';
import type { LoadedSummary } from '../services/summary-service';
import { goalDetailCard, missingOwnersCard, summaryCandidates, summaryCard } from './summary-view';

const PERSPECTIVES = ['Samhälle', 'Medborgare', 'Verksamhet', 'Medarbetare', 'Ekonomi'];

/** A region with `goals` goals of three indicators each; every `redEvery`-th goal is red with long comments. */
function region(goals: number, redEvery: number): LoadedSummary {
  const goalList: Goal[] = [];
  const indicators: Indicator[] = [];
  const indicatorResponses: LoadedSummary['input']['indicatorResponses'][number][] = [];
  const goalResponses: LoadedSummary['input']['goalResponses'][number][] = [];
  for (let g = 0; g < goals; g += 1) {
    const perspective = `P${g % PERSPECTIVES.length}`;
    const goal: Goal = { key: `G${g}`, plan: 'PLAN', unit: g % 2 === 0 ? 'A' : 'B', perspective, area: null, title: `Mål ${g} ${'lång titel '.repeat(10)}`, owners: [`owner${g}@region.example`], activities: [], order: g, archived: false };
    goalList.push(goal);
    const red = g % redEvery === 0;
    for (let i = 0; i < 3; i += 1) {
      const key = `G${g}-I${i}`;
      indicators.push({ key, plan: 'PLAN', unit: goal.unit, goal: goal.key, perspective, name: `Indikator ${key}`, owner: goal.owners[0]!, valueType: 'percent', unitOfMeasure: null, direction: 'increase', baseline: 10, target: 20, periods: ['T1'], order: i, archived: false });
      if (g % 7 !== 3) indicatorResponses.push({ indicator: key, outcome: { kind: 'number', value: 12.5 }, assessment: red ? 'not_achieved' : 'achieved', comment: red ? `Orsak ${'mycket lång förklaring med ”citat” och åäö '.repeat(60)}` : '' });
    }
    if (g % 7 !== 3) goalResponses.push({ goal: goal.key, assessment: red ? 'not_achieved' : 'achieved', analysis: red ? 'Analys '.repeat(300) : '' });
  }
  return {
    ref: { code: 'T1', year: 2026 },
    label: 'Tertial 1 2026',
    deadline: '2026-05-12',
    state: 'open',
    previousLabel: null,
    input: {
      units: [
        { key: 'R', name: 'Regionen', parent: null },
        { key: 'A', name: 'Förvaltning A', parent: 'R' },
        { key: 'B', name: 'Förvaltning B', parent: 'R' },
      ],
      linkedUnits: ['R'],
      plans: [{ key: 'PLAN', unit: 'R', perspectives: PERSPECTIVES.map((name, index) => ({ key: `P${index}`, name })) }],
      goals: goalList,
      indicators,
      periodCode: 'T1',
      indicatorResponses,
      goalResponses,
      previous: null,
    },
  };
}

const OPTIONS = { locale: 'sv' as const, timezone: 'Europe/Stockholm', now: new Date('2026-05-04T08:00:00Z') };

describe(summaryCard.name, () => {
  test('when a large region has hundreds of red goals with long comments, then the card stays under 40 KB and says how many red goals are not shown', () => {
    const { card, summary } = summaryCard(region(10_000, 5), OPTIONS);
    const json = JSON.stringify(card);
    expect(cardBytes(card)).toBeLessThan(40_000);
    expect(card.version).toBe('1.5');
    expect(json).not.toContain('${');
    expect(json).not.toContain('"selectAction":null');
    expect(summary.totals.goals.not_achieved).toBe(1714);
    expect(summary.totals.goals.missing).toBe(1429);
    expect(json).toContain(`Röda mål (1714)`);
    expect(json).toContain(`och ${1714 - summary.redGoals.length} röda mål till`);
    expect(json).toContain('Alla röda mål');
  });

  test('when answers are few, then the response rate, perspective rows and colours are exact', () => {
    const { card } = summaryCard(region(14, 100), OPTIONS);
    const json = JSON.stringify(card);
    expect(json).toContain('12 av 14 målägare har svarat, 86\u00a0%');
    expect(json).toContain('"text":"Samhälle"');
    expect(json).toContain('"color":"Attention"');
    expect(json).toContain('Vilka har inte svarat (2)');
  });
});

describe(summaryCandidates.name, () => {
  test('when a large region is shown, then the candidates go from the most red goals and longest comments to none', () => {
    const candidates = [...summaryCandidates(region(1_000, 5), OPTIONS)];
    expect(candidates.map((candidate) => candidate.data.redGoals.length)).toEqual([10, 6, 3, 0]);
    const longest = (index: number) => Math.max(...candidates[index]!.data.redGoals.flatMap((goal) => goal.comments.map((comment) => comment.full.length)));
    expect(longest(0)).toBeGreaterThan(longest(1));
    expect(longest(1)).toBeGreaterThan(longest(2));
  });

  test('when the fullest candidate is over the budget, then the summary card is the first leaner one that fits', () => {
    const loaded = region(10_000, 5);
    const sizes = [...summaryCandidates(loaded, OPTIONS)].map((candidate) => cardBytes(buildSummaryCard(candidate.data)));
    const first = sizes.findIndex((bytes) => bytes <= SUMMARY_CARD_BUDGET);
    expect(first).toBeGreaterThan(0);
    const { card, summary } = summaryCard(loaded, OPTIONS);
    expect(cardBytes(card)).toBe(sizes[first]);
    expect(summary.redGoals).toHaveLength([10, 6, 3, 0][first]!);
  });
});

describe(missingOwnersCard.name, () => {
  test('when many have not answered, then the list is paged with a pager, not cut', () => {
    const loaded = region(1_000, 5);
    const first = JSON.stringify(missingOwnersCard(loaded, 0, OPTIONS));
    expect(first).toContain('Har inte svarat klart (143)');
    expect(first).toContain('Sida 1 av 4');
    expect(JSON.stringify(missingOwnersCard(loaded, 3, OPTIONS))).toContain('Sida 4 av 4');
  });
});

describe(goalDetailCard.name, () => {
  test('when a goal outside the view is asked for, then the card says so instead of showing it', () => {
    const loaded = region(10, 5);
    expect(JSON.stringify(goalDetailCard({ ...loaded, input: { ...loaded.input, linkedUnits: ['A'] } }, 'G1', 0, OPTIONS))).toContain('Målet finns inte längre');
    expect(JSON.stringify(goalDetailCard(loaded, 'G0', 0, OPTIONS))).toContain('Utfall 12,5');
  });
});
