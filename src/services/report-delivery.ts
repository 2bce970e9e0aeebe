import { reportDeliveryTexts } from '../i18n/report-delivery-texts';
import type { Locale } from '../i18n/locale';
import { newSecret, type SettingsRepository } from '../store/settings-repository';
import { REPORT_CSP } from '../views/report-html-style';
import { ReportLinks, type ReportScope } from './report-links';
import type { ReportFormat } from './report-service';

const OFFER_MS = 15 * 60_000;
const MAX_OFFERED = 20;

/** A finished report file. */
export interface ReportDocument {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** Makes the report for a scope in one format (see ReportService); null when there is nothing to report on. */
export type MakeReport = (scope: ReportScope, format: ReportFormat) => Promise<ReportDocument | null>;

export interface HttpReportReply {
  status: 200 | 400 | 403 | 404 | 410;
  contentType: string;
  body: Buffer | string;
  fileName?: string;
  csp?: string;
}

export interface ReportDeliveryDeps {
  settings: SettingsRepository;
  make: MakeReport;
  /** REPORT_LINK_SECRET, or null to use the one kept in the database. */
  configuredSecret: string | null;
  lifetimeMs: number;
  now: () => Date;
}

/**
 * Gives reports out: signed, expiring links to the bot's own HTTP server (a link needs no Teams
 * session, holds no personal data and cannot be widened), and the documents behind them.
 */
export class ReportDelivery {
  private links: Promise<ReportLinks> | null = null;
  private readonly offered = new Map<string, { document: ReportDocument; until: number }>();

  constructor(private readonly deps: ReportDeliveryDeps) {}

  /** The path of a signed link (`/rapport/<token>.<format>`) and when it expires. */
  async link(scope: ReportScope, format: ReportFormat): Promise<{ path: string; expires: Date }> {
    const { token, expires } = (await this.signer()).sign(scope);
    return { path: `/rapport/${token}.${format}`, expires };
  }

  /** A signed token for a scope, to carry in a card action (the file consent flow re-checks it). */
  async token(scope: ReportScope): Promise<string> {
    return (await this.signer()).sign(scope).token;
  }

  /** The scope behind a token, or why it is refused. */
  async scopeOf(token: string): Promise<ReturnType<ReportLinks['check']>> {
    return (await this.signer()).check(token);
  }

  /**
   * The document for a file in a personal chat's file consent flow. The file consent card names its
   * size, and a DOCX is not byte-for-byte the same when made twice, so the document offered is kept
   * briefly (in memory, a few) and the same bytes are uploaded when the person accepts; another
   * instance makes it again.
   */
  async document(key: string, scope: ReportScope, format: ReportFormat): Promise<ReportDocument | null> {
    const cacheKey = `${format}:${key}`;
    const cached = this.offered.get(cacheKey);
    if (cached && cached.until > this.deps.now().getTime()) return cached.document;
    const document = await this.deps.make(scope, format);
    if (!document) return null;
    this.offered.set(cacheKey, { document, until: this.deps.now().getTime() + OFFER_MS });
    while (this.offered.size > MAX_OFFERED) this.offered.delete(this.offered.keys().next().value!);
    return document;
  }

  /** Answers GET /rapport/<token>.<format>: the report, or a readable page saying why not (403, 410, 404). */
  async serve(token: string, format: string): Promise<HttpReportReply> {
    const checked = await this.scopeOf(token);
    if (!checked.ok) {
      const texts = reportDeliveryTexts('sv');
      return checked.reason === 'expired'
        ? page(410, texts.linkExpired, texts.linkExpiredBody, 'sv')
        : page(403, texts.linkInvalid, texts.linkInvalidBody, 'sv');
    }
    const { scope } = checked;
    const texts = reportDeliveryTexts(scope.locale);
    if (format !== 'html' && format !== 'docx' && format !== 'xlsx')
      return page(400, texts.linkInvalid, texts.linkInvalidBody, scope.locale);
    const document = await this.deps.make(scope, format);
    if (!document) return page(404, texts.notFound, texts.notFoundBody, scope.locale);
    return {
      status: 200,
      contentType: document.contentType,
      body: document.bytes,
      ...(format === 'html' ? { csp: REPORT_CSP } : { fileName: document.fileName }),
    };
  }

  private signer(): Promise<ReportLinks> {
    this.links ??= (async () => {
      const secret = this.deps.configuredSecret ?? (await this.deps.settings.getOrCreate('report-link-secret', newSecret, this.deps.now()));
      return new ReportLinks(secret, this.deps.lifetimeMs, this.deps.now);
    })().catch((error: unknown) => {
      this.links = null;
      throw error;
    });
    return this.links;
  }
}

/** A small, self-contained page for a refused link: no script, no external request, readable on a phone. */
function page(status: HttpReportReply['status'], title: string, body: string, locale: Locale): HttpReportReply {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}h1{font-size:1.4rem}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p></body></html>`;
  return { status, contentType: 'text/html; charset=utf-8', body: html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}
