import { afterEach, describe, expect, it } from 'vitest';
import { parseAllowList } from '@toc/server/lib/outbound-allow-list';
import { LINE_PUSH_PATH, LineSender, lineMessages, type LinePushBody } from './line.sender';
import type { Notification } from './notification';
import { startRecordingEndpoint, type RecordingEndpoint } from './recording-endpoint';

const notification: Notification = {
  eventId: 7,
  type: 'elephant.warning',
  severity: 'critical',
  title: { en: 'Wild elephants on Route 3259', th: 'ช้างป่าบนทางหลวง 3259' },
  body: { en: 'Herd of 5 heading to the road.', th: 'ช้างโขลง 5 ตัวกำลังมุ่งหน้าสู่ถนน' },
  location: { lon: 101.6021, lat: 13.4893 },
  url: 'https://toc.example/events/7',
  at: '2026-11-22T13:30:00.000Z',
};

// The recorder stands in for the LINE API on 127.0.0.1: allow-listed on purpose, as a municipality's relay would be.
const local = { guard: { allow: parseAllowList(['127.0.0.1']) } };
const fast = { retryDelayMs: 1, maxRetryDelayMs: 2, ...local };
const token = 'line-token-abc';

let endpoint: RecordingEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const parse = (body: string | undefined) => JSON.parse(body ?? '') as LinePushBody;

describe('LineSender', () => {
  it('pushes a Thai-first text and a location message with the right headers', async () => {
    endpoint = await startRecordingEndpoint(() => ({ status: 200, body: '{"sentMessages":[]}' }));
    const sender = new LineSender({
      channelAccessToken: token,
      to: 'Cgroup123',
      baseUrl: `${endpoint.url}/`,
      ...fast,
    });
    const result = await sender.send(notification);

    expect(result).toEqual({ ok: true, status: 200, error: null, attempts: 1 });
    const [request] = endpoint.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(LINE_PUSH_PATH);
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-line-retry-key']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );

    const body = parse(request?.body);
    expect(body.to).toBe('Cgroup123');
    expect(body.messages).toHaveLength(2);
    const [text, location] = body.messages;
    expect(text?.type).toBe('text');
    const content = text?.type === 'text' ? text.text : '';
    expect(content.indexOf('ช้างป่าบนทางหลวง 3259')).toBe(content.indexOf('[วิกฤต]') + '[วิกฤต] '.length);
    expect(content.indexOf('ช้างป่า')).toBeLessThan(content.indexOf('Wild elephants'));
    expect(content).toContain('20:30'); // 13:30 UTC is 20:30 in Bangkok
    expect(content).toContain('2569'); // Buddhist-era year in the Thai block
    expect(content).toContain('2026');
    expect(location).toEqual({
      type: 'location',
      title: 'ช้างป่าบนทางหลวง 3259',
      address: '13.48930, 101.60210',
      latitude: 13.4893,
      longitude: 101.6021,
    });
  });

  it('keeps the same retry key when a 500 is retried, and succeeds on attempt 2', async () => {
    endpoint = await startRecordingEndpoint((_req, i) => (i === 0 ? { status: 500 } : { status: 200 }));
    const result = await new LineSender({
      channelAccessToken: token,
      to: 'U1',
      baseUrl: endpoint.url,
      ...fast,
    }).send(notification);

    expect(result).toEqual({ ok: true, status: 200, error: null, attempts: 2 });
    const [first, second] = endpoint.requests;
    expect(first?.headers['x-line-retry-key']).toBeTruthy();
    expect(second?.headers['x-line-retry-key']).toBe(first?.headers['x-line-retry-key']);
    expect(second?.body).toBe(first?.body);
  });

  it('uses a new retry key for each notification', async () => {
    endpoint = await startRecordingEndpoint(() => ({ status: 200 }));
    const sender = new LineSender({ channelAccessToken: token, to: 'U1', baseUrl: endpoint.url, ...fast });
    await sender.send(notification);
    await sender.send({ ...notification, eventId: 8 });
    const [a, b] = endpoint.requests;
    expect(a?.headers['x-line-retry-key']).not.toBe(b?.headers['x-line-retry-key']);
  });

  it('treats 409 on a retry (request already accepted by LINE) as delivered', async () => {
    endpoint = await startRecordingEndpoint((_req, i) =>
      i === 0 ? { status: 502 } : { status: 409, body: '{"message":"The retry key is already accepted"}' },
    );
    const result = await new LineSender({
      channelAccessToken: token,
      to: 'U1',
      baseUrl: endpoint.url,
      ...fast,
    }).send(notification);
    expect(result).toEqual({ ok: true, status: 409, error: null, attempts: 2 });
  });

  it('does not retry a 400 and keeps LINE’s message out of the result', async () => {
    endpoint = await startRecordingEndpoint(() => ({
      status: 400,
      body: '{"message":"The request body has 1 error(s)"}',
    }));
    const result = await new LineSender({
      channelAccessToken: token,
      to: 'U1',
      baseUrl: endpoint.url,
      ...fast,
    }).send(notification);

    expect(result).toEqual({ ok: false, status: 400, error: 'HTTP 400 from target', attempts: 1 });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('reports a timeout', async () => {
    endpoint = await startRecordingEndpoint(() => 'hang');
    const result = await new LineSender({
      channelAccessToken: token,
      to: 'U1',
      baseUrl: endpoint.url,
      timeoutMs: 100,
      maxAttempts: 1,
      ...local,
    }).send(notification);

    expect(result).toEqual({ ok: false, status: null, error: 'timeout after 100 ms', attempts: 1 });
  });

  it('defaults to the public LINE API and refuses an empty token or target', () => {
    expect(() => new LineSender({ channelAccessToken: ' ', to: 'U1' })).toThrow(/token/);
    expect(() => new LineSender({ channelAccessToken: token, to: '' })).toThrow(/target/);
    expect(new LineSender({ channelAccessToken: token, to: 'U1' }).target).toBe('U1');
  });

  it('checks the configured base URL like any other target', () => {
    expect(
      () => new LineSender({ channelAccessToken: token, to: 'U1', baseUrl: 'http://127.0.0.1:9' }),
    ).toThrow(/LINE base URL.*loopback/);
    expect(
      () => new LineSender({ channelAccessToken: token, to: 'U1', baseUrl: 'http://line-relay.example.org' }),
    ).toThrow(/https/);
    const relay = { allow: parseAllowList(['10.20.0.0/16']) };
    expect(
      new LineSender({ channelAccessToken: token, to: 'U1', baseUrl: 'http://10.20.1.5:8080', guard: relay })
        .target,
    ).toBe('U1');
  });
});

describe('lineMessages', () => {
  it('sends only the text message when the location is unknown', () => {
    const messages = lineMessages({ ...notification, location: null });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.type).toBe('text');
  });

  it('keeps the text within 5000 characters', () => {
    const long = { ...notification, body: { en: 'E'.repeat(9000), th: 'ช'.repeat(9000) } };
    const [text] = lineMessages(long);
    expect(text?.type === 'text' && text.text.length).toBeLessThanOrEqual(5000);
  });
});
