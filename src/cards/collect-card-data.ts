/**
 * @deprecated Each card's data type lives in its card module (`InboxCardData` in inbox-card.ts, …)
 * and the shared small types in card-types.ts. This re-export stays only while
 * src/bot/handlers/collect-cards.ts imports `TextColor` from here; delete it once nothing does.
 */
export type { CardAction, Notice, TextColor } from './card-types';
export type { ConfirmCardData } from './confirm-card';
export type { FormLabels, GoalAssessmentRow, GoalFormCardData, IndicatorFormRow } from './goal-form-card';
export type { InboxCardData, InboxGoalRow } from './inbox-card';
export type { MessageCardData } from './message-card';
export type { ReceiptCardData } from './receipt-card';
