import type { WelcomeCardData } from '../cards/welcome-card';
import { greetingTexts } from '../i18n/greeting-texts';
import type { Locale } from '../i18n/locale';

/** The greeting after a personal install. `cardsComing`: an open period is waiting for this person, and its card follows. */
export function welcomeView(locale: Locale, name: string, cardsComing = false): WelcomeCardData {
  const texts = greetingTexts(locale);
  const first = name.split(' ')[0] ?? '';
  return {
    title: texts.title(first),
    body: texts.body,
    hint: cardsComing ? texts.hintCardsComing : texts.hintNothingToDo,
  };
}
