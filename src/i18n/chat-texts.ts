import type { Locale } from './locale';

const SV = {
  onlyCoordinators: (what: string) =>
    `Bara samordnare kan ${what}. Samordnare anges av administratören (UTFALL_COORDINATORS). Hör av dig till din controller eller verksamhetsutvecklare.`,
  importWhat: 'importera planer',
  unknownPerson: 'Jag kunde inte se vem du är i Teams. Försök igen om en stund.',
  nothingToAnswer: 'Du har inget att svara på just nu.',
  somethingWentWrong: 'Något gick fel hos mig. Försök igen om en stund.',
  attachFile: 'Bifoga planen (JSON, XLSX eller CSV) i samma meddelande som ordet **importera**.',
  onlyPersonal: 'Det här gör du i chatten med mig, inte i en kanal.',
  fileTooLarge: (max: string) => `Filen är för stor. Största tillåtna storlek är ${max}.`,
  downloadFailed: 'Jag kunde inte hämta filen från Teams. Försök att bifoga den igen.',
};

const EN: typeof SV = {
  onlyCoordinators: (what) =>
    `Only coordinators can ${what}. Coordinators are set by the administrator (UTFALL_COORDINATORS). Ask your controller.`,
  importWhat: 'import plans',
  unknownPerson: 'I could not see who you are in Teams. Please try again in a moment.',
  nothingToAnswer: 'You have nothing to answer right now.',
  somethingWentWrong: 'Sorry, something went wrong on my side. Please try again in a moment.',
  attachFile: 'Attach the plan (JSON, XLSX or CSV) to the same message as the word **import**.',
  onlyPersonal: 'Do this in your chat with me, not in a channel.',
  fileTooLarge: (max) => `The file is too large. The largest allowed size is ${max}.`,
  downloadFailed: 'I could not fetch the file from Teams. Please attach it again.',
};

export function chatTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
