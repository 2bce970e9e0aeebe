import type { Indicator } from './plan';
import { formatValue, type OutcomeValue } from './values';

/**
 * One utfall as a report shows it. `text` is the Swedish form of SPEC §4 (`4,4 %`, `21 707`,
 * `-24,6 mnkr`, `Ja`) and is empty unless `state` is `value`; renderers write the words for the
 * other states ("Ej tillgängligt", "Saknas", "Mäts helår"), so a missing answer is never blank.
 * `number` is set for numeric values only, so a spreadsheet can write a real number cell.
 */
export interface ReportValue {
  state: 'value' | 'not_available' | 'missing' | 'not_in_period';
  text: string;
  number: number | null;
  /** The scale or unit after the number (`%`, `mnkr`, `g/km`), for a number format. */
  unit: string | null;
}

export const MISSING_VALUE: ReportValue = { state: 'missing', text: '', number: null, unit: null };
export const NOT_IN_PERIOD: ReportValue = { state: 'not_in_period', text: '', number: null, unit: null };

/**
 * `typed` is what the owner wrote: a unit they typed after a plain number (`-11,1 mnkr` for an
 * indicator whose plan names no unit) is kept, since the parser keeps only the number.
 */
export function reportValue(
  outcome: OutcomeValue | null | undefined,
  indicator: Pick<Indicator, 'valueType' | 'unitOfMeasure'>,
  typed = '',
): ReportValue {
  if (!outcome) return MISSING_VALUE;
  if (outcome.kind === 'not_available') return { state: 'not_available', text: '', number: null, unit: null };
  const unit = valueUnit(outcome, indicator) ?? (outcome.kind === 'number' && indicator.valueType === 'number' ? typedUnit(typed) : null);
  const text = formatValue(outcome, indicator.valueType, unit ?? undefined);
  return { state: 'value', text, number: outcome.kind === 'number' ? outcome.value : null, unit };
}

/** A plan's target or baseline in the same form as an utfall; null when the plan sets none. */
export function planValue(value: number | boolean | null, indicator: Pick<Indicator, 'valueType' | 'unitOfMeasure'>): ReportValue | null {
  if (value === null) return null;
  return reportValue(typeof value === 'boolean' ? { kind: 'boolean', value } : { kind: 'number', value }, indicator);
}

function valueUnit(outcome: OutcomeValue, indicator: Pick<Indicator, 'valueType' | 'unitOfMeasure'>): string | null {
  if (outcome.kind !== 'number') return null;
  if (indicator.valueType === 'percent') return '%';
  return outcome.currencyUnit ?? (indicator.unitOfMeasure === '' ? null : indicator.unitOfMeasure);
}

const TYPED_UNIT_RE = /\d\s*([\p{L}][\p{L}\p{N}/²³]*\.?)$/u;

function typedUnit(typed: string): string | null {
  return TYPED_UNIT_RE.exec(typed.trim())?.[1] ?? null;
}
