import template from '../../cards/welcome.json';
import { renderTemplate, type AdaptiveCard } from './render';

export interface WelcomeCardData {
  title: string;
  body: string;
  hint: string;
}

export function buildWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
