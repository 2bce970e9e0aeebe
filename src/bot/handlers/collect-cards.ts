import type { TextColor } from '../../cards/collect-card-data';
import { buildGoalFormCard } from '../../cards/goal-form-card';
import { buildInboxCard } from '../../cards/inbox-card';
import { buildMessageCard } from '../../cards/message-card';
import { buildReceiptCard } from '../../cards/receipt-card';
import type { AdaptiveCard } from '../../cards/render';
import { collectTexts } from '../../i18n/collect-texts';
import type { Locale } from '../../i18n/locale';
import type { PeriodWork, SaveResult } from '../../services/collect-service';
import type { Person } from '../../store/people-repository';
import { goalFormView } from '../../views/goal-form-view';
import { inboxView, isAllDone, receiptView } from '../../views/inbox-view';
import type { BotDeps } from '../deps';

/** The cards of the collect flow, composed from the collect service's views. */

export function messageCard(title: string, body: string, color: TextColor): AdaptiveCard {
  return buildMessageCard({ title, body, color, actions: [] });
}

export async function inboxCard(deps: BotDeps, person: Person, periodId: string, locale: Locale, notice: { text: string; color: TextColor } | null, page = 0): Promise<AdaptiveCard> {
  const view = await deps.collect.workFor(person.email, periodId);
  const texts = collectTexts(locale);
  if (!view) return messageCard(texts.refusal.title, texts.refusal.unknown_period, 'Warning');
  return inboxOrReceipt(view, locale, notice, page);
}

export function inboxOrReceipt(view: PeriodWork, locale: Locale, notice: { text: string; color: TextColor } | null, page = 0): AdaptiveCard {
  if (isAllDone(view) && notice?.color !== 'Attention') {
    const receipt = receiptView(view, locale);
    return buildReceiptCard(notice ? { ...receipt, body: `${notice.text} ${receipt.body}` } : receipt);
  }
  return buildInboxCard(inboxView(view, locale, notice, page));
}

export async function goalFormCard(deps: BotDeps, person: Person, periodId: string, goalKey: string, locale: Locale, page: number): Promise<AdaptiveCard> {
  const texts = collectTexts(locale);
  const view = await deps.collect.workFor(person.email, periodId);
  if (!view) return messageCard(texts.refusal.title, texts.refusal.unknown_period, 'Warning');
  const goal = view.work.goals.find((g) => g.goal.key === goalKey);
  if (!goal) {
    deps.logger.warn({ by: person.email, period: periodId, goal: goalKey.slice(0, 100) }, 'goal form refused: not the owner');
    return messageCard(texts.refusal.title, texts.refusal.not_owner, 'Attention');
  }
  return buildGoalFormCard(goalFormView(view, goal, { locale, timezone: deps.config.timezone, tolerance: deps.config.assessmentTolerance, notice: null, page }));
}

/** After "Spara": errors keep the form with the input; a conflict shows current values; success goes back to the inbox. */
export function saveResultCard(deps: BotDeps, result: SaveResult, locale: Locale, page: number, goTo?: number): AdaptiveCard {
  const texts = collectTexts(locale);
  const options = { locale, timezone: deps.config.timezone, tolerance: deps.config.assessmentTolerance, page };
  switch (result.kind) {
    case 'refused':
      return messageCard(texts.refusal.title, texts.refusal[result.reason], result.reason === 'not_owner' ? 'Attention' : 'Warning');
    case 'invalid':
      return buildGoalFormCard(goalFormView(result.view, result.goal, { ...options, notice: { text: texts.invalid, color: 'Attention' }, submission: result.submission }));
    case 'conflict': {
      const names = [...new Set(result.conflicts.map((c) => c.by))].join(', ');
      return buildGoalFormCard(goalFormView(result.view, result.goal, { ...options, notice: { text: texts.conflict(names), color: 'Attention' } }));
    }
    case 'saved':
      if (goTo !== undefined) {
        return buildGoalFormCard(goalFormView(result.view, result.goal, { ...options, page: goTo, notice: { text: texts.saved(result.saved), color: 'Good' } }));
      }
      return inboxOrReceipt(result.view, locale, { text: texts.saved(result.saved), color: 'Good' });
  }
}
