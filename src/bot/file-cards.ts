import type { Attachment } from 'botbuilder';

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** File cards this module made; the send guard lets these through and nothing else of their kind. */
const made = new WeakSet<object>();

export function isMadeFileCard(content: unknown): boolean {
  return typeof content === 'object' && content !== null && made.has(content);
}

/**
 * Teams' file consent card: the person accepts, Teams makes an upload URL in their OneDrive and
 * invokes `fileConsent/invoke` with it and our `context`.
 */
export function fileConsentAttachment(name: string, description: string, sizeInBytes: number, context: Record<string, string>): Attachment {
  const content = { description, sizeInBytes, acceptContext: context, declineContext: context };
  made.add(content);
  return { contentType: FILE_CONSENT, name, content };
}

/** The card that shows an uploaded file in the chat. */
export function fileInfoAttachment(upload: { name: string; contentUrl: string; uniqueId: string; fileType: string }): Attachment {
  const content = { uniqueId: upload.uniqueId, fileType: upload.fileType };
  made.add(content);
  return { contentType: FILE_INFO, contentUrl: upload.contentUrl, name: upload.name, content };
}
