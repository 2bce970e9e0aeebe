import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';

/** What the report use case answers for a link: the document, or a readable page saying why not. */
export interface ReportReply {
  status: 200 | 400 | 403 | 404 | 410 | 500 | 503;
  /** The page's own Content-Security-Policy (the report's, with its style's hash); a strict default otherwise. */
  csp?: string;
  contentType: string;
  body: Buffer | string;
  /** For a file: the name the browser saves it under. */
  fileName?: string;
}

export type ServeReport = (token: string, format: string) => Promise<ReportReply>;

/**
 * GET /rapport/<token>.<html|docx|xlsx>: a signed, expiring link opens the report without a Teams
 * session. The page is made on the server with every value in the HTML itself, so it needs no
 * script and no request elsewhere: the Content-Security-Policy forbids both. Nothing is cached or
 * indexed, and the link is never sent on as a referrer.
 */
export function registerReportRoute(server: Server, serve: ServeReport, logger: Logger): void {
  server.get('/rapport/:file', async (req: Request, res: Response) => {
    const file = String(req.params?.file ?? '');
    const match = /^([A-Za-z0-9_.-]{1,9000})\.(html|docx|xlsx)$/.exec(file);
    let reply: ReportReply;
    try {
      reply = match ? await serve(match[1]!, match[2]!) : await serve('', 'html');
    } catch (error) {
      logger.error({ err: error }, 'report could not be made');
      reply = {
        status: 500,
        contentType: 'text/plain; charset=utf-8',
        body: 'Rapporten kunde inte skapas just nu. Försök igen om en stund.',
      };
    }
    res.setHeader(
      'Content-Security-Policy',
      reply.csp ??
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Type', reply.contentType);
    if (reply.fileName) res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(reply.fileName)}`);
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
    res.setHeader('Content-Length', body.length);
    res.writeHead(reply.status);
    res.end(body);
  });
}
