// The HLS media playlist (version 7, fragmented MP4) of a camera's recorded segments over a window.

/** One recorded segment as the playlist names it: its own header (the map) then its fragments, in the same file. */
export interface PlaylistSegment {
  id: number;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
  initBytes: number;
}

export interface PlaylistInput {
  /** In recording order. */
  segments: readonly PlaylistSegment[];
  from: Date;
  to: Date;
  now: Date;
  /** How long after its end a window's footage is all indexed (a segment closes, then is hashed and indexed). */
  settleMs: number;
}

export const segmentUrl = (id: number) => `/api/recordings/segments/${id}`;

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * Every segment is a file of its own whose timestamps restart at zero, with its own header: each gets its own map and
 * a discontinuity, and its wall-clock start says where it belongs (a gap between two needs nothing more). A window
 * wholly in the past (and settled) is VOD with an end; otherwise it is an EVENT playlist without one, which the
 * player reloads as new segments close. EXT-X-START points the player at `from` rather than at the live edge.
 */
export function buildHlsPlaylist(input: PlaylistInput): string {
  const { segments } = input;
  if (segments.length === 0) throw new Error('A playlist needs at least one segment');
  const durations = segments.map((s) => seconds(s.endedAt.getTime() - s.startedAt.getTime()));
  const target = Math.max(1, ...durations.map((d) => Math.ceil(Number(d))));
  const complete = input.to.getTime() + input.settleMs <= input.now.getTime();
  const startOffset = Math.max(0, input.from.getTime() - segments[0]!.startedAt.getTime());
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-DISCONTINUITY-SEQUENCE:0',
    `#EXT-X-PLAYLIST-TYPE:${complete ? 'VOD' : 'EVENT'}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-START:TIME-OFFSET=${seconds(startOffset)},PRECISE=YES`,
  ];
  segments.forEach((segment, index) => {
    const url = segmentUrl(segment.id);
    if (index > 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(
      `#EXT-X-MAP:URI="${url}",BYTERANGE="${segment.initBytes}@0"`,
      `#EXT-X-PROGRAM-DATE-TIME:${segment.startedAt.toISOString()}`,
      `#EXTINF:${durations[index]},`,
      `#EXT-X-BYTERANGE:${segment.bytes - segment.initBytes}@${segment.initBytes}`,
      url,
    );
  });
  if (complete) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
