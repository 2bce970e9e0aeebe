import { ConfigurationServiceClientCredentialFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { ConnectorFactory } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';
import { chatTexts } from '../i18n/chat-texts';
import { resolveLocale } from '../i18n/locale';
import type { Logger } from '../logger';
import { sendGuard } from './send-guard';
import { boundConnectorCalls } from './connector-budget';

/** turnState key of the locale Teams sent, before UTFALL_LANGUAGE replaced it. */
export const TEAMS_LOCALE = Symbol('teamsLocale');

/** turnState key of the origin (https://host) this request reached the service at, for links back to it. */
export const REQUEST_ORIGIN = Symbol('requestOrigin');

export type AuthenticatedTurn =
  { kind: 'unauthorized'; reason: string } | { kind: 'processed'; invokeResponse: InvokeResponse | undefined };

/**
 * The Teams adapter with authentication split from processing, so the HTTP edge decides what a
 * failed validation looks like. botbuilder's own `process` answers 500 with the internal error text
 * when its signing keys cannot be fetched; here every failure to authenticate is one outcome,
 * `unauthorized`, and the edge answers 401 with a neutral body.
 */
export class UtfallAdapter extends TeamsAdapter {
  async authenticateAndProcess(
    body: Record<string, unknown>,
    authorization: string,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<AuthenticatedTurn> {
    const activity = withDates(body);
    let authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    } catch (error) {
      return { kind: 'unauthorized', reason: error instanceof Error ? error.message : String(error) };
    }
    const bounded = { ...authenticated, connectorFactory: this.bounded(authenticated.connectorFactory) };
    return { kind: 'processed', invokeResponse: await this.processActivity(bounded, activity, logic) };
  }

  private connectorBudget: { totalMs: number; unbounded: () => void } | null = null;

  /**
   * Every Bot Connector client this adapter makes (a turn's replies and roster look-ups, proactive
   * sends) gets a time budget: see boundConnectorCalls. `unbounded` is told if a client could not be bounded.
   */
  boundConnectorCalls(totalMs: number, unbounded: () => void): void {
    this.connectorBudget = { totalMs, unbounded };
    const authentication = this.botFrameworkAuthentication;
    const createFactory = authentication.createConnectorFactory.bind(authentication);
    authentication.createConnectorFactory = (identity) => this.bounded(createFactory(identity));
  }

  private bounded<F extends ConnectorFactory | undefined>(factory: F): F | ConnectorFactory {
    const budget = this.connectorBudget;
    if (!budget || !factory) return factory;
    return {
      create: async (serviceUrl: string, audience?: string) => {
        const client = await factory.create(serviceUrl, audience);
        if (!boundConnectorCalls(client, budget.totalMs)) budget.unbounded();
        return client;
      },
    };
  }
}

/** What botbuilder's own request parsing does to an activity: ISO strings to Dates, raw strings kept. */
function withDates(body: Record<string, unknown>): Activity {
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  // The HTTP edge has checked the envelope (type, from, conversation) with zod; this is the SDK's type.
  return activity as unknown as Activity;
}

/**
 * botbuilder's public-cloud endpoints (AuthenticationConstants in botframework-connector). Once any
 * one of them is given, botbuilder expects all of them, so overriding where the signing keys are
 * published (BOT_OPENID_METADATA_URL) restates the rest with their defaults.
 */
export const PUBLIC_CLOUD = {
  ValidateAuthority: true,
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
} as const;

function openIdSettings(
  config: Config,
): Partial<{ -readonly [K in keyof typeof PUBLIC_CLOUD]: (typeof PUBLIC_CLOUD)[K] extends boolean ? boolean : string }> {
  const { openIdMetadataUrl, emulatorOpenIdMetadataUrl } = config.bot;
  if (!openIdMetadataUrl && !emulatorOpenIdMetadataUrl) return {};
  return {
    ...PUBLIC_CLOUD,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: emulatorOpenIdMetadataUrl ?? PUBLIC_CLOUD.ToBotFromEmulatorOpenIdMetadataUrl,
  };
}

/**
 * With no BOT_ID the adapter runs in local no-auth mode (Emulator, Agents Playground, tests);
 * with one, every request must carry a valid Bot Framework JWT or it is answered 401.
 */
export function createAdapter(config: Config, logger: Logger): UtfallAdapter {
  const settings = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
    ...openIdSettings(config),
  };
  const adapter = new UtfallAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
  adapter.boundConnectorCalls(config.connectorTimeoutMs, () =>
    logger.warn('could not bound the time of calls to Teams (botframework-connector changed?); they go out without a time limit'),
  );
  adapter.use(sendGuard(logger));
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
      await context.sendActivity(chatTexts(resolveLocale(context.activity.locale)).somethingWentWrong).catch(() => undefined);
    }
  };
  return adapter;
}
