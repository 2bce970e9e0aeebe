import { z } from 'zod';

/** Invoke names the bot answers; any other invoke is refused at the edge with 400. */
export const HANDLED_INVOKES = ['adaptiveCard/action', 'fileConsent/invoke', 'application/search'] as const;

const Id = z.string().trim().min(1).max(1024);

const FileConsentValue = z.looseObject({ action: z.enum(['accept', 'decline']), context: z.record(z.string(), z.unknown()).optional() });

/** A dynamic typeahead's query (Data.Query in an Input.ChoiceSet): what was typed and the dataset. */
const SearchValue = z.looseObject({ queryText: z.string().max(200).optional(), dataset: z.string().min(1).max(200) });

const AdaptiveCardActionValue = z.looseObject({
  action: z.looseObject({ type: z.string().max(64).optional(), verb: z.string().min(1).max(200) }),
});

/** A person or the bot (botbuilder's ChannelAccount): what a reply copies back must serialize. */
const Account = z.looseObject({
  id: Id,
  name: z.string().max(10_000).nullish(),
  aadObjectId: z.string().max(1024).nullish(),
  role: z.string().max(64).nullish(),
});

const Conversation = z.looseObject({
  id: Id,
  name: z.string().max(10_000).nullish(),
  conversationType: z.string().max(64).nullish(),
  tenantId: z.string().max(1024).nullish(),
  isGroup: z.boolean().nullish(),
});

/** A mention must name whom it mentions (botbuilder lower-cases `mentioned.id` to strip the bot's). */
const Entity = z.looseObject({ type: z.string().max(200).nullish() }).superRefine((entity, issues) => {
  if (entity.type === 'mention' && !z.looseObject({ mentioned: z.looseObject({ id: z.string() }) }).safeParse(entity).success) {
    issues.addIssue({ code: 'custom', path: ['mentioned'], message: 'a mention needs mentioned.id' });
  }
});

/**
 * The shape every request body must have before botbuilder sees it: botbuilder's own parse throws
 * (a 500) on shapes it dislikes, and a turn without `from.id` or `conversation.id` fails deep inside
 * with a TypeError. test/e2e/fuzz.test.ts found more that failed a turn ("unhandled error in turn"):
 * teams-ai's turn state needs `channelId` and `recipient.id` (an invoke without them was answered
 * 501); a reply copies `locale`, `from`, `recipient` and `conversation`, so a number or a 5 000-deep
 * value there broke its serialization; a reply without `serviceUrl` went to api.botframework.com, one to a `serviceUrl` that is no URL threw;
 * a mention without `mentioned.id` threw while the bot's own mention was stripped.
 * Fields the bot never reads are let through untouched (Teams adds new ones).
 */
export const ActivityEnvelope = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).nullish(),
    serviceUrl: z.string().max(2048).refine(isHttpUrl, 'an http(s) URL'),
    channelId: z.string().trim().min(1).max(64),
    from: Account,
    recipient: Account,
    conversation: Conversation,
    locale: z.string().max(64).nullish(),
    text: z.string().nullish(),
    replyToId: z.string().max(1024).nullish(),
    entities: z.array(Entity).optional(), // null made botbuilder's mention stripping throw
    attachments: z.array(z.looseObject({})).nullish(),
    membersAdded: z.array(Account).nullish(),
    membersRemoved: z.array(Account).nullish(),
    name: z.string().max(200).optional(),
    value: z.unknown().optional(),
  })
  .superRefine((activity, issues) => {
    if (activity.type !== 'invoke') return;
    if (!HANDLED_INVOKES.some((name) => name === activity.name)) {
      issues.addIssue({ code: 'custom', path: ['name'], message: 'an invoke this bot does not handle' });
      return;
    }
    if (activity.name === 'adaptiveCard/action' && !AdaptiveCardActionValue.safeParse(activity.value).success) {
      issues.addIssue({ code: 'custom', path: ['value'], message: 'an Action.Execute invoke needs value.action.verb' });
    }
    if (activity.name === 'application/search' && !SearchValue.safeParse(activity.value).success) {
      issues.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'a search invoke needs value.dataset and at most 200 characters of queryText',
      });
    }
    if (activity.name === 'fileConsent/invoke' && !FileConsentValue.safeParse(activity.value).success) {
      issues.addIssue({ code: 'custom', path: ['value'], message: 'a file consent invoke needs value.action accept or decline' });
    }
  });

function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:';
}

export type ActivityEnvelope = z.infer<typeof ActivityEnvelope>;
