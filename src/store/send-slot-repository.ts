import { MongoBulkWriteError, type Db } from 'mongodb';
import { isDuplicateKey } from './claims';
import { COLLECTIONS } from './indexes';

interface SendSlotDocument {
  /** The slot's number: slot n starts at n × (1000 / rate) ms after the epoch. */
  _id: string;
  owner: string;
  at: Date;
  /** The minute the slot is in (epoch minutes), to forget a past minute's slots by equality. */
  minute: number;
}

/**
 * The send budget every instance shares: a send needs a slot, and a slot is won by inserting its
 * number as _id, which is atomic on every supported server (FerretDB 1.x included, where
 * conditional updates and $inc are not isolated). So each slot goes to exactly one send across all
 * instances, whatever their number.
 */
export class SendSlotRepository {
  constructor(private readonly db: Db) {}

  private get slots() {
    return this.db.collection<SendSlotDocument>(COLLECTIONS.sendSlots);
  }

  /** The slots among `slots` this owner won, in one round trip; `startOf` gives a slot's start. */
  async claim(slots: readonly number[], owner: string, startOf: (slot: number) => number): Promise<number[]> {
    if (slots.length === 0) return [];
    const documents = slots.map((slot): SendSlotDocument => {
      const at = startOf(slot);
      return { _id: String(slot), owner, at: new Date(at), minute: Math.floor(at / 60_000) };
    });
    try {
      await this.slots.insertMany(documents, { ordered: false });
      return [...slots];
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError) || !isDuplicateKey(error)) throw error;
      const lost = new Set([error.writeErrors].flat().map((writeError) => writeError.index));
      return slots.filter((_, index) => !lost.has(index));
    }
  }

  /** Forgets one minute's slots (only long past ones: no instance claims a slot in the past). */
  async forgetMinute(minute: number): Promise<void> {
    await this.slots.deleteMany({ minute });
  }

  /** Who holds each of these slots (tests). */
  async holders(slots: readonly number[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    for (const slot of slots) {
      const document = await this.slots.findOne({ _id: String(slot) });
      if (document) found.set(slot, document.owner);
    }
    return found;
  }
}
