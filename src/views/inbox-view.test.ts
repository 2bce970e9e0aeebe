import type { GoalWork } from '../domain/owner-work';
import type { Goal, Period, Plan } from '../domain/plan';
import type { InboxGroup, InboxWork } from '../services/inbox-service';
import { GOALS_PER_PAGE, inboxView, isAllDone, receiptView } from './inbox-view';

function plan(key: string, unit: string): Plan {
  return {
    key,
    organisation: 'Region',
    unit,
    year: 2022,
    name: `Verksamhetsplan ${unit}`,
    perspectives: [{ key: `${key}-P`, name: 'Medarbetare', areas: [] }],
  };
}

function period(planKey: string, unit: string, deadline = '2022-05-12', state: Period['state'] = 'open'): Period {
  return {
    id: `${planKey}/DÅ04`,
    plan: planKey,
    unit,
    code: 'DÅ04',
    label: 'Delår per april 2022',
    opens: '2022-04-30',
    deadline,
    closes: '2022-05-31',
    state,
  };
}

function goalWork(key: string, planKey: string, done: boolean): GoalWork {
  const goal: Goal = {
    key,
    plan: planKey,
    unit: '',
    perspective: `${planKey}-P`,
    area: null,
    title: `Mål ${key}`,
    owners: ['eva@x.se'],
    activities: [],
    order: 0,
    archived: false,
  };
  return { goal, indicators: [], goalEditable: true, goalResponse: undefined, required: 1, answered: done ? 1 : 0 };
}

function group(
  unitName: string,
  planKey: string,
  goals: GoalWork[],
  more: { deadline?: string; state?: Period['state'] } = {},
): InboxGroup {
  return {
    unitName,
    plan: plan(planKey, planKey),
    period: period(planKey, planKey, more.deadline, more.state),
    work: { goals, doneGoals: goals.filter((goal) => goal.answered === goal.required).length },
    previous: null,
  };
}

function inboxOf(groups: InboxGroup[]): InboxWork {
  return { ref: { code: 'DÅ04', year: 2022 }, anchor: groups[0]!.period, groups };
}

const THREE = () =>
  inboxOf([
    group('Hälso- och sjukvårdsnämnden', 'HSN-2022', [goalWork('HSN-G1', 'HSN-2022', true)]),
    group('Regionala utvecklingsnämnden', 'RUN-2022', [goalWork('RUN-G1', 'RUN-2022', false), goalWork('RUN-G2', 'RUN-2022', false)]),
    group('Regionstyrelsen', 'RS-2022', [goalWork('RS-G1', 'RS-2022', false)]),
  ]);

