import type { Bucket } from '../domain/aggregation';
import type { ReviewReason } from '../domain/measurability';
import type { ReportValue } from '../domain/report-value';
import type { Locale } from './locale';

const NBSP = '\u00a0';

const SV = {
  title: 'Sammanställd måluppfyllelse',
  draft: 'Utkast – perioden pågår',
  final: 'Slutlig – perioden är stängd',
  madeAt: (date: string) => `Sammanställd ${date}`,
  organisation: 'Organisation',
  units: 'Enheter',
  period: 'Period',
  summary: 'Sammanfattning',
  responseRate: (answered: number, total: number, rate: number) => `${answered} av ${total} målägare har svarat (${rate}${NBSP}%).`,
  noOwners: 'Inga målägare har något att svara på i perioden.',
  perspective: 'Perspektiv',
  goalsPerPerspective: 'Mål per perspektiv',
  indicatorsPerPerspective: 'Indikatorer per perspektiv',
  total: 'Totalt',
  chart: 'Målens bedömning per perspektiv',
  change: (label: string) => `Förändring sedan ${label}`,
  noPrevious: 'Ingen tidigare period att jämföra med.',
  redGoals: 'Röda mål',
  noRedGoals: 'Inga röda mål.',
  analysis: 'Analys',
  noAnalysis: 'Ingen analys.',
  buckets: { achieved: 'Grön', partly: 'Gul', not_achieved: 'Röd', not_measured: 'Grå', missing: 'Saknas' } satisfies Record<
    Bucket,
    string
  >,
  missing: 'Saknas',
  notAvailable: 'Ej tillgängligt',
  notInPeriod: (codes: string[]) => (codes.length === 1 && codes[0] === 'ÅR' ? 'Mäts helår' : `Mäts ${codes.join(', ')}`),
  reason: (text: string) => `Skäl: ${text}`,
  area: 'Område',
  goal: 'Mål',
  goalAssessment: 'Målets bedömning',
  owners: 'Målägare',
  columns: {
    unit: 'Enhet',
    perspective: 'Perspektiv',
    area: 'Område',
    goal: 'Mål',
    goalAssessment: 'Målets bedömning',
    indicator: 'Mätetal',
    outcome: 'Utfall',
    outcomeText: 'Utfall (text)',
    typed: 'Inskrivet',
    target: 'Målvärde',
    comment: 'Kommentar',
    assessment: 'Bedömning',
    previous: 'Förra perioden',
    lastYear: 'Förra året',
    owner: 'Ansvarig',
    savedBy: 'Sparat av',
    savedAt: 'Sparat',
  },
  trend: 'Utveckling',
  measurability: 'Mätbarhet',
  measurabilityIntro: 'Hur väl planens mål gick att följa upp med mätta värden hittills i år.',
  measurabilityColumns: {
    unit: 'Enhet',
    goals: 'Mål',
    indicators: 'Indikatorer',
    goalsWithoutIndicators: 'Mål utan indikator',
    neverMeasured: 'Indikatorer utan värde',
    notAvailableRepeatedly: 'Ej tillgängligt ≥ 2 ggr',
    noTarget: 'Utan målvärde',
    yesNoTarget: 'Bara ja/nej-mål',
    assessableShare: 'Mål bedömbara med mätta värden',
  },
  review: 'Att se över inför nästa plan',
  noReview: 'Inget att se över.',
  reviewReasons: {
    goal_without_indicators: 'Målet har ingen indikator och kan inte bedömas med mätta värden.',
    never_measured: 'Indikatorn har inget värde i någon period hittills.',
    not_available_repeatedly: 'Indikatorn har varit ”ej tillgängligt” i två perioder eller fler.',
    no_target: 'Indikatorn saknar målvärde.',
    yes_no_target: 'Indikatorn har bara ett ja/nej-mål.',
  } satisfies Record<ReviewReason, string>,
  sheetSummary: 'Sammanställning',
  sheetMeasurability: 'Mätbarhet',
  chartNote: 'Antal mål per bedömning; varje färg har sitt ord i tabellen.',
  percentOfGoals: (share: number) => `${share}${NBSP}%`,
};

export type ReportTexts = typeof SV;

