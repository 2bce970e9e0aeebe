import { commandMenuProblems, manifestCommandMenus, type ManifestCommandList } from './manifest-commands';

describe(manifestCommandMenus.name, () => {
  test("when generated from the catalog, then the menus are within Teams' limits and each command says how it is written", () => {
    const { commandLists, english } = manifestCommandMenus();
    expect(commandMenuProblems(commandLists, english)).toEqual([]);
    const personal = commandLists.find((list) => list.scopes[0] === 'personal');
    expect(personal?.commands.find((command) => command.title === 'öppna period')?.description).toMatch(
      / Skriv: öppna period <kod> \[enhet\]$/,
    );
    expect(personal?.commands.find((command) => command.title === 'rapport')?.description).toBe(
      'Den sammanställda måluppfyllelsen som Word, Excel eller webbsida. Skriv: rapport [period] [enhet]',
    );
    expect(Object.values(english)).toContain('open period');
    expect(Object.values(english).some((text) => text.endsWith('Write: open period <code> [unit]'))).toBe(true);
  });
});

describe(commandMenuProblems.name, () => {
  test('when a menu has eleven commands, an empty title, a 33-character title or a 129-character description, then each is named', () => {
    const commands = Array.from({ length: 11 }, (_, index) => ({ title: `c${index}`, description: 'd' }));
    commands[1] = { title: '', description: 'd' };
    commands[2] = { title: 'x'.repeat(33), description: 'd' };
    commands[3] = { title: 'ok', description: 'y'.repeat(129) };
    const lists: ManifestCommandList[] = [{ scopes: ['personal'], commands }];
    const problems = commandMenuProblems(lists, { 'bots[0].commandLists[0].commands[0].title': 'z'.repeat(40) });
    expect(problems).toEqual([
      expect.stringContaining('has 11 commands, at most 10'),
      expect.stringContaining('commands[1].title must be 1–32 characters, it is 0'),
      expect.stringContaining('commands[2].title must be 1–32 characters, it is 33'),
      expect.stringContaining('commands[3].description must be 1–128 characters, it is 129'),
      expect.stringContaining('en bots[0].commandLists[0].commands[0].title must be 1–32 characters, it is 40'),
    ]);
  });

  test('when everything is within the limits, then there are no problems', () => {
    expect(commandMenuProblems([{ scopes: ['team'], commands: [{ title: 'x'.repeat(32), description: 'y'.repeat(128) }] }], {})).toEqual(
      [],
    );
  });
});
