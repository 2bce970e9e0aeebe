import {
  COMMAND_NAMES,
  commandEntry,
  commandUsage,
  commandWord,
  type CommandLanguage,
  type CommandName,
  type MenuScope,
} from '../domain/command-catalog';

/** Teams' limits for a bot's command menus (manifest schema: bots[].commandLists). */
export const TEAMS_COMMAND_LIMITS = { commandsPerList: 10, title: 32, description: 128 } as const;

export interface ManifestCommand {
  title: string;
  description: string;
}

export interface ManifestCommandList {
  scopes: [MenuScope];
  commands: ManifestCommand[];
}

export interface ManifestCommandMenus {
  /** `bots[0].commandLists` of manifest.json (Swedish, the default language). */
  commandLists: ManifestCommandList[];
  /** The same titles and descriptions in English, keyed as en.json expects them. */
  english: Record<string, string>;
}

const SCOPES: readonly MenuScope[] = ['personal', 'team'];

const USAGE: Record<CommandLanguage, string> = { sv: 'Skriv:', en: 'Write:' };
const NOT_YET: Record<CommandLanguage, string> = { sv: 'Finns inte ännu.', en: 'Not available yet.' };

/**
 * The Teams command menus, generated from the command catalog: per scope, the commands that are
 * offered there in their menu order; the title is the command's word, the description its help
 * line and then its syntax when it takes arguments, or a note when it is not built yet. Throws when a
 * menu breaks Teams' limits, so that no package is built with one.
 */
export function manifestCommandMenus(): ManifestCommandMenus {
  const commandLists: ManifestCommandList[] = [];
  const english: Record<string, string> = {};
  for (const scope of SCOPES) {
    const names = COMMAND_NAMES.filter((name) => commandEntry(name).menu[scope] !== undefined).sort(
      (a, b) => (commandEntry(a).menu[scope] ?? 0) - (commandEntry(b).menu[scope] ?? 0),
    );
    if (names.length === 0) continue;
    const list = commandLists.length;
    commandLists.push({ scopes: [scope], commands: names.map((name) => menuCommand(name, 'sv')) });
    names.forEach((name, index) => {
      const command = menuCommand(name, 'en');
      english[`bots[0].commandLists[${list}].commands[${index}].title`] = command.title;
      english[`bots[0].commandLists[${list}].commands[${index}].description`] = command.description;
    });
  }
  const problems = commandMenuProblems(commandLists, english);
  if (problems.length > 0) throw new Error(`The command catalog breaks Teams' limits for command menus:\n  - ${problems.join('\n  - ')}`);
  return { commandLists, english };
}

function menuCommand(name: CommandName, language: CommandLanguage): ManifestCommand {
  const entry = commandEntry(name);
  const parts = [entry.help[language]];
  if (!entry.available) parts.push(NOT_YET[language]);
  else if (entry.args[language] !== '') parts.push(`${USAGE[language]} ${commandUsage(name, language)}`);
  return { title: commandWord(name, language), description: parts.join(' ') };
}

/** Every way the menus break Teams' limits: too many commands, a title or description too long or empty. */
export function commandMenuProblems(commandLists: readonly ManifestCommandList[], english: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const check = (where: string, text: string, max: number) => {
    if (text.length === 0 || text.length > max) problems.push(`${where} must be 1–${max} characters, it is ${text.length}: "${text}"`);
  };
  commandLists.forEach((list, i) => {
    if (list.commands.length > TEAMS_COMMAND_LIMITS.commandsPerList) {
      problems.push(
        `commandLists[${i}] (${list.scopes.join(', ')}) has ${list.commands.length} commands, at most ${TEAMS_COMMAND_LIMITS.commandsPerList} are allowed`,
      );
    }
    list.commands.forEach((command, j) => {
      check(`commandLists[${i}].commands[${j}].title`, command.title, TEAMS_COMMAND_LIMITS.title);
      check(`commandLists[${i}].commands[${j}].description`, command.description, TEAMS_COMMAND_LIMITS.description);
    });
  });
  for (const [key, text] of Object.entries(english))
    check(`en ${key}`, text, key.endsWith('.title') ? TEAMS_COMMAND_LIMITS.title : TEAMS_COMMAND_LIMITS.description);
  return problems;
}
