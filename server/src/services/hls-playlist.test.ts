// Small: the playlist of recorded segments: a map, a discontinuity and the wall-clock start per segment, the byte
// ranges of header and fragments, VOD with an end only for a settled past window, EVENT without one otherwise.
import { describe, expect, it } from 'vitest';
import { buildHlsPlaylist, type PlaylistSegment } from './hls-playlist';

const at = (iso: string) => new Date(iso);
const SEGMENTS: PlaylistSegment[] = [
  {
    id: 7,
    startedAt: at('2031-03-14T02:00:00.000Z'),
    endedAt: at('2031-03-14T02:00:10.000Z'),
    bytes: 5000,
    initBytes: 800,
  },
  {
    id: 8,
    startedAt: at('2031-03-14T02:00:10.020Z'),
    endedAt: at('2031-03-14T02:00:20.520Z'),
    bytes: 6000,
    initBytes: 810,
  },
  // After a gap of a minute: nothing but the discontinuity and its own date.
  {
    id: 12,
    startedAt: at('2031-03-14T02:01:20.500Z'),
    endedAt: at('2031-03-14T02:01:24.000Z'),
    bytes: 3000,
    initBytes: 800,
  },
];
const window = { from: at('2031-03-14T02:00:05Z'), to: at('2031-03-14T02:02:00Z'), settleMs: 120_000 };

describe('buildHlsPlaylist', () => {
  it('lists each segment with its own map, date and byte ranges, and ends a settled past window as VOD', () => {
    const text = buildHlsPlaylist({ ...window, segments: SEGMENTS, now: at('2031-03-14T03:00:00Z') });
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-TARGETDURATION:11',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-DISCONTINUITY-SEQUENCE:0',
        '#EXT-X-PLAYLIST-TYPE:VOD',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-START:TIME-OFFSET=5.000,PRECISE=YES',
        '#EXT-X-MAP:URI="/api/recordings/segments/7",BYTERANGE="800@0"',
        '#EXT-X-PROGRAM-DATE-TIME:2031-03-14T02:00:00.000Z',
        '#EXTINF:10.000,',
        '#EXT-X-BYTERANGE:4200@800',
        '/api/recordings/segments/7',
        '#EXT-X-DISCONTINUITY',
        '#EXT-X-MAP:URI="/api/recordings/segments/8",BYTERANGE="810@0"',
        '#EXT-X-PROGRAM-DATE-TIME:2031-03-14T02:00:10.020Z',
        '#EXTINF:10.500,',
        '#EXT-X-BYTERANGE:5190@810',
        '/api/recordings/segments/8',
        '#EXT-X-DISCONTINUITY',
        '#EXT-X-MAP:URI="/api/recordings/segments/12",BYTERANGE="800@0"',
        '#EXT-X-PROGRAM-DATE-TIME:2031-03-14T02:01:20.500Z',
        '#EXTINF:3.500,',
        '#EXT-X-BYTERANGE:2200@800',
        '/api/recordings/segments/12',
        '#EXT-X-ENDLIST',
        '',
      ].join('\n'),
    );
  });

  it('is an EVENT playlist without an end while the window reaches now or its footage may still be indexed', () => {
    for (const now of ['2031-03-14T02:01:30Z', '2031-03-14T02:03:59Z']) {
      const text = buildHlsPlaylist({ ...window, segments: SEGMENTS, now: at(now) });
      expect(text).toContain('#EXT-X-PLAYLIST-TYPE:EVENT\n');
      expect(text).not.toContain('#EXT-X-ENDLIST');
    }
    expect(buildHlsPlaylist({ ...window, segments: SEGMENTS, now: at('2031-03-14T02:04:00Z') })).toContain(
      '#EXT-X-ENDLIST',
    );
  });

  it('starts at the first segment when the window begins before it, and rounds the target duration up', () => {
    const text = buildHlsPlaylist({
      ...window,
      from: at('2031-03-14T01:59:00Z'),
      segments: SEGMENTS.slice(2),
      now: at('2031-03-15T00:00:00Z'),
    });
    expect(text).toContain('#EXT-X-START:TIME-OFFSET=0.000,PRECISE=YES\n');
    expect(text).toContain('#EXT-X-TARGETDURATION:4\n');
    expect(text).not.toContain('#EXT-X-DISCONTINUITY\n');
  });

  it('refuses to build an empty playlist (the route answers 404 with the reason instead)', () => {
    expect(() => buildHlsPlaylist({ ...window, segments: [], now: at('2031-03-15T00:00:00Z') })).toThrow();
  });
});
