import { z } from 'zod';

/** Teams' file attachment in personal chat: a pre-authorised, short-lived download URL. */
const FileDownloadInfo = z.object({
  contentType: z.literal('application/vnd.microsoft.teams.file.download.info'),
  name: z.string().min(1).max(255),
  content: z.object({ downloadUrl: z.url(), fileType: z.string().max(20).optional(), uniqueId: z.string().optional() }),
});

export interface AttachedFile {
  name: string;
  downloadUrl: string;
}

export function findAttachedFile(attachments: unknown): AttachedFile | null {
  if (!Array.isArray(attachments)) return null;
  for (const attachment of attachments) {
    const parsed = FileDownloadInfo.safeParse(attachment);
    if (parsed.success) return { name: parsed.data.name, downloadUrl: parsed.data.content.downloadUrl };
  }
  return null;
}
