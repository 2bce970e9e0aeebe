import type { Locale } from './locale';

const SV = {
  title: (firstName: string) => (firstName ? `Hej ${firstName}!` : 'Hej!'),
  body: 'Jag är Utfall. När en uppföljningsperiod i verksamhetsplanen öppnar skickar jag ett kort hit med de mål du äger. Där fyller du i utfall, kommentar och bedömning per mätetal, och du kan ändra fram till sista svarsdag.',
  hintCardsComing: 'En period är öppen nu: ditt kort kommer här nedanför. Skriv **hjälp** för att se vad jag kan.',
  hintNothingToDo: 'Du behöver inte göra något nu. Skriv **hjälp** för att se vad jag kan.',
};

const EN: typeof SV = {
  title: (firstName) => (firstName ? `Hi ${firstName}!` : 'Hi!'),
  body: 'I am Utfall. When a follow-up period of the plan opens, I send you one card here with the goals you own. You fill in the outcome, a comment and an assessment per indicator, and can change them until the deadline.',
  hintCardsComing: 'A period is open now: your card comes right below. Write **help** to see what I can do.',
  hintNothingToDo: 'Nothing to do now. Write **help** to see what I can do.',
};

/** The greeting after a personal install (the welcome card). */
export function greetingTexts(locale: Locale): typeof SV {
  return locale === 'en' ? EN : SV;
}
