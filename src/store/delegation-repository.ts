import type { Db } from 'mongodb';
import type { Delegation } from '../domain/delegation';
import { COLLECTIONS } from './indexes';
import { HistoryRepository } from './history-repository';

interface DelegationDocument extends Delegation {
  _id: string;
}

/** Current delegations (one per indicator or goal) and their append-only history. */
export class DelegationRepository {
  constructor(private readonly db: Db) {}

  private get delegations() {
    return this.db.collection<DelegationDocument>(COLLECTIONS.delegations);
  }

  async find(subject: string): Promise<Delegation | null> {
    const document = await this.delegations.findOne({ _id: subject });
    return document ? strip(document) : null;
  }

  async listForPlan(plan: string): Promise<Delegation[]> {
    return (await this.delegations.find({ plan }).toArray()).map(strip);
  }

  async listForPlans(plans: readonly string[]): Promise<Delegation[]> {
    if (plans.length === 0) return [];
    return (await this.delegations.find({ plan: { $in: [...plans] } }).toArray()).map(strip);
  }

  async listFrom(email: string): Promise<Delegation[]> {
    return (await this.delegations.find({ from: email }).toArray()).map(strip);
  }

  /** Sets (or replaces) the delegation of a subject and records the change in history. */
  async set(delegation: Delegation): Promise<void> {
    const before = await this.find(delegation.subject);
    await this.delegations.replaceOne({ _id: delegation.subject }, { ...delegation }, { upsert: true });
    await this.record(delegation.subject, before, delegation, delegation.by, delegation.at);
  }

  async remove(subject: string, by: string, at: Date): Promise<Delegation | null> {
    const before = await this.find(subject);
    if (!before) return null;
    await this.delegations.deleteOne({ _id: subject });
    await this.record(subject, before, null, by, at);
    return before;
  }

  /** Appends to `history` under the next free version (the unique index settles races). */
  private async record(subject: string, before: Delegation | null, after: Delegation | null, by: string, at: Date): Promise<void> {
    const history = new HistoryRepository(this.db);
    const key = `delegation:${subject}`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const version = (await history.count(key, '-')) + 1;
      if (await history.append({ subject: key, period: '-', version, before, after, by, at })) return;
    }
    throw new Error(`could not record the history of ${key}`);
  }
}

function strip(document: DelegationDocument): Delegation {
  const { _id: _ignored, ...delegation } = document;
  return delegation;
}
