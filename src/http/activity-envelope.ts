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

/**
 * The shape every request body must have before botbuilder sees it: botbuilder's own parse throws
 * (a 500) on shapes it dislikes, and a turn without `from.id` or `conversation.id` fails deep inside
 * with a TypeError. Fields the bot never reads are let through untouched (Teams adds new ones).
 */
export const ActivityEnvelope = z
  .looseObject({
    type: z.string().min(1).max(64),
    serviceUrl: z.string().max(2048).optional(),
    channelId: z.string().max(64).optional(),
    from: z.looseObject({ id: Id }),
    conversation: z.looseObject({ id: Id }),
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

export type ActivityEnvelope = z.infer<typeof ActivityEnvelope>;
