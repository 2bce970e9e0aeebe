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
  remindUsage: 'Skriv så här: **påminn [enhet]**, till exempel *påminn* eller *påminn RS*. Påminnelsen går bara till dem som inte har svarat klart i en öppen period.',
  noOpenPeriod: (unit: string | null) => `Det finns ingen öppen period${unit ? ` för enheten ”${unit}”` : ''} att påminna om.`,
  confirmTitle: (label: string) => `Påminna om ${label}?`,
  confirmBody: (owners: number) =>
    owners === 0 ? 'Alla har svarat klart. Ingen påminnelse behövs.' : `${owners} målägare har inte svarat klart och får en påminnelse i sin chatt med Utfall.`,
  factOwners: 'Får påminnelse',
  send: 'Skicka påminnelse',
  cancel: 'Avbryt',
  refusedTitle: 'Det gick inte',
  sentTitle: 'Påminnelser skickas',
  sentBody: (count: number) => (count === 0 ? 'Alla som behövde en påminnelse har redan fått den.' : `${count} påminnelser skickas nu.`),
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
  remindUsage: 'Write: **remind [unit]**, e.g. *remind* or *remind RS*. The reminder only goes to those who have not finished in an open period.',
  noOpenPeriod: (unit) => `There is no open period${unit ? ` for the unit "${unit}"` : ''} to remind about.`,
  confirmTitle: (label) => `Remind about ${label}?`,
  confirmBody: (owners) => (owners === 0 ? 'Everyone has finished. No reminder is needed.' : `${owners} goal owners have not finished and get a reminder in their Utfall chat.`),
  factOwners: 'Will be reminded',
  send: 'Send reminder',
  cancel: 'Cancel',
  refusedTitle: 'That did not work',
  sentTitle: 'Reminders are being sent',
  sentBody: (count) => (count === 0 ? 'Everyone who needed a reminder has already had it.' : `${count} reminders are being sent now.`),
  cancelled: 'Cancelled. No reminders were sent.',
};

export function reminderTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
