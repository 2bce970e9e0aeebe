import type { Assessment, Direction } from '../domain/vocabulary';
import type { Locale } from './locale';

const SV = {
  inboxTitle: (label: string) => `${label} – dina mål`,
  deadline: (date: string) => `Sista svarsdag: ${date}`,
  /** The inbox's plans have different deadlines: the earliest, and each unit's under its name. */
  earliestDeadline: (date: string) => `Första sista svarsdag: ${date} (olika per enhet, se nedan)`,
  unitClosed: 'Stängd – svaren kan inte längre ändras.',
  progress: (done: number, total: number) => `${done} av ${total} mål klara`,
  goalDone: 'Klar',
  goalPartly: (answered: number, required: number) => `${answered} av ${required} ifyllda`,
  goalNotStarted: 'Ej påbörjad',
  open: 'Fyll i',
  change: 'Ändra',
  view: 'Visa',
  save: 'Spara',
  back: 'Tillbaka till mina mål',
  previousPage: 'Föregående',
  nextPage: 'Nästa',
  page: (page: number, pages: number) => `Sida ${page} av ${pages}`,
  periodClosed: 'Perioden är stängd. Svaren kan inte längre ändras.',
  /** `when`: "12 maj 14:03", or null when not known; `by`: who closed it, null when it closed by its date. */
  periodClosedBy: (when: string | null, by: string | null) =>
    `Perioden stängdes${when ? ` ${when}` : ''}${by ? ` av ${by}` : ' efter sista dagen'}. Svaren kan inte längre ändras.`,
  closedTitle: 'Perioden är stängd',
  refresh: 'Uppdatera',
  /** A save that came after the period was closed: what happened to what was typed, and how to get it reopened. */
  closedSave: (closed: string, code: string) =>
    `${closed} Det du skrev nu sparades inte. Behöver något ändras kan en samordnare öppna perioden igen (**öppna period ${code}**).`,
  periodNotOpen: 'Perioden är inte öppen än.',
  saved: (count: number) => (count === 0 ? 'Inget ändrades.' : count === 1 ? 'Sparat.' : `Sparat (${count} svar).`),
  allDoneTitle: (label: string) => `${label} – tack!`,
  allDoneBody: (deadline: string) => `Alla dina mål är ifyllda. Du kan ändra dina svar fram till ${deadline}.`,
  allDoneBodyPerUnit: 'Alla dina mål är ifyllda. Du kan ändra dina svar fram till varje enhets sista svarsdag (nedan).',
  goalSection: 'Målet som helhet',
  answeredBy: (owner: string) => `Besvaras av ${owner}`,
  savedBy: (name: string, when: string) => `Sparat av ${name} ${when}`,
  noValue: 'Inget svar än',
  assessments: {
    achieved: 'Grön – uppnått',
    partly: 'Gul – delvis uppnått',
    not_achieved: 'Röd – ej uppnått',
    not_measured: 'Grå – ej mätbart / mäts senare',
  } satisfies Record<Assessment, string>,
  suggested: 'föreslagen',
  target: (direction: Direction, target: string | null, baseline: string | null) => {
    const verbs: Record<Direction, string> = {
      increase: 'öka till',
      decrease: 'minska till',
      maintain: 'behålla',
      atLeast: 'minst',
      atMost: 'högst',
      yes: '',
      none: '',
    };
    const parts: string[] = [];
    if (target !== null) parts.push(`Mål: ${[verbs[direction], target].filter((p) => p !== '').join(' ')}`);
    else if (direction === 'increase' || direction === 'decrease' || direction === 'maintain')
      parts.push(`Riktning: ${direction === 'increase' ? 'öka' : direction === 'decrease' ? 'minska' : 'behålla'}`);
    if (baseline !== null) parts.push(`Ingångsvärde ${baseline}`);
    return parts.join(' · ');
  },
  previousValue: (code: string, value: string) => `Förra perioden (${code}): ${value}`,
  refusal: {
    title: 'Det gick inte',
    unknown_period: 'Perioden finns inte längre. Skriv status för att se det du har kvar att svara på.',
    period_closed: 'Perioden är stängd, så svaren kan inte längre ändras.',
    period_not_open: 'Perioden är inte öppen än.',
    unknown_goal: 'Målet finns inte i planen längre.',
    not_owner: 'Du är inte ägare till det här målet eller dess mätetal, så du kan inte svara på det. Ingenting sparades.',
    unknown_action:
      'Jag förstod inte vad kortet bad om (det kan vara för gammalt). Ingenting ändrades. Skriv status för att få ett nytt kort.',
    bad_payload: 'Kortet skickade något jag inte förstod. Ingenting sparades. Skriv status för att få ett nytt kort.',
    unknown_person: 'Jag kunde inte se vem du är i Teams, så ingenting sparades.',
  },
  unavailable: {
    title: 'Försök igen om en stund',
    text: 'Utfall kunde inte nå sin databas just nu, så det är inte säkert att det du gjorde gick igenom. Försök igen om en stund – det som redan sparats sparas inte två gånger.',
  },
};

