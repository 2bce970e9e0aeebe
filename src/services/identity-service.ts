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
  /** How long a person found by Entra object id is answered from memory (0: always read). */
  identityCacheMs?: number;
}

/** An instance keeps this many people in memory at most (a region's owners, with room). */
const MAX_CACHED_PEOPLE = 20_000;

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
  /**
   * Who an Entra object id is, as last read by this instance. Every card click starts here, and the
   * link (object id → e-mail) never changes once made; what can change (name, Teams user id, reach)
   * is renewed by this instance at once and read again from the database after `identityCacheMs`, so
   * another instance's change shows within that time. Only found people are kept.
   */
  private readonly known = new Map<string, { person: Person; until: number }>();

  constructor(private readonly deps: IdentityServiceDeps) {}

  async findByAadObjectId(aadObjectId: string): Promise<Person | null> {
    const cached = this.known.get(aadObjectId);
    // Wall-clock time, not the injected clock: freshness is about real seconds.
    const now = Date.now();
    if (cached && cached.until > now) return cached.person;
    const person = await this.deps.people.findByAadObjectId(aadObjectId);
    if (person) this.remember(aadObjectId, person, now);
    else this.known.delete(aadObjectId);
    return person;
  }

  private remember(aadObjectId: string, person: Person, now: number): void {
    const ttl = this.deps.identityCacheMs ?? 0;
    if (ttl <= 0) return;
    this.known.delete(aadObjectId);
    if (this.known.size >= MAX_CACHED_PEOPLE) this.known.delete(this.known.keys().next().value ?? '');
    this.known.set(aadObjectId, { person, until: now + ttl });
  }

  findByEmail(email: string): Promise<Person | null> {
    return this.deps.people.findByEmail(email);
  }

  /** Links a Teams identity (seen in the roster) to the plan's person with that e-mail, case-insensitively. */
  async link(identity: TeamsIdentity): Promise<Person> {
    const person = await this.deps.people.linkIdentity(identity, this.deps.now());
    this.remember(identity.aadObjectId, person, Date.now());
    return person;
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
    this.known.delete(aadObjectId);
    return this.deps.people.markReachable(aadObjectId, this.deps.now());
  }

  markUnreachable(aadObjectId: string): Promise<void> {
    this.known.delete(aadObjectId);
    return this.deps.people.markUnreachable(aadObjectId, this.deps.now());
  }

  /** True the first time only: the greeting is sent once per person. */
  markGreeted(email: string): Promise<boolean> {
    return this.deps.people.markGreeted(email, this.deps.now());
  }
}
