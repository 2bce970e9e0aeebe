import type { Locale } from './locale';

const SV = {
  openWhat: 'öppna perioder',
  closeWhat: 'stänga perioder',
  openUsage: 'Skriv så här: **öppna period <kod> [enhet]**, till exempel *öppna period DÅ08* eller *öppna period DÅ08 RS*.',
  closeUsage: 'Skriv så här: **stäng period <kod> [enhet]**, till exempel *stäng period DÅ08*.',
  noSuchPeriod: (code: string, unit: string | null) =>
    `Jag hittar ingen öppen eller kommande period ”${code}”${unit ? ` för enheten ”${unit}”` : ''}. Kontrollera koden, eller importera planen först.`,
  confirmTitle: (label: string) => `Öppna ${label}?`,
  confirmBody: (reachable: number, plans: number, unreachable: number) =>
    `Skicka till ${reachable} målägare i ${plans} ${plans === 1 ? 'plan' : 'planer'}? Ej nåbara: ${unreachable}.` +
    (unreachable > 0 ? ' De har inte installerat Utfall i Teams och får inget kort förrän de gör det.' : ''),
  factOwners: 'Målägare',
  factPlans: 'Planer',
  factUnreachable: 'Ej nåbara',
  send: 'Skicka',
  cancel: 'Avbryt',
  refusedTitle: 'Det gick inte',
  openedTitle: (code: string) => `Perioden ${code} är öppen`,
  openedBody: (enqueued: number, periods: number) =>
    enqueued === 0
      ? `Alla målägare hade redan fått sitt kort (${periods} ${periods === 1 ? 'plan' : 'planer'}). Inget skickades två gånger.`
      : `${enqueued} kort skickas nu, i den takt Teams tillåter.`,
  closed: (labels: string[]) => `Stängt: ${labels.join(', ')}. Svaren är låsta.`,
  cancelled: 'Avbrutet. Inget skickades.',
  cancelledTitle: 'Avbrutet',
  closeConfirmTitle: (label: string) => `Stänga ${label}?`,
  closeConfirmBody: (missing: number, channels: number) =>
    (missing === 0 ? 'Alla målägare har svarat.' : `${missing} målägare har inte svarat klart och kan inte svara efter att perioden har stängts.`) +
    ' Svaren låses.' +
    (channels > 0 ? ` En slutlig sammanställning publiceras i ${channels} ${channels === 1 ? 'kopplad kanal' : 'kopplade kanaler'}.` : ''),
  factUnits: 'Enheter',
  factMissing: 'Har inte svarat klart',
  factChannels: 'Kopplade kanaler',
  close: 'Stäng perioden',
  closeCancelled: 'Avbrutet. Perioden är fortfarande öppen.',
  closedTitle: (label: string) => `${label} är stängd`,
  closedNamed: (label: string, units: readonly string[], channels: number) =>
    `Stängt: ${label} (${units.join(', ')}). Svaren är låsta.` + (channels > 0 ? ' Slutliga sammanställningar publiceras i de kopplade kanalerna.' : ''),
  reopenConfirmTitle: (label: string) => `${label} är stängd. Öppna den igen?`,
  reopenConfirmBody: (owners: number, closes: string) =>
    `Målägarna (${owners}) kan då ändra och komplettera sina svar fram till ${closes}, och var och en får ett nytt kort. Sammanfattningarna i kanalerna uppdateras.`,
  reopen: 'Öppna igen',
  reopenedTitle: (label: string) => `${label} är öppen igen`,
  reopenedBody: (enqueued: number) => `${enqueued} målägare får ett nytt kort nu.`,
  reopenTooLate: (label: string, closes: string) =>
    `${label} stängde enligt planen ${closes} och kan inte öppnas igen. Ändra periodens stängningsdatum i planen och importera den på nytt.`,
  /** The coordinator's report once every card of an opened period has been tried. */
  fanoutReport: (label: string, sent: number, unreachable: readonly string[], more: number) =>
    `${label}: ${sent} kort skickade.` +
    (unreachable.length > 0
      ? ` Ej nåbara (${unreachable.length + more}): ${unreachable.join(', ')}${more > 0 ? `, … och ${more} till` : ''}. De får sitt kort så snart de installerar Utfall.`
      : ' Alla nåddes.'),
};

