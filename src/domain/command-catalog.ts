/**
 * Every chat command, once. Parsing (domain/commands.ts), the help card (i18n/help-texts.ts), the
 * routing table (bot/handlers/commands.ts, which must name a handler for every available command)
 * and the Teams command menus in the app package (tools/manifest-commands.ts) all read this.
 *
 * To add a command: add its entry here and, once it is available, its handler in bot/handlers.
 */

/** Who the command is for; informational (each handler checks roles itself) and the help card's sections. */
export type CommandRole = 'anyone' | 'owner' | 'coordinator' | 'chef';
/** Where it is meant to be written: personal chat, a team channel (after @Utfall), or both. */
export type CommandPlace = 'personal' | 'channel' | 'both';
export type CommandLanguage = 'sv' | 'en';
/** The two scopes of the Teams manifest that carry a command menu here. */
export type MenuScope = 'personal' | 'team';

export interface Bilingual {
  readonly sv: string;
  readonly en: string;
}

export interface CommandEntry {
  /**
   * What may be typed, per language; the first word is the one shown. Matching folds case and
   * accents, and tries longer aliases first, so "koppla bort" wins over "koppla".
   */
  readonly words: { readonly sv: readonly [string, ...string[]]; readonly en: readonly [string, ...string[]] };
  /** Accepted in either language and never shown. */
  readonly symbols?: readonly string[];
  readonly who: CommandRole;
  readonly where: CommandPlace;
  /** What follows the words: `<required>`, `[optional]`; '' when nothing does. */
  readonly args: Bilingual;
  /** One line, for the help card and the Teams command menu. */
  readonly help: Bilingual;
  /** false: recognised, but answered "finns inte ännu" and left out of the help card. */
  readonly available: boolean;
  /** Position (1–10) in the Teams command menu of each manifest scope that offers it. */
  readonly menu: { readonly [S in MenuScope]?: number };
}

const NONE: Bilingual = { sv: '', en: '' };

