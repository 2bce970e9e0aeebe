import type { Locale } from './locale';

export interface CommandHelp {
  command: string;
  description: string;
}

export interface HelpTexts {
  title: string;
  intro: string;
  everyone: string;
  coordinators: string;
  commandsForEveryone: CommandHelp[];
  commandsForCoordinators: CommandHelp[];
  unknownCommand: (typed: string) => string;
  notYetAvailable: (command: string) => string;
  didYouMean: (command: string) => string;
}

const sv: HelpTexts = {
  title: 'Utfall – så fungerar det',
  intro:
    'När en uppföljningsperiod stänger skickar jag ett kort till varje målägare. Där fyller du i utfall, kommentar och bedömning per mätetal. Ledningen ser en sammanställning i sin kanal.',
  everyone: 'För alla',
  coordinators: 'För samordnare',
  commandsForEveryone: [
    { command: 'hjälp', description: 'Visar det här kortet.' },
    { command: 'status', description: 'Dina mål och mätetal som väntar på svar.' },
    { command: 'sammanfattning [enhet] [period]', description: 'I en kopplad kanal: måluppfyllelsen för det kanalen följer.' },
    { command: 'kopplingar', description: 'I en kanal: vilka enheter kanalen följer.' },
    { command: 'delegera <nyckel> <e-post>', description: 'Lämnar ett mätetal eller mål till en kollega. delegera tillbaka <nyckel> tar tillbaka det.' },
  ],
  commandsForCoordinators: [
    { command: 'importera', description: 'Bifoga en verksamhetsplan (JSON, XLSX eller CSV) och skriv importera.' },
    { command: 'öppna period <kod> [enhet]', description: 'Skickar korten till målägarna, efter att du bekräftat.' },
    { command: 'stäng period <kod> [enhet]', description: 'Låser svaren och publicerar slutsammanställningen.' },
    { command: 'påminn [enhet]', description: 'Påminner dem som inte har svarat klart, efter att du bekräftat.' },
    { command: '@Utfall koppla <enhet>', description: 'I en kanal: visar och uppdaterar sammanfattningen för enheten där. koppla bort <enhet> tar bort kopplingen.' },
  ],
  unknownCommand: (typed) => `Jag förstod inte ”${typed}”.`,
  notYetAvailable: (command) => `”${command}” finns inte ännu i den här versionen av Utfall. Det här kan jag redan:`,
  didYouMean: (command) => `Menade du **${command}**?`,
};

const en: HelpTexts = {
  title: 'Utfall – how it works',
  intro:
    'When a follow-up period closes I send each goal owner a card to fill in the outcome, a comment and an assessment per indicator. Management sees a summary in its channel.',
  everyone: 'For everyone',
  coordinators: 'For coordinators',
  commandsForEveryone: [
    { command: 'help', description: 'Shows this card.' },
    { command: 'status', description: 'Your goals and indicators waiting for an answer.' },
    { command: 'summary [unit] [period]', description: 'In a linked channel: goal attainment for what the channel follows.' },
    { command: 'links', description: 'In a channel: which units the channel follows.' },
    { command: 'delegate <key> <e-mail>', description: 'Hands an indicator or goal to a colleague. delegate back <key> takes it back.' },
  ],
  commandsForCoordinators: [
    { command: 'import', description: 'Attach a plan (JSON, XLSX or CSV) and write import.' },
    { command: 'open period <code> [unit]', description: 'Sends the cards to the goal owners, after you confirm.' },
    { command: 'close period <code> [unit]', description: 'Locks the answers and posts the final summary.' },
    { command: 'remind [unit]', description: 'Reminds those who have not finished, after you confirm.' },
    { command: '@Utfall link <unit>', description: 'In a channel: shows and updates the summary for the unit there. unlink <unit> removes it.' },
  ],
  unknownCommand: (typed) => `I did not understand “${typed}”.`,
  notYetAvailable: (command) => `“${command}” is not available yet in this version of Utfall. This is what I can do:`,
  didYouMean: (command) => `Did you mean **${command}**?`,
};

export function helpTexts(locale: Locale): HelpTexts {
  return locale === 'en' ? en : sv;
}
