import type { Db } from 'mongodb';
import { COLLECTIONS } from './indexes';

/** The live summary card of one period in one channel: the message that is updated in place. */
export interface PostedSummary {
  conversationId: string;
  /** `<year>/<code>`, e.g. 2022/UR1: one card per period across every plan of the linked units. */
  period: string;
  activityId: string;
  postedAt: Date;
  updatedAt: Date;
  updates: number;
  finalActivityId: string | null;
}

interface SummaryDocument extends PostedSummary {
  _id: string;
}

export class SummaryRepository {
  constructor(private readonly db: Db) {}

  private get summaries() {
    return this.db.collection<SummaryDocument>(COLLECTIONS.summaries);
  }

  async find(conversationId: string, period: string): Promise<PostedSummary | null> {
    const document = await this.summaries.findOne({ _id: summaryId(conversationId, period) });
    if (!document) return null;
    const { _id: _ignored, ...summary } = document;
    return summary;
  }

  async recordPosted(conversationId: string, period: string, activityId: string, now: Date): Promise<void> {
    await this.summaries.updateOne(
      { _id: summaryId(conversationId, period) },
      { $set: { conversationId, period, activityId, postedAt: now, updatedAt: now, updates: 0, finalActivityId: null } },
      { upsert: true },
    );
  }

  async recordUpdated(conversationId: string, period: string, now: Date): Promise<void> {
    await this.summaries.updateOne({ _id: summaryId(conversationId, period) }, { $set: { updatedAt: now }, $inc: { updates: 1 } });
  }

  async recordFinal(conversationId: string, period: string, activityId: string, now: Date): Promise<void> {
    await this.summaries.updateOne({ _id: summaryId(conversationId, period) }, { $set: { finalActivityId: activityId, updatedAt: now } });
  }
}

function summaryId(conversationId: string, period: string): string {
  return `${conversationId}|${period}`;
}
