import { notUnderstood } from './help-view';

describe(notUnderstood.name, () => {
  test("when a word is no command, then one line says so, suggests the nearest command in the reader's language and points to hjälp", () => {
    expect(notUnderstood('sv', { typed: 'hjalpp', suggestion: 'help' })).toBe(
      'Jag förstod inte ”hjalpp”. Menade du **hjälp**? Skriv **hjälp** för att se vad jag kan.',
    );
    expect(notUnderstood('en', { typed: 'opn', suggestion: 'openPeriod' })).toBe(
      'I did not understand “opn”. Did you mean **open period**? Write **help** to see what I can do.',
    );
  });

  test('when a command is recognised but not built in this version, then one line says so', () => {
    expect(notUnderstood('sv', undefined, 'Tidslinje')).toBe(
      '”Tidslinje” finns inte ännu i den här versionen av Utfall. Skriv **hjälp** för att se vad jag kan.',
    );
  });
});