const EN: typeof SV = {
  openWhat: 'open periods',
  closeWhat: 'close periods',
  openUsage: 'Write: **open period <code> [unit]**, e.g. *open period DÅ08* or *open period DÅ08 RS*.',
  closeUsage: 'Write: **close period <code> [unit]**, e.g. *close period DÅ08*.',
  noSuchPeriod: (code, unit) => `I find no open or upcoming period "${code}"${unit ? ` for the unit "${unit}"` : ''}. Check the code, or import the plan first.`,
  confirmTitle: (label) => `Open ${label}?`,
  confirmBody: (reachable, plans, unreachable) =>
    `Send to ${reachable} goal owners in ${plans} ${plans === 1 ? 'plan' : 'plans'}? Unreachable: ${unreachable}.` +
    (unreachable > 0 ? ' They have not installed Utfall in Teams and get no card until they do.' : ''),
  factOwners: 'Goal owners',
  factPlans: 'Plans',
  factUnreachable: 'Unreachable',
  send: 'Send',
  cancel: 'Cancel',
  refusedTitle: 'That did not work',
  openedTitle: (code) => `The period ${code} is open`,
  openedBody: (enqueued, periods) =>
    enqueued === 0 ? `Every owner already had their card (${periods} ${periods === 1 ? 'plan' : 'plans'}). Nothing was sent twice.` : `${enqueued} cards are being sent now, as fast as Teams allows.`,
  closed: (labels) => `Closed: ${labels.join(', ')}. Answers are locked.`,
  cancelled: 'Cancelled. Nothing was sent.',
  cancelledTitle: 'Cancelled',
  closeConfirmTitle: (label) => `Close ${label}?`,
  closeConfirmBody: (missing, channels) =>
    (missing === 0 ? 'Every goal owner has answered.' : `${missing} goal owners have not finished and cannot answer once the period is closed.`) +
    ' Answers are locked.' +
    (channels > 0 ? ` A final summary is posted in ${channels} linked ${channels === 1 ? 'channel' : 'channels'}.` : ''),
  factUnits: 'Units',
  factMissing: 'Not finished',
  factChannels: 'Linked channels',
  close: 'Close the period',
  closeCancelled: 'Cancelled. The period is still open.',
  closedTitle: (label) => `${label} is closed`,
  closedNamed: (label, units, channels) =>
    `Closed: ${label} (${units.join(', ')}). Answers are locked.` + (channels > 0 ? ' Final summaries are posted in the linked channels.' : ''),
  reopenConfirmTitle: (label) => `${label} is closed. Open it again?`,
  reopenConfirmBody: (owners, closes) => `The goal owners (${owners}) can then change and complete their answers until ${closes}, and each gets a new card. The channels' summaries are updated.`,
  reopen: 'Open again',
  reopenedTitle: (label) => `${label} is open again`,
  reopenedBody: (enqueued) => `${enqueued} goal owners get a new card now.`,
  reopenTooLate: (label, closes) => `${label} closed by the plan on ${closes} and cannot be opened again. Change the period's closing date in the plan and import it again.`,
  fanoutReport: (label, sent, unreachable, more) =>
    `${label}: ${sent} cards sent.` +
    (unreachable.length > 0
      ? ` Could not reach ${unreachable.length + more}: ${unreachable.join(', ')}${more > 0 ? `, … and ${more} more` : ''}. They get their card as soon as they install Utfall.`
      : ' Everyone was reached.'),
};

export function periodTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
