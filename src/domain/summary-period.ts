/** A summary covers one period code of one year across every plan in the linked units. */
export interface SummaryPeriodRef {
  code: string;
  year: number;
}

/** `<year>/<code>`: names a summary period in job ids, batches and posted-card records. */
export function summaryPeriodKey(ref: SummaryPeriodRef): string {
  return `${ref.year}/${ref.code}`;
}
