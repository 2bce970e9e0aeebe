import { BSON, type Db, type Document } from 'mongodb';
import { personalConversationKey } from './conversation-repository';
import type { KeyedDocument } from './entity-sync';
import { HistoryRepository } from './history-repository';
import { COLLECTIONS } from './indexes';

/** Everything stored about one person, per collection, as stored. */
export type PersonalData = Record<string, Document[]>;

export interface Erasure {
  /** The person's document lost its Teams ids, name and locale (it stays: plans name them by e-mail). */
  person: boolean;
  identities: number;
  conversations: number;
  pendingJobs: number;
  claims: number;
}

/**
 * A person's data for `person export` and `person erase` (GDPR access and erasure). Erasure removes
 * what only serves to reach them in Teams; answers, history, delegations and plans are official
 * records (arkivlagen) and stay, with the name saved in them.
 */
export class PersonalDataRepository {
  constructor(private readonly db: Db) {}

  async export(address: string): Promise<PersonalData> {
    const email = address.toLowerCase();
    const person = await this.db.collection<KeyedDocument>(COLLECTIONS.people).findOne({ _id: email });
    const identities = await this.db.collection<KeyedDocument>(COLLECTIONS.identities).find({ email }).toArray();
    const aadIds = this.aadIdsOf(person, identities);
    return {
      people: person ? [person] : [],
      identities,
      conversations: await this.db
        .collection<KeyedDocument>(COLLECTIONS.conversations)
        .find({ $or: [{ _id: { $in: aadIds.map(personalConversationKey) } }, { aadObjectId: { $in: aadIds } }] })
        .toArray(),
      delegations: await this.db
        .collection<KeyedDocument>(COLLECTIONS.delegations)
        .find({ $or: [{ from: email }, { to: email }, { by: email }] })
        .toArray(),
      responses: await this.db.collection<KeyedDocument>(COLLECTIONS.responses).find({ author: email }).toArray(),
      goalResponses: await this.db.collection<KeyedDocument>(COLLECTIONS.goalResponses).find({ author: email }).toArray(),
      history: await new HistoryRepository(this.db).naming(email),
      jobs: await this.db.collection<KeyedDocument>(COLLECTIONS.jobs).find({ 'payload.email': email }).toArray(),
      claims: await this.db
        .collection<KeyedDocument>(COLLECTIONS.claims)
        .find({ _id: `greeting:${email}` })
        .toArray(),
      channelLinks: await this.db.collection<KeyedDocument>(COLLECTIONS.channelLinks).find({ linkedBy: email }).toArray(),
      openings: await this.db.collection<KeyedDocument>(COLLECTIONS.openings).find({ by: email }).toArray(),
      units: await this.db.collection<KeyedDocument>(COLLECTIONS.units).find({ manager: email }).toArray(),
      goals: await this.db.collection<KeyedDocument>(COLLECTIONS.goals).find({ owners: email }).toArray(),
      indicators: await this.db.collection<KeyedDocument>(COLLECTIONS.indicators).find({ owner: email }).toArray(),
    };
  }

  /** Removes the person's Teams ids, identity links, personal conversation references, pending jobs to them and their greeting. */
  async erase(address: string, now: Date): Promise<Erasure> {
    const email = address.toLowerCase();
    const people = this.db.collection<KeyedDocument>(COLLECTIONS.people);
    const identities = this.db.collection<KeyedDocument>(COLLECTIONS.identities);
    const person = await people.findOne({ _id: email });
    const aadIds = this.aadIdsOf(person, await identities.find({ email }).toArray());
    const updated = await people.updateOne(
      { _id: email },
      {
        $unset: { aadObjectId: '', tenantId: '', userId: '', name: '', locale: '' },
        $set: { reachable: false, erasedAt: now, updatedAt: now },
      },
    );
    const conversations = await this.db
      .collection<KeyedDocument>(COLLECTIONS.conversations)
      .deleteMany({ $or: [{ _id: { $in: aadIds.map(personalConversationKey) } }, { aadObjectId: { $in: aadIds } }] });
    const links = await identities.deleteMany({ $or: [{ email }, { _id: { $in: aadIds } }] });
    const jobs = await this.db.collection<KeyedDocument>(COLLECTIONS.jobs).deleteMany({ 'payload.email': email, state: 'pending' });
    const claims = await this.db.collection<KeyedDocument>(COLLECTIONS.claims).deleteMany({ _id: `greeting:${email}` });
    return {
      person: updated.matchedCount > 0,
      identities: links.deletedCount,
      conversations: conversations.deletedCount,
      pendingJobs: jobs.deletedCount,
      claims: claims.deletedCount,
    };
  }

  private aadIdsOf(person: Document | null, identities: readonly Document[]): string[] {
    const ids = identities.map((identity) => String(identity._id));
    if (typeof person?.aadObjectId === 'string') ids.push(person.aadObjectId);
    return [...new Set(ids)];
  }
}

/** As readable JSON: dates as ISO strings in `{"$date": …}`, other BSON types in Extended JSON. */
export function personalDataJson(data: PersonalData): string {
  return BSON.EJSON.stringify(data, undefined, 2, { relaxed: true });
}
