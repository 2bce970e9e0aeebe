import type { AdaptiveCard } from '../cards/render';

/** A stored conversation reference: opaque here, shaped and read only by the messaging implementation. */
export type ConversationAddress = Record<string, unknown>;

export interface OutgoingMessage {
  card?: AdaptiveCard;
  text?: string;
}

/** Why a send failed, as far as the channel said: HTTP status, its error code, and how long to wait. */
export interface SendFailure {
  status: number | null;
  code: string | null;
  message: string;
  retryAfterMs: number | null;
}

export type Delivery = { ok: true; activityId: string } | { ok: false; failure: SendFailure };

/**
 * The one port through which use cases write to Teams without being spoken to: a person's personal
 * chat or a team channel. Implemented in `bot/` with the Bot Framework SDK; a successor SDK is one
 * more implementation of this interface. A failed send is returned, never thrown and never counted
 * as delivered.
 */
export interface Messenger {
  send(to: ConversationAddress, message: OutgoingMessage): Promise<Delivery>;
  /** Replaces an earlier message (a live summary card) in place. */
  update(to: ConversationAddress, activityId: string, message: OutgoingMessage): Promise<Delivery>;
}
