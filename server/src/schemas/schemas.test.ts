// Small: the shared schemas accept what the product needs and reject what must never reach ffmpeg or SQL.
import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { CameraCreate, CameraUpdate, EventQuery, LoginBody, NewEvent, RTSP_URL_PATTERN, SocketAuth, SubscribeRequest } from './index';

const rtsp = new RegExp(RTSP_URL_PATTERN);
const camera = Compile(CameraCreate);
const validCamera = {
  name: 'Route 304',
  nameTh: 'ทางหลวง 304',
  location: { lon: 101.05, lat: 13.7 },
  headingDeg: 80,
  fovDeg: 60,
  rtspUrl: 'rtsp://user:p%40ss@10.1.2.3:554/Streaming/Channels/101?transportmode=unicast',
};

describe('RTSP URL', () => {
  it.each([
    'rtsp://127.0.0.1:8554/odc_street_traffic_640x360_30fps',
    'rtsp://cam-12.chachoengsao.local/live',
    'rtsp://admin:secret@10.0.0.5:554/h264/ch1/main/av_stream',
  ])('accepts %s', (url) => expect(rtsp.test(url)).toBe(true));

  it.each([
    'http://10.0.0.5/stream',
    'file:///etc/passwd',
    'rtsp://10.0.0.5/live -f rawvideo /tmp/out',
    'rtsp://10.0.0.5/live\n-i x',
    'rtsp://10.0.0.5/a"b',
    'rtsp://10.0.0.5/`id`',
    ' rtsp://10.0.0.5/live',
    '-i rtsp://10.0.0.5/live',
    'concat:rtsp://a|file:/etc/passwd',
  ])('rejects %j', (url) => expect(rtsp.test(url)).toBe(false));
});

describe('camera bodies', () => {
  it('accepts a complete camera and a partial update', () => {
    expect(camera.Check(validCamera)).toBe(true);
    expect(Compile(CameraUpdate).Check({ enabled: false })).toBe(true);
  });

  it('rejects an empty update, unknown fields and impossible geometry', () => {
    expect(Compile(CameraUpdate).Check({})).toBe(false);
    expect(camera.Check({ ...validCamera, extra: 1 })).toBe(false);
    expect(camera.Check({ ...validCamera, fovDeg: 0 })).toBe(false);
    expect(camera.Check({ ...validCamera, headingDeg: 361 })).toBe(false);
    expect(camera.Check({ ...validCamera, location: { lon: 200, lat: 13 } })).toBe(false);
  });
});

describe('events and realtime', () => {
  it('bounds event queries', () => {
    const query = Compile(EventQuery);
    expect(query.Check({ limit: 100, offset: 0, bbox: '100.8,13.1,102,14', type: ['traffic.vehicles'] })).toBe(true);
    expect(query.Check({ limit: 501, offset: 0 })).toBe(false);
    expect(query.Check({ limit: 10, offset: 0, bbox: '1,2,3' })).toBe(false);
    expect(query.Check({ limit: 10, offset: 0, type: ['traffic.teleport'] })).toBe(false);
  });

  it('requires a known type and severity for a new event', () => {
    const event = Compile(NewEvent);
    const base = {
      type: 'traffic.vehicles',
      severity: 'info',
      location: { lon: 101, lat: 13.7 },
      cameraId: 1,
      startedAt: '2026-11-22T03:00:00Z',
      confidence: 0.8,
      modelId: 'yolox_nano_416',
      payload: { total: 3 },
    };
    expect(event.Check(base)).toBe(true);
    expect(event.Check({ ...base, severity: 'apocalyptic' })).toBe(false);
    expect(event.Check({ ...base, confidence: 1.5 })).toBe(false);
  });

  it('checks logins and socket messages', () => {
    expect(Compile(LoginBody).Check({ username: 'operator', password: '' })).toBe(false);
    expect(Compile(SocketAuth).Check({ token: 'abc', lastSeq: -1 })).toBe(false);
    expect(Compile(SubscribeRequest).Check({ types: [] })).toBe(false);
    expect(Compile(SubscribeRequest).Check({ types: ['elephant.warning'] })).toBe(true);
  });
});
