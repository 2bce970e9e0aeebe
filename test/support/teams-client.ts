import type { AdaptiveCard } from '../../src/cards/render';
import { executeActions, inputs, type CardNode } from './adaptive-card';
import { adaptiveCards, type ConnectorStub } from './connector-stub';
import {
  installationUpdate,
  invokeAdaptiveCardAction,
  messageActivity,
  postActivity,
  searchInvoke,
  type TeamsActivity,
  type TeamsPerson,
} from './activities';

/**
 * One person in Teams, as far as the bot can tell: they install the app, write in personal chat,
 * and click card buttons. A click sends Action.Execute with the action's data merged with every
 * input's current value (as Teams does), optionally changed by what the person "typed".
 */
export class TeamsUser {
  constructor(
    readonly person: TeamsPerson,
    private readonly stub: ConnectorStub,
    private readonly endpoint: string,
    private readonly locale = 'sv-SE',
  ) {}

  async install(): Promise<void> {
    const response = await postActivity(
      this.endpoint,
      installationUpdate({ serviceUrl: this.stub.url, person: this.person, action: 'add' }),
    );
    if (response.status !== 200) throw new Error(`install answered ${response.status}`);
  }

  /** Sends a chat message and returns the messages the bot sent to this person's chat in answer. */
  async say(text: string, extra: Partial<Parameters<typeof messageActivity>[0]> = {}): Promise<TeamsActivitySent[]> {
    const before = this.stub.sent().length;
    const response = await postActivity(
      this.endpoint,
      messageActivity({ serviceUrl: this.stub.url, person: this.person, text, locale: this.locale, ...extra }),
    );
    if (response.status !== 200) throw new Error(`message answered ${response.status}`);
    return this.stub
      .sent()
      .slice(before)
      .map((sent) => ({ text: sent.activity.text ?? '', card: (adaptiveCards(sent.activity)[0] ?? null) as AdaptiveCard | null }));
  }

  /** Clicks the Action.Execute titled `title` on `card`, with inputs changed as given; returns the card the bot answered with. */
  async click(
    card: AdaptiveCard,
    title: string,
    typed: Record<string, string> = {},
    tweak?: (activity: TeamsActivity) => void,
  ): Promise<AdaptiveCard> {
    const action = findAction(card, title);
    const data = { ...currentInputs(card), ...typed, ...(action.data as Record<string, unknown>) };
    return this.invoke(String(action.verb), data, tweak);
  }

  /** Types `queryText` into a card's dynamic typeahead of `dataset`; returns the HTTP status and the choices the bot answered with. */
  async search(dataset: string, queryText: string): Promise<{ status: number; results: { title: string; value: string }[] }> {
    const response = await postActivity(
      this.endpoint,
      searchInvoke({ serviceUrl: this.stub.url, person: this.person, dataset, queryText, locale: this.locale }),
    );
    const body = response.body as { type?: string; value?: { results?: { title: string; value: string }[] } } | undefined;
    return { status: response.status, results: body?.value?.results ?? [] };
  }

  /** Sends an adaptiveCard/action invoke with exactly this verb and data (for payloads a card would never send). */
  async invoke(verb: string, data: unknown, tweak?: (activity: TeamsActivity) => void): Promise<AdaptiveCard> {
    const activity = invokeAdaptiveCardAction({ serviceUrl: this.stub.url, person: this.person, verb, data, locale: this.locale });
    tweak?.(activity);
    const response = await postActivity(this.endpoint, activity);
    if (response.status !== 200) throw new Error(`invoke answered ${response.status}: ${JSON.stringify(response.body)}`);
    const body = response.body as { statusCode?: number; type?: string; value?: unknown };
    if (body.type !== 'application/vnd.microsoft.card.adaptive')
      throw new Error(`invoke did not answer with a card: ${JSON.stringify(body)}`);
    return body.value as AdaptiveCard;
  }
}

export interface TeamsActivitySent {
  text: string;
  card: AdaptiveCard | null;
}

export function findAction(card: AdaptiveCard, title: string): CardNode {
  const action = executeActions(card).find((candidate) => candidate.title === title);
  if (!action)
    throw new Error(
      `no action "${title}" on the card; actions: ${executeActions(card)
        .map((a) => String(a.title))
        .join(', ')}`,
    );
  return action;
}

/** What each input holds now, as Teams would send it (all values are strings). */
export function currentInputs(card: AdaptiveCard): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of inputs(card)) {
    if (typeof input.id !== 'string') continue;
    const value = input.value;
    values[input.id] = value === undefined || value === null ? (input.type === 'Input.Toggle' ? 'false' : '') : String(value);
  }
  return values;
}

export function cardText(card: AdaptiveCard | null): string {
  return JSON.stringify(card ?? {});
}
