import type { SummaryMode } from './jobs';
import { summaryPeriodKey, type SummaryPeriodRef } from './summary-period';

/**
 * Every job id and batch, in one place. A job id is its de-duplication key (enqueuing the same id
 * twice is a no-op), so these strings are stored data: never change their shape.
 */
export const jobIds = {
  /** The fan-out when a period opens: one card per (period, owner). */
  prompt: (periodId: string, email: string) => `prompt:${periodId}:${email}`,
  /** A card after a late install: round 1 is the first try, rounds 2… follow a failed one. */
  latePrompt: (periodId: string, email: string, round: number) => `prompt-late:${periodId}:${email}` + (round > 1 ? `:${round}` : ''),
  /** A delegated indicator or goal: its new owner's card, once per delegation (`at`, in ms). */
  delegatedPrompt: (periodId: string, email: string, subject: string, at: Date) => `prompt:${periodId}:${email}:delegated:${subject}:${at.getTime()}`,
  /** A fresh card when a coordinator reopens a closed period: once per reopening (`issued`). */
  reopenedPrompt: (periodId: string, email: string, issued: string) => `prompt:${periodId}:${email}:reopened:${issued}`,
  reminder: (periodId: string, slotId: string, email: string) => `reminder:${periodId}:${slotId}:${email}`,
  missingReport: (code: string, deadline: string, email: string) => `missing-report:${code}:${deadline}:${email}`,
  /** A unit manager's after-deadline list: once per period code, deadline, unit and manager. */
  managerReport: (code: string, deadline: string, unit: string, email: string) => `missing-report:${code}:${deadline}:unit:${unit}:${email}`,
  /** A summary card's post or final job: once per channel and period. */
  summary: (mode: SummaryMode, conversationId: string, ref: SummaryPeriodRef) => `summary:${mode}:${conversationId}:${summaryPeriodKey(ref)}`,
  /** In-place updates: one job per channel, period and time slot (`slot` counts intervals since the epoch). */
  summaryUpdate: (conversationId: string, ref: SummaryPeriodRef, slot: number) => `summary:update:${conversationId}:${summaryPeriodKey(ref)}:${slot}`,
};

/** Batches group jobs for reporting (the opener's "N kort skickade" counts the prompt batch only). */
export const jobBatches = {
  prompt: (periodId: string) => `prompt:${periodId}`,
  latePrompt: (periodId: string) => `prompt-late:${periodId}`,
  delegatedPrompt: (periodId: string) => `delegated:${periodId}`,
  reopenedPrompt: (periodId: string) => `reopened:${periodId}`,
  reminder: (periodId: string, slotId: string) => `reminder:${periodId}:${slotId}`,
  /** Also the claim that the after-deadline list of that code and deadline went out. */
  missingReport: (code: string, deadline: string) => `missing-report:${code}:${deadline}`,
  summary: (ref: SummaryPeriodRef) => `summary:${summaryPeriodKey(ref)}`,
};

/** The reminder slot of a confirmed `påminn`, keyed by when its confirmation was shown (a double click repeats it). */
export function manualReminderSlot(issued: string): string {
  return `manual-${issued}`;
}
