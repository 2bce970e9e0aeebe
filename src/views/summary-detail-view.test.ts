import { executeActions, findNodes } from '../../test/support/adaptive-card';
import { ANNA, answer, demoSummary, DEMO_NOW, ERIK, number } from '../../test/support/summary-fixtures';
import { buildSummaryDetailCard } from '../cards/summary-detail-card';
import { goalDetailView, missingOwnersView, peopleShown, perspectiveView, redGoalsView } from './summary-detail-view';

const OPTIONS = { locale: 'sv' as const, timezone: 'Europe/Stockholm', now: new Date('2026-05-04T08:00:00Z') };
const NAMES = new Map([
  [ANNA, 'Anna Lind'],
  [ERIK, 'Erik Berg'],
]);
const text = (data: Parameters<typeof buildSummaryDetailCard>[0]) => JSON.stringify(buildSummaryDetailCard(data)).replace(/\u00a0/g, ' ');

describe(missingOwnersView.name, () => {
  test('when someone has not finished, then they are listed by name with what they still owe, goal by goal', () => {
    const view = missingOwnersView(demoSummary(), 0, { ...OPTIONS, names: NAMES });

    expect(view.title).toBe('Har inte svarat klart (1)');
    expect(view.items.map((item) => [item.title, item.text])).toEqual([
      [
        'Anna Lind',
        'Kvar: 2 mätetal och bedömningen i ”Arbetsmiljön ska vara hälsofrämjande och bidra till ett hållbart arbetsliv”; 1 mätetal i ”Regionen ska ha en ekonomi i balans”',
      ],
    ]);
    expect(text(view)).not.toContain(ANNA);
    expect(missingOwnersView(demoSummary(), 0, OPTIONS).items[0]!.title).toBe(ANNA);
  });

  test('when a coordinator looks in an open period, then "Påminn" opens the påminn confirmation for the linked unit; others and closed periods get no button', () => {
    const card = buildSummaryDetailCard(missingOwnersView(demoSummary(), 0, { ...OPTIONS, canRemind: true }));
    const remind = executeActions(card).find((action) => action.verb === 'remind.preview');
    expect(remind).toMatchObject({ title: 'Påminn dem som inte har svarat', data: { unit: 'RS' } });

    expect(missingOwnersView(demoSummary(), 0, OPTIONS).actions).toEqual([]);
    expect(missingOwnersView(demoSummary({}, 'closed'), 0, { ...OPTIONS, canRemind: true }).actions).toEqual([]);
    const twoUnits = demoSummary({ linkedUnits: ['RS', 'RS-HR'] });
    expect(missingOwnersView(twoUnits, 0, { ...OPTIONS, canRemind: true }).actions.map((action) => [action.title, action.data])).toEqual([
      ['Påminn i Regionstyrelsen', { unit: 'RS' }],
      ['Påminn i HR-avdelningen', { unit: 'RS-HR' }],
    ]);
  });

  test('when the names are looked up, then exactly the people on the shown page are asked for', () => {
    expect(peopleShown(demoSummary(), 'missing', {})).toEqual([ANNA]);
    expect(peopleShown(demoSummary(), 'goal', { goal: 'RS-G3' })).toEqual([ERIK, ANNA]);
  });
});

describe(goalDetailView.name, () => {
  test('when a goal is opened, then each indicator shows its utfall, the target with its direction, the previous period and who answers it', () => {
    const loaded = demoSummary({
      indicatorResponses: [...DEMO_NOW.indicatorResponses, answer('RS-G1-I1', number(4.4), 'achieved', 'Korttidsfrånvaron har minskat.')],
    });
    const view = goalDetailView(loaded, 'RS-G1', 0, { ...OPTIONS, names: NAMES });

    expect(view.intro).toBe('Bedömning: ? Saknas\n\n**Målägare:** Anna Lind');
    expect(view.items.map((item) => [item.status, item.text.replace(/\u00a0/g, ' '), item.context, item.note])).toEqual([
      [
        '● Grön',
        'Utfall 4,4 % · mål minska till 4,6 % · Förra perioden (DÅ04): 4,9 %',
        'Korttidsfrånvaron har minskat.',
        'Ansvarig: Anna Lind',
      ],
      ['? Saknas', 'Utfall saknas · mål minst 80 index', '', 'Ansvarig: Anna Lind'],
    ]);
  });

  test('when a goal is red, then its status reads in words and symbol and only the red status is coloured', () => {
    const card = buildSummaryDetailCard(goalDetailView(demoSummary(), 'RS-G3', 0, OPTIONS));
    const statuses = findNodes(card, (type) => type === 'TextBlock').filter(
      (block) => block.color !== undefined && block.color !== 'Default',
    );

    expect(statuses.map((block) => [block.text, block.color])).toEqual([['○ Röd', 'Attention']]);
    expect(text(goalDetailView(demoSummary(), 'RS-G3', 0, OPTIONS))).toContain('Ansvarig: erik.berg@exempel.se');
  });
});

describe(perspectiveView.name, () => {
  test('when a perspective is opened, then each goal says its bedömning with a symbol and counts its mätetal in agreeing Swedish', () => {
    const view = perspectiveView(demoSummary(), 'Medarbetare', 0, OPTIONS);

    expect(view.items.map((item) => [item.status, item.text])).toEqual([
      ['Bedömning: ? Saknas', 'Mätetal: 2 saknas'],
      ['Bedömning: ◐ Gul', 'Mätetal: 1 gult'],
    ]);
  });
});

describe(redGoalsView.name, () => {
  test('when every red goal is listed, then each shows its red indicators’ figures before the comments', () => {
    const [item] = redGoalsView(demoSummary(), 0, OPTIONS).items;

    expect(item!.text.replace(/\u00a0/g, ' ')).toBe('Resultat i förhållande till budget: -24,6 mnkr (mål minst 0 mnkr)');
    expect(item!.context).toBe('Underskottet växer. · Prognosen för helåret är -40 mnkr.');
  });
});
