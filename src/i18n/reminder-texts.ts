import type { Locale } from './locale';

const SV = {
  reminder: (label: string, left: number, total: number, deadline: string) =>
    `Påminnelse: ${left} av ${total} mål återstår i ${label}. Sista svarsdag är ${deadline}.`,
  missingReport: (label: string, count: number, listed: string, more: number) =>
    count === 0
      ? `${label}: sista svarsdagen har passerat och alla målägare har svarat.`
      : `${label}: sista svarsdagen har passerat. ${count} målägare har inte svarat klart: ${listed}${more > 0 ? `, … och ${more} till (skriv ”sammanfattning” för hela listan)` : ''}.`,
  managerReport: (unit: string, label: string, count: number, listed: string, more: number) =>
    count === 0
      ? `${label}, ${unit}: sista svarsdagen har passerat och alla målägare har svarat.`
      : `${label}, ${unit}: sista svarsdagen har passerat. ${count} målägare har inte svarat klart: ${listed}${more > 0 ? `, … och ${more} till (skriv ”sammanfattning” för hela listan)` : ''}.`,
  remindWhat: 'skicka påminnelser',
  remindUsage:
    'Skriv så här: **påminn [enhet]**, till exempel *påminn* eller *påminn RS*. Påminnelsen går bara till dem som inte har svarat klart i en öppen period.',
  noOpenPeriod: (unit: string | null) => `Det finns ingen öppen period${unit ? ` för enheten ”${unit}”` : ''} att påminna om.`,
  confirmTitle: (label: string) => `Påminna om ${label}?`,
  confirmBody: (missing: number, reminded: number, unreachable: number) =>
    unreachable === 0
      ? `${missing} målägare har inte svarat klart och får en påminnelse i sin chatt med Utfall.`
      : `${missing} målägare har inte svarat klart. ${reminded} får en påminnelse i sin chatt med Utfall; ${unreachable} kan inte nås (har inte installerat Utfall i Teams) och får ingen.`,
  nobodyMissingTitle: 'Ingen påminnelse behövs',
  nobodyMissing: (label: string) => `Alla har svarat klart i ${label}. Det finns ingen att påminna.`,
  nobodyReachableTitle: 'Ingen kan nås',
  nobodyReachable: (label: string, missing: number, names: string) =>
    `${missing} målägare har inte svarat klart i ${label}, men ingen av dem kan nås: ${names}. De har inte installerat Utfall i Teams och får ingen påminnelse förrän de gör det.`,
  factMissing: 'Har inte svarat klart',
  factOwners: 'Får påminnelse',
  factUnreachable: 'Ej nåbara',
  listReminded: (names: string) => `Får påminnelse: ${names}`,
  listUnreachable: (names: string) => `Ej nåbara: ${names}`,
  send: 'Skicka påminnelse',
  cancel: 'Avbryt',
  refusedTitle: 'Det gick inte',
  sentTitle: 'Påminnelser skickas',
  sentBody: (count: number, unreachable: number, names: string) =>
    (count === 0
      ? 'Alla som kan nås har svarat klart nu. Ingen påminnelse skickades.'
      : count === 1
        ? '1 påminnelse skickas nu.'
        : `${count} påminnelser skickas nu.`) + (unreachable > 0 ? ` Ej nåbara (${unreachable}) får ingen: ${names}.` : ''),
  changed: (shown: number, now: number) => ` Antalet har ändrats sedan bekräftelsen visades (då ${shown}, nu ${now}).`,
  cancelled: 'Avbrutet. Inga påminnelser skickades.',
};

const EN: typeof SV = {
  reminder: (label, left, total, deadline) => `Reminder: ${left} of ${total} goals remain in ${label}. The deadline is ${deadline}.`,
  missingReport: (label, count, listed, more) =>
    count === 0
      ? `${label}: the deadline has passed and every goal owner has answered.`
      : `${label}: the deadline has passed. ${count} goal owners have not finished: ${listed}${more > 0 ? `, … and ${more} more (write "summary" for the whole list)` : ''}.`,
  managerReport: (unit, label, count, listed, more) =>
    count === 0
      ? `${label}, ${unit}: the deadline has passed and every goal owner has answered.`
      : `${label}, ${unit}: the deadline has passed. ${count} goal owners have not finished: ${listed}${more > 0 ? `, … and ${more} more (write "summary" for the whole list)` : ''}.`,
  remindWhat: 'send reminders',
  remindUsage:
    'Write: **remind [unit]**, e.g. *remind* or *remind RS*. The reminder only goes to those who have not finished in an open period.',
  noOpenPeriod: (unit) => `There is no open period${unit ? ` for the unit "${unit}"` : ''} to remind about.`,
  confirmTitle: (label) => `Remind about ${label}?`,
  confirmBody: (missing, reminded, unreachable) =>
    unreachable === 0
      ? `${missing} goal owners have not finished and get a reminder in their Utfall chat.`
      : `${missing} goal owners have not finished. ${reminded} get a reminder in their Utfall chat; ${unreachable} cannot be reached (they have not installed Utfall in Teams) and get none.`,
  nobodyMissingTitle: 'No reminder needed',
  nobodyMissing: (label) => `Everyone has finished ${label}. There is nobody to remind.`,
  nobodyReachableTitle: 'Nobody can be reached',
  nobodyReachable: (label, missing, names) =>
    `${missing} goal owners have not finished ${label}, but none of them can be reached: ${names}. They have not installed Utfall in Teams and get no reminder until they do.`,
  factMissing: 'Not finished',
  factOwners: 'Will be reminded',
  factUnreachable: 'Unreachable',
  listReminded: (names) => `Will be reminded: ${names}`,
  listUnreachable: (names) => `Unreachable: ${names}`,
  send: 'Send reminder',
  cancel: 'Cancel',
  refusedTitle: 'That did not work',
  sentTitle: 'Reminders are being sent',
  sentBody: (count, unreachable, names) =>
    (count === 0
      ? 'Everyone who can be reached has finished now. No reminder was sent.'
      : count === 1
        ? '1 reminder is being sent now.'
        : `${count} reminders are being sent now.`) + (unreachable > 0 ? ` Unreachable (${unreachable}) get none: ${names}.` : ''),
  changed: (shown, now) => ` The number has changed since the confirmation was shown (then ${shown}, now ${now}).`,
  cancelled: 'Cancelled. No reminders were sent.',
};

export function reminderTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
