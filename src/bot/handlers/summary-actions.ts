import type { TurnContext } from 'botbuilder';
import type { SummaryViewData } from '../../cards/actions';
import type { AdaptiveCard } from '../../cards/render';
import type { Locale } from '../../i18n/locale';
import { summaryTexts } from '../../i18n/summary-texts';
import type { LoadedSummary } from '../../services/summary-service';
import { messageCard } from '../../views/collect-cards';
import { peopleShown } from '../../views/summary-detail-view';
import {
  goalDetailCard,
  missingOwnersCard,
  perspectiveCard,
  redGoalsCard,
  summaryCard,
  type SummaryViewOptions,
} from '../../views/summary-view';
import type { BotDeps } from '../deps';
import { resolveSender } from '../identity';
import { channelIdOf } from '../turn';

export type SummaryView = 'summary' | 'perspective' | 'goal' | 'missing' | 'red';

/**
 * A drill-down from a summary card (read-only). In a channel, anyone sees what the channel follows,
 * taken from its links and never from the payload; in personal chat only coordinators, for the units
 * the card was made for. Teams shows the returned card to the person who clicked only, so "Påminn"
 * is offered on the missing list to coordinators alone (and checked again when clicked).
 */
export async function showSummaryView(
  context: TurnContext,
  deps: BotDeps,
  view: SummaryView,
  data: SummaryViewData,
  locale: Locale,
): Promise<AdaptiveCard> {
  const texts = summaryTexts(locale);
  const channel = channelIdOf(context);
  let units: string[];
  let coordinator = false;
  if (channel) {
    units = await deps.channels.linkedUnits(channel);
    // Only the missing list needs to know who clicked (for "Påminn"); other views skip the lookup.
    if (view === 'missing') coordinator = deps.identity.isCoordinator(await resolveSender(context, deps));
  } else {
    const person = await resolveSender(context, deps);
    units = data.units ?? [];
    coordinator = deps.identity.isCoordinator(person);
    const allowed = coordinator || (person !== null && (await deps.channels.withinManaged(person.email, units)));
    if (!allowed) return messageCard(texts.back, texts.notFound, 'Attention');
  }
  const loaded = units.length > 0 ? await deps.summaries.load(units, { code: data.code, year: data.year }) : null;
  if (!loaded) return messageCard(texts.back, texts.notFound, 'Default');
  const names = view === 'missing' || view === 'goal' ? await deps.summaries.namesOf(peopleShown(loaded, view, data)) : undefined;
  const options: SummaryViewOptions = {
    locale,
    timezone: deps.config.timezone,
    now: deps.now(),
    ...(channel ? {} : { payloadUnits: units }),
    ...(data.snapshot ? { snapshot: true } : {}),
    ...(names ? { names } : {}),
    canRemind: coordinator,
  };
  return render(view, loaded, data, options);
}

function render(view: SummaryView, loaded: LoadedSummary, data: SummaryViewData, options: SummaryViewOptions): AdaptiveCard {
  const page = data.page ?? 0;
  switch (view) {
    case 'perspective':
      return perspectiveCard(loaded, data.perspective ?? '', page, options);
    case 'goal':
      return goalDetailCard(loaded, data.goal ?? '', page, options);
    case 'missing':
      return missingOwnersCard(loaded, page, options);
    case 'red':
      return redGoalsCard(loaded, page, options);
    case 'summary':
      return summaryCard(loaded, { ...options, final: loaded.state === 'closed' }).card;
  }
}