type CollectTexts = typeof SV;

const EN: CollectTexts = {
  ...SV,
  inboxTitle: (label) => `${label} – your goals`,
  deadline: (date) => `Deadline: ${date}`,
  earliestDeadline: (date) => `Earliest deadline: ${date} (it differs per unit, see below)`,
  unitClosed: 'Closed – answers can no longer be changed.',
  progress: (done, total) => `${done} of ${total} goals done`,
  goalDone: 'Done',
  goalPartly: (answered, required) => `${answered} of ${required} answered`,
  goalNotStarted: 'Not started',
  open: 'Fill in',
  change: 'Change',
  view: 'View',
  save: 'Save',
  back: 'Back to my goals',
  previousPage: 'Previous',
  nextPage: 'Next',
  page: (page, pages) => `Page ${page} of ${pages}`,
  periodClosed: 'The period is closed. Answers can no longer be changed.',
  periodClosedBy: (when, by) =>
    `The period was closed${when ? ` ${when}` : ''}${by ? ` by ${by}` : ' after its last day'}. Answers can no longer be changed.`,
  closedTitle: 'The period is closed',
  refresh: 'Refresh',
  closedSave: (closed, code) =>
    `${closed} What you typed now was not saved. If something must change, a coordinator can open the period again (**open period ${code}**).`,
  periodNotOpen: 'The period is not open yet.',
  saved: (count) => (count === 0 ? 'Nothing changed.' : count === 1 ? 'Saved.' : `Saved (${count} answers).`),
  allDoneTitle: (label) => `${label} – thank you!`,
  allDoneBody: (deadline) => `All your goals are answered. You can change your answers until ${deadline}.`,
  allDoneBodyPerUnit: "All your goals are answered. You can change your answers until each unit's deadline (below).",
  goalSection: 'The goal as a whole',
  answeredBy: (owner) => `Answered by ${owner}`,
  savedBy: (name, when) => `Saved by ${name} ${when}`,
  noValue: 'No answer yet',
  assessments: {
    achieved: 'Green – achieved',
    partly: 'Yellow – partly achieved',
    not_achieved: 'Red – not achieved',
    not_measured: 'Grey – not measurable / later',
  },
  suggested: 'suggested',
  target: (direction, target, baseline) => {
    const verbs: Record<Direction, string> = {
      increase: 'increase to',
      decrease: 'decrease to',
      maintain: 'maintain',
      atLeast: 'at least',
      atMost: 'at most',
      yes: '',
      none: '',
    };
    const parts: string[] = [];
    if (target !== null) parts.push(`Target: ${[verbs[direction], target].filter((p) => p !== '').join(' ')}`);
    else if (direction === 'increase' || direction === 'decrease' || direction === 'maintain') parts.push(`Direction: ${direction}`);
    if (baseline !== null) parts.push(`Baseline ${baseline}`);
    return parts.join(' · ');
  },
  previousValue: (code, value) => `Previous period (${code}): ${value}`,
  refusal: {
    title: 'That did not work',
    unknown_period: 'The period no longer exists. Write status to see what you have left to answer.',
    period_closed: 'The period is closed, so answers can no longer be changed.',
    period_not_open: 'The period is not open yet.',
    unknown_goal: 'The goal is no longer in the plan.',
    not_owner: 'You do not own this goal or its indicators, so you cannot answer it. Nothing was saved.',
    unknown_action:
      'I did not understand what the card asked for (it may be too old). Nothing was changed. Write status to get a new card.',
    bad_payload: 'The card sent something I did not understand. Nothing was saved. Write status to get a new card.',
    unknown_person: 'I could not see who you are in Teams, so nothing was saved.',
  },
  unavailable: {
    title: 'Try again in a moment',
    text: 'Utfall could not reach its database just now, so what you did may not have gone through. Try again in a moment – what was already saved is not saved twice.',
  },
};

export function collectTexts(locale: Locale): CollectTexts {
  return locale === 'en' ? EN : SV;
}
