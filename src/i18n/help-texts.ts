import { COMMAND_NAMES, commandEntry, commandUsage, type CommandName, type CommandRole } from '../domain/command-catalog';
import type { Locale } from './locale';

export interface CommandHelp {
  command: string;
  description: string;
}

type HelpSection = 'everyone' | 'chefs' | 'coordinators';

export interface HelpTexts {
  title: string;
  intro: string;
  sections: Record<HelpSection, string>;
  unknownCommand: (typed: string) => string;
  notYetAvailable: (command: string) => string;
  didYouMean: (command: string) => string;
  notYetAvailableShort: (command: string) => string;
  writeHelp: string;
}

const sv: HelpTexts = {
  title: 'Utfall – så fungerar det',
  intro:
    'När en uppföljningsperiod öppnar skickar jag ett kort till varje målägare. Där fyller du i utfall, kommentar och bedömning per mätetal. Ledningen ser en sammanställning i sin kanal.',
  sections: { everyone: 'För alla', chefs: 'För chefer', coordinators: 'För samordnare' },
  unknownCommand: (typed) => `Jag förstod inte ”${typed}”.`,
  notYetAvailable: (command) => `”${command}” finns inte ännu i den här versionen av Utfall. Det här kan jag redan:`,
  didYouMean: (command) => `Menade du **${command}**?`,
  notYetAvailableShort: (command) => `”${command}” finns inte ännu i den här versionen av Utfall.`,
  writeHelp: 'Skriv **hjälp** för att se vad jag kan.',
};

const en: HelpTexts = {
  title: 'Utfall – how it works',
  intro:
    'When a follow-up period opens I send each goal owner a card to fill in the outcome, a comment and an assessment per indicator. Management sees a summary in its channel.',
  sections: { everyone: 'For everyone', chefs: 'For managers', coordinators: 'For coordinators' },
  unknownCommand: (typed) => `I did not understand “${typed}”.`,
  notYetAvailable: (command) => `“${command}” is not available yet in this version of Utfall. This is what I can do:`,
  didYouMean: (command) => `Did you mean **${command}**?`,
  notYetAvailableShort: (command) => `“${command}” is not available yet in this version of Utfall.`,
  writeHelp: 'Write **help** to see what I can do.',
};

export function helpTexts(locale: Locale): HelpTexts {
  return locale === 'en' ? en : sv;
}

/** Owners' commands are listed with everyone's: everyone who gets a card is an owner. */
const SECTION_OF: Record<CommandRole, HelpSection> = { anyone: 'everyone', owner: 'everyone', chef: 'chefs', coordinator: 'coordinators' };
const SECTION_ORDER: readonly HelpSection[] = ['everyone', 'chefs', 'coordinators'];

/**
 * The help card's sections, from the command catalog: the available commands per role, each as
 * "word args" in the reader's language (channel-only ones after "@Utfall") with its help line.
 */
export function helpSections(locale: Locale): { heading: string; commands: CommandHelp[] }[] {
  const texts = helpTexts(locale);
  return SECTION_ORDER.map((section) => ({
    heading: texts.sections[section],
    commands: COMMAND_NAMES.filter((name) => commandEntry(name).available && SECTION_OF[commandEntry(name).who] === section).map(
      (name) => ({
        command: helpLine(name, locale),
        description: commandEntry(name).help[locale],
      }),
    ),
  })).filter((section) => section.commands.length > 0);
}

function helpLine(name: CommandName, locale: Locale): string {
  const usage = commandUsage(name, locale);
  return commandEntry(name).where === 'channel' ? `@Utfall ${usage}` : usage;
}
