import type { SummaryViewData } from '../cards/actions';
import type { TextColor } from '../cards/card-types';
import type { Bucket } from '../domain/aggregation';
import type { Locale } from '../i18n/locale';
import type { LoadedSummary } from '../services/summary-service';

export const BUCKET_COLORS: Record<Bucket, { color: TextColor; subtle: boolean }> = {
  achieved: { color: 'Good', subtle: false },
  partly: { color: 'Warning', subtle: false },
  not_achieved: { color: 'Attention', subtle: false },
  not_measured: { color: 'Default', subtle: true },
  missing: { color: 'Default', subtle: false },
};

export interface SummaryViewOptions {
  locale: Locale;
  timezone: string;
  now: Date;
  final?: boolean;
  /** Put into drill-down payloads only for personal chat (coordinators); channels use their links. */
  payloadUnits?: readonly string[];
}

/** The period (and, in personal chat, the units) that every drill-down action carries. */
export function refData(loaded: LoadedSummary, options: SummaryViewOptions): SummaryViewData {
  return { code: loaded.ref.code, year: loaded.ref.year, ...(options.payloadUnits ? { units: [...options.payloadUnits] } : {}) };
}
