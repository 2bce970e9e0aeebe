import type { Locale } from './locale';

/** What a confirmation of `öppna period` counts: disjoint groups of the owners, adding up to `owners`. */
export interface OpenCounts {
  alreadyOpen: boolean;
  owners: number;
  toSend: number;
  had: number;
  unreachable: number;
}

const UNITS_NAMED = 5;

/** "Regionstyrelsen", "RS och HSN", "RS, HSN och RUN"; past five names, "RS, HSN, RUN, KN och 3 till". */
export function unitsInline(units: readonly string[], locale: Locale): string {
  const and = locale === 'en' ? 'and' : 'och';
  if (units.length === 0) return locale === 'en' ? 'no unit' : 'ingen enhet';
  if (units.length > UNITS_NAMED) {
    const rest = units.length - (UNITS_NAMED - 1);
    return `${units.slice(0, UNITS_NAMED - 1).join(', ')} ${and} ${rest} ${locale === 'en' ? 'more' : 'till'}`;
  }
  return units.length === 1 ? units[0]! : `${units.slice(0, -1).join(', ')} ${and} ${units.at(-1)!}`;
}

const SV = {
  openWhat: 'öppna perioder',
  closeWhat: 'stänga perioder',
  openUsage: 'Skriv så här: **öppna period <kod> [enhet]**, till exempel *öppna period DÅ08* eller *öppna period DÅ08 RS*.',
  closeUsage: 'Skriv så här: **stäng period <kod> [enhet]**, till exempel *stäng period DÅ08*.',
  noSuchPeriod: (code: string, unit: string | null) =>
    `Jag hittar ingen öppen eller kommande period ”${code}”${unit ? ` för enheten ”${unit}”` : ''}. Kontrollera koden, eller importera planen först.`,
  confirmTitle: (label: string) => `Öppna ${label}?`,
  confirmTitleOpen: (label: string) => `${label} är redan öppen`,
  /** The confirmation's body; its numbers are the facts below it. */
  confirmBody: (counts: OpenCounts, units: readonly string[]) =>
    (counts.alreadyOpen
      ? `Perioden är redan öppen för ${unitsInline(units, 'sv')}. Bara målägare som inte har fått sitt kort får ett nu: ${counts.toSend} av ${counts.owners}.`
      : `Skicka kort till ${counts.toSend} av ${counts.owners} målägare i ${unitsInline(units, 'sv')}?`) +
    (counts.had > 0 && !counts.alreadyOpen ? ` ${counts.had} har redan sitt kort.` : '') +
    (counts.unreachable > 0
      ? ` ${counts.unreachable} är ej nåbara: de har inte installerat Utfall i Teams och får sitt kort när de gör det.`
      : ''),
  factUnits: 'Enheter',
  factOwners: 'Målägare',
  factToSend: 'Får kort nu',
  factHad: 'Har redan kort',
  factUnreachable: 'Ej nåbara',
  listUnreachable: (names: string) => `Ej nåbara: ${names}`,
  send: 'Skicka',
  cancel: 'Avbryt',
  refusedTitle: 'Det gick inte',
  openedTitle: (code: string, alreadyOpen: boolean) => (alreadyOpen ? `Perioden ${code} är redan öppen` : `Perioden ${code} är öppen`),
  openedBody: (counts: OpenCounts & { shown: number }, units: readonly string[]) =>
    (counts.toSend === 0
      ? `Alla nåbara målägare hade redan sitt kort (${unitsInline(units, 'sv')}). Inget skickades två gånger.`
      : `${counts.toSend} kort skickas nu till målägarna i ${unitsInline(units, 'sv')}, i den takt Teams tillåter.`) +
    (counts.unreachable > 0 ? ` ${counts.unreachable} ej nåbara får sitt kort när de installerar Utfall.` : '') +
    (counts.shown !== counts.toSend ? ` Antalet har ändrats sedan bekräftelsen visades (då ${counts.shown}, nu ${counts.toSend}).` : '') +
    ' Du får en rapport när alla kort har gått ut.',
  closed: (labels: string[]) => `Stängt: ${labels.join(', ')}. Svaren är låsta.`,
  cancelled: 'Avbrutet. Inget skickades.',
  cancelledTitle: 'Avbrutet',
  closeConfirmTitle: (label: string) => `Stänga ${label}?`,
  closeConfirmBody: (missing: number, channels: number) =>
    (missing === 0
      ? 'Alla målägare har svarat.'
      : `${missing} målägare har inte svarat klart och kan inte svara efter att perioden har stängts.`) +
    ' Svaren låses.' +
    (channels > 0 ? ` En slutlig sammanställning publiceras i ${channels} ${channels === 1 ? 'kopplad kanal' : 'kopplade kanaler'}.` : ''),
  factMissing: 'Har inte svarat klart',
  factChannels: 'Kopplade kanaler',
  close: 'Stäng perioden',
  closeCancelled: 'Avbrutet. Perioden är fortfarande öppen.',
  closedTitle: (label: string) => `${label} är stängd`,
  closedNamed: (label: string, units: readonly string[], channels: number) =>
    `Stängt: ${label} (${units.join(', ')}). Svaren är låsta.` +
    (channels > 0 ? ' Slutliga sammanställningar publiceras i de kopplade kanalerna.' : ''),
  reopenConfirmTitle: (label: string) => `${label} är stängd. Öppna den igen?`,
  reopenConfirmBody: (owners: number, closes: string) =>
    `Målägarna (${owners}) kan då ändra och komplettera sina svar fram till ${closes}, och var och en får ett nytt kort. Sammanfattningarna i kanalerna uppdateras.`,
  reopen: 'Öppna igen',
  reopenedTitle: (label: string) => `${label} är öppen igen`,
  reopenedBody: (enqueued: number) => `${enqueued} målägare får ett nytt kort nu.`,
  reopenTooLate: (label: string, closes: string) =>
    `${label} stängde enligt planen ${closes} och kan inte öppnas igen. Ändra periodens stängningsdatum i planen och importera den på nytt.`,
  /** The coordinator's report once every card of a confirmed opening has been tried. */
  fanoutReport: (label: string, units: readonly string[], reached: number, owners: number, unreachable: readonly string[], more: number) =>
    `${label} (${unitsInline(units, 'sv')}): ` +
    (reached === owners
      ? owners === 1
        ? 'målägaren har fått sitt kort.'
        : `alla ${owners} målägare har fått sitt kort.`
      : `${reached} av ${owners} målägare har fått sitt kort. Ej nåbara (${unreachable.length + more}): ${unreachable.join(', ')}${more > 0 ? `, … och ${more} till` : ''}. De får sitt kort så snart de installerar Utfall.`),
};

