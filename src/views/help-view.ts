import { buildHelpCard } from '../cards/help-card';
import type { AdaptiveCard } from '../cards/render';
import { commandWord, type CommandName } from '../domain/command-catalog';
import { helpSections, helpTexts } from '../i18n/help-texts';
import type { Locale } from '../i18n/locale';

/** The help card, optionally headed by "I did not understand X. Did you mean Y?" (Y in the reader's language). */
export function helpCard(locale: Locale, unknown?: { typed: string; suggestion: CommandName | null }, unavailable?: string): AdaptiveCard {
  const texts = helpTexts(locale);
  let notice = unavailable ? texts.notYetAvailable(unavailable) : '';
  if (unknown) {
    notice = texts.unknownCommand(unknown.typed.slice(0, 80));
    if (unknown.suggestion) notice += ` ${texts.didYouMean(commandWord(unknown.suggestion, locale))}`;
  }
  return buildHelpCard({ notice, title: texts.title, intro: texts.intro, sections: helpSections(locale) });
}

/** The one-line answer to a word that is no command (or one not built yet), pointing to `hjälp`. */
export function notUnderstood(locale: Locale, unknown?: { typed: string; suggestion: CommandName | null }, unavailable?: string): string {
  const texts = helpTexts(locale);
  const parts: string[] = [];
  if (unavailable) parts.push(texts.notYetAvailableShort(unavailable));
  if (unknown) {
    parts.push(texts.unknownCommand(unknown.typed.slice(0, 80)));
    if (unknown.suggestion) parts.push(texts.didYouMean(commandWord(unknown.suggestion, locale)));
  }
  parts.push(texts.writeHelp);
  return parts.join(' ');
}
