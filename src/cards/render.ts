import * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as JSON; only its version is relied on outside cards/. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  [key: string]: unknown;
}

const prepared = new WeakMap<object, ACData.Template>();

/**
 * Every card this module has rendered. The bot's send path refuses any card object not in here, so
 * nothing but a card the code made from a template can ever be sent (an object that reached a send
 * by mistake — a context, a config — is refused instead of serialized into a chat).
 */
const rendered = new WeakSet<object>();

/** True for a card object that {@link renderTemplate} produced (not a copy of one, not anything else). */
export function isRenderedCard(value: unknown): value is AdaptiveCard {
  return typeof value === 'object' && value !== null && rendered.has(value);
}

/**
 * Expands a template with adaptivecards-templating and refuses to return a card with an
 * unbound `${…}` left in it (a field the data did not supply).
 * User text in `data` is defused first so that a "${" someone typed is shown, not evaluated.
 */
export function renderTemplate<T extends object>(template: object, data: T): AdaptiveCard {
  let engine = prepared.get(template);
  if (!engine) {
    engine = new ACData.Template(template);
    prepared.set(template, engine);
  }
  const card: unknown = withoutNullSelectActions(engine.expand({ $root: defuse(data) }));
  const json = JSON.stringify(card);
  const leftover = /\$\{[^}]*\}?/.exec(json);
  if (leftover) {
    throw new Error(`Card template left an unbound expression: ${leftover[0]}`);
  }
  if (json.includes('"$when"') || json.includes('"$data"')) {
    throw new Error('Card template left a $when/$data key');
  }
  if (!isAdaptiveCard(card)) throw new Error('Template did not produce an AdaptiveCard');
  rendered.add(card);
  return card;
}

function isAdaptiveCard(value: unknown): value is AdaptiveCard {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'AdaptiveCard';
}

/** An element without a drill-down must not carry `selectAction: null`, which strict clients reject. */
function withoutNullSelectActions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullSelectActions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, inner]) => !(key === 'selectAction' && inner === null))
      .map(([key, inner]) => [key, withoutNullSelectActions(inner)]),
  );
}

/** Breaks "${" in user-supplied strings with a zero-width space so the engine leaves them alone. */
function defuse(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('${') ? value.split('${').join('$\u200b{') : value;
  if (Array.isArray(value)) return value.map(defuse);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, defuse(inner)]));
  }
  return value;
}

/** Byte size of the card as Teams would receive it (UTF-8 JSON). */
export function cardBytes(card: AdaptiveCard): number {
  return jsonBytes(card);
}

/** Byte size of a value as UTF-8 JSON (å, ä, ö take two bytes): what a piece of card data adds to a card. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