const EN: ReportTexts = {
  ...SV,
  title: 'Compiled goal attainment',
  draft: 'Draft – the period is open',
  final: 'Final – the period is closed',
  madeAt: (date: string) => `Compiled ${date}`,
  organisation: 'Organisation',
  units: 'Units',
  period: 'Period',
  summary: 'Summary',
  responseRate: (answered, total, rate) => `${answered} of ${total} goal owners have answered (${rate}${NBSP}%).`,
  noOwners: 'No goal owner has anything to answer in the period.',
  perspective: 'Perspective',
  goalsPerPerspective: 'Goals per perspective',
  indicatorsPerPerspective: 'Indicators per perspective',
  total: 'Total',
  chart: "Goals' assessment per perspective",
  change: (label) => `Change since ${label}`,
  noPrevious: 'No earlier period to compare with.',
  redGoals: 'Red goals',
  noRedGoals: 'No red goals.',
  analysis: 'Analysis',
  noAnalysis: 'No analysis.',
  buckets: { achieved: 'Green', partly: 'Yellow', not_achieved: 'Red', not_measured: 'Grey', missing: 'Missing' },
  missing: 'Missing',
  notAvailable: 'Not available',
  notInPeriod: (codes) => `Measured ${codes.join(', ')}`,
  reason: (text) => `Reason: ${text}`,
  area: 'Area',
  goal: 'Goal',
  goalAssessment: "Goal's assessment",
  owners: 'Goal owners',
  columns: {
    unit: 'Unit',
    perspective: 'Perspective',
    area: 'Area',
    goal: 'Goal',
    goalAssessment: "Goal's assessment",
    indicator: 'Indicator',
    outcome: 'Outcome',
    outcomeText: 'Outcome (text)',
    typed: 'As typed',
    target: 'Target',
    comment: 'Comment',
    assessment: 'Assessment',
    previous: 'Previous period',
    lastYear: 'Last year',
    owner: 'Owner',
    savedBy: 'Saved by',
    savedAt: 'Saved',
  },
  trend: 'Trend',
  measurability: 'Measurability',
  measurabilityIntro: "How well the plan's goals could be followed up with measured values so far this year.",
  measurabilityColumns: {
    unit: 'Unit',
    goals: 'Goals',
    indicators: 'Indicators',
    goalsWithoutIndicators: 'Goals without indicator',
    neverMeasured: 'Indicators without value',
    notAvailableRepeatedly: 'Not available ≥ 2 times',
    noTarget: 'Without target',
    yesNoTarget: 'Yes/no target only',
    assessableShare: 'Goals assessable from measured values',
  },
  review: 'To review before the next plan',
  noReview: 'Nothing to review.',
  reviewReasons: {
    goal_without_indicators: 'The goal has no indicator and cannot be assessed from measured values.',
    never_measured: 'The indicator has no value in any period so far.',
    not_available_repeatedly: 'The indicator was "not available" in two periods or more.',
    no_target: 'The indicator has no target.',
    yes_no_target: 'The indicator has a yes/no target only.',
  },
  sheetSummary: 'Summary',
  sheetMeasurability: 'Measurability',
  chartNote: 'Goals per assessment; every colour has its word in the table.',
};

export function reportTexts(locale: Locale): ReportTexts {
  return locale === 'en' ? EN : SV;
}

/** A value as a report cell: the Swedish value, or the word for what it is instead — never blank. */
export function valueText(value: ReportValue | null, measuredIn: readonly string[], texts: ReportTexts): string {
  if (value === null) return '–';
  switch (value.state) {
    case 'value':
      return value.text;
    case 'not_available':
      return texts.notAvailable;
    case 'missing':
      return texts.missing;
    case 'not_in_period':
      return texts.notInPeriod([...measuredIn]);
  }
}

/** Colours of the buckets (the word always goes with them). */
export const BUCKET_COLOURS: Record<Bucket, string> = {
  achieved: '2E7D32',
  partly: 'F9A825',
  not_achieved: 'C62828',
  not_measured: '9E9E9E',
  missing: 'FFFFFF',
};

/** Word and mark: "● Grön". */
export function bucketLabel(bucket: Bucket | null, texts: ReportTexts): string {
  return bucket === null ? '–' : `${bucket === 'missing' ? '○' : '●'} ${texts.buckets[bucket]}`;
}
