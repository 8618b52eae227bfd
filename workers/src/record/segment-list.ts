// Parses the segment muxer's CSV list: one `file,start,end` line per closed segment, times in stream seconds.

export interface ListedSegment {
  file: string;
  startS: number;
  endS: number;
}

/** The complete lines of the list (a line still being written has no newline yet and is left for the next read). */
export function parseSegmentList(text: string): ListedSegment[] {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const segments: ListedSegment[] = [];
  for (const line of complete.split('\n')) {
    if (!line.trim()) continue;
    // The muxer quotes a file name only when it contains a comma or a quote; ours never do.
    const [file, start, end] = line.split(',');
    const startS = Number(start);
    const endS = Number(end);
    if (!file || !Number.isFinite(startS) || !Number.isFinite(endS) || endS < startS) continue;
    segments.push({ file, startS, endS });
  }
  return segments;
}
