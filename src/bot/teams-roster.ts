import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { Roster, RosterMember } from '../services/roster';
import { readTurnFacts } from './turn';

/** Teams answers a roster look-up of one member in about 0,3 s; a region has few teams with the bot. */
const MAX_TEAMS = 20;

/**
 * The Roster port on the Bot Framework SDK for one turn: `GET v3/conversations/{id}/members/{upn}`
 * (TeamsInfo.getMember, which takes an e-mail/UPN as well as ids) in the conversation the person
 * writes in when it is a team or group chat, then in each team the bot was added to. A personal
 * chat's roster is only the person and the bot, so it is not asked.
 */
export function turnRoster(context: TurnContext, logger: Logger): Roster {
  return {
    async findByEmail(email, teamIds) {
      const facts = readTurnFacts(context);
      const lookups: Array<() => Promise<TeamsChannelAccount>> = [];
      if (facts.conversationType === 'channel' || facts.conversationType === 'groupChat')
        lookups.push(() => TeamsInfo.getMember(context, email));
      for (const teamId of [...new Set(teamIds)].slice(0, MAX_TEAMS)) lookups.push(() => TeamsInfo.getTeamMember(context, teamId, email));
      for (const lookup of lookups) {
        const member = await lookup().catch((error: unknown) => {
          if (statusOf(error) !== 404) logger.warn({ err: error }, 'roster look-up failed');
          return null;
        });
        const found = member ? memberOf(member) : null;
        if (found) return found;
      }
      return null;
    },
  };
}

function memberOf(member: TeamsChannelAccount): RosterMember | null {
  const email = (member.email ?? member.userPrincipalName ?? '').trim().toLowerCase();
  return email === '' ? null : { email, name: member.name?.trim() || null };
}

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : null;
}
