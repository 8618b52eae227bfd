import { afterEach, describe, expect, it } from 'vitest';
import { channelsFromConfig } from './channels-from-config';
import { LineSender } from './line.sender';
import type { Notification } from './notification';
import { startRecordingEndpoint, type RecordingEndpoint } from './recording-endpoint';
import { WebhookSender } from './webhook.sender';

const notification: Notification = {
  eventId: 3,
  type: 'crowd.alert',
  severity: 'medium',
  title: { en: 'Crowd at the market', th: 'ฝูงชนที่ตลาด' },
  body: { en: '', th: '' },
  location: null,
  at: '2026-11-22T01:00:00Z',
};

let endpoint: RecordingEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

describe('channelsFromConfig', () => {
  it('builds one webhook channel per URL and one LINE channel per target', () => {
    const channels = channelsFromConfig({
      webhookUrls: ['https://a.example/hook', ' https://b.example/hook ', '', 'https://a.example/hook'],
      webhookSecret: 'x',
      lineToken: 'tok',
      lineTargets: ['U1', 'C2', ' '],
    });
    expect(channels.map((c) => c.kind)).toEqual(['webhook', 'webhook', 'line', 'line']);
    expect(channels[0]).toBeInstanceOf(WebhookSender);
    expect(channels[2]).toBeInstanceOf(LineSender);
    expect((channels[3] as LineSender).target).toBe('C2');
  });

  it('returns no channels when nothing is configured', () => {
    expect(channelsFromConfig({ webhookUrls: [], lineTargets: [], lineToken: 'tok' })).toEqual([]);
  });

  it('refuses LINE targets without a token and invalid URLs', () => {
    expect(() => channelsFromConfig({ webhookUrls: [], lineTargets: ['U1'] })).toThrow(/token/);
    expect(() => channelsFromConfig({ webhookUrls: ['nope'], lineTargets: [] })).toThrow(/URL/);
  });

  it('refuses internal URLs unless NOTIFY_ALLOWED_HOSTS lists them, and a malformed allow-list', () => {
    const internal = {
      webhookUrls: ['http://10.20.3.4:8088/siem'],
      lineTargets: ['U1'],
      lineToken: 'tok',
      lineBaseUrl: 'http://relay.city.local',
    };
    expect(() => channelsFromConfig(internal)).toThrow(/private/);
    expect(() => channelsFromConfig({ ...internal, allowedHosts: ['10.20.0.0/16'] })).toThrow(
      /LINE base URL.*local network/,
    );
    expect(
      channelsFromConfig({ ...internal, allowedHosts: ['10.20.0.0/16', 'relay.city.local'] }),
    ).toHaveLength(2);
    expect(() => channelsFromConfig({ ...internal, allowedHosts: ['10.20.0.0/33'] })).toThrow(
      /NOTIFY_ALLOWED_HOSTS/,
    );
  });

  it('wires the secret, LINE base URL and retry policy into working channels', async () => {
    endpoint = await startRecordingEndpoint(() => ({ status: 200 }));
    const channels = channelsFromConfig(
      {
        webhookUrls: [`${endpoint.url}/hook`],
        webhookSecret: 'sec',
        lineToken: 'tok',
        lineTargets: ['U9'],
        lineBaseUrl: endpoint.url,
        // The recorder is on 127.0.0.1: allow-listed explicitly, as NOTIFY_ALLOWED_HOSTS would.
        allowedHosts: ['127.0.0.1'],
      },
      { timeoutMs: 2_000, retryDelayMs: 1, maxRetryDelayMs: 2 },
    );
    const results = await Promise.all(channels.map((c) => c.send(notification)));
    expect(results.every((r) => r.ok)).toBe(true);
    const paths = endpoint.requests.map((r) => r.path).sort();
    expect(paths).toEqual(['/hook', '/v2/bot/message/push']);
    const line = endpoint.requests.find((r) => r.path === '/v2/bot/message/push');
    const hook = endpoint.requests.find((r) => r.path === '/hook');
    expect(line?.headers.authorization).toBe('Bearer tok');
    expect(hook?.headers['x-toc-signature']).toMatch(/^sha256=/);
  });
});
