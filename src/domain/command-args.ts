/**
 * Splits `[enhet] [period]` arguments: a last word that is one of the known period codes
 * (compared case-insensitively, "då08" is DÅ08) is the period, as typed; the words before it
 * are the unit text. With no such last word, every word is unit text and there is no period.
 */
export function splitUnitAndPeriod(args: readonly string[], periodCodes: Iterable<string>): { unitText: string; period: string | null } {
  const codes = new Set([...periodCodes].map(upper));
  const last = args.at(-1);
  const period = last !== undefined && codes.has(upper(last)) ? last : null;
  return { unitText: (period === null ? args : args.slice(0, -1)).join(' ').trim(), period };
}

function upper(code: string): string {
  return code.toLocaleUpperCase('sv-SE');
}
