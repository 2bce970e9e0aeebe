import type { Locale } from './locale';

const SV = {
  cardTitle: (label: string) => `Rapport – ${label}`,
  draft: 'Utkast: perioden pågår, svaren kan fortfarande ändras',
  final: 'Slutlig: perioden är stängd',
  factUnits: 'Enheter',
  factResponse: 'Svarsfrekvens',
  factStatus: 'Status',
  factLinks: 'Länkarna gäller till',
  word: 'Word (DOCX)',
  excel: 'Excel (XLSX)',
  web: 'Webbsida',
  intro: 'Sammanställd måluppfyllelse: sammanfattning, varje mål med sina mätetal, trender och en mätbarhetsanalys.',
  noReport: (code: string | null) =>
    code
      ? `Jag hittar ingen period ”${code}” att göra en rapport för.`
      : 'Det finns ingen pågående eller avslutad period att göra en rapport för.',
  onlyWho: 'Rapporten kan samordnare och enhetschefer be om här i chatten, och alla i en kopplad ledningskanal med **@Utfall rapport**.',
  consentDescription: (label: string) => `Sammanställd måluppfyllelse, ${label}`,
  fileSent: (name: string) => `Här är ${name}.`,
  declined: 'Okej, jag laddar inte upp filen. Webbsidan finns kvar i rapportkortet.',
  consentAsked: 'Godkänn uppladdningen i kortet nedan, så lägger jag filen här i chatten.',
  uploadFailed: 'Filen kunde inte laddas upp just nu. Försök igen, eller öppna webbsidan i rapportkortet.',
  linkExpired: 'Den här länken har gått ut',
  linkExpiredBody: 'Rapportlänkar gäller en begränsad tid. Skriv **rapport** till Utfall i Teams för att få en ny länk.',
  linkInvalid: 'Länken är inte giltig',
  linkInvalidBody:
    'Länken är ändrad eller ofullständig. Kopiera hela länken från rapportkortet i Teams, eller skriv **rapport** till Utfall för att få en ny.',
  notFound: 'Rapporten finns inte längre',
  notFoundBody: 'Perioden eller enheterna som länken gällde finns inte i Utfall längre.',
};

const EN: typeof SV = {
  cardTitle: (label) => `Report – ${label}`,
  draft: 'Draft: the period is open, answers can still change',
  final: 'Final: the period is closed',
  factUnits: 'Units',
  factResponse: 'Response rate',
  factStatus: 'Status',
  factLinks: 'Links valid until',
  word: 'Word (DOCX)',
  excel: 'Excel (XLSX)',
  web: 'Web page',
  intro: 'Compiled goal fulfilment: summary, every goal with its indicators, trends and a measurability analysis.',
  noReport: (code) => (code ? `I find no period "${code}" to report on.` : 'There is no open or finished period to report on.'),
  onlyWho:
    'Coordinators and unit managers can ask for the report here in the chat, and anyone in a linked management channel with **@Utfall report**.',
  consentDescription: (label) => `Compiled goal fulfilment, ${label}`,
  fileSent: (name) => `Here is ${name}.`,
  declined: 'All right, I will not upload the file. The web page is still in the report card.',
  consentAsked: 'Accept the upload in the card below and I will put the file here in the chat.',
  uploadFailed: 'The file could not be uploaded just now. Try again, or open the web page in the report card.',
  linkExpired: 'This link has expired',
  linkExpiredBody: 'Report links are valid for a limited time. Write **report** to Utfall in Teams to get a new link.',
  linkInvalid: 'The link is not valid',
  linkInvalidBody:
    'The link has been changed or is incomplete. Copy the whole link from the report card in Teams, or write **report** to Utfall for a new one.',
  notFound: 'The report no longer exists',
  notFoundBody: 'The period or units the link was for are no longer in Utfall.',
};

export function reportDeliveryTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
