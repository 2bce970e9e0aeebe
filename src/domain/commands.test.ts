import { COMMANDS, foldText, MAX_ECHO_LENGTH, parseCommand, suggestCommand, typedCommandWords } from './commands';

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

describe('suggestions on a tie', () => {
  test('when a word is as near to a one-word alias as to the first word of a longer one, then the one-word command is suggested', () => {
    expect(suggestCommand('kopla')).toBe('link');
    expect(suggestCommand('linkk')).toBe('link');
  });
});

describe(typedCommandWords.name, () => {
  test.each([
    ['Rapport DÅ08', 'Rapport'],
    ['KOPPLA  bort RS', 'KOPPLA bort'],
    ['öppna period DÅ08', 'öppna period'],
    ['hjälp!', 'hjälp!'],
    ['vad nu', ''],
  ])('when the text is "%s", then the command was named by "%s"', (text, words) => {
    expect(typedCommandWords(text)).toBe(words);
  });

  test('when a long text was cut for echoing, then the command words are still found', () => {
    const parsed = parseCommand(`koppla bort ${'x'.repeat(2 * MAX_ECHO_LENGTH)}`);
    expect(parsed).toMatchObject({ kind: 'command', name: 'unlink' });
    expect(typedCommandWords(parsed.kind === 'command' ? parsed.text : '')).toBe('koppla bort');
  });
});

describe('COMMANDS', () => {
  test('when read, then each command lists its Swedish words, its English words and any symbol', () => {
    expect(COMMANDS.openPeriod).toEqual(['öppna period', 'öppna', 'open period', 'open']);
    expect(COMMANDS.help).toEqual(['hjälp', 'help', '?']);
    expect(Object.isFrozen(COMMANDS)).toBe(true);
  });
});
