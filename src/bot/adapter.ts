import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';
import type { Logger } from '../logger';

/** turnState key of the locale Teams sent, before UTFALL_LANGUAGE replaced it. */
export const TEAMS_LOCALE = Symbol('teamsLocale');

/**
 * With no BOT_ID the adapter runs in local no-auth mode (Emulator, Agents Playground, tests);
 * with one, every request must carry a valid Bot Framework JWT or it is answered 401.
 */
export function createAdapter(config: Config, logger: Logger): TeamsAdapter {
  const settings = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
  };
  const adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
  const forced = config.language;
  if (forced !== 'auto') {
    // One language for everyone: the turn carries it from here on, and identity stores it as the person's.
    adapter.use(async (context, next) => {
      // The person's own Teams locale is kept for their record (identity), in case the setting changes.
      context.turnState.set(TEAMS_LOCALE, context.activity.locale);
      context.activity.locale = forced === 'sv' ? 'sv-SE' : 'en-US';
      await next();
    });
  }
  adapter.onTurnError = async (context, error) => {
    logger.error(
      { err: error, conversationId: context.activity.conversation?.id, activityId: context.activity.id },
      'unhandled error in turn',
    );
    // Invokes get their answer in the HTTP response; a chat message would be noise there.
    if (context.activity.type === 'message') {
      const english = /^en/i.test(context.activity.locale ?? '');
      await context
        .sendActivity(
          english
            ? 'Sorry, something went wrong on my side. Please try again in a moment.'
            : 'Något gick fel hos mig. Försök igen om en stund.',
        )
        .catch(() => undefined);
    }
  };
  return adapter;
}
