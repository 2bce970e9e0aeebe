import type { InboxRef } from './inbox';
import type { SummaryMode } from './jobs';
import { summaryPeriodKey, type SummaryPeriodRef } from './summary-period';

/**
 * Every job id and batch, in one place. A job id is its de-duplication key (enqueuing the same id
 * twice is a no-op), so these strings are stored data: never change their shape.
 */
export const jobIds = {
  /**
   * The fan-out when periods open: one inbox card per owner and inbox (a period code of a year,
   * across plans), for what it covers (`promptCover`: the plans whose open periods the owner has
   * work in). Opening again sends nothing new; opening another unit's period of the same code sends
   * a fresh card only to those who have work there too, and that card covers all of it.
   * (Until issue 12 the ids were per period: `prompt:<plan>/<code>:<email>`.)
   */
  prompt: (ref: InboxRef, email: string, cover: string) => `prompt:${summaryPeriodKey(ref)}:${email}:${cover}`,
  /** The per-period card ids used before that (first try and first late try), read only so that no card sent then is sent again. */
  legacyPrompts: (periodId: string, email: string) => [`prompt:${periodId}:${email}`, `prompt-late:${periodId}:${email}`],
  /** A card after a late install, for the same cover: round 1 is the first try, rounds 2… follow a failed one. */
  latePrompt: (ref: InboxRef, email: string, cover: string, round: number) =>
    `prompt-late:${summaryPeriodKey(ref)}:${email}:${cover}` + (round > 1 ? `:${round}` : ''),
  /** A delegated indicator or goal: its new owner's card, once per delegation (`at`, in ms). */
  delegatedPrompt: (periodId: string, email: string, subject: string, at: Date) =>
    `prompt:${periodId}:${email}:delegated:${subject}:${at.getTime()}`,
  /** A fresh card when a coordinator reopens closed periods: one per owner and inbox, once per reopening (`issued`). */
  reopenedPrompt: (ref: InboxRef, email: string, issued: string) => `prompt:${summaryPeriodKey(ref)}:${email}:reopened:${issued}`,
  /**
   * A reminder: one per owner, inbox and slot, however many plans the owner has goals in. A
   * scheduled slot is `<deadline>/<slot>` (plans with another deadline have their own slots); a
   * `påminn` is `manual-<issued>`. (Until issue 12: `reminder:<plan>/<code>:<slot>:<email>`.)
   */
  reminder: (ref: InboxRef, slot: string, email: string) => `reminder:${summaryPeriodKey(ref)}:${slot}:${email}`,
  missingReport: (code: string, deadline: string, email: string) => `missing-report:${code}:${deadline}:${email}`,
  /** A unit manager's after-deadline list: once per period code, deadline, unit and manager. */
  managerReport: (code: string, deadline: string, unit: string, email: string) =>
    `missing-report:${code}:${deadline}:unit:${unit}:${email}`,
  /** A summary card's post or final job: once per channel and period. */
  summary: (mode: SummaryMode, conversationId: string, ref: SummaryPeriodRef) =>
    `summary:${mode}:${conversationId}:${summaryPeriodKey(ref)}`,
  /** In-place updates: one job per channel, period and time slot (`slot` counts intervals since the epoch). */
  summaryUpdate: (conversationId: string, ref: SummaryPeriodRef, slot: number) =>
    `summary:update:${conversationId}:${summaryPeriodKey(ref)}:${slot}`,
};

/** Batches group jobs for reporting (the opener's report reads an inbox's three prompt batches). */
export const jobBatches = {
  prompt: (ref: InboxRef) => `prompt:${summaryPeriodKey(ref)}`,
  latePrompt: (ref: InboxRef) => `prompt-late:${summaryPeriodKey(ref)}`,
  delegatedPrompt: (ref: InboxRef) => `delegated:${summaryPeriodKey(ref)}`,
  reopenedPrompt: (ref: InboxRef) => `reopened:${summaryPeriodKey(ref)}`,
  reminder: (ref: InboxRef, slot: string) => `reminder:${summaryPeriodKey(ref)}:${slot}`,
  /** Also the claim that the after-deadline list of that code and deadline went out. */
  missingReport: (code: string, deadline: string) => `missing-report:${code}:${deadline}`,
  summary: (ref: SummaryPeriodRef) => `summary:${summaryPeriodKey(ref)}`,
};

/** The reminder slot of a confirmed `påminn`, keyed by when its confirmation was shown (a double click repeats it). */
export function manualReminderSlot(issued: string): string {
  return `manual-${issued}`;
}

/** A scheduled reminder slot of one deadline (`7wd`, `2wd`, `deadline`). */
export function scheduledReminderSlot(deadline: string, slotId: string): string {
  return `${deadline}/${slotId}`;
}

/** The per-period fan-out batch used before cards were per inbox (read only). */
export function legacyPromptBatch(periodId: string): string {
  return `prompt:${periodId}`;
}

/** Every batch an inbox's cards are sent in: the fan-out, late installs and delegations. */
export function promptBatches(ref: InboxRef): string[] {
  return [jobBatches.prompt(ref), jobBatches.latePrompt(ref), jobBatches.delegatedPrompt(ref)];
}
