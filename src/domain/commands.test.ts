import { foldText, parseCommand, suggestCommand } from './commands';

describe(parseCommand.name, () => {
  test.each([
    ['hjälp', 'help', []],
    ['HJÄLP', 'help', []],
    ['help', 'help', []],
    ['hjälp!', 'help', []],
    ['paminn', 'remind', []],
    ['Påminn Regionkontoret', 'remind', ['Regionkontoret']],
    ['öppna period DÅ08 RS', 'openPeriod', ['DÅ08', 'RS']],
    ['oppna period DÅ08', 'openPeriod', ['DÅ08']],
    ['open period T1', 'openPeriod', ['T1']],
    ['stäng period ÅR', 'closePeriod', ['ÅR']],
    ['koppla bort RS', 'unlink', ['RS']],
    ['koppla RS RS-RK', 'link', ['RS', 'RS-RK']],
    ['  status  ', 'status', []],
  ])('when the text is "%s", then it is the %s command with its arguments', (text, name, args) => {
    expect(parseCommand(text)).toEqual({ kind: 'command', name, args, text: text.replace(/\s+/g, ' ').trim() });
  });

  test('when the text is blank, then it is empty', () => {
    expect(parseCommand('   ')).toEqual({ kind: 'empty' });
  });

  test('when the text is not a command, then it is unknown with the nearest command suggested', () => {
    expect(parseCommand('stauts')).toMatchObject({ kind: 'unknown', suggestion: 'status' });
    expect(parseCommand('vad ska jag göra nu')).toMatchObject({ kind: 'unknown', suggestion: null });
  });
});

describe(suggestCommand.name, () => {
  test('when the word is far from every command, then there is no suggestion', () => {
    expect(suggestCommand('xyzzyqwerty')).toBeNull();
  });
  test('when a letter is missing, then the command is suggested', () => {
    expect(suggestCommand(foldText('sammanfatning'))).toBe('summary');
  });
});
