import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { insertNew } from './claims';
import { COLLECTIONS } from './indexes';

interface SettingDocument {
  _id: string;
  value: string;
  createdAt: Date;
}

/** Values the service makes itself once and keeps, so that every instance and every restart agrees on them. */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  private get settings() {
    return this.db.collection<SettingDocument>(COLLECTIONS.settings);
  }

  /**
   * The value stored under `key`, made by `make` the first time. Two instances starting at once both
   * insert under the unique _id; one wins and both read the winner's value.
   */
  async getOrCreate(key: string, make: () => string, now: Date): Promise<string> {
    const existing = await this.settings.findOne({ _id: key });
    if (existing) return existing.value;
    await insertNew(this.settings, [{ _id: key, value: make(), createdAt: now }]);
    const stored = await this.settings.findOne({ _id: key });
    if (!stored) throw new Error(`setting ${key} could not be stored`);
    return stored.value;
  }
}

/** 32 random bytes, base64url: a secret for HMAC links. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
