import type { ConversationAddress } from './messenger';
import { channelConversationKey, personalConversationKey, type ConversationRepository } from '../store/conversation-repository';
import type { Person, PeopleRepository, TeamsIdentity } from '../store/people-repository';

export type { Person };

export interface IdentityServiceDeps {
  people: PeopleRepository;
  conversations: ConversationRepository;
  /** UTFALL_COORDINATORS, lower-cased. */
  coordinators: readonly string[];
  now: () => Date;
}

export interface ChannelToRemember {
  conversationId: string;
  /** Null when the activity's serviceUrl is not trusted: nothing is stored, an earlier reference stays. */
  address: ConversationAddress | null;
  teamId: string | null;
  teamName: string | null;
  channelName: string | null;
}

/**
 * Who is writing and where the bot can write back: people linked to their Teams identity, their
 * personal chats and the team channels the bot was added to.
 */
export class IdentityService {
  constructor(private readonly deps: IdentityServiceDeps) {}

  findByAadObjectId(aadObjectId: string): Promise<Person | null> {
    return this.deps.people.findByAadObjectId(aadObjectId);
  }

  findByEmail(email: string): Promise<Person | null> {
    return this.deps.people.findByEmail(email);
  }

  /** Links a Teams identity (seen in the roster) to the plan's person with that e-mail, case-insensitively. */
  link(identity: TeamsIdentity): Promise<Person> {
    return this.deps.people.linkIdentity(identity, this.deps.now());
  }

  isCoordinator(person: Person | null): boolean {
    return person !== null && this.deps.coordinators.includes(person.email.toLowerCase());
  }

  async rememberPersonalChat(aadObjectId: string, conversationId: string, address: ConversationAddress): Promise<void> {
    await this.deps.conversations.save(
      {
        key: personalConversationKey(aadObjectId),
        kind: 'personal',
        conversationId,
        reference: address,
        aadObjectId,
        teamId: null,
        teamName: null,
        channelName: null,
      },
      this.deps.now(),
    );
  }

  async rememberChannel(channel: ChannelToRemember): Promise<void> {
    if (channel.address === null) return;
    await this.deps.conversations.save(
      {
        key: channelConversationKey(channel.conversationId),
        kind: 'channel',
        conversationId: channel.conversationId,
        reference: channel.address,
        aadObjectId: null,
        teamId: channel.teamId,
        teamName: channel.teamName,
        channelName: channel.channelName,
      },
      this.deps.now(),
    );
  }

  markReachable(aadObjectId: string): Promise<void> {
    return this.deps.people.markReachable(aadObjectId, this.deps.now());
  }

  markUnreachable(aadObjectId: string): Promise<void> {
    return this.deps.people.markUnreachable(aadObjectId, this.deps.now());
  }

  /** True the first time only: the greeting is sent once per person. */
  markGreeted(email: string): Promise<boolean> {
    return this.deps.people.markGreeted(email, this.deps.now());
  }
}
