import template from '../../cards/import-result.json';
import { renderTemplate, type AdaptiveCard } from './render';

export interface ImportResultCardData {
  ok: boolean;
  title: string;
  subtitle: string;
  /** One fact per kind of entity: "Mätetal" → "15 nya, 2 ändrade, 40 oförändrade". */
  counts: { label: string; value: string }[];
  /** One line per problem, located ("rad 14, kolumn målvärde: …"). */
  problems: { line: string }[];
  footer: string;
}

export function buildImportResultCard(data: ImportResultCardData): AdaptiveCard {
  return renderTemplate(template, data);
}
