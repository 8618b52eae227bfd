// The ffmpeg output that records a stream as it arrives: stream copy into crash-safe fragmented-MP4 segments.

/** Fragments of at most one second: a crash loses at most the fragment being written. */
export const FRAGMENT_US = 1_000_000;

/**
 * Output options for ffmpeg's segment muxer. The video is copied (no re-encode: the recording is the camera's own
 * bitstream); audio is dropped, since not every camera codec goes in MP4 and the control room has no use for it.
 * Each segment is a self-contained fragmented MP4 (its own header), cut at a keyframe after `segmentSeconds`. The
 * muxer appends `file,start,end` to `listFile` as each segment closes; times are seconds from the stream's start.
 */
export function segmentOutputOptions(segmentSeconds: number, listFile: string): string[] {
  return [
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-c:v',
    'copy',
    '-f',
    'segment',
    '-segment_time',
    String(segmentSeconds),
    '-segment_format',
    'mp4',
    // flush_packets: each fragment reaches the file as it is cut. Without it ffmpeg writes in 256 KB blocks, and a
    // crash lost several seconds (more at low bitrates) that existed only in its buffer.
    '-segment_format_options',
    `movflags=+frag_keyframe+empty_moov+default_base_moof:frag_duration=${FRAGMENT_US}:flush_packets=1`,
    '-segment_list',
    listFile,
    '-segment_list_type',
    'csv',
    '-segment_list_flags',
    '+live',
  ];
}

/** The file name pattern of one run's segments in its incoming directory. */
export const segmentPattern = (runId: string) => `${runId}-%06d.mp4`;
