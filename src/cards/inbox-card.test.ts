import { executeActions, expectWellFormedCard, findNodes, type CardNode } from '../../test/support/adaptive-card';
import { VERBS } from './actions';
import type { CardAction } from './card-types';
import { buildInboxCard, type InboxCardData, type InboxGoalRow } from './inbox-card';

const PERIOD = 'region-norrbotten/DÅ08';

function openAction(goal: string): CardAction {
  return { title: 'Öppna', verb: VERBS.openGoal, data: { period: PERIOD, goal } };
}

const GOALS: InboxGoalRow[] = [
  {
    title: 'Minskad sjukfrånvaro',
    status: 'Klar',
    statusColor: 'Good',
    context: 'Medarbetare · Hälsofrämjande arbetsmiljö',
    open: openAction('RS-G7'),
  },
  {
    title: 'Kortare väntetider',
    status: 'Ej påbörjad',
    statusColor: 'Attention',
    context: 'Invånare · Tillgänglighet',
    open: openAction('RS-G8'),
  },
];

function inbox(overrides: Partial<InboxCardData> = {}): InboxCardData {
  return {
    title: 'Utfall DÅ08: dina mål',
    deadline: 'Sista svarsdag: fredag 11 september 2026',
    progress: '2 av 5 mål klara',
    notice: null,
    sections: [{ heading: '', note: '', goals: GOALS }],
    pager: null,
    refresh: null,
    ...overrides,
  };
}

describe(buildInboxCard.name, () => {
  test('when an owner has goals, then each goal shows its title, context, coloured status and an open button', () => {
    const card = buildInboxCard(inbox());
    const json = JSON.stringify(card);
    expectWellFormedCard(card);
    for (const text of ['Utfall DÅ08: dina mål', 'Sista svarsdag: fredag 11 september 2026', '2 av 5 mål klara']) {
      expect(json).toContain(text);
    }
    expect(json).toContain('Medarbetare · Hälsofrämjande arbetsmiljö');
    expect(findNodes(card, (type) => type === 'TextBlock')).toContainEqual(
      expect.objectContaining({ text: 'Ej påbörjad', color: 'Attention' }),
    );
    expect(executeActions(card).map((action) => action.data)).toEqual([
      { period: PERIOD, goal: 'RS-G7' },
      { period: PERIOD, goal: 'RS-G8' },
    ]);
    expect(executeActions(card)[0]).toMatchObject({
      verb: 'goal.open',
      fallback: { type: 'Action.Submit', data: { period: PERIOD, goal: 'RS-G7', verb: 'goal.open' } },
    });
  });

  test("when the goals are in several plans, then each unit's heading and note come before its goals, and no empty block is left", () => {
    const card = buildInboxCard(
      inbox({
        sections: [
          { heading: 'Hälso- och sjukvårdsnämnden', note: 'Sista svarsdag: fredag 18 september 2026', goals: [GOALS[1]!] },
          { heading: 'Regionstyrelsen', note: '', goals: [GOALS[0]!] },
        ],
      }),
    );
    expectWellFormedCard(card);
    const texts = findNodes(card, (type) => type === 'TextBlock').map((block) => block.text);
    expect(texts.slice(3)).toEqual([
      'Hälso- och sjukvårdsnämnden',
      'Sista svarsdag: fredag 18 september 2026',
      'Kortare väntetider',
      'Invånare · Tillgänglighet',
      'Ej påbörjad',
      'Regionstyrelsen',
      'Minskad sjukfrånvaro',
      'Medarbetare · Hälsofrämjande arbetsmiljö',
      'Klar',
    ]);
    expect(executeActions(card).map((action) => (action.data as { goal: string }).goal)).toEqual(['RS-G8', 'RS-G7']);
  });

  test('when notice is null, then the notice block is left out', () => {
    const body = buildInboxCard(inbox()).body as CardNode[];
    expect(body.filter((node) => node.type === 'TextBlock' && 'color' in node)).toEqual([]);
  });

  test('when there is a notice, then it is shown in its colour', () => {
    const card = buildInboxCard(inbox({ notice: { text: 'Perioden stänger i morgon', color: 'Warning' } }));
    expect(findNodes(card, (type) => type === 'TextBlock')).toContainEqual(
      expect.objectContaining({ text: 'Perioden stänger i morgon', color: 'Warning' }),
    );
  });

  test('when refresh is null, then the card has no refresh key', () => {
    expect(buildInboxCard(inbox())).not.toHaveProperty('refresh');
  });

  test('when refresh is set, then the card refreshes with an Action.Execute for those user ids', () => {
    const action: CardAction = { title: 'Uppdatera', verb: VERBS.showInbox, data: { period: PERIOD } };
    const card = buildInboxCard(inbox({ refresh: { action, userIds: ['aad-1', 'aad-2'] } }));
    expectWellFormedCard(card);
    expect(card.refresh).toEqual({
      action: expect.objectContaining({ type: 'Action.Execute', verb: 'inbox.show', data: { period: PERIOD } }),
      userIds: ['aad-1', 'aad-2'],
    });
  });

  test('when paged, then the pager text and only the present page buttons are shown', () => {
    const next: CardAction = { title: 'Nästa', verb: VERBS.showInbox, data: { period: PERIOD, page: 1 } };
    const card = buildInboxCard(inbox({ pager: { text: 'Sida 1 av 2', previous: null, next } }));
    expectWellFormedCard(card);
    expect(JSON.stringify(card)).toContain('Sida 1 av 2');
    expect(executeActions(card).at(-1)).toMatchObject({ title: 'Nästa', verb: 'inbox.show', data: { page: 1 } });
    expect(executeActions(card)).toHaveLength(3);
  });

  test('when pager is null, then no pager is shown', () => {
    expect(executeActions(buildInboxCard(inbox()))).toHaveLength(2);
  });

  test('when a goal title contains "${", then it is shown, not evaluated', () => {
    const card = buildInboxCard(inbox({ sections: [{ heading: '', note: '', goals: [{ ...GOALS[0]!, title: 'Mål ${title}' }] }] }));
    expect(JSON.stringify(card)).toContain('Mål $\u200b{title}');
  });

  test('when the owner has no goals, then the card still renders', () => {
    const card = buildInboxCard(inbox({ sections: [] }));
    expectWellFormedCard(card);
    expect(executeActions(card)).toHaveLength(0);
  });
});
