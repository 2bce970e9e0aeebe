import type { Db } from 'mongodb';
import { Claims, upsertWithRetry } from './claims';
import { COLLECTIONS } from './indexes';

/** A person as the product knows them: the e-mail/UPN from the plan, and their Teams identity once seen. */
export interface Person {
  email: string;
  aadObjectId: string | null;
  tenantId: string | null;
  /** The Teams user id (29:…), needed to open a personal chat proactively. */
  userId: string | null;
  name: string | null;
  locale: string | null;
  /** False once they uninstalled or blocked the bot; prompts are then reported, not sent. */
  reachable: boolean;
}

interface PersonDocument {
  _id: string;
  email: string;
  aadObjectId?: string;
  tenantId?: string;
  userId?: string;
  name?: string;
  locale?: string;
  reachable?: boolean;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface TeamsIdentity {
  email: string;
  aadObjectId: string;
  tenantId: string | null;
  userId: string | null;
  name: string | null;
  locale: string | null;
}

export class PeopleRepository {
  constructor(private readonly db: Db) {}

  private get people() {
    return this.db.collection<PersonDocument>(COLLECTIONS.people);
  }

  /** Entra object id → e-mail, kept under _id so that the lookup on every turn is an _id lookup. */
  private get identities() {
    return this.db.collection<{ _id: string; email: string }>(COLLECTIONS.identities);
  }

  async findByAadObjectId(aadObjectId: string): Promise<Person | null> {
    const identity = await this.identities.findOne({ _id: aadObjectId });
    if (!identity) return null;
    const document = await this.people.findOne({ _id: identity.email });
    return document && document.aadObjectId === aadObjectId ? toPerson(document) : null;
  }

  async findByEmail(email: string): Promise<Person | null> {
    const document = await this.people.findOne({ _id: email.toLowerCase() });
    return document ? toPerson(document) : null;
  }

  async findByEmails(emails: readonly string[]): Promise<Person[]> {
    const documents = await this.people.find({ _id: { $in: emails.map((email) => email.toLowerCase()) } }).toArray();
    return documents.map(toPerson);
  }

  /** People whose address or name contains `text` (case-insensitively), by address. */
  async search(text: string, limit: number): Promise<Person[]> {
    const pattern = { $regex: text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), $options: 'i' };
    const documents = await this.people
      .find({ $or: [{ _id: pattern }, { name: pattern }] })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return documents.map(toPerson);
  }

  /** Links a Teams identity to the person with that e-mail (created if the plan has not named them yet). */
  async linkIdentity(identity: TeamsIdentity, now: Date): Promise<Person> {
    const email = identity.email.toLowerCase();
    const set: Partial<PersonDocument> = { email, aadObjectId: identity.aadObjectId, reachable: true, updatedAt: now };
    if (identity.tenantId) set.tenantId = identity.tenantId;
    if (identity.userId) set.userId = identity.userId;
    if (identity.name) set.name = identity.name;
    if (identity.locale) set.locale = identity.locale;
    const document = await upsertWithRetry(() =>
      this.people.findOneAndUpdate(
        { _id: email },
        { $set: set, $setOnInsert: { createdAt: now } },
        { upsert: true, returnDocument: 'after' },
      ),
    );
    if (!document) throw new Error(`linkIdentity: no document returned for ${email}`);
    await upsertWithRetry(() => this.identities.updateOne({ _id: identity.aadObjectId }, { $set: { email } }, { upsert: true }));
    return toPerson(document);
  }

  /**
   * Keeps a colleague found in the Teams roster (a delegation to someone not in the plan who has not
   * installed Utfall), so that they are known by name later. Never changes a known person.
   */
  async recordSeen(email: string, name: string | null, now: Date): Promise<Person> {
    const id = email.toLowerCase();
    const insert: Partial<PersonDocument> = { email: id, createdAt: now, updatedAt: now };
    if (name) insert.name = name;
    const document = await upsertWithRetry(() =>
      this.people.findOneAndUpdate({ _id: id }, { $setOnInsert: insert }, { upsert: true, returnDocument: 'after' }),
    );
    if (!document) throw new Error(`recordSeen: no document returned for ${id}`);
    return toPerson(document);
  }

  /** True the first time only, so that a person is greeted once however often they reinstall. */
  async markGreeted(email: string, now: Date): Promise<boolean> {
    // Teams sends installationUpdate and conversationUpdate together: only one of them may greet.
    return new Claims(this.db).claim(`greeting:${email.toLowerCase()}`, 'people', now);
  }

  async markUnreachable(aadObjectId: string, now: Date): Promise<void> {
    await this.setReachable(aadObjectId, false, now);
  }

  async markReachable(aadObjectId: string, now: Date): Promise<void> {
    await this.setReachable(aadObjectId, true, now);
  }

  private async setReachable(aadObjectId: string, reachable: boolean, now: Date): Promise<void> {
    const identity = await this.identities.findOne({ _id: aadObjectId });
    if (identity) await this.people.updateOne({ _id: identity.email, aadObjectId }, { $set: { reachable, updatedAt: now } });
  }
}

function toPerson(document: PersonDocument): Person {
  return {
    email: document.email ?? document._id,
    aadObjectId: document.aadObjectId ?? null,
    tenantId: document.tenantId ?? null,
    userId: document.userId ?? null,
    name: document.name ?? null,
    locale: document.locale ?? null,
    reachable: document.reachable ?? false,
  };
}
