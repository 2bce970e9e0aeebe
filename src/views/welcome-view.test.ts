import { welcomeView } from './welcome-view';

describe(welcomeView.name, () => {
  test('when a Swedish speaker with a period waiting installs, then the greeting uses the first name and says the card follows', () => {
    const data = welcomeView('sv', 'Anna Lind', true);
    expect(data.title).toBe('Hej Anna!');
    expect(data.hint).toContain('ditt kort kommer här nedanför');
  });

  test('when the name is unknown and nothing is open, then the English greeting has no name and says there is nothing to do', () => {
    const data = welcomeView('en', '');
    expect(data.title).toBe('Hi!');
    expect(data.hint).toContain('Nothing to do now');
  });
});
