import { z } from 'zod';
import { AssessmentSchema, type Assessment } from '../domain/vocabulary';
import type { HistoryEntry, HistoryRepository } from '../store/history-repository';
import type { PlanRepository } from '../store/plan-repository';

/** How many changes `historik` shows, newest first. */
export const AUDIT_LIMIT = 20;

export type AuditField = 'outcome' | 'comment' | 'assessment' | 'analysis';

/** One change, as a coordinator reads it: who, when, in which period, and what went from what to what. */
export interface AuditEntry {
  at: Date;
  by: string;
  /** The author's name as saved with the answer; null for delegations. */
  byName: string | null;
  /** The period's label ("Delår per april 2026"), or its id when the period is gone; null for delegations. */
  period: string | null;
  change:
    | { kind: 'answer'; version: number; fields: { field: AuditField; before: string | null; after: string | null }[] }
    | { kind: 'delegated'; from: string; to: string }
    | { kind: 'delegation_ended'; from: string; to: string };
}

export type AuditResult =
  | { kind: 'no_such_subject'; key: string }
  | { kind: 'history'; key: string; subject: 'indicator' | 'goal'; name: string; entries: AuditEntry[]; total: number };

// What history holds is read back from the database: each entry's before/after is parsed, never trusted.
const Text = z.string().catch('');
const StoredAnswer = z.object({
  outcomeText: Text.optional(),
  comment: Text.optional(),
  assessment: AssessmentSchema.nullable().catch(null).optional(),
  analysis: Text.optional(),
  authorName: Text.optional(),
});
type StoredAnswer = z.infer<typeof StoredAnswer>;
const StoredDelegation = z.object({ from: z.string(), to: z.string() });

const FIELDS: Record<'indicator' | 'goal', AuditField[]> = {
  indicator: ['outcome', 'assessment', 'comment'],
  goal: ['assessment', 'analysis'],
};

/** `historik <nyckel>`: who changed an indicator's or goal's answers and delegation, and when. */
export class AuditService {
  constructor(private readonly deps: { plans: PlanRepository; history: HistoryRepository }) {}

  async historyOf(key: string): Promise<AuditResult> {
    const indicator = await this.deps.plans.findIndicator(key);
    const goal = indicator ? null : await this.deps.plans.findGoal(key);
    const subject = indicator ? 'indicator' : goal ? 'goal' : null;
    if (!subject) return { kind: 'no_such_subject', key };
    const found = await this.deps.history.newestOf([`${subject}:${key}`, `delegation:${key}`], AUDIT_LIMIT);
    const labels = await this.periodLabels(found.entries);
    return {
      kind: 'history',
      key,
      subject,
      name: indicator?.name ?? goal?.title ?? key,
      entries: found.entries.map((entry) => toAuditEntry(entry, FIELDS[subject], labels)),
      total: found.total,
    };
  }

  private async periodLabels(entries: readonly HistoryEntry[]): Promise<Map<string, string>> {
    const ids = [...new Set(entries.map((entry) => entry.period).filter((period) => period !== '-'))];
    const periods = await Promise.all(ids.map((id) => this.deps.plans.findPeriod(id)));
    return new Map(ids.map((id, index) => [id, periods[index]?.label ?? id]));
  }
}

function toAuditEntry(entry: HistoryEntry, fields: readonly AuditField[], labels: Map<string, string>): AuditEntry {
  if (entry.subject.startsWith('delegation:')) {
    const before = StoredDelegation.safeParse(entry.before);
    const after = StoredDelegation.safeParse(entry.after);
    const change = after.success
      ? { kind: 'delegated' as const, from: after.data.from, to: after.data.to }
      : { kind: 'delegation_ended' as const, from: before.success ? before.data.from : '', to: before.success ? before.data.to : '' };
    return { at: entry.at, by: entry.by, byName: null, period: null, change };
  }
  const before = parseAnswer(entry.before);
  const after = parseAnswer(entry.after);
  return {
    at: entry.at,
    by: entry.by,
    byName: after?.authorName || null,
    period: labels.get(entry.period) ?? entry.period,
    change: {
      kind: 'answer',
      version: entry.version,
      fields: fields
        .map((field) => ({ field, before: valueOf(before, field), after: valueOf(after, field) }))
        .filter((change) => change.before !== change.after),
    },
  };
}

function parseAnswer(value: unknown): StoredAnswer | null {
  const parsed = StoredAnswer.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The field as shown: the outcome as typed, the assessment's key, a text; null when absent or empty. */
function valueOf(answer: StoredAnswer | null, field: AuditField): string | null {
  if (!answer) return null;
  const value: string | Assessment | null | undefined = field === 'outcome' ? answer.outcomeText : answer[field];
  return value ? value : null;
}
