import detailTemplate from '../../cards/summary-detail.json';
import { toExecuteAction, toExecuteActions, type ExecuteActionJson } from './action-json';
import type { CardAction, CardPager, TextColor } from './card-types';
import { renderTemplate, type AdaptiveCard } from './render';

/** One entry of a drill-down list (a goal, an indicator, an owner). */
export interface DetailItem {
  title: string;
  status: string;
  color: TextColor;
  text: string;
  context: string;
  /** A last, subtle line (who answers it); empty for none. */
  note: string;
  action: CardAction | null;
}

/** A drill-down of the management summary (a perspective, a goal, who has not answered, all red goals). */
export interface SummaryDetailCardData {
  title: string;
  subtitle: string;
  intro: string;
  items: DetailItem[];
  pager: CardPager | null;
  /** Buttons above the way back, such as "Påminn" for coordinators; usually none. */
  actions: CardAction[];
  back: CardAction;
}

export function buildSummaryDetailCard(data: SummaryDetailCardData): AdaptiveCard {
  const pagerActions: (CardAction | null)[] = data.pager ? [data.pager.previous, data.pager.next] : [];
  const actions: ExecuteActionJson[] = toExecuteActions([...pagerActions, ...data.actions, data.back]);
  return renderTemplate(detailTemplate, {
    ...data,
    items: data.items.map((item) => ({ ...item, action: item.action ? toExecuteAction(item.action) : null })),
    pager: data.pager ? { text: data.pager.text } : null,
    actions,
  });
}
