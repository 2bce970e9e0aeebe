import { z } from 'zod';
import { DirectionSchema, ValueTypeSchema } from './vocabulary';

/**
 * The plan import format (shared/plan-format.md) as zod schemas: the single source of truth for
 * what an import may contain. docs/plan.schema.json is generated from PlanFileSchema.
 */

/** Stable external keys: letters (å/ä/ö too), digits and - _ . / : ; never "$…" or "__proto__". */
export const KeySchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.\-/:]*$/u, { message: 'invalid_key' })
  .refine((key) => !FORBIDDEN_KEYS.has(key), { message: 'invalid_key' });

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const PeriodCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}_-]+$/u, { message: 'invalid_period_code' });

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'invalid_email' }))
  .transform((email) => email.toLowerCase());

export const IsoDateSchema = z.iso.date({ message: 'invalid_date' });

const NameSchema = z.string().trim().min(1).max(500);
const TargetSchema = z.union([z.number().finite(), z.boolean(), z.null()]);

export const PeriodSchema = z
  .strictObject({
    code: PeriodCodeSchema,
    label: NameSchema,
    opens: IsoDateSchema,
    deadline: IsoDateSchema,
    closes: IsoDateSchema,
  })
  .refine((period) => period.opens <= period.deadline && period.deadline <= period.closes, {
    message: 'period_dates_out_of_order',
  });

export const IndicatorSchema = z.strictObject({
  key: KeySchema,
  name: NameSchema,
  owner: EmailSchema.optional(),
  valueType: ValueTypeSchema,
  unit: z.string().trim().max(40).optional(),
  direction: DirectionSchema.default('none'),
  baseline: TargetSchema.optional(),
  target: TargetSchema.optional(),
  periods: z.array(PeriodCodeSchema).max(50).optional(),
});

export const ActivitySchema = z.strictObject({
  key: KeySchema,
  name: NameSchema,
  description: z.string().trim().max(4000).optional(),
  start: IsoDateSchema.optional(),
  end: IsoDateSchema.optional(),
  status: z.string().trim().max(100).optional(),
});

export const GoalSchema = z.strictObject({
  key: KeySchema,
  title: NameSchema,
  owners: z.array(EmailSchema).min(1, { message: 'goal_without_owner' }).max(20),
  indicators: z.array(IndicatorSchema).max(5000).default([]),
  activities: z.array(ActivitySchema).max(500).optional(),
});

export const AreaSchema = z.strictObject({
  key: KeySchema,
  name: NameSchema,
  goals: z.array(GoalSchema).max(5000).default([]),
});

export const PerspectiveSchema = z.strictObject({
  key: KeySchema,
  name: NameSchema,
  areas: z.array(AreaSchema).max(1000).optional(),
  goals: z.array(GoalSchema).max(5000).optional(),
});

export const UnitSchema = z.strictObject({
  key: KeySchema,
  name: NameSchema,
  parent: KeySchema.optional(),
  /** The unit's chef (e-mail/UPN): told which answers are missing after the deadline, may see the unit's summary. */
  manager: EmailSchema.optional(),
});

export const PlanSchema = z.strictObject({
  key: KeySchema,
  unit: KeySchema,
  year: z.number().int().min(2000).max(2100),
  name: NameSchema,
  periods: z.array(PeriodSchema).min(1, { message: 'plan_without_periods' }).max(24),
  perspectives: z.array(PerspectiveSchema).max(200),
});

export const PlanFileSchema = z.strictObject({
  organisation: NameSchema,
  units: z.array(UnitSchema).max(10_000),
  plans: z.array(PlanSchema).max(1_000),
});

export type PlanFile = z.infer<typeof PlanFileSchema>;
export type PlanFileInput = z.input<typeof PlanFileSchema>;
export type PlanInput = z.infer<typeof PlanSchema>;
export type PeriodInput = z.infer<typeof PeriodSchema>;
export type GoalInput = z.infer<typeof GoalSchema>;
export type IndicatorInput = z.infer<typeof IndicatorSchema>;
export type UnitInput = z.infer<typeof UnitSchema>;
