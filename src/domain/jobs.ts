import { z } from 'zod';

/**
 * The persisted jobs' kinds and one payload schema per kind. A job's kind and payload come back
 * from the database as whatever is stored there, so the runner parses them with these before a
 * handler sees them; the schemas describe the stored payload exactly (strings only), so that what
 * is enqueued and what is parsed are the same type.
 */
export const JOB_KINDS = ['prompt', 'reminder', 'summary'] as const;
export const JobKind = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKind>;

const Text = z.string().min(1);

/** An owner's inbox card (the fan-out, a late install, a delegation): the inbox of `period`'s code and year, across plans. */
export const PromptJobData = z.object({ period: Text, email: Text });
export type PromptJobData = z.infer<typeof PromptJobData>;

/**
 * A reminder to one owner for one period and slot, or the after-deadline list for one coordinator
 * (every unit) or one unit's manager (`unit`: the unit whose subtree the list covers).
 */
export const ReminderJobData = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reminder'), period: Text, email: Text, slot: Text }),
  z.object({ type: z.literal('missing-report'), code: Text, deadline: Text, email: Text, unit: Text.optional() }),
]);
export type ReminderJobData = z.infer<typeof ReminderJobData>;

export const SUMMARY_MODES = ['post', 'update', 'final'] as const;
export const SummaryMode = z.enum(SUMMARY_MODES);
export type SummaryMode = z.infer<typeof SummaryMode>;

/** One channel's summary card for one period code and year (the year stored as its decimal string). */
export const SummaryJobData = z.object({ conversation: Text, code: Text, year: z.string().regex(/^\d+$/), mode: SummaryMode });
export type SummaryJobData = z.infer<typeof SummaryJobData>;

export const JobSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prompt'), payload: PromptJobData }),
  z.object({ kind: z.literal('reminder'), payload: ReminderJobData }),
  z.object({ kind: z.literal('summary'), payload: SummaryJobData }),
]);
export type JobSpec = z.infer<typeof JobSpec>;
export type JobSpecOf<K extends JobKind> = Extract<JobSpec, { kind: K }>;

export type ParsedJobSpec = { ok: true; spec: JobSpec } | { ok: false; problem: 'unknown kind' | 'malformed payload'; error: string };

/**
 * Reads a stored kind and payload. The kind is checked against the known kinds first (never looked
 * up as a property, so `constructor` or `__proto__` are simply unknown), then the payload against
 * that kind's schema. Never throws.
 */
export function parseJobSpec(kind: unknown, payload: unknown): ParsedJobSpec {
  const known = JobKind.safeParse(kind);
  if (!known.success) return { ok: false, problem: 'unknown kind', error: `unknown job kind ${describe(kind)}` };
  const parsed = JobSpec.safeParse({ kind: known.data, payload });
  if (!parsed.success)
    return {
      ok: false,
      problem: 'malformed payload',
      error: `malformed ${known.data} payload: ${z.prettifyError(parsed.error).replace(/\s*\n\s*/g, ' ')}`,
    };
  return { ok: true, spec: parsed.data };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 100)) : `of type ${value === null ? 'null' : typeof value}`;
}
