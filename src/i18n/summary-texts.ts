import type { Bucket } from '../domain/aggregation';
import type { ComparedLevel } from '../domain/comparison';
import type { Direction } from '../domain/vocabulary';
import type { Locale } from './locale';

const NBSP = '\u00a0';

// Terms: "mätetal" in Swedish (as in the goal form and help), never "indikator". Signs: values are
// formatted by domain/values (ASCII "-", as in the region's reports); no text here writes a sign of
// its own, changes are said in words ("2 fler gula mål").

/** Swedish adjectives agreeing with "mål" and "mätetal" (both neuter): singular, plural. */
const SV_ADJECTIVES: Record<Bucket, [string, string]> = {
  achieved: ['grönt', 'gröna'],
  partly: ['gult', 'gula'],
  not_achieved: ['rött', 'röda'],
  not_measured: ['grått', 'grå'],
  missing: ['saknas', 'saknas'],
};
const SV_DIRECTIONS: Record<Direction, string> = {
  increase: 'öka till',
  decrease: 'minska till',
  maintain: 'behålla',
  atLeast: 'minst',
  atMost: 'högst',
  yes: '',
  none: '',
};
const svNoun = (level: ComparedLevel) => (level === 'goals' ? 'mål' : 'mätetal');

const SV = {
  title: (label: string) => `Måluppfyllelse – ${label}`,
  finalTitle: (label: string) => `Slutlig sammanställning – ${label}`,
  scope: (names: string[]) => `${names.length === 1 ? 'Enhet' : 'Enheter'}: ${names.join(', ')}`,
  statusOpen: (deadline: string) => `Pågår · sista svarsdag ${deadline}`,
  statusClosed: 'Perioden är stängd. Svaren är låsta.',
  statusDraft: 'Perioden är inte öppnad ännu.',
  /** An on-demand card is not kept up to date: it says when it was taken instead of "Pågår". */
  snapshot: (time: string, state: 'open' | 'closed' | 'draft', deadline: string) =>
    `Ögonblicksbild ${time}, uppdateras inte · ${state === 'open' ? `sista svarsdag ${deadline}` : state === 'closed' ? 'perioden är stängd' : 'perioden är inte öppnad ännu'}`,
  response: (answered: number, total: number, rate: number) => `${answered} av ${total} målägare har svarat, ${rate}${NBSP}%`,
  noOwners: 'Inga målägare har något att svara på i perioden.',
  heading: 'Perspektiv',
  buckets: { achieved: 'Grön', partly: 'Gul', not_achieved: 'Röd', not_measured: 'Grå', missing: 'Saknas' } satisfies Record<
    Bucket,
    string
  >,
  allGoals: 'Alla mål',
  allIndicators: 'Alla mätetal',
  hint: 'Antal mål per perspektiv och bedömning. Tryck på ett perspektiv för att se dess mål.',
  morePerspectives: (n: number) => `… och ${n} perspektiv till`,
  /** "2 fler gula mål", "1 färre rött mätetal". */
  changePart: (bucket: Bucket, delta: number, level: ComparedLevel) =>
    `${Math.abs(delta)} ${delta > 0 ? 'fler' : 'färre'} ${SV_ADJECTIVES[bucket][Math.abs(delta) === 1 ? 0 : 1]} ${svNoun(level)}`,
  change: (label: string, parts: string[], compared: number, level: ComparedLevel) => {
    const base = `av ${compared} ${svNoun(level)} som bedömts båda gångerna`;
    return parts.length === 0
      ? `Lika många gröna, gula och röda som i ${label} (${base}).`
      : `Jämfört med ${label}: ${parts.join(', ')} (${base}).`;
  },
  redTitle: (n: number) => `Röda mål (${n})`,
  moreRed: (n: number) => `… och ${n} röda mål till. Välj ”Alla röda mål”.`,
  moreTitle: 'Visa mer',
  noComment: 'Ingen kommentar.',
  analysis: 'Analys',
  /** "minst 0 mnkr", "minska till 4,6 %", "Ja". */
  target: (direction: Direction, target: string) => [SV_DIRECTIONS[direction], target].filter((part) => part !== '').join(' '),
  /** "-24,6 mnkr (mål minst 0 mnkr)". */
  figures: (outcome: string | null, target: string | null) => `${outcome ?? 'utfall saknas'}${target === null ? '' : ` (mål ${target})`}`,
  updated: (time: string) => `Uppdaterad ${time}`,
  missingAction: (n: number) => `Vilka har inte svarat (${n})`,
  reportAction: 'Rapport',
  allRedAction: 'Alla röda mål',
  back: 'Tillbaka till sammanfattningen',
  previous: 'Föregående',
  next: 'Nästa',
  page: (current: number, pages: number) => `Sida ${current} av ${pages}`,
  perspectiveTitle: (name: string) => `Perspektiv: ${name}`,
  goalAssessment: (status: string) => `Bedömning: ${status}`,
  /** "1 grönt", "2 gula" (agreeing with "mätetal"). */
  countPart: (bucket: Bucket, n: number) => `${n} ${SV_ADJECTIVES[bucket][n === 1 ? 0 : 1]}`,
  indicatorCounts: (parts: string[]) => (parts.length === 0 ? 'Inga mätetal mäts i perioden.' : `Mätetal: ${parts.join(', ')}`),
  noGoals: 'Inga mål i det här perspektivet.',
  goalIntro: (assessment: string, owners: string, analysis: string) =>
    `${assessment}${owners ? `\n\n**Målägare:** ${owners}` : ''}${analysis ? `\n\n**Analys:** ${analysis}` : ''}`,
  outcome: (outcome: string | null, target: string | null) =>
    [outcome === null ? 'Utfall saknas' : `Utfall ${outcome}`, target === null ? null : `mål ${target}`].filter(Boolean).join(' · '),
  previousValue: (code: string, value: string) => `Förra perioden (${code}): ${value}`,
  responsible: (name: string) => `Ansvarig: ${name}`,
  missingTitle: (n: number) => `Har inte svarat klart (${n})`,
  everyoneAnswered: 'Alla målägare har svarat.',
  /** What one person still owes in one goal: "2 mätetal och bedömningen i ”Mål X”". */
  owedGoal: (title: string, indicators: number, assessment: boolean) =>
    `${[indicators > 0 ? `${indicators} mätetal` : '', assessment ? 'bedömningen' : ''].filter(Boolean).join(' och ')} i ”${title}”`,
  moreOwed: (n: number) => `… och ${n} mål till`,
  owes: (parts: string[]) => `Kvar: ${parts.join('; ')}`,
  remindAction: (unit: string | null) => (unit === null ? 'Påminn dem som inte har svarat' : `Påminn i ${unit}`),
  redListTitle: (n: number) => `Röda mål (${n})`,
  noRed: 'Inga röda mål.',
  notFound: 'Det finns ingen sammanfattning att visa för det här. Perioden eller kopplingen kan ha ändrats.',
  goalNotFound: 'Målet finns inte längre i sammanfattningen.',
};

