import type { CardAction, CardPager } from './card-types';

type ActionStyle = NonNullable<CardAction['style']>;

export interface SubmitActionJson {
  type: 'Action.Submit';
  title: string;
  data: Record<string, unknown>;
  style?: ActionStyle;
}

export interface ExecuteActionJson {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: Record<string, unknown>;
  style?: ActionStyle;
  fallback: SubmitActionJson;
}

export interface PagerJson {
  text: string;
  actions: ExecuteActionJson[];
}

/**
 * The Action.Execute JSON for a card action. Clients without Universal Actions fall back to an
 * Action.Submit whose data carries the verb too, so the bot can route both the same way.
 * Templates cannot spread objects, so builders pass these finished objects to the template.
 */
export function toExecuteAction(action: CardAction): ExecuteActionJson {
  const style = action.style === undefined ? {} : { style: action.style };
  return {
    type: 'Action.Execute',
    title: action.title,
    verb: action.verb,
    data: action.data,
    ...style,
    fallback: { type: 'Action.Submit', title: action.title, data: { ...action.data, verb: action.verb }, ...style },
  };
}

/** The actions that are present, in order, as Action.Execute JSON. */
export function toExecuteActions(actions: (CardAction | null)[]): ExecuteActionJson[] {
  return actions.filter((action): action is CardAction => action !== null).map(toExecuteAction);
}

export function toPager(pager: CardPager | null): PagerJson | null {
  return pager === null ? null : { text: pager.text, actions: toExecuteActions([pager.previous, pager.next]) };
}
