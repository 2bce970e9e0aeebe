import type { Direction, ValueType } from './vocabulary';

/** The plan as the product works with it: flat entities joined by stable keys. */

export interface Unit {
  key: string;
  name: string;
  parent: string | null;
  /** The unit's chef (lower-case e-mail), if the plan names one. */
  manager?: string;
}

export interface PerspectiveOutline {
  key: string;
  name: string;
  areas: { key: string; name: string }[];
}

export interface Plan {
  key: string;
  organisation: string;
  unit: string;
  year: number;
  name: string;
  /** Perspectives and areas in file order, for headings and ordering in cards and reports. */
  perspectives: PerspectiveOutline[];
}

export interface Activity {
  key: string;
  name: string;
  description: string | null;
  start: string | null;
  end: string | null;
  status: string | null;
}

export interface Goal {
  key: string;
  plan: string;
  unit: string;
  perspective: string;
  area: string | null;
  title: string;
  /** Lower-cased e-mail/UPN; they answer the goal's own bedömning and analys. */
  owners: string[];
  activities: Activity[];
  /** Position in the file, so cards list goals as the plan does. */
  order: number;
  archived: boolean;
}

export interface Indicator {
  key: string;
  plan: string;
  unit: string;
  goal: string;
  perspective: string;
  name: string;
  owner: string;
  valueType: ValueType;
  unitOfMeasure: string | null;
  direction: Direction;
  baseline: number | boolean | null;
  target: number | boolean | null;
  /** Period codes in which it is measured; always explicit (an empty list in the file means all). */
  periods: string[];
  order: number;
  /** Removed from the plan by a later import; kept so its answers stay readable. */
  archived: boolean;
}

export type PeriodState = 'draft' | 'open' | 'closed';

export interface Period {
  /** `${plan}/${code}`: period codes repeat across plans. */
  id: string;
  plan: string;
  unit: string;
  code: string;
  label: string;
  /** Calendar dates (YYYY-MM-DD) in the organisation's time zone. */
  opens: string;
  deadline: string;
  closes: string;
  state: PeriodState;
  /** When a closed period was closed, and by whom (a coordinator's name or address; null: by date). */
  closedAt?: Date;
  closedBy?: string | null;
}

export function periodId(plan: string, code: string): string {
  return `${plan}/${code}`;
}

export interface NormalizedPlanFile {
  organisation: string;
  units: Unit[];
  plans: Plan[];
  goals: Goal[];
  indicators: Indicator[];
  periods: Omit<Period, 'state'>[];
}
