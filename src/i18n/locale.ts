export type Locale = 'sv' | 'en';

/** Swedish unless Teams says the person uses English (en-US, en-GB, …). */
export function resolveLocale(teamsLocale: string | undefined | null): Locale {
  return typeof teamsLocale === 'string' && /^en(\b|-|_)/i.test(teamsLocale) ? 'en' : 'sv';
}
