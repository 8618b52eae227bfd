import { afterEach, describe, expect, it } from 'vitest';
import { parseAllowList } from '@toc/server/lib/outbound-allow-list';
import type { Notification } from './notification';
import { startRecordingEndpoint, type RecordingEndpoint } from './recording-endpoint';
import { signWebhookBody, verifyWebhookSignature, WebhookSender } from './webhook.sender';

const notification: Notification = {
  eventId: 42,
  type: 'elephant.warning',
  severity: 'critical',
  title: { en: 'Wild elephants on Route 304', th: 'ช้างป่าบนทางหลวง 304' },
  body: { en: 'Two elephants crossing near km 52.', th: 'ช้างสองตัวข้ามถนนใกล้ กม. 52' },
  location: { lon: 101.4512, lat: 13.5921 },
  url: 'https://toc.example/events/42',
  at: '2026-11-22T03:05:00.000Z',
};

// The receiver listens on 127.0.0.1: allow-listed on purpose, as an on-premises receiver would be.
const local = { guard: { allow: parseAllowList(['127.0.0.1']) } };
// Fast retries so the tests measure behaviour, not waiting.
const fast = { retryDelayMs: 1, maxRetryDelayMs: 2, ...local };

let endpoint: RecordingEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

describe('WebhookSender', () => {
  it('POSTs the notification as JSON with a signature the receiver can verify', async () => {
    endpoint = await startRecordingEndpoint(() => ({ status: 204, body: '' }));
    const sender = new WebhookSender({ url: `${endpoint.url}/hooks/toc?x=1`, secret: 's3cret', ...fast });
    const result = await sender.send(notification);

    expect(result).toEqual({ ok: true, status: 204, error: null, attempts: 1 });
    expect(endpoint.requests).toHaveLength(1);
    const [request] = endpoint.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/hooks/toc?x=1');
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(request?.headers['x-toc-event-id']).toBe('42');
    expect(JSON.parse(request?.body ?? '')).toEqual(notification);
    const signature = request?.headers['x-toc-signature'];
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(request?.body ?? '', String(signature), 's3cret')).toBe(true);
    expect(verifyWebhookSignature(request?.body ?? '', String(signature), 'other')).toBe(false);
    expect(verifyWebhookSignature(`${request?.body} `, String(signature), 's3cret')).toBe(false);
    expect(sender.target).toBe(new URL(endpoint.url).host);
  });

  it('sends no signature header without a secret', async () => {
    endpoint = await startRecordingEndpoint(() => ({ status: 200 }));
    await new WebhookSender({ url: endpoint.url, ...fast }).send(notification);
    expect(endpoint.requests[0]?.headers['x-toc-signature']).toBeUndefined();
  });

  it('retries a 500 and succeeds on the second attempt with the same delivery id and body', async () => {
    endpoint = await startRecordingEndpoint((_req, i) => (i === 0 ? { status: 500 } : { status: 200 }));
    const result = await new WebhookSender({ url: endpoint.url, secret: 'k', ...fast }).send(notification);

    expect(result).toEqual({ ok: true, status: 200, error: null, attempts: 2 });
    const [first, second] = endpoint.requests;
    expect(first?.headers['x-toc-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.headers['x-toc-delivery']).toBe(first?.headers['x-toc-delivery']);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['x-toc-signature']).toBe(signWebhookBody(first?.body ?? '', 'k'));
  });

  it('gives up after 3 attempts of 5xx and reports the last status, in our words only', async () => {
    endpoint = await startRecordingEndpoint(() => ({ status: 503, body: '{"error":"maintenance"}' }));
    const result = await new WebhookSender({ url: endpoint.url, ...fast }).send(notification);

    expect(result.ok).toBe(false);
    expect(result.status).toBe(503);
    expect(result.attempts).toBe(3);
    // The receiver's body never reaches the log operators read.
    expect(result.error).toBe('HTTP 503 from target');
    expect(endpoint.requests).toHaveLength(3);
  });

  it('does not retry a 4xx', async () => {
    endpoint = await startRecordingEndpoint(() => ({ status: 400, body: '{"error":"bad payload"}' }));
    const result = await new WebhookSender({ url: endpoint.url, ...fast }).send(notification);

    expect(result).toEqual({ ok: false, status: 400, error: 'HTTP 400 from target', attempts: 1 });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('does not follow redirects', async () => {
    endpoint = await startRecordingEndpoint(() => ({ status: 302 }));
    const result = await new WebhookSender({ url: endpoint.url, ...fast }).send(notification);
    expect(result).toMatchObject({ ok: false, status: 302, attempts: 1 });
  });

  it('times out a hanging receiver, retries, then reports the timeout', async () => {
    endpoint = await startRecordingEndpoint(() => 'hang');
    const started = Date.now();
    const result = await new WebhookSender({
      url: endpoint.url,
      timeoutMs: 150,
      maxAttempts: 2,
      ...fast,
    }).send(notification);

    expect(result).toEqual({ ok: false, status: null, error: 'timeout after 150 ms', attempts: 2 });
    expect(endpoint.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a network error after retrying', async () => {
    endpoint = await startRecordingEndpoint(() => ({ status: 200 }));
    const url = endpoint.url;
    await endpoint.close();
    endpoint = undefined;
    const result = await new WebhookSender({ url, ...fast }).send(notification);

    expect(result).toEqual({ ok: false, status: null, error: 'network error (ECONNREFUSED)', attempts: 3 });
  });

  it('stops at once when the caller aborts', async () => {
    endpoint = await startRecordingEndpoint(() => 'hang');
    const controller = new AbortController();
    const pending = new WebhookSender({ url: endpoint.url, timeoutMs: 10_000, ...local }).send(
      notification,
      controller.signal,
    );
    setTimeout(() => controller.abort(), 50);
    const result = await pending;

    expect(result).toEqual({ ok: false, status: null, error: 'aborted', attempts: 1 });
  });

  it('rejects bad configuration up front', () => {
    expect(() => new WebhookSender({ url: 'ftp://example.com/x' })).toThrow(/https/);
    // Without the allow-list, the local receiver of the other tests is refused before any request.
    expect(() => new WebhookSender({ url: 'http://127.0.0.1:8080/hook' })).toThrow(/loopback/);
    expect(() => new WebhookSender({ url: 'https://user:pw@hooks.example.org/x' })).toThrow(
      /user name or password/,
    );
    expect(() => new WebhookSender({ url: 'not-a-url' })).toThrow(/not a valid URL/);
    expect(() => new WebhookSender({ url: 'https://hooks.example.org/a b' })).toThrow(/spaces/);
    expect(() => new WebhookSender({ url: 'https://example.com', secret: '' })).toThrow(/secret/);
    expect(() => new WebhookSender({ url: 'https://example.com', maxAttempts: 0 })).toThrow(/maxAttempts/);
  });
});
