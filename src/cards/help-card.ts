import template from '../../cards/help.json';
import type { CommandHelp } from '../i18n/help-texts';
import { renderTemplate, type AdaptiveCard } from './render';

export interface HelpCardData {
  /** A line shown above the help, e.g. "I did not understand … Did you mean …?"; '' for none. */
  notice: string;
  title: string;
  intro: string;
  sections: { heading: string; commands: CommandHelp[] }[];
}

export function buildHelpCard(data: HelpCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