const EN: typeof SV = {
  openWhat: 'open periods',
  closeWhat: 'close periods',
  openUsage: 'Write: **open period <code> [unit]**, e.g. *open period DÅ08* or *open period DÅ08 RS*.',
  closeUsage: 'Write: **close period <code> [unit]**, e.g. *close period DÅ08*.',
  noSuchPeriod: (code, unit) =>
    `I find no open or upcoming period "${code}"${unit ? ` for the unit "${unit}"` : ''}. Check the code, or import the plan first.`,
  confirmTitle: (label) => `Open ${label}?`,
  confirmTitleOpen: (label) => `${label} is already open`,
  confirmBody: (counts, units) =>
    (counts.alreadyOpen
      ? `The period is already open for ${unitsInline(units, 'en')}. Only goal owners who have not had their card get one now: ${counts.toSend} of ${counts.owners}.`
      : `Send cards to ${counts.toSend} of ${counts.owners} goal owners in ${unitsInline(units, 'en')}?`) +
    (counts.had > 0 && !counts.alreadyOpen ? ` ${counts.had} already have their card.` : '') +
    (counts.unreachable > 0
      ? ` ${counts.unreachable} cannot be reached: they have not installed Utfall in Teams and get their card when they do.`
      : ''),
  factUnits: 'Units',
  factOwners: 'Goal owners',
  factToSend: 'Get a card now',
  factHad: 'Already have one',
  factUnreachable: 'Unreachable',
  listUnreachable: (names) => `Unreachable: ${names}`,
  send: 'Send',
  cancel: 'Cancel',
  refusedTitle: 'That did not work',
  openedTitle: (code, alreadyOpen) => (alreadyOpen ? `The period ${code} is already open` : `The period ${code} is open`),
  openedBody: (counts, units) =>
    (counts.toSend === 0
      ? `Every reachable owner already had their card (${unitsInline(units, 'en')}). Nothing was sent twice.`
      : `${counts.toSend} cards are being sent to the goal owners in ${unitsInline(units, 'en')}, as fast as Teams allows.`) +
    (counts.unreachable > 0 ? ` ${counts.unreachable} unreachable owners get their card when they install Utfall.` : '') +
    (counts.shown !== counts.toSend
      ? ` The number has changed since the confirmation was shown (then ${counts.shown}, now ${counts.toSend}).`
      : '') +
    ' You will get a report when every card has gone out.',
  closed: (labels) => `Closed: ${labels.join(', ')}. Answers are locked.`,
  cancelled: 'Cancelled. Nothing was sent.',
  cancelledTitle: 'Cancelled',
  closeConfirmTitle: (label) => `Close ${label}?`,
  closeConfirmBody: (missing, channels) =>
    (missing === 0
      ? 'Every goal owner has answered.'
      : `${missing} goal owners have not finished and cannot answer once the period is closed.`) +
    ' Answers are locked.' +
    (channels > 0 ? ` A final summary is posted in ${channels} linked ${channels === 1 ? 'channel' : 'channels'}.` : ''),
  factMissing: 'Not finished',
  factChannels: 'Linked channels',
  close: 'Close the period',
  closeCancelled: 'Cancelled. The period is still open.',
  closedTitle: (label) => `${label} is closed`,
  closedNamed: (label, units, channels) =>
    `Closed: ${label} (${units.join(', ')}). Answers are locked.` +
    (channels > 0 ? ' Final summaries are posted in the linked channels.' : ''),
  reopenConfirmTitle: (label) => `${label} is closed. Open it again?`,
  reopenConfirmBody: (owners, closes) =>
    `The goal owners (${owners}) can then change and complete their answers until ${closes}, and each gets a new card. The channels' summaries are updated.`,
  reopen: 'Open again',
  reopenedTitle: (label) => `${label} is open again`,
  reopenedBody: (enqueued) => `${enqueued} goal owners get a new card now.`,
  reopenTooLate: (label, closes) =>
    `${label} closed by the plan on ${closes} and cannot be opened again. Change the period's closing date in the plan and import it again.`,
  fanoutReport: (label, units, reached, owners, unreachable, more) =>
    `${label} (${unitsInline(units, 'en')}): ` +
    (reached === owners
      ? owners === 1
        ? 'the goal owner has their card.'
        : `all ${owners} goal owners have their card.`
      : `${reached} of ${owners} goal owners have their card. Could not reach ${unreachable.length + more}: ${unreachable.join(', ')}${more > 0 ? `, … and ${more} more` : ''}. They get their card as soon as they install Utfall.`),
};

export function periodTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
