import { CardFactory, MessageFactory } from 'botbuilder';
import { renderTemplate } from '../cards/render';
import { whyUnsendable } from './send-guard';

const template = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${title}' }] };

describe('the send guard', () => {
  test('when a message carries a card rendered from a template, or only text, then it may be sent', () => {
    const card = renderTemplate(template, { title: 'Hej' });
    expect(whyUnsendable(MessageFactory.attachment(CardFactory.adaptiveCard(card)))).toBeNull();
    expect(whyUnsendable(MessageFactory.text('Hej'))).toBeNull();
    expect(
      whyUnsendable({
        type: 'invokeResponse',
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
      }),
    ).toBeNull();
    expect(
      whyUnsendable({
        type: 'invokeResponse',
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' } },
      }),
    ).toBeNull();
  });

  test('when a message carries an object that looks like a card but was not rendered (a copy, a context), then it is refused', () => {
    const card = renderTemplate(template, { title: 'Hej' });
    const copy = JSON.parse(JSON.stringify(card)) as object;
    const context = { type: 'AdaptiveCard', _adapter: { botFrameworkAuthConfig: { MicrosoftAppPassword: 'secret' } } };
    expect(whyUnsendable(MessageFactory.attachment(CardFactory.adaptiveCard(copy)))).toMatch(/not a card rendered/);
    expect(whyUnsendable(MessageFactory.attachment(CardFactory.adaptiveCard(context)))).toMatch(/not a card rendered/);
    expect(
      whyUnsendable({
        type: 'invokeResponse',
        value: { status: 200, body: { type: 'application/vnd.microsoft.card.adaptive', value: context } },
      }),
    ).toMatch(/not a card rendered/);
    expect(
      whyUnsendable({
        type: 'invokeResponse',
        value: { status: 200, body: { type: 'application/vnd.microsoft.activity.message', value: context } },
      }),
    ).toMatch(/not a string/);
  });

  test('when an activity has another type, a value, a non-string text or a foreign attachment, then it is refused', () => {
    expect(whyUnsendable({ type: 'event', name: 'x' })).not.toBeNull();
    expect(whyUnsendable({ type: 'message', text: 'hej', value: { verb: 'x' } })).not.toBeNull();
    expect(whyUnsendable({ type: 'message', text: {} as unknown as string })).not.toBeNull();
    expect(whyUnsendable({ type: 'message', attachments: [{ contentType: 'application/json', content: {} }] })).not.toBeNull();
  });

  test('when an invoke response answers a typeahead search, then only up to 15 choices of title and value may leave', () => {
    const search = (results: unknown) => ({
      type: 'invokeResponse',
      value: { status: 200, body: { type: 'application/vnd.microsoft.search.searchResponse', value: { results } } },
    });
    expect(whyUnsendable(search([{ title: 'Anna Berg (anna@region.se)', value: 'anna@region.se' }]))).toBeNull();
    expect(whyUnsendable(search([]))).toBeNull();
    expect(whyUnsendable(search([{ title: 'x', value: 'y', secret: 'z' }]))).toMatch(/not a choice/);
    expect(whyUnsendable(search([{ title: 'x', value: {} }]))).toMatch(/not a choice/);
    expect(whyUnsendable(search(Array.from({ length: 16 }, () => ({ title: 'x', value: 'y' }))))).toMatch(/more than 15/);
    expect(whyUnsendable(search(undefined))).toMatch(/without results/);
  });
});
