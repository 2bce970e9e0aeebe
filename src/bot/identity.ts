import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Person } from '../services/identity-service';
import { TEAMS_LOCALE } from './adapter';
import { mayStoreReference, storableReference } from './conversation-reference';
import type { BotDeps } from './deps';
import { readTurnFacts } from './turn';

/**
 * Who is writing, as a person of the plan. Known Entra object ids are answered from the database;
 * a new one is looked up once in the Teams roster (e-mail, else UPN) and linked case-insensitively
 * to the plan's owners. Returns null when Teams does not say who it is.
 */
export async function resolveSender(context: TurnContext, deps: BotDeps): Promise<Person | null> {
  const facts = readTurnFacts(context);
  if (facts.aadObjectId === null) return null;
  const known = await deps.identity.findByAadObjectId(facts.aadObjectId);
  if (known) return known;
  try {
    const member = await TeamsInfo.getMember(context, facts.userId ?? facts.aadObjectId);
    const email = (member.email ?? member.userPrincipalName ?? '').trim().toLowerCase();
    if (email === '') return null;
    return await deps.identity.link({
      email,
      aadObjectId: facts.aadObjectId,
      tenantId: facts.tenantId ?? member.tenantId ?? null,
      userId: facts.userId,
      name: member.name ?? facts.userName,
      locale: (context.turnState.get(TEAMS_LOCALE) as string | undefined) ?? context.activity.locale ?? null,
    });
  } catch (error) {
    deps.logger.warn({ err: error, activityId: context.activity.id }, 'could not resolve the sender in the Teams roster');
    return null;
  }
}

/** Stores the personal chat's conversation reference so that the bot can write first later. */
export async function rememberPersonalConversation(context: TurnContext, deps: BotDeps): Promise<void> {
  const facts = readTurnFacts(context);
  if (facts.aadObjectId === null || facts.conversationType !== 'personal') return;
  if (!mayStoreReference(context.activity, deps.config)) {
    deps.logger.warn(
      { serviceUrl: String(context.activity.serviceUrl).slice(0, 200), activityId: context.activity.id },
      'kept no conversation reference: the serviceUrl is not on SERVICE_URL_ALLOWLIST',
    );
    return;
  }
  await deps.identity.rememberPersonalChat(facts.aadObjectId, facts.conversationId, storableReference(context.activity));
}
