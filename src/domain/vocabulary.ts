import { z } from 'zod';

/** How an indicator's outcome is typed and parsed (SPEC §4). */
export const VALUE_TYPES = ['number', 'percent', 'currency', 'yesno', 'text'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
export const ValueTypeSchema = z.enum(VALUE_TYPES);

/** riktning: öka, minska, behålla, minst, högst, ja-nej, ingen (SPEC §2). */
export const DIRECTIONS = ['increase', 'decrease', 'maintain', 'atLeast', 'atMost', 'yes', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DirectionSchema = z.enum(DIRECTIONS);

/** bedömning: grön, gul, röd, grå (SPEC §2). */
export const ASSESSMENTS = ['achieved', 'partly', 'not_achieved', 'not_measured'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
export const AssessmentSchema = z.enum(ASSESSMENTS);

/** The currency scales seen in reports: kronor, tusen kronor, miljoner kronor. */
export const CURRENCY_UNITS = ['kr', 'tkr', 'mnkr'] as const;
export type CurrencyUnit = (typeof CURRENCY_UNITS)[number];
export const CurrencyUnitSchema = z.enum(CURRENCY_UNITS);
