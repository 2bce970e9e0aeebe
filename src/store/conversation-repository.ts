import type { Db } from 'mongodb';
import { upsertWithRetry } from './claims';
import { COLLECTIONS } from './indexes';

/**
 * Where the bot can write later without being spoken to: a person's personal chat or a channel.
 * The reference itself is opaque JSON here (the bot layer owns its shape), so the store does not
 * depend on the Bot Framework SDK.
 */
export interface StoredConversation {
  key: string;
  kind: 'personal' | 'channel';
  conversationId: string;
  reference: Record<string, unknown>;
  aadObjectId: string | null;
  teamId: string | null;
  teamName: string | null;
  channelName: string | null;
}

interface ConversationDocument {
  _id: string;
  kind: 'personal' | 'channel';
  conversationId: string;
  reference: Record<string, unknown>;
  aadObjectId?: string | null;
  teamId?: string | null;
  teamName?: string | null;
  channelName?: string | null;
  createdAt?: Date;
  updatedAt?: Date;
}

export function personalConversationKey(aadObjectId: string): string {
  return `personal:${aadObjectId}`;
}

export function channelConversationKey(conversationId: string): string {
  return `channel:${conversationId}`;
}

export class ConversationRepository {
  constructor(private readonly db: Db) {}

  private get conversations() {
    return this.db.collection<ConversationDocument>(COLLECTIONS.conversations);
  }

  async save(conversation: StoredConversation, now: Date): Promise<void> {
    const { key, ...fields } = conversation;
    // Teams sends installationUpdate and conversationUpdate together: two upserts of a new _id race,
    // and the loser gets E11000. Once the winner's document exists, the update goes through.
    await upsertWithRetry(() =>
      this.conversations.updateOne(
        { _id: key },
        { $set: { ...fields, updatedAt: now }, $setOnInsert: { createdAt: now } },
        { upsert: true },
      ),
    );
  }

  async find(key: string): Promise<StoredConversation | null> {
    const document = await this.conversations.findOne({ _id: key });
    return document ? toConversation(document) : null;
  }

  /** The teams the bot was added to (from their channels), for roster look-ups. */
  async teamIds(): Promise<string[]> {
    const documents = await this.conversations
      .find({ kind: 'channel', teamId: { $type: 'string' } }, { projection: { teamId: 1 } })
      .toArray();
    return [...new Set(documents.map((document) => document.teamId!))];
  }

  async findPersonalFor(aadObjectIds: readonly string[]): Promise<Map<string, StoredConversation>> {
    const documents = await this.conversations.find({ _id: { $in: aadObjectIds.map(personalConversationKey) } }).toArray();
    return new Map(documents.map((document) => [document.aadObjectId ?? '', toConversation(document)]));
  }
}

function toConversation(document: ConversationDocument): StoredConversation {
  return {
    key: document._id,
    kind: document.kind,
    conversationId: document.conversationId,
    reference: document.reference,
    aadObjectId: document.aadObjectId ?? null,
    teamId: document.teamId ?? null,
    teamName: document.teamName ?? null,
    channelName: document.channelName ?? null,
  };
}
