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
  fanoutReport: (label, sent, unreachable, more) =>
    `${label}: ${sent} cards sent.` +
    (unreachable.length > 0
      ? ` Could not reach ${unreachable.length + more}: ${unreachable.join(', ')}${more > 0 ? `, … and ${more} more` : ''}. They get their card as soon as they install Utfall.`
      : ' Everyone was reached.'),
};

export function periodTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
