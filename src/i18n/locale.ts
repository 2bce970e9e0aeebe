export type Locale = 'sv' | 'en';

/** Swedish unless Teams says the person uses English (en-US, en-GB, …). */
export function resolveLocale(teamsLocale: string | undefined | null): Locale {
  return typeof teamsLocale === 'string' && /^en(\b|-|_)/i.test(teamsLocale) ? 'en' : 'sv';
}

/**
 * The language of a management channel's cards: UTFALL_LANGUAGE when it names one; with `auto`, the
 * language of whoever linked the channel (`koppla`), and Swedish for a channel linked before that was kept.
 */
export function channelLocale(language: 'auto' | Locale, linkedBy: Locale | null): Locale {
  return language === 'auto' ? (linkedBy ?? 'sv') : language;
}
