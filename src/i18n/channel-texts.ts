import type { Locale } from './locale';

const SV = {
  linkWhat: 'koppla kanaler till enheter',
  onlyInChannel: (command: string) =>
    `**${command}** skriver du i en kanal i det team där ledningen läser sammanfattningen, med @Utfall först.`,
  linkUsage:
    'Skriv så här i kanalen: **@Utfall koppla <enhet>**, till exempel *koppla RS* eller *koppla Regionstyrelsen, Hälso- och sjukvård*.',
  unlinkUsage: 'Skriv så här i kanalen: **@Utfall koppla bort <enhet>**.',
  unknownUnits: (items: { typed: string; suggestion: string | null }[]) =>
    `Jag hittar ${items.length === 1 ? 'ingen enhet' : 'inga enheter'} ${items.map((item) => `”${item.typed}”${item.suggestion ? ` (menade du ”${item.suggestion}”?)` : ''}`).join(', ')}. Inget ändrades. Skriv enhetens kod eller namn som i planen.`,
  noUnits: 'Det finns inga enheter ännu. Importera planen först.',
  linked: (names: string[], all: string[]) =>
    `Kanalen är kopplad till ${names.join(', ')}. Den följer nu: ${all.join(', ')}. Sammanfattningen av öppna perioder visas här och uppdateras när svaren kommer in.`,
  alreadyLinked: (names: string[]) => `Kanalen var redan kopplad till ${names.join(', ')}. Inget ändrades.`,
  unlinked: (names: string[], left: string[]) =>
    `Kanalen är inte längre kopplad till ${names.join(', ')}.${left.length > 0 ? ` Den följer: ${left.join(', ')}.` : ' Den följer inga enheter nu.'}`,
  notLinked: (names: string[]) => `Kanalen är inte kopplad till ${names.join(', ')}. Inget ändrades.`,
  links: (names: string[]) =>
    names.length === 0
      ? 'Kanalen är inte kopplad till någon enhet. En samordnare skriver **@Utfall koppla <enhet>**.'
      : `Kanalen följer: ${names.join(', ')}.`,
  summaryWhere:
    'Sammanfattningen visas i en kopplad kanal. I chatten med mig kan samordnare och enhetschefer (för sin enhet) skriva **sammanfattning [enhet] [period]**.',
  notLinkedForSummary: 'Kanalen är inte kopplad till någon enhet ännu. En samordnare skriver **@Utfall koppla <enhet>**.',
  summaryUsage:
    'Skriv så här: **sammanfattning [enhet] [period]**, till exempel *sammanfattning*, *sammanfattning DÅ08* eller *sammanfattning RS DÅ08*.',
  summaryOutside: (unit: string) => `Enheten ”${unit}” ingår inte i det kanalen följer. Inget visas.`,
  summaryOutsideManaged: (unit: string) => `Enheten ”${unit}” hör inte till det du är chef för. Inget visas.`,
  noSummary: (code: string | null) =>
    code
      ? `Jag hittar ingen period ”${code}” för de här enheterna.`
      : 'Det finns ingen öppen eller avslutad period för de här enheterna ännu.',
  summaryWhat: 'visa sammanfattningen här',
};

const EN: typeof SV = {
  linkWhat: 'link channels to units',
  onlyInChannel: (command) => `Write **${command}** in a channel of the team where management reads the summary, starting with @Utfall.`,
  linkUsage: 'In the channel, write: **@Utfall link <unit>**, e.g. *link RS*.',
  unlinkUsage: 'In the channel, write: **@Utfall unlink <unit>**.',
  unknownUnits: (items) =>
    `I cannot find ${items.map((item) => `"${item.typed}"${item.suggestion ? ` (did you mean "${item.suggestion}"?)` : ''}`).join(', ')}. Nothing was changed. Write the unit's code or name as in the plan.`,
  noUnits: 'There are no units yet. Import the plan first.',
  linked: (names, all) =>
    `The channel is linked to ${names.join(', ')}. It now follows: ${all.join(', ')}. The summary of open periods appears here and is updated as answers come in.`,
  alreadyLinked: (names) => `The channel was already linked to ${names.join(', ')}. Nothing was changed.`,
  unlinked: (names, left) =>
    `The channel is no longer linked to ${names.join(', ')}.${left.length > 0 ? ` It follows: ${left.join(', ')}.` : ' It follows no units now.'}`,
  notLinked: (names) => `The channel is not linked to ${names.join(', ')}. Nothing was changed.`,
  links: (names) =>
    names.length === 0
      ? 'The channel is not linked to any unit. A coordinator writes **@Utfall link <unit>**.'
      : `The channel follows: ${names.join(', ')}.`,
  summaryWhere:
    'The summary is shown in a linked channel. In your chat with me, coordinators and unit managers (for their unit) can write **summary [unit] [period]**.',
  notLinkedForSummary: 'The channel is not linked to a unit yet. A coordinator writes **@Utfall link <unit>**.',
  summaryUsage: 'Write: **summary [unit] [period]**, e.g. *summary*, *summary DÅ08* or *summary RS DÅ08*.',
  summaryOutside: (unit) => `The unit "${unit}" is not among what this channel follows. Nothing is shown.`,
  summaryOutsideManaged: (unit) => `The unit "${unit}" is not one you manage. Nothing is shown.`,
  noSummary: (code) =>
    code ? `I cannot find a period "${code}" for these units.` : 'There is no open or finished period for these units yet.',
  summaryWhat: 'show the summary here',
};

export function channelTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
