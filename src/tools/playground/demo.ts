import { DateTime } from 'luxon';
import type { GoalAnswer, IndicatorAnswer } from '../../domain/response';
import type { PlanImporter } from '../../services/plan-importer';
import type { ResponseRepository } from '../../store/response-repository';
import { buildDemoPlan } from './demo-plan';
import { DEMO_COLLEAGUES, DEMO_CURRENT_USER } from './demo-people';

/** Imports the demo plan (DÅ08 opens today: the scheduler opens it and prompts its owners). */
export async function importDemoPlan(importer: PlanImporter, now: Date, timezone: string): Promise<{ year: number }> {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const plan = buildDemoPlan(today);
  const outcome = await importer.importFile({ fileName: 'demo-plan.json', bytes: Buffer.from(JSON.stringify(plan), 'utf8') });
  if (!outcome.ok) throw new Error(`The demo plan does not import: ${JSON.stringify(outcome.issues)}`);
  return { year: today.year };
}

interface DemoAnswer {
  indicator: string;
  goal: string;
  perspective: string;
  period: 'DÅ04' | 'DÅ08';
  by: { name: string; email: string };
  answer: IndicatorAnswer;
}

const [ERIK, MARIA] = DEMO_COLLEAGUES;
const number = (value: number, text: string) => ({ outcome: { kind: 'number' as const, value }, outcomeText: text });

/**
 * Answers from the closed DÅ04 (shown as "förra perioden" in the forms) and two colleagues' DÅ08
 * answers, so that a channel summary has something to show. Anna's own DÅ08 is left for her.
 */
const DEMO_ANSWERS: DemoAnswer[] = [
  {
    indicator: 'RS-G1-I1',
    goal: 'RS-G1',
    perspective: 'RS-P1',
    period: 'DÅ04',
    by: DEMO_CURRENT_USER,
    answer: {
      ...number(4.9, '4,9 %'),
      comment: 'Långtidssjukfrånvaron minskar, korttidsfrånvaron ökade under vintern.',
      assessment: 'partly',
    },
  },
  {
    indicator: 'RS-G2-I1',
    goal: 'RS-G2',
    perspective: 'RS-P1',
    period: 'DÅ04',
    by: MARIA!,
    answer: { ...number(9.4, '9,4 %'), comment: 'Flest avgångar bland undersköterskor.', assessment: 'partly' },
  },
  {
    indicator: 'RS-G3-I1',
    goal: 'RS-G3',
    perspective: 'RS-P2',
    period: 'DÅ04',
    by: ERIK!,
    answer: { ...number(-18.2, '-18,2 mnkr'), comment: 'Högre kostnader för inhyrd personal och läkemedel.', assessment: 'not_achieved' },
  },
  {
    indicator: 'RS-G2-I1',
    goal: 'RS-G2',
    perspective: 'RS-P1',
    period: 'DÅ08',
    by: MARIA!,
    answer: { ...number(8.3, '8,3 %'), comment: '', assessment: 'partly' },
  },
  {
    indicator: 'RS-G3-I1',
    goal: 'RS-G3',
    perspective: 'RS-P2',
    period: 'DÅ08',
    by: ERIK!,
    answer: {
      ...number(-24.6, '-24,6 mnkr'),
      comment: 'Prognosen för helåret är -40 mnkr. Åtgärdsplan beslutas i regionstyrelsen i december.',
      assessment: 'not_achieved',
    },
  },
];

/** The colleagues' own goal-level bedömning and analys for DÅ08: they have answered everything. */
const DEMO_GOAL_ANSWERS: (Omit<DemoAnswer, 'indicator' | 'answer'> & { answer: GoalAnswer })[] = [
  {
    goal: 'RS-G2',
    perspective: 'RS-P1',
    period: 'DÅ08',
    by: MARIA!,
    answer: {
      assessment: 'partly',
      analysis: 'Omsättningen minskar men är över målet. Introduktionsprogrammet för nyanställda utvidgas i höst.',
    },
  },
  {
    goal: 'RS-G3',
    perspective: 'RS-P2',
    period: 'DÅ08',
    by: ERIK!,
    answer: {
      assessment: 'not_achieved',
      analysis: 'Underskottet växer. Anställningsstopp för administrativa tjänster och översyn av hyrpersonal.',
    },
  },
];

export async function seedDemoAnswers(responses: ResponseRepository, year: number, now: Date): Promise<void> {
  const plan = `RS-${year}`;
  for (const item of DEMO_ANSWERS) {
    const place = {
      indicator: item.indicator,
      goal: item.goal,
      plan,
      unit: 'RS',
      perspective: item.perspective,
      period: `${plan}/${item.period}`,
    };
    await responses.saveIndicator(place, item.answer, 0, { email: item.by.email, name: item.by.name }, now);
  }
  for (const item of DEMO_GOAL_ANSWERS) {
    const place = { goal: item.goal, plan, unit: 'RS', perspective: item.perspective, period: `${plan}/${item.period}` };
    await responses.saveGoal(place, item.answer, 0, { email: item.by.email, name: item.by.name }, now);
  }
}
