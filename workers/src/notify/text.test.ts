import { describe, expect, it } from 'vitest';
import type { Notification } from './notification';
import { formatEnglishTime, formatNotificationText, formatThaiTime, truncateText } from './text';

const notification: Notification = {
  eventId: 1,
  type: 'traffic.accident',
  severity: 'high',
  title: { en: 'Accident on Route 314', th: 'อุบัติเหตุบนทางหลวง 314' },
  body: { en: '  Two cars, one lane blocked.  ', th: '  รถยนต์สองคัน ปิดหนึ่งช่องจราจร  ' },
  location: { lon: 101.0779, lat: 13.6904 },
  url: 'https://toc.example/events/1',
  at: '2026-11-21T17:45:00Z',
};

describe('time formatting', () => {
  it('uses Bangkok time, the Buddhist era in Thai and en-GB in English', () => {
    // 17:45 UTC on the 21st is 00:45 on the 22nd in Bangkok.
    expect(formatThaiTime(notification.at)).toBe('22 พ.ย. 2569 00:45 น.');
    expect(formatEnglishTime(notification.at)).toBe('22 Nov 2026, 00:45 (UTC+7)');
  });

  it('passes an unparseable time through instead of throwing', () => {
    expect(formatThaiTime('yesterday')).toBe('yesterday');
    expect(formatEnglishTime('yesterday')).toBe('yesterday');
  });
});

describe('formatNotificationText', () => {
  it('puts the Thai block first, then English, then the link', () => {
    expect(formatNotificationText(notification)).toBe(
      [
        '[สูง] อุบัติเหตุบนทางหลวง 314',
        'รถยนต์สองคัน ปิดหนึ่งช่องจราจร',
        'เวลา: 22 พ.ย. 2569 00:45 น.',
        'พิกัด: 13.69040, 101.07790',
        '',
        '[HIGH] Accident on Route 314',
        'Two cars, one lane blocked.',
        'Time: 22 Nov 2026, 00:45 (UTC+7)',
        'Location: 13.69040, 101.07790',
        '',
        'https://toc.example/events/1',
      ].join('\n'),
    );
  });

  it('leaves out missing parts and keeps unknown severities as they are', () => {
    const { url: _url, ...noUrl } = notification;
    const text = formatNotificationText({
      ...noUrl,
      severity: 'urgent',
      location: null,
      body: { en: '', th: '' },
    });
    expect(text).toBe(
      [
        '[urgent] อุบัติเหตุบนทางหลวง 314',
        'เวลา: 22 พ.ย. 2569 00:45 น.',
        '',
        '[URGENT] Accident on Route 314',
        'Time: 22 Nov 2026, 00:45 (UTC+7)',
      ].join('\n'),
    );
  });

  it('shortens both bodies to fit, keeping both languages and the times', () => {
    const long = { ...notification, body: { en: 'word '.repeat(3000), th: 'ช้าง '.repeat(3000) } };
    const text = formatNotificationText(long, 1000);
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text.length).toBeGreaterThan(900);
    expect(text).toContain('เวลา: 22 พ.ย. 2569 00:45 น.');
    expect(text).toContain('Time: 22 Nov 2026, 00:45 (UTC+7)');
    expect(text).toContain('https://toc.example/events/1');
    expect(text.match(/…/g)).toHaveLength(2);
  });

  it('gives the room a short English body does not need to the Thai body', () => {
    const long = { ...notification, body: { en: 'Short.', th: 'ก'.repeat(3000) } };
    const text = formatNotificationText(long, 1000);
    expect(text.length).toBeGreaterThan(950);
    expect(text).toContain('\nShort.\n');
  });
});

describe('truncateText', () => {
  it('trims and never splits a Thai character from its marks', () => {
    expect(truncateText('  สวัสดี  ', 10)).toBe('สวัสดี');
    // "ที่" is one grapheme of three code units; cutting inside it would leave a dangling mark.
    expect(truncateText('ที่นี่ที่นั่น', 5)).toBe('ที่…');
    expect(truncateText('abcdef', 0)).toBe('');
  });
});