const EN_ADJECTIVES: Record<Bucket, string> = {
  achieved: 'green',
  partly: 'yellow',
  not_achieved: 'red',
  not_measured: 'grey',
  missing: 'missing',
};
const EN_DIRECTIONS: Record<Direction, string> = {
  increase: 'increase to',
  decrease: 'decrease to',
  maintain: 'maintain',
  atLeast: 'at least',
  atMost: 'at most',
  yes: '',
  none: '',
};
const enNoun = (level: ComparedLevel, n: number) =>
  level === 'goals' ? (n === 1 ? 'goal' : 'goals') : n === 1 ? 'indicator' : 'indicators';

const EN: typeof SV = {
  title: (label) => `Goal attainment – ${label}`,
  finalTitle: (label) => `Final summary – ${label}`,
  scope: (names) => `${names.length === 1 ? 'Unit' : 'Units'}: ${names.join(', ')}`,
  statusOpen: (deadline) => `In progress · deadline ${deadline}`,
  statusClosed: 'The period is closed. Answers are locked.',
  statusDraft: 'The period has not been opened yet.',
  snapshot: (time, state, deadline) =>
    `Snapshot ${time}, not updated · ${state === 'open' ? `deadline ${deadline}` : state === 'closed' ? 'the period is closed' : 'the period has not been opened yet'}`,
  response: (answered, total, rate) => `${answered} of ${total} goal owners have answered, ${rate}${NBSP}%`,
  noOwners: 'No goal owner has anything to answer in this period.',
  heading: 'Perspective',
  buckets: { achieved: 'Green', partly: 'Yellow', not_achieved: 'Red', not_measured: 'Grey', missing: 'Missing' },
  allGoals: 'All goals',
  allIndicators: 'All indicators',
  hint: 'Goals per perspective and assessment. Tap a perspective to see its goals.',
  morePerspectives: (n) => `… and ${n} more perspectives`,
  changePart: (bucket, delta, level) =>
    `${Math.abs(delta)} ${delta > 0 ? 'more' : 'fewer'} ${EN_ADJECTIVES[bucket]} ${enNoun(level, Math.abs(delta))}`,
  change: (label, parts, compared, level) => {
    const base = `of ${compared} ${enNoun(level, compared)} assessed both times`;
    return parts.length === 0
      ? `As many green, yellow and red as in ${label} (${base}).`
      : `Since ${label}: ${parts.join(', ')} (${base}).`;
  },
  redTitle: (n) => `Red goals (${n})`,
  moreRed: (n) => `… and ${n} more red goals. Choose "All red goals".`,
  moreTitle: 'Show more',
  noComment: 'No comment.',
  analysis: 'Analysis',
  target: (direction, target) => [EN_DIRECTIONS[direction], target].filter((part) => part !== '').join(' '),
  figures: (outcome, target) => `${outcome ?? 'no outcome'}${target === null ? '' : ` (target ${target})`}`,
  updated: (time) => `Updated ${time}`,
  missingAction: (n) => `Who has not answered (${n})`,
  reportAction: 'Report',
  allRedAction: 'All red goals',
  back: 'Back to the summary',
  previous: 'Previous',
  next: 'Next',
  page: (current, pages) => `Page ${current} of ${pages}`,
  perspectiveTitle: (name) => `Perspective: ${name}`,
  goalAssessment: (status) => `Assessment: ${status}`,
  countPart: (bucket, n) => `${n} ${EN_ADJECTIVES[bucket]}`,
  indicatorCounts: (parts) => (parts.length === 0 ? 'No indicators are measured in this period.' : `Indicators: ${parts.join(', ')}`),
  noGoals: 'No goals in this perspective.',
  goalIntro: (assessment, owners, analysis) =>
    `${assessment}${owners ? `\n\n**Goal owner:** ${owners}` : ''}${analysis ? `\n\n**Analysis:** ${analysis}` : ''}`,
  outcome: (outcome, target) =>
    [outcome === null ? 'No outcome' : `Outcome ${outcome}`, target === null ? null : `target ${target}`].filter(Boolean).join(' · '),
  previousValue: (code, value) => `Previous period (${code}): ${value}`,
  responsible: (name) => `Responsible: ${name}`,
  missingTitle: (n) => `Not finished answering (${n})`,
  everyoneAnswered: 'Every goal owner has answered.',
  owedGoal: (title, indicators, assessment) =>
    `${[indicators > 0 ? `${indicators} ${enNoun('indicators', indicators)}` : '', assessment ? 'the assessment' : ''].filter(Boolean).join(' and ')} in "${title}"`,
  moreOwed: (n) => `… and ${n} more goals`,
  owes: (parts) => `Left: ${parts.join('; ')}`,
  remindAction: (unit) => (unit === null ? 'Remind those who have not answered' : `Remind in ${unit}`),
  redListTitle: (n) => `Red goals (${n})`,
  noRed: 'No red goals.',
  notFound: 'There is no summary to show for this. The period or the channel link may have changed.',
  goalNotFound: 'The goal is no longer in the summary.',
};

export type SummaryTexts = typeof SV;

export function summaryTexts(locale: Locale): SummaryTexts {
  return locale === 'en' ? EN : SV;
}