describe(inboxView.name, () => {
  test('when an owner has goals in three plans, then one inbox has one title, progress over all and each unit as a heading', () => {
    const data = inboxView(THREE(), 'sv', null);
    expect(data.title).toBe('Delår per april 2022 – dina mål');
    expect(data.progress).toBe('1 av 4 mål klara');
    expect(data.deadline).toBe('Sista svarsdag: torsdag 12 maj 2022');
    expect(data.sections.map((section) => [section.heading, section.note, section.goals.map((goal) => goal.title)])).toEqual([
      ['Hälso- och sjukvårdsnämnden', '', ['Mål HSN-G1']],
      ['Regionala utvecklingsnämnden', '', ['Mål RUN-G1', 'Mål RUN-G2']],
      ['Regionstyrelsen', '', ['Mål RS-G1']],
    ]);
  });

  test("when a goal is opened, then it opens its own plan's period", () => {
    const opens = inboxView(THREE(), 'sv', null).sections.flatMap((section) => section.goals.map((goal) => goal.open.data));
    expect(opens).toEqual([
      { period: 'HSN-2022/DÅ04', goal: 'HSN-G1' },
      { period: 'RUN-2022/DÅ04', goal: 'RUN-G1' },
      { period: 'RUN-2022/DÅ04', goal: 'RUN-G2' },
      { period: 'RS-2022/DÅ04', goal: 'RS-G1' },
    ]);
  });

  test("when the plans' deadlines differ, then the earliest is shown on top and each unit's own under its heading", () => {
    const inbox = THREE();
    inbox.groups[1] = group('Regionala utvecklingsnämnden', 'RUN-2022', [goalWork('RUN-G1', 'RUN-2022', false)], {
      deadline: '2022-05-19',
    });
    const data = inboxView(inbox, 'sv', null);
    expect(data.deadline).toBe('Första sista svarsdag: torsdag 12 maj 2022 (olika per enhet, se nedan)');
    expect(data.sections.map((section) => section.note)).toEqual([
      'Sista svarsdag: torsdag 12 maj 2022',
      'Sista svarsdag: torsdag 19 maj 2022',
      'Sista svarsdag: torsdag 12 maj 2022',
    ]);
  });

  test('when the owner has one plan, then there is no heading, as before', () => {
    const data = inboxView(inboxOf([group('Regionstyrelsen', 'RS-2022', [goalWork('RS-G1', 'RS-2022', false)])]), 'sv', null);
    expect(data.sections).toEqual([expect.objectContaining({ heading: '', note: '' })]);
  });

  test("when one unit's period is closed and another's open, then that unit says it is closed and its goals only show", () => {
    const inbox = THREE();
    inbox.groups[0] = group('Hälso- och sjukvårdsnämnden', 'HSN-2022', [goalWork('HSN-G1', 'HSN-2022', true)], { state: 'closed' });
    const data = inboxView(inbox, 'sv', null);
    expect(data.notice).toBeNull();
    expect(data.sections[0]).toMatchObject({
      note: 'Stängd – svaren kan inte längre ändras.',
      goals: [expect.objectContaining({ open: expect.objectContaining({ title: 'Visa' }) })],
    });
  });

  test('when the goals fill more than a page, then a unit split over pages repeats its heading and the pager names the inbox', () => {
    const many = Array.from({ length: GOALS_PER_PAGE }, (_, index) => goalWork(`RUN-G${index}`, 'RUN-2022', false));
    const inbox = inboxOf([
      group('Hälso- och sjukvårdsnämnden', 'HSN-2022', [goalWork('HSN-G1', 'HSN-2022', false)]),
      group('Regionala utvecklingsnämnden', 'RUN-2022', many),
    ]);
    const first = inboxView(inbox, 'sv', null, 0);
    const second = inboxView(inbox, 'sv', null, 1);
    expect(first.sections.map((section) => [section.heading, section.goals.length])).toEqual([
      ['Hälso- och sjukvårdsnämnden', 1],
      ['Regionala utvecklingsnämnden', GOALS_PER_PAGE - 1],
    ]);
    expect(second.sections.map((section) => [section.heading, section.goals.length])).toEqual([['Regionala utvecklingsnämnden', 1]]);
    expect(first.pager?.next?.data).toEqual({ period: 'HSN-2022/DÅ04', page: 1 });
  });
});

describe(receiptView.name, () => {
  test('when every goal in every plan is done, then the receipt thanks once and lists the goals per unit, each editing its own period', () => {
    const inbox = inboxOf([
      group('Hälso- och sjukvårdsnämnden', 'HSN-2022', [goalWork('HSN-G1', 'HSN-2022', true)]),
      group('Regionstyrelsen', 'RS-2022', [goalWork('RS-G1', 'RS-2022', true)]),
    ]);
    expect(isAllDone(inbox)).toBe(true);
    const data = receiptView(inbox, 'sv');
    expect(data.title).toBe('Delår per april 2022 – tack!');
    expect(data.body).toBe('Alla dina mål är ifyllda. Du kan ändra dina svar fram till torsdag 12 maj 2022.');
    expect(data.sections.map((section) => [section.heading, section.goals.map((goal) => goal.edit?.data)])).toEqual([
      ['Hälso- och sjukvårdsnämnden', [{ period: 'HSN-2022/DÅ04', goal: 'HSN-G1' }]],
      ['Regionstyrelsen', [{ period: 'RS-2022/DÅ04', goal: 'RS-G1' }]],
    ]);
  });

  test('when one plan is not done, then the inbox is not all done', () => {
    expect(isAllDone(THREE())).toBe(false);
  });
});
