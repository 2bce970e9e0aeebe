import type { Db } from 'mongodb';
import { isDuplicateKey } from './claims';
import { COLLECTIONS } from './indexes';

/**
 * A confirmed `öppna period`: what the coordinator was told when they clicked "Skicka". Kept so that
 * the same confirmation clicked again (a double click, another instance) answers exactly the same,
 * and so that its report goes out once, to the one who confirmed it.
 */
export interface Opening {
  /** One per confirmation card (see openingKey). */
  key: string;
  /** Who confirmed it: the report goes to them. */
  by: string;
  code: string;
  /** The unit as typed, or null for every unit. */
  unit: string | null;
  /** When the confirmation card was shown. */
  issued: string;
  at: Date;
  /** The period ids it opened (or found open). */
  periods: string[];
  label: string;
  /** The periods' units by name. */
  units: string[];
  alreadyOpen: boolean;
  owners: number;
  /** Reachable owners who got a card through this confirmation. */
  toSend: number;
  /** Reachable owners who had their card already. */
  had: number;
  unreachable: number;
  /** How many the confirmation card said would get a card. */
  shown: number;
  /** The report went out (the claim `fanout-report:<key>` is the record; this only narrows the listing). */
  reported: boolean;
}

type OpeningDocument = Omit<Opening, 'key'> & { _id: string };

export class OpeningRepository {
  constructor(private readonly db: Db) {}

  private get openings() {
    return this.db.collection<OpeningDocument>(COLLECTIONS.openings);
  }

  /** Records a confirmation; false when it is recorded already. The insert under its _id is the once-only decision. */
  async insert(opening: Opening): Promise<boolean> {
    const { key, ...rest } = opening;
    try {
      await this.openings.insertOne({ _id: key, ...rest });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async find(key: string): Promise<Opening | null> {
    const document = await this.openings.findOne({ _id: key });
    return document ? toOpening(document) : null;
  }

  /** Confirmations whose report has not gone out; few at any time. */
  async listUnreported(): Promise<Opening[]> {
    return (await this.openings.find({ reported: false }).sort({ at: 1 }).toArray()).map(toOpening);
  }

  async markReported(key: string): Promise<void> {
    await this.openings.updateOne({ _id: key }, { $set: { reported: true } });
  }
}

function toOpening(document: OpeningDocument): Opening {
  const { _id, ...rest } = document;
  return { key: _id, ...rest };
}
