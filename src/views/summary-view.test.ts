import { executeActions, findNodes } from '../../test/support/adaptive-card';
import { answer, assess, demoSummary, DEMO_NOW, number } from '../../test/support/summary-fixtures';
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
    const goal: Goal = {
      key: `G${g}`,
      plan: 'PLAN',
      unit: g % 2 === 0 ? 'A' : 'B',
      perspective,
      area: null,
      title: `Mål ${g} ${'lång titel '.repeat(10)}`,
      owners: [`owner${g}@region.example`],
      activities: [],
      order: g,
      archived: false,
    };
    goalList.push(goal);
    const red = g % redEvery === 0;
    for (let i = 0; i < 3; i += 1) {
      const key = `G${g}-I${i}`;
      indicators.push({
        key,
        plan: 'PLAN',
        unit: goal.unit,
        goal: goal.key,
        perspective,
        name: `Indikator ${key}`,
        owner: goal.owners[0]!,
        valueType: 'percent',
        unitOfMeasure: null,
        direction: 'increase',
        baseline: 10,
        target: 20,
        periods: ['T1'],
        order: i,
        archived: false,
      });
      if (g % 7 !== 3)
        indicatorResponses.push({
          indicator: key,
          outcome: { kind: 'number', value: 12.5 },
          assessment: red ? 'not_achieved' : 'achieved',
          comment: red ? `Orsak ${'mycket lång förklaring med ”citat” och åäö '.repeat(60)}` : '',
        });
    }
    if (g % 7 !== 3)
      goalResponses.push({ goal: goal.key, assessment: red ? 'not_achieved' : 'achieved', analysis: red ? 'Analys '.repeat(300) : '' });
  }
  return {
    ref: { code: 'T1', year: 2026 },
    label: 'Tertial 1 2026',
    deadline: '2026-05-12',
    state: 'open',
    previousLabel: null,
    previousCode: null,
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
    const longest = (index: number) =>
      Math.max(...candidates[index]!.data.redGoals.flatMap((goal) => goal.comments.map((comment) => comment.full.length)));
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
    expect(first).toContain('Sida 1 av 8');
    expect(JSON.stringify(missingOwnersCard(loaded, 7, OPTIONS))).toContain('Sida 8 av 8');
    expect(cardBytes(missingOwnersCard(loaded, 0, OPTIONS))).toBeLessThan(40_000);
  });
});

describe(goalDetailCard.name, () => {
  test('when a goal outside the view is asked for, then the card says so instead of showing it', () => {
    const loaded = region(10, 5);
    expect(JSON.stringify(goalDetailCard({ ...loaded, input: { ...loaded.input, linkedUnits: ['A'] } }, 'G1', 0, OPTIONS))).toContain(
      'Målet finns inte längre',
    );
    expect(JSON.stringify(goalDetailCard(loaded, 'G0', 0, OPTIONS))).toContain('Utfall 12,5');
  });
});

