import type { Db } from 'mongodb';
import type { Locale } from '../i18n/locale';
import { insertNew } from './claims';
import { COLLECTIONS } from './indexes';

interface ChannelLinkDocument {
  _id: string;
  conversationId: string;
  unit: string;
  linkedBy: string;
  linkedAt: Date;
  /** The Teams language of whoever linked it; absent on links made before it was kept. */
  locale?: Locale;
}

export interface ChannelLink {
  conversationId: string;
  unit: string;
  linkedBy: string;
  linkedAt: Date;
}

/** Which units a management channel follows (`koppla <enhet>`); one document per (channel, unit). */
export class ChannelLinkRepository {
  constructor(private readonly db: Db) {}

  private get links() {
    return this.db.collection<ChannelLinkDocument>(COLLECTIONS.channelLinks);
  }

  /** Links the units, with the language of who linked them; those already linked stay as they were. Returns how many were new. */
  async link(conversationId: string, units: readonly string[], by: string, now: Date, locale: Locale | null = null): Promise<number> {
    const documents = units.map((unit) => ({
      _id: linkId(conversationId, unit),
      conversationId,
      unit,
      linkedBy: by,
      linkedAt: now,
      ...(locale ? { locale } : {}),
    }));
    return insertNew(this.links, documents);
  }

  /** The language of whoever made the channel's latest link that has one; null when none does. */
  async localeOf(conversationId: string): Promise<Locale | null> {
    const [latest] = await this.links
      .find({ conversationId, locale: { $exists: true } })
      .sort({ linkedAt: -1, unit: -1 })
      .limit(1)
      .toArray();
    return latest?.locale ?? null;
  }

  /** Returns how many links were removed. */
  async unlink(conversationId: string, units: readonly string[]): Promise<number> {
    if (units.length === 0) return 0;
    const result = await this.links.deleteMany({ _id: { $in: units.map((unit) => linkId(conversationId, unit)) } });
    return result.deletedCount;
  }

  async unitsOf(conversationId: string): Promise<string[]> {
    const documents = await this.links.find({ conversationId }).sort({ linkedAt: 1, unit: 1 }).toArray();
    return documents.map((document) => document.unit);
  }

  /** Every link, grouped by channel (a small collection: channels × units). */
  async byChannel(): Promise<Map<string, string[]>> {
    const grouped = new Map<string, string[]>();
    for (const document of await this.links.find({}).sort({ linkedAt: 1, unit: 1 }).toArray()) {
      grouped.set(document.conversationId, [...(grouped.get(document.conversationId) ?? []), document.unit]);
    }
    return grouped;
  }
}

function linkId(conversationId: string, unit: string): string {
  return `${conversationId}|${unit}`;
}
