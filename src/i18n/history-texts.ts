import type { Locale } from './locale';

const SV = {
  title: (key: string) => `Historik för ${key}`,
  subject: { indicator: 'Mätetal', goal: 'Mål' },
  empty: 'Inga ändringar är sparade ännu.',
  usage: 'Skriv så här: **historik <nyckel>**, till exempel historik NB-P1-G1-I1.',
  noSuchSubject: (key: string) => `Jag hittar inget mätetal eller mål med nyckeln ”${key}”.`,
  what: 'se historiken',
  version: (period: string, version: number) => `${period}, version ${version}`,
  fields: { outcome: 'Utfall', comment: 'Kommentar', assessment: 'Bedömning', analysis: 'Analys' } satisfies Record<
    'outcome' | 'comment' | 'assessment' | 'analysis',
    string
  >,
  emptyValue: '(tomt)',
  unchanged: 'Sparat utan ändrade värden',
  delegated: (from: string, to: string) => `Delegerat från ${from} till ${to}`,
  delegationEnded: (from: string, to: string) => `Tillbaka till ${from} (var delegerat till ${to})`,
  capped: (shown: number, total: number) => `Visar de ${shown} senaste av ${total} ändringar.`,
};

const EN: typeof SV = {
  title: (key) => `History of ${key}`,
  subject: { indicator: 'Indicator', goal: 'Goal' },
  empty: 'No changes are saved yet.',
  usage: 'Write it like this: **history <key>**, for example history NB-P1-G1-I1.',
  noSuchSubject: (key) => `I cannot find an indicator or goal with the key “${key}”.`,
  what: 'see the history',
  version: (period, version) => `${period}, version ${version}`,
  fields: { outcome: 'Outcome', comment: 'Comment', assessment: 'Assessment', analysis: 'Analysis' },
  emptyValue: '(empty)',
  unchanged: 'Saved without changed values',
  delegated: (from, to) => `Delegated from ${from} to ${to}`,
  delegationEnded: (from, to) => `Back to ${from} (was delegated to ${to})`,
  capped: (shown, total) => `Showing the ${shown} latest of ${total} changes.`,
};

export function historyTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
