import type { TextColor } from '../cards/card-types';
import { buildGoalFormCard } from '../cards/goal-form-card';
import { buildInboxCard } from '../cards/inbox-card';
import { buildMessageCard } from '../cards/message-card';
import { buildReceiptCard } from '../cards/receipt-card';
import type { AdaptiveCard } from '../cards/render';
import { collectTexts } from '../i18n/collect-texts';
import { goalFormTexts } from '../i18n/goal-form-texts';
import type { Locale } from '../i18n/locale';
import type { PeriodWork, SaveConflict, SaveResult } from '../services/collect-service';
import { inboxOfOne, type InboxWork } from '../services/inbox-service';
import { VERBS } from '../cards/actions';
import { closedNotice } from './closed-notice';
import { goalFormView } from './goal-form-view';
import { inboxView, isAllDone, receiptView } from './inbox-view';

/** The cards of the collect flow, composed from the collect service's results (used in turns and by background senders). */

export interface CollectCardOptions {
  locale: Locale;
  timezone: string;
  /** ASSESSMENT_TOLERANCE, for the bedömning preset from the target. */
  tolerance: number;
}

export function messageCard(title: string, body: string, color: TextColor): AdaptiveCard {
  return buildMessageCard({ title, body, color, actions: [] });
}

/** The inbox card (a period code and year, across plans), or a refusal when the period is unknown. */
export function inboxCard(
  inbox: InboxWork | null,
  locale: Locale,
  notice: { text: string; color: TextColor } | null,
  page = 0,
  refreshFor: string | null = null,
): AdaptiveCard {
  const texts = collectTexts(locale);
  if (!inbox) return messageCard(texts.refusal.title, texts.refusal.unknown_period, 'Warning');
  return inboxOrReceipt(inbox, locale, notice, page, refreshFor);
}

/** `refreshFor`: the owner's Teams user id (29:…); their inbox card then refreshes itself when they look at it. */
export function inboxOrReceipt(
  inbox: InboxWork,
  locale: Locale,
  notice: { text: string; color: TextColor } | null,
  page = 0,
  refreshFor: string | null = null,
): AdaptiveCard {
  if (isAllDone(inbox) && notice?.color !== 'Attention') {
    const receipt = receiptView(inbox, locale);
    return buildReceiptCard(notice ? { ...receipt, body: `${notice.text} ${receipt.body}` } : receipt);
  }
  return buildInboxCard(inboxView(inbox, locale, notice, page, refreshFor));
}

/** A goal's form, or a refusal: unknown period, or a goal that is not the person's to answer. */
export function goalFormCard(
  view: PeriodWork | null,
  goalKey: string,
  options: CollectCardOptions,
  page: number,
): { card: AdaptiveCard; refused: 'unknown_period' | 'not_owner' | null } {
  const texts = collectTexts(options.locale);
  if (!view) return { card: messageCard(texts.refusal.title, texts.refusal.unknown_period, 'Warning'), refused: 'unknown_period' };
  const goal = view.work.goals.find((g) => g.goal.key === goalKey);
  if (!goal) return { card: messageCard(texts.refusal.title, texts.refusal.not_owner, 'Attention'), refused: 'not_owner' };
  return { card: buildGoalFormCard(goalFormView(view, goal, { ...options, notice: null, page })), refused: null };
}

/**
 * After "Spara": errors keep the form with the input; a conflict shows current values; success goes
 * back to the inbox: `inbox`, the whole inbox around the saved period, or that period's alone.
 */
export function saveResultCard(
  result: SaveResult,
  options: CollectCardOptions,
  page: number,
  goTo?: number,
  inbox?: InboxWork,
): AdaptiveCard {
  const { locale } = options;
  const texts = collectTexts(locale);
  const formTexts = goalFormTexts(locale);
  const formOptions = { ...options, page };
  switch (result.kind) {
    case 'refused':
      if (result.reason === 'period_closed') {
        const closed = closedNotice(result.period, locale, options.timezone);
        return buildMessageCard({
          title: texts.closedTitle,
          body: texts.closedSave(closed, result.period.code),
          color: 'Warning',
          actions: [{ title: texts.back, verb: VERBS.showInbox, data: { period: result.period.id } }],
        });
      }
      return messageCard(texts.refusal.title, texts.refusal[result.reason], result.reason === 'not_owner' ? 'Attention' : 'Warning');
    case 'invalid': {
      // Only values to confirm, nothing to correct: say so, rather than "something needs fixing".
      const onlyToConfirm = [...result.submission.errors.values()].every((errors) =>
        Object.values(errors).every((code) => code === 'implausible'),
      );
      const notice = { text: onlyToConfirm ? formTexts.confirm : formTexts.invalid, color: 'Attention' as const };
      return buildGoalFormCard(
        goalFormView(result.view, result.goal, { ...formOptions, notice, submission: result.submission, versions: result.versions }),
      );
    }
    case 'conflict':
      return buildGoalFormCard(
        goalFormView(result.view, result.goal, {
          ...formOptions,
          notice: { text: conflictNotice(result.conflicts, result.saved, locale), color: 'Attention' },
        }),
      );
    case 'saved':
      if (goTo !== undefined) {
        return buildGoalFormCard(
          goalFormView(result.view, result.goal, {
            ...formOptions,
            page: goTo,
            notice: { text: texts.saved(result.saved), color: 'Good' },
          }),
        );
      }
      return inboxOrReceipt(inbox ?? inboxOfOne(result.view), locale, { text: texts.saved(result.saved), color: 'Good' });
  }
}

/**
 * Who saved the answers this save lost to: others by name; the person themselves ("in another
 * window"); or nobody, when the answer the form was opened with is no longer stored. Never the
 * person as "someone else", and never their own lost values as the current ones.
 */
function conflictNotice(conflicts: readonly SaveConflict[], saved: number, locale: Locale): string {
  const texts = goalFormTexts(locale);
  const others = [...new Set(conflicts.flatMap((c) => (c.by !== null && !c.mine ? [c.by] : [])))];
  const text =
    others.length > 0 ? texts.conflict(others.join(', ')) : conflicts.some((c) => c.mine) ? texts.conflictMine : texts.conflictGone;
  return saved > 0 ? `${text} ${texts.othersSaved}` : text;
}
