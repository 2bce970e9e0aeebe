import type { AdaptiveCard } from '../../src/cards/render';

export type CardNode = Record<string, unknown>;

/** Every object in the card (depth first) whose `type` passes the test. */
export function findNodes(card: AdaptiveCard, isType: (type: string) => boolean): CardNode[] {
  const found: CardNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === 'object' && value !== null) {
      const node = value as CardNode;
      if (typeof node.type === 'string' && isType(node.type)) found.push(node);
      Object.values(node).forEach(visit);
    }
  };
  visit(card);
  return found;
}

export function inputs(card: AdaptiveCard): CardNode[] {
  return findNodes(card, (type) => type.startsWith('Input.'));
}

export function inputById(card: AdaptiveCard, id: string): CardNode | undefined {
  return inputs(card).find((input) => input.id === id);
}

export function executeActions(card: AdaptiveCard): CardNode[] {
  return findNodes(card, (type) => type === 'Action.Execute');
}

/**
 * The checks every card shares: version 1.5, nothing left unexpanded, and each Action.Execute
 * carrying a verb, data, and an Action.Submit fallback whose data holds the same verb.
 */
export function expectWellFormedCard(card: AdaptiveCard): void {
  const json = JSON.stringify(card);
  expect(card.version).toBe('1.5');
  expect(card.type).toBe('AdaptiveCard');
  expect(json).not.toContain('${');
  expect(json).not.toContain('$when');
  expect(json).not.toContain('$data');
  expect(findNodes(card, (type) => type === 'Action.Submit' || type === 'Action.Execute').length).toBe(executeActions(card).length * 2);
  for (const action of executeActions(card)) {
    expect(action).toEqual(expect.objectContaining({ verb: expect.any(String), data: expect.any(Object), title: expect.any(String) }));
    expect(action.fallback).toEqual(
      expect.objectContaining({
        type: 'Action.Submit',
        data: expect.objectContaining({ ...(action.data as CardNode), verb: action.verb }),
      }),
    );
  }
}
