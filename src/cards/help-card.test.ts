import { helpCard } from '../bot/handlers/help';
import { buildHelpCard } from './help-card';
import { cardBytes } from './render';

describe(buildHelpCard.name, () => {
  test('when rendered in Swedish, then it lists the commands with version 1.5 and no unbound expressions', () => {
    const card = helpCard('sv');
    const json = JSON.stringify(card);
    expect(card.version).toBe('1.5');
    expect(json).toContain('öppna period <kod> [enhet]');
    expect(json).not.toContain('${');
    expect(json).not.toContain('$when');
    expect(cardBytes(card)).toBeLessThan(40 * 1024);
  });

  test('when there is no notice, then the notice block is left out', () => {
    expect(JSON.stringify(helpCard('sv'))).not.toContain('"color":"Attention"');
  });

  test('when the person typed something with "${" in it, then it is shown, not evaluated', () => {
    const card = helpCard('sv', { typed: '${title}', suggestion: null });
    expect(JSON.stringify(card)).toContain('$\u200b{title}');
  });
});
