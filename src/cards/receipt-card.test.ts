import { executeActions, expectWellFormedCard, findNodes } from '../../test/support/adaptive-card';
import { VERBS } from './actions';
import { buildReceiptCard, type ReceiptCardData } from './receipt-card';

const PERIOD = 'region-norrbotten/DÅ08';

function receipt(overrides: Partial<ReceiptCardData> = {}): ReceiptCardData {
  return {
    title: 'Tack! Alla mål är besvarade',
    body: 'Du kan ändra dina svar fram till fredag 11 september.',
    sections: [
      {
        heading: '',
        note: '',
        goals: [
          {
            title: 'Minskad sjukfrånvaro',
            status: 'Klar',
            statusColor: 'Good',
            edit: { title: 'Ändra', verb: VERBS.openGoal, data: { period: PERIOD, goal: 'RS-G7' } },
          },
          { title: 'Kortare väntetider', status: 'Besvaras av Anna Berg', statusColor: 'Default', edit: null },
        ],
      },
    ],
    ...overrides,
  };
}

describe(buildReceiptCard.name, () => {
  test('when all goals are answered, then each goal shows its title and coloured status', () => {
    const card = buildReceiptCard(receipt());
    const json = JSON.stringify(card);
    expectWellFormedCard(card);
    const texts = ['Tack! Alla mål är besvarade', 'Du kan ändra dina svar fram till fredag 11 september.', 'Kortare väntetider'];
    for (const text of texts) {
      expect(json).toContain(text);
    }
    expect(findNodes(card, (type) => type === 'TextBlock')).toContainEqual(expect.objectContaining({ text: 'Klar', color: 'Good' }));
  });

  test('when a goal can be edited, then it has an "Ändra" Action.Execute with a Submit fallback; otherwise none', () => {
    const actions = executeActions(buildReceiptCard(receipt()));
    expect(actions).toEqual([
      expect.objectContaining({
        title: 'Ändra',
        verb: 'goal.open',
        data: { period: PERIOD, goal: 'RS-G7' },
        fallback: expect.objectContaining({
          type: 'Action.Submit',
          data: { period: PERIOD, goal: 'RS-G7', verb: 'goal.open' },
        }),
      }),
    ]);
  });

  test('when the body is empty, then no empty text block is shown', () => {
    const card = buildReceiptCard(receipt({ body: '' }));
    expectWellFormedCard(card);
    expect(findNodes(card, (type) => type === 'TextBlock').map((block) => block.text)).not.toContain('');
  });

  test('when the goals are in several plans, then each unit has its heading and note above its goals, and each goal edits its own period', () => {
    const other = 'region-hsn/DÅ08';
    const card = buildReceiptCard(
      receipt({
        sections: [
          {
            heading: 'Hälso- och sjukvårdsnämnden',
            note: 'Sista svarsdag: fredag 18 september 2026',
            goals: [
              {
                title: 'Kortare köer',
                status: 'Klar',
                statusColor: 'Good',
                edit: { title: 'Ändra', verb: VERBS.openGoal, data: { period: other, goal: 'HSN-G1' } },
              },
            ],
          },
          {
            heading: 'Regionstyrelsen',
            note: '',
            goals: [
              {
                title: 'Minskad sjukfrånvaro',
                status: 'Klar',
                statusColor: 'Good',
                edit: { title: 'Ändra', verb: VERBS.openGoal, data: { period: PERIOD, goal: 'RS-G7' } },
              },
            ],
          },
        ],
      }),
    );
    expectWellFormedCard(card);
    const texts = findNodes(card, (type) => type === 'TextBlock').map((block) => block.text);
    expect(texts).toEqual([
      'Tack! Alla mål är besvarade',
      'Du kan ändra dina svar fram till fredag 11 september.',
      'Hälso- och sjukvårdsnämnden',
      'Sista svarsdag: fredag 18 september 2026',
      'Kortare köer',
      'Klar',
      'Regionstyrelsen',
      'Minskad sjukfrånvaro',
      'Klar',
    ]);
    expect(executeActions(card).map((action) => action.data)).toEqual([
      { period: other, goal: 'HSN-G1' },
      { period: PERIOD, goal: 'RS-G7' },
    ]);
  });
});
