import template from '../../cards/goal-form.json';
import { toExecuteActions, toPager } from './action-json';
import type { GoalFormCardData } from './collect-card-data';
import { renderTemplate, type AdaptiveCard } from './render';

/**
 * One goal's form. Inputs are named `<indicatorKey>.outcome|.na|.comment|.assessment` and
 * `<goalKey>.assessment|.analysis`; rows that are not editable (or a read-only form) show their
 * summary instead. The card grows by roughly the length of each row's texts, so the caller pages
 * long forms through `pager`.
 */
export function buildGoalFormCard(data: GoalFormCardData): AdaptiveCard {
  const save = data.save === null ? null : { ...data.save, style: data.save.style ?? 'positive' };
  return renderTemplate(template, {
    title: data.title,
    subtitle: data.subtitle,
    notice: data.notice,
    readOnly: data.readOnly,
    indicators: data.indicators,
    goal: data.goal,
    assessmentChoices: data.assessmentChoices,
    labels: data.labels,
    actions: toExecuteActions([save, data.back]),
    pager: toPager(data.pager),
  });
}
