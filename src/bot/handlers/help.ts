import { buildHelpCard } from '../../cards/help-card';
import type { AdaptiveCard } from '../../cards/render';
import { COMMANDS, type CommandName } from '../../domain/commands';
import { helpTexts } from '../../i18n/help-texts';
import type { Locale } from '../../i18n/locale';

/** The help card, optionally headed by "I did not understand X. Did you mean Y?". */
export function helpCard(locale: Locale, unknown?: { typed: string; suggestion: CommandName | null }, unavailable?: string): AdaptiveCard {
  const texts = helpTexts(locale);
  let notice = unavailable ? texts.notYetAvailable(unavailable) : '';
  if (unknown) {
    notice = texts.unknownCommand(unknown.typed.slice(0, 80));
    if (unknown.suggestion) {
      const word = COMMANDS[unknown.suggestion][locale === 'en' ? 1 : 0] ?? COMMANDS[unknown.suggestion][0];
      notice += ` ${texts.didYouMean(word)}`;
    }
  }
  return buildHelpCard({
    notice,
    title: texts.title,
    intro: texts.intro,
    sections: [
      { heading: texts.everyone, commands: texts.commandsForEveryone },
      { heading: texts.coordinators, commands: texts.commandsForCoordinators },
    ],
  });
}
