import type { Locale } from './locale';

/** "Anna Berg (anna.berg@region.se)", or the address alone when no name is known. */
const who = (email: string, name: string | null) => (name ? `${name} (${email})` : email);

const SV = {
  usage:
    'Skriv så här: **delegera <nyckel> <e-post>** för att lämna ett mätetal eller mål till en kollega, till exempel *delegera NB-P2-G1-I1 anna.berg@region.se*. **delegera tillbaka <nyckel>** tar tillbaka det. Enklast är knappen **Delegera** vid mätetalet eller målet i formuläret; där står också nyckeln.',
  noSuchSubject: (key: string) => `Jag hittar inget mätetal eller mål med nyckeln ”${key}”. Inget ändrades.`,
  notYours: (name: string) => `Du kan bara delegera det du själv ansvarar för. ”${name}” har en annan ansvarig; samordnare kan flytta det.`,
  unknownPerson: (email: string) =>
    `Jag hittar ingen ”${email}” i Teams: adressen finns inte i planen, ingen med den har öppnat Utfall, och den finns inte i något team där Utfall är tillagt. Kontrollera stavningen, eller be kollegan öppna Utfall i Teams en gång och försök igen. Inget ändrades.`,
  notAnEmail: (typed: string) => `”${typed}” är ingen e-postadress. Inget ändrades.`,
  self: 'Du kan inte delegera till dig själv.',
  delegated: (name: string, to: string, toName: string | null, key: string, reachable: boolean) =>
    `”${name}” är nu delegerat till ${who(to, toName)}` +
    (reachable
      ? ', som får det i Utfall nu.'
      : `. ${toName ?? 'Kollegan'} har inte öppnat Utfall i Teams än och får det när hen gör det, så säg gärna till.`) +
    ` Ta tillbaka med **delegera tillbaka ${key}**.`,
  notDelegated: (key: string) => `”${key}” är inte delegerat. Inget ändrades.`,
  notYourDelegation: 'Bara den som delegerade, eller en samordnare, kan ta tillbaka en delegering.',
  takenBack: (name: string, owner: string) => `”${name}” är tillbaka hos ${owner}.`,
  card: {
    action: 'Delegera',
    goalAction: 'Delegera målet',
    title: 'Delegera till en kollega',
    doneTitle: 'Delegerat',
    notDoneTitle: 'Inte delegerat',
    body: 'Kollegan svarar på det här i stället för dig och får det i Utfall. Du kan ta tillbaka det när du vill.',
    searchLabel: 'Sök kollega',
    searchPlaceholder: 'Skriv namn eller e-post',
    emailLabel: 'Eller skriv e-postadressen',
    emailPlaceholder: 'anna.berg@region.se',
    shortcut: (key: string) => `Kortkommando i chatten: delegera ${key} <e-post>`,
    submit: 'Delegera',
    back: 'Tillbaka till målet',
    inbox: 'Till mina mål',
    nobody: 'Välj en kollega i listan eller skriv en e-postadress. Inget ändrades.',
    searchInTeams: (email: string) => `${email} (sök i Teams)`,
  },
};

const EN: typeof SV = {
  usage:
    'Write **delegate <key> <e-mail>** to hand an indicator or goal to a colleague. **delegate back <key>** takes it back. Easiest is the **Delegate** button by the indicator or goal in the form, which also shows the key.',
  noSuchSubject: (key) => `I cannot find an indicator or goal with the key "${key}". Nothing was changed.`,
  notYours: (name) => `You can only delegate what you are responsible for. "${name}" has another owner; coordinators can move it.`,
  unknownPerson: (email) =>
    `I cannot find "${email}" in Teams: the address is not in the plan, nobody with it has opened Utfall, and it is in no team Utfall has been added to. Check the spelling, or ask your colleague to open Utfall in Teams once and try again. Nothing was changed.`,
  notAnEmail: (typed) => `"${typed}" is not an e-mail address. Nothing was changed.`,
  self: 'You cannot delegate to yourself.',
  delegated: (name, to, toName, key, reachable) =>
    `"${name}" is now delegated to ${who(to, toName)}` +
    (reachable
      ? ', who gets it in Utfall now.'
      : `. ${toName ?? 'Your colleague'} has not opened Utfall in Teams yet and gets it when they do, so you may want to tell them.`) +
    ` Take it back with **delegate back ${key}**.`,
  notDelegated: (key) => `"${key}" is not delegated. Nothing was changed.`,
  notYourDelegation: 'Only the person who delegated, or a coordinator, can take a delegation back.',
  takenBack: (name, owner) => `"${name}" is back with ${owner}.`,
  card: {
    action: 'Delegate',
    goalAction: 'Delegate the goal',
    title: 'Delegate to a colleague',
    doneTitle: 'Delegated',
    notDoneTitle: 'Not delegated',
    body: 'Your colleague answers this instead of you and gets it in Utfall. You can take it back at any time.',
    searchLabel: 'Find a colleague',
    searchPlaceholder: 'Type a name or e-mail',
    emailLabel: 'Or type their e-mail address',
    emailPlaceholder: 'anna.berg@region.se',
    shortcut: (key) => `Chat shortcut: delegate ${key} <e-mail>`,
    submit: 'Delegate',
    back: 'Back to the goal',
    inbox: 'To my goals',
    nobody: 'Pick a colleague in the list or type an e-mail address. Nothing was changed.',
    searchInTeams: (email) => `${email} (look up in Teams)`,
  },
};

export function delegationTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
