export type DownloadResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'too_large' | 'failed'; detail: string };

/**
 * Downloads at most maxBytes, stopping as soon as the limit is passed (a 50 MB file is not read
 * into memory). Only https URLs, unless running locally without credentials (tests, playground).
 */
export async function downloadFile(url: string, maxBytes: number, allowHttp: boolean): Promise<DownloadResult> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !(allowHttp && parsed.protocol === 'http:')) {
    return { ok: false, reason: 'failed', detail: `refused protocol ${parsed.protocol}` };
  }
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch((error: unknown) => error);
  if (!(response instanceof Response)) return { ok: false, reason: 'failed', detail: String(response) };
  if (!response.ok || !response.body) return { ok: false, reason: 'failed', detail: `HTTP ${response.status}` };
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body.cancel();
    return { ok: false, reason: 'too_large', detail: String(declared) };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) return { ok: false, reason: 'too_large', detail: `> ${maxBytes}` };
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