/** In the order the help card lists them. */
export const COMMAND_CATALOG = {
  help: {
    words: { sv: ['hjälp'], en: ['help'] },
    symbols: ['?'],
    who: 'anyone',
    where: 'both',
    args: NONE,
    help: { sv: 'Visar vad Utfall kan göra och vilka kommandon som finns.', en: 'Shows what Utfall can do and which commands there are.' },
    available: true,
    menu: { personal: 1, team: 1 },
  },
  status: {
    words: { sv: ['status'], en: ['status'] },
    who: 'anyone',
    where: 'both',
    args: NONE,
    help: { sv: 'Dina mål och mätetal som väntar på svar.', en: 'Your goals and indicators waiting for an answer.' },
    available: true,
    menu: { personal: 2, team: 4 },
  },
  summary: {
    words: { sv: ['sammanfattning'], en: ['summary'] },
    who: 'anyone',
    where: 'both',
    args: { sv: '[enhet] [period]', en: '[unit] [period]' },
    help: {
      sv: 'Periodens sammanställning för det en kopplad kanal följer; samordnare även i chatt.',
      en: 'The period’s summary for what a linked channel follows; coordinators also in chat.',
    },
    available: true,
    menu: { personal: 7, team: 3 },
  },
  links: {
    words: { sv: ['kopplingar'], en: ['links'] },
    who: 'anyone',
    where: 'channel',
    args: NONE,
    help: { sv: 'I en kanal: vilka enheter kanalen följer.', en: 'In a channel: which units the channel follows.' },
    available: true,
    menu: {},
  },
  delegate: {
    words: { sv: ['delegera'], en: ['delegate'] },
    who: 'owner',
    where: 'both',
    args: { sv: '<nyckel> <e-post>', en: '<key> <e-mail>' },
    help: {
      sv: 'Lämnar ett mätetal eller mål till en kollega; delegera tillbaka <nyckel> tar tillbaka det.',
      en: 'Hands an indicator or goal to a colleague; delegate back <key> takes it back.',
    },
    available: true,
    menu: { personal: 3, team: 10 },
  },
  importPlan: {
    words: { sv: ['importera'], en: ['import'] },
    who: 'coordinator',
    where: 'personal',
    args: NONE,
    help: {
      sv: 'Bifoga verksamhetsplanen (JSON, XLSX eller CSV) och skriv importera.',
      en: 'Attach the plan (JSON, XLSX or CSV) and write import.',
    },
    available: true,
    menu: { personal: 9, team: 9 },
  },
  openPeriod: {
    words: { sv: ['öppna period', 'öppna'], en: ['open period', 'open'] },
    who: 'coordinator',
    where: 'both',
    args: { sv: '<kod> [enhet]', en: '<code> [unit]' },
    help: {
      sv: 'Öppnar perioden och skickar korten till målägarna, efter att du bekräftat.',
      en: 'Opens the period and sends the cards to the goal owners, after you confirm.',
    },
    available: true,
    menu: { personal: 4, team: 6 },
  },
  closePeriod: {
    words: { sv: ['stäng period', 'stäng'], en: ['close period', 'close'] },
    who: 'coordinator',
    where: 'both',
    args: { sv: '<kod> [enhet]', en: '<code> [unit]' },
    help: { sv: 'Låser svaren och publicerar slutsammanställningen.', en: 'Locks the answers and posts the final summary.' },
    available: true,
    menu: { personal: 5, team: 7 },
  },
  remind: {
    words: { sv: ['påminn'], en: ['remind'] },
    who: 'coordinator',
    where: 'both',
    args: { sv: '[enhet]', en: '[unit]' },
    help: {
      sv: 'Påminner målägare som inte har svarat klart, efter att du bekräftat.',
      en: 'Reminds the goal owners who have not finished, after you confirm.',
    },
    available: true,
    menu: { personal: 6, team: 5 },
  },
  link: {
    words: { sv: ['koppla'], en: ['link'] },
    who: 'coordinator',
    where: 'channel',
    args: { sv: '<enhet>', en: '<unit>' },
    help: {
      sv: 'I en kanal: kanalen följer enheten och får dess sammanfattning, som hålls uppdaterad.',
      en: 'In a channel: the channel follows the unit and gets its summary, kept up to date.',
    },
    available: true,
    menu: { personal: 10, team: 2 },
  },
  unlink: {
    words: { sv: ['koppla bort'], en: ['unlink'] },
    who: 'coordinator',
    where: 'channel',
    args: { sv: '<enhet>', en: '<unit>' },
    help: { sv: 'I en kanal: kanalen slutar följa enheten.', en: 'In a channel: the channel stops following the unit.' },
    available: true,
    menu: {},
  },
  report: {
    words: { sv: ['rapport'], en: ['report'] },
    who: 'coordinator',
    where: 'both',
    args: { sv: '[period] [enhet]', en: '[period] [unit]' },
    help: {
      sv: 'Den sammanställda måluppfyllelsen som Word, Excel eller webbsida.',
      en: 'The compiled goal achievement report as Word, Excel or a web page.',
    },
    available: true,
    menu: { personal: 8, team: 8 },
  },
  history: {
    words: { sv: ['historik'], en: ['history'] },
    who: 'coordinator',
    where: 'both',
    args: { sv: '<nyckel>', en: '<key>' },
    help: {
      sv: 'Vem som ändrade vad och när för ett mätetal eller mål, de senaste först.',
      en: 'Who changed what and when for an indicator or goal, latest first.',
    },
    available: true,
    menu: {},
  },
} as const satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof COMMAND_CATALOG;

/** The commands that are built; the routing table must have a handler for each. */
export type AvailableCommand = {
  [K in CommandName]: (typeof COMMAND_CATALOG)[K]['available'] extends true ? K : never;
}[CommandName];

/** Every command, in catalog order. */
export const COMMAND_NAMES = Object.keys(COMMAND_CATALOG) as CommandName[];

export function commandEntry(name: CommandName): CommandEntry {
  return COMMAND_CATALOG[name];
}

/** Everything that is accepted for the command: Swedish words, English words, then symbols. */
export function commandAliases(name: CommandName): string[] {
  const entry = commandEntry(name);
  return [...new Set([...entry.words.sv, ...entry.words.en, ...(entry.symbols ?? [])])];
}

/** The word shown for the command in that language ("öppna period", "open period"). */
export function commandWord(name: CommandName, language: CommandLanguage): string {
  return commandEntry(name).words[language][0];
}

/** The word and its argument syntax, e.g. "öppna period <kod> [enhet]". */
export function commandUsage(name: CommandName, language: CommandLanguage): string {
  return `${commandWord(name, language)} ${commandEntry(name).args[language]}`.trim();
}
