import type { WelcomeCardData } from '../cards/welcome-card';
import type { Locale } from './locale';

/** `cardsComing`: an open period is waiting for this person, and its card follows the greeting. */
export function welcomeTexts(locale: Locale, name: string, cardsComing = false): WelcomeCardData {
  const first = name.split(' ')[0] ?? '';
  if (locale === 'en') {
    return {
      title: first ? `Hi ${first}!` : 'Hi!',
      body: 'I am Utfall. When a follow-up period of the plan opens, I send you one card here with the goals you own. You fill in the outcome, a comment and an assessment per indicator, and can change them until the deadline.',
      hint: cardsComing ? 'A period is open now: your card comes right below. Write **help** to see what I can do.' : 'Nothing to do now. Write **help** to see what I can do.',
    };
  }
  return {
    title: first ? `Hej ${first}!` : 'Hej!',
    body: 'Jag är Utfall. När en uppföljningsperiod i verksamhetsplanen öppnar skickar jag ett kort hit med de mål du äger. Där fyller du i utfall, kommentar och bedömning per mätetal, och du kan ändra fram till sista svarsdag.',
    hint: cardsComing ? 'En period är öppen nu: ditt kort kommer här nedanför. Skriv **hjälp** för att se vad jag kan.' : 'Du behöver inte göra något nu. Skriv **hjälp** för att se vad jag kan.',
  };
}
