import type { Locale } from './locale';

const SV = {
  usage:
    'Skriv så här: **delegera <nyckel> <e-post>** för att lämna ett mätetal eller mål till en kollega, till exempel *delegera NB-P2-G1-I1 anna.berg@region.se*. **delegera tillbaka <nyckel>** tar tillbaka det. Nyckeln står i planen.',
  noSuchSubject: (key: string) => `Jag hittar inget mätetal eller mål med nyckeln ”${key}”. Inget ändrades.`,
  notYours: (name: string) => `Du kan bara delegera det du själv ansvarar för. ”${name}” har en annan ansvarig; samordnare kan flytta det.`,
  unknownPerson: (email: string) =>
    `”${email}” är ingen känd person i Utfall. Personen behöver finnas i planen eller ha installerat Utfall. Inget ändrades.`,
  notAnEmail: (typed: string) => `”${typed}” är ingen e-postadress. Inget ändrades.`,
  self: 'Du kan inte delegera till dig själv.',
  delegated: (name: string, to: string, key: string) =>
    `”${name}” är nu delegerat till ${to}, som får det i sin inkorg. Ta tillbaka med **delegera tillbaka ${key}**.`,
  notDelegated: (key: string) => `”${key}” är inte delegerat. Inget ändrades.`,
  notYourDelegation: 'Bara den som delegerade, eller en samordnare, kan ta tillbaka en delegering.',
  takenBack: (name: string, owner: string) => `”${name}” är tillbaka hos ${owner}.`,
};

const EN: typeof SV = {
  usage:
    'Write **delegate <key> <e-mail>** to hand an indicator or goal to a colleague. **delegate back <key>** takes it back. The key is in the plan.',
  noSuchSubject: (key) => `I cannot find an indicator or goal with the key "${key}". Nothing was changed.`,
  notYours: (name) => `You can only delegate what you are responsible for. "${name}" has another owner; coordinators can move it.`,
  unknownPerson: (email) =>
    `"${email}" is not a known person in Utfall. They must be in the plan or have installed Utfall. Nothing was changed.`,
  notAnEmail: (typed) => `"${typed}" is not an e-mail address. Nothing was changed.`,
  self: 'You cannot delegate to yourself.',
  delegated: (name, to, key) =>
    `"${name}" is now delegated to ${to}, who gets it in their inbox. Take it back with **delegate back ${key}**.`,
  notDelegated: (key) => `"${key}" is not delegated. Nothing was changed.`,
  notYourDelegation: 'Only the person who delegated, or a coordinator, can take a delegation back.',
  takenBack: (name, owner) => `"${name}" is back with ${owner}.`,
};

export function delegationTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
