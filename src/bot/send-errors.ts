import type { JobOutcome } from '../services/job-runner';
import { backoffMs } from '../services/job-runner';

/**
 * What a failed send to the Bot Connector means for the job (SPEC §7): 429 waits for Retry-After,
 * 412/5xx retry with backoff, 403 (blocked or uninstalled) and 404 are permanent.
 */
export function classifySendError(error: unknown, attempts: number): JobOutcome & { permanentCode?: string } {
  const status = statusOf(error);
  const code = codeOf(error);
  const message = `${status ?? 'network'} ${code ?? ''} ${error instanceof Error ? error.message : String(error)}`.trim();
  if (status === 429) {
    return { status: 'retry', afterMs: retryAfterMs(error) ?? backoffMs(attempts), error: message, rateLimited: true };
  }
  if (status === 403 || status === 404 || status === 400 || status === 401) {
    return { status: 'failed', error: message, permanentCode: code ?? String(status) };
  }
  return { status: 'retry', afterMs: backoffMs(attempts), error: message };
}

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const candidate = (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  return typeof candidate === 'number' ? candidate : null;
}

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

function retryAfterMs(error: unknown): number | null {
  const response = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response;
  const header = response?.headers?.get?.('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : null;
}