describe('summary card for a chef', () => {
  const text = (card: object) => JSON.stringify(card).replace(/\u00a0/g, ' ');

  test('when the previous period had indicator answers only, then the change is told for indicators assessed both times, in words', () => {
    const unchanged = text(summaryCard(demoSummary(), OPTIONS).card);
    expect(unchanged).toContain('Lika många gröna, gula och röda som i Delår per april 2026 (av 2 mätetal som bedömts båda gångerna).');

    const afterAnna = demoSummary({ indicatorResponses: [...DEMO_NOW.indicatorResponses, answer('RS-G1-I1', number(4.4), 'achieved')] });
    const changed = text(summaryCard(afterAnna, OPTIONS).card);
    expect(changed).toContain(
      'Jämfört med Delår per april 2026: 1 fler grönt mätetal, 1 färre gult mätetal (av 3 mätetal som bedömts båda gångerna).',
    );
    expect(changed).not.toMatch(/saknas [−+-]\d|[−+]\d/);
    expect(text(summaryCard(afterAnna, { ...OPTIONS, locale: 'en' }).card)).toContain(
      'Since Delår per april 2026: 1 more green indicator, 1 fewer yellow indicator (of 3 indicators assessed both times).',
    );
  });

  test('when the previous period had goal bedömningar, then goals are compared, singular and plural agreeing', () => {
    const previous = {
      indicatorResponses: [],
      goalResponses: [assess('RS-G1', 'achieved'), assess('RS-G2', 'achieved'), assess('RS-G3', 'achieved')],
    };
    const now = { goalResponses: [assess('RS-G1', 'not_achieved'), assess('RS-G2', 'partly'), assess('RS-G3', 'not_achieved')] };

    expect(text(summaryCard(demoSummary({ ...now, previous }), OPTIONS).card)).toContain(
      'Jämfört med Delår per april 2026: 3 färre gröna mål, 1 fler gult mål, 2 fler röda mål (av 3 mål som bedömts båda gångerna).',
    );
    expect(text(summaryCard(demoSummary({ previous: null }), OPTIONS).card)).not.toContain('Jämfört');
  });

  test('when a goal is red, then each red indicator shows its utfall against the target with its direction, then the comment', () => {
    const card = text(summaryCard(demoSummary(), OPTIONS).card);

    expect(card).toContain('**Resultat i förhållande till budget:** -24,6 mnkr (mål minst 0 mnkr) · Prognosen för helåret är -40 mnkr.');
    expect(card).toContain('**Analys:** Underskottet växer.');
  });

  test('when comments are shortened to fit the budget, then the figures of every red indicator stay whole', () => {
    const comments = [...summaryCandidates(region(1_000, 5), OPTIONS)].flatMap((candidate) =>
      candidate.data.redGoals.flatMap((goal) => goal.comments),
    );
    const indicators = comments.filter((comment) => comment.short.startsWith('**Indikator'));
    expect(indicators.length).toBeGreaterThan(20);
    for (const comment of indicators)
      expect(comment.short.replace(/\u00a0/g, ' ')).toMatch(/^\*\*Indikator G\d+-I\d:\*\* 12,5 % \(mål öka till 20 %\) · Orsak/);
  });

  test('when the table is drawn, then every status has a symbol and a word, and no text is yellow or light green', () => {
    const card = summaryCard(demoSummary({}, 'closed'), { ...OPTIONS, final: true }).card;
    const blocks = findNodes(card, (type) => type === 'TextBlock');
    const texts = blocks.map((block) => block.text);

    for (const [symbol, word] of [
      ['●', 'Grön'],
      ['◐', 'Gul'],
      ['○', 'Röd'],
      ['◌', 'Grå'],
      ['?', 'Saknas'],
    ]) {
      expect(texts).toContain(symbol);
      expect(texts).toContain(word);
    }
    const colored = blocks.filter((block) => block.color === 'Warning' || block.color === 'Good');
    expect(colored.map((block) => block.text)).toEqual(['●', '◐']);
    expect(blocks.find((block) => block.text === 'Perioden är stängd. Svaren är låsta.')?.color).toBe('Default');
  });

  test('when the card is Swedish, then it says "mätetal", never "indikator", and has no Unicode minus', () => {
    const card = text(summaryCard(demoSummary(), OPTIONS).card);

    expect(card).toContain('Alla mätetal');
    expect(card).not.toMatch(/indikator/i);
    expect(card).not.toContain('\u2212');
  });

  test('when the card is shown on demand, then it is marked as a snapshot with its time and its drill-downs carry the mark', () => {
    const snapshot = summaryCard(demoSummary(), { ...OPTIONS, snapshot: true }).card;
    const json = text(snapshot);
    expect(json).toContain('Ögonblicksbild 4 maj 10:00, uppdateras inte · sista svarsdag söndag 20 december 2026');
    expect(json).not.toContain('Pågår');
    expect(json).not.toContain('Uppdaterad');
    expect(executeActions(snapshot).every((action) => (action.data as { snapshot?: boolean }).snapshot === true)).toBe(true);

    const live = summaryCard(demoSummary(), OPTIONS).card;
    expect(text(live)).toContain('Pågår · sista svarsdag söndag 20 december 2026');
    expect(text(live)).toContain('Uppdaterad 4 maj 10:00');
    expect(executeActions(live).some((action) => 'snapshot' in (action.data as object))).toBe(false);
  });
});
