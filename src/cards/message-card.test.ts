import { executeActions, expectWellFormedCard, findNodes } from '../../test/support/adaptive-card';
import { VERBS } from './actions';
import { buildMessageCard, type MessageCardData } from './message-card';

function message(overrides: Partial<MessageCardData> = {}): MessageCardData {
  return {
    title: 'Perioden är stängd',
    body: 'DÅ08 stängdes 11 september. Kontakta samordnaren om något behöver ändras.',
    color: 'Warning',
    actions: [],
    ...overrides,
  };
}

describe(buildMessageCard.name, () => {
  test('when rendered, then the title carries the colour and the body is shown', () => {
    const card = buildMessageCard(message());
    expectWellFormedCard(card);
    expect(card.body).toEqual([
      expect.objectContaining({ type: 'TextBlock', text: 'Perioden är stängd', color: 'Warning', wrap: true }),
      expect.objectContaining({ type: 'TextBlock', text: message().body, wrap: true }),
    ]);
  });

  test('when there are no actions, then no ActionSet is shown', () => {
    expect(findNodes(buildMessageCard(message()), (type) => type === 'ActionSet')).toEqual([]);
  });

  test('when there are actions, then each is an Action.Execute with a Submit fallback carrying the verb', () => {
    const card = buildMessageCard(
      message({ actions: [{ title: 'Till inkorgen', verb: VERBS.showInbox, data: { period: 'region-norrbotten/DÅ08' } }] }),
    );
    expectWellFormedCard(card);
    expect(executeActions(card)).toEqual([
      expect.objectContaining({
        verb: 'inbox.show',
        fallback: expect.objectContaining({ data: { period: 'region-norrbotten/DÅ08', verb: 'inbox.show' } }),
      }),
    ]);
  });

  test('when the body has "${" in it, then it is shown, not evaluated', () => {
    expect(JSON.stringify(buildMessageCard(message({ body: 'okänt kommando: ${body}' })))).toContain('$\u200b{body}');
  });
});
