import {
  COMMAND_NAMES,
  commandAliases,
  commandEntry,
  commandUsage,
  commandWord,
  type AvailableCommand,
  type CommandLanguage,
  type MenuScope,
} from './command-catalog';
import { foldText, parseCommand } from './commands';

const LANGUAGES: CommandLanguage[] = ['sv', 'en'];

describe('the command catalog', () => {
  test('when any alias is folded, then it belongs to one command only', () => {
    const owners = new Map<string, string>();
    for (const name of COMMAND_NAMES) {
      for (const alias of commandAliases(name)) {
        const folded = foldText(alias);
        expect({ alias, owner: owners.get(folded) ?? name }).toEqual({ alias, owner: name });
        owners.set(folded, name);
      }
    }
  });

  test.each(COMMAND_NAMES)('when the words of %s are written in either language, then they parse as that command', (name) => {
    for (const language of LANGUAGES) {
      expect(parseCommand(commandWord(name, language))).toMatchObject({ kind: 'command', name, args: [] });
      expect(parseCommand(commandWord(name, language).toUpperCase())).toMatchObject({ kind: 'command', name });
    }
  });

  test.each(COMMAND_NAMES)('when %s is described, then it has a help line and argument syntax in both languages', (name) => {
    const entry = commandEntry(name);
    for (const language of LANGUAGES) {
      expect(entry.help[language]).toMatch(/^\S.*[.)]$/);
      expect(entry.args[language]).toMatch(/^((<[^<>]+>|\[[^[\]]+\])( (<[^<>]+>|\[[^[\]]+\]))*)?$/);
    }
    expect(Boolean(entry.args.sv)).toBe(Boolean(entry.args.en));
  });

  test.each<MenuScope>(['personal', 'team'])(
    'when the %s command menu is laid out, then its positions run 1, 2, 3 … without gaps and stop at 10',
    (scope) => {
      const positions = COMMAND_NAMES.map((name) => commandEntry(name).menu[scope]).filter((position) => position !== undefined);
      expect(positions.length).toBeLessThanOrEqual(10);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, index) => index + 1));
    },
  );

  test("when a command is shown, then its word and syntax are in the reader's language", () => {
    expect(commandUsage('openPeriod', 'sv')).toBe('öppna period <kod> [enhet]');
    expect(commandUsage('openPeriod', 'en')).toBe('open period <code> [unit]');
    expect(commandUsage('help', 'en')).toBe('help');
    expect(commandAliases('status')).toEqual(['status']);
    expect(commandAliases('help')).toEqual(['hjälp', 'help', '?']);
  });

  test('when the routing table is typed from the catalog, then it must name every available command', () => {
    const available = COMMAND_NAMES.filter((name) => commandEntry(name).available);
    // @ts-expect-error a table that leaves out an available command does not compile
    const missing: { [K in AvailableCommand]: true } = { help: true };
    expect(available).toContain('help');
    expect(available).toContain('report');
    expect(Object.keys(missing)).toEqual(['help']);
  });
});
