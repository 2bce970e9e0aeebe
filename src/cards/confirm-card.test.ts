import { executeActions, expectWellFormedCard, findNodes } from '../../test/support/adaptive-card';
import { VERBS } from './actions';
import { buildConfirmCard, type ConfirmCardData } from './confirm-card';

const OPEN = { code: 'DÅ08', unit: null, owners: 212 };

function confirm(overrides: Partial<ConfirmCardData> = {}): ConfirmCardData {
  return {
    title: 'Öppna period DÅ08?',
    body: 'Skicka till 212 målägare i 3 planer?',
    facts: [
      { title: 'Målägare', value: '212' },
      { title: 'Ej nåbara', value: '7' },
    ],
    details: ['Anna Berg (anna.berg@example.se)', 'Erik Lind (erik.lind@example.se)', '… och 5 till'],
    confirm: { title: 'Skicka', verb: VERBS.confirmOpenPeriod, data: OPEN, style: 'positive' },
    cancel: { title: 'Avbryt', verb: VERBS.cancelOpenPeriod, data: OPEN },
    ...overrides,
  };
}

describe(buildConfirmCard.name, () => {
  test('when asked to confirm, then the facts and the unreachable people are listed', () => {
    const card = buildConfirmCard(confirm());
    const json = JSON.stringify(card);
    expectWellFormedCard(card);
    expect(json).toContain('Skicka till 212 målägare i 3 planer?');
    expect(findNodes(card, (type) => type === 'FactSet')[0]?.facts).toEqual(confirm().facts);
    for (const line of confirm().details) expect(json).toContain(line);
  });

  test('when rendered, then confirm and cancel are Action.Execute with the verb in their Submit fallbacks', () => {
    const actions = executeActions(buildConfirmCard(confirm()));
    expect(actions).toEqual([
      expect.objectContaining({
        title: 'Skicka',
        verb: 'period.open.confirm',
        style: 'positive',
        data: OPEN,
        fallback: expect.objectContaining({ type: 'Action.Submit', data: { ...OPEN, verb: 'period.open.confirm' } }),
      }),
      expect.objectContaining({
        title: 'Avbryt',
        verb: 'period.open.cancel',
        fallback: expect.objectContaining({ data: { ...OPEN, verb: 'period.open.cancel' } }),
      }),
    ]);
    expect(actions[1]).not.toHaveProperty('style');
  });

  test('when there are no facts or details, then neither block is shown', () => {
    const card = buildConfirmCard(confirm({ facts: [], details: [] }));
    expectWellFormedCard(card);
    expect(findNodes(card, (type) => type === 'FactSet' || type === 'Container')).toEqual([]);
  });
});
