import { helpCard } from '../views/help-view';
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

describe('the help card from the command catalog', () => {
  const sections = (card: ReturnType<typeof helpCard>) => {
    const containers = (
      card.body as Array<{ type: string; items?: Array<{ text?: string; facts?: Array<{ title: string; value: string }> }> }>
    ).filter((element) => element.type === 'Container');
    return containers.map((container) => ({
      heading: container.items?.[0]?.text,
      commands: container.items?.[1]?.facts?.map((fact) => fact.title),
    }));
  };

  test("when rendered in Swedish, then everyone's commands come first and the coordinators' after, with their arguments", () => {
    expect(sections(helpCard('sv'))).toEqual([
      {
        heading: 'För alla',
        commands: ['hjälp', 'status', 'sammanfattning [enhet] [period]', '@Utfall kopplingar', 'delegera <nyckel> <e-post>'],
      },
      {
        heading: 'För samordnare',
        commands: [
          'importera',
          'öppna period <kod> [enhet]',
          'stäng period <kod> [enhet]',
          'påminn [enhet]',
          '@Utfall koppla <enhet>',
          '@Utfall koppla bort <enhet>',
          'rapport [period] [enhet]',
          'historik <nyckel>',
        ],
      },
    ]);
  });

  test('when rendered in English, then the words, the arguments and the help lines are English', () => {
    const card = helpCard('en');
    expect(sections(card)[1]).toMatchObject({
      heading: 'For coordinators',
      commands: expect.arrayContaining(['open period <code> [unit]', '@Utfall unlink <unit>']),
    });
    const json = JSON.stringify(card);
    expect(json).toContain('Opens the period and sends the cards to the goal owners, after you confirm.');
    expect(json).not.toMatch(/öppna|påminn|hjälp|Visar/);
  });

  test("when every command is built, then the report is offered to coordinators, in the reader's language", () => {
    expect(JSON.stringify(helpCard('sv'))).toContain('rapport [period] [enhet]');
    expect(JSON.stringify(helpCard('en'))).toContain('report [period] [unit]');
  });

  test('when the card explains itself, then it says the card comes when a period opens', () => {
    expect(JSON.stringify(helpCard('sv'))).toContain('När en uppföljningsperiod öppnar skickar jag ett kort');
    expect(JSON.stringify(helpCard('en'))).toContain('When a follow-up period opens I send');
  });

  test("when a suggestion is made, then it is the word in the reader's language", () => {
    expect(JSON.stringify(helpCard('en', { typed: 'opn period', suggestion: 'openPeriod' }))).toContain(
      'I did not understand “opn period”. Did you mean **open period**?',
    );
    expect(JSON.stringify(helpCard('sv', { typed: 'remnd', suggestion: 'remind' }))).toContain(
      'Jag förstod inte ”remnd”. Menade du **påminn**?',
    );
  });
});
