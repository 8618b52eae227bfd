// A box grown around its centre: buffered IoU for the tracker, contact between road users for the rules.
/** [x1, y1, x2, y2] in pixels. */
type Box = [number, number, number, number];

/**
 * The box grown by `buffer` of its width and height on every side. Buffered IoU (Yang et al., "Hard to track objects
 * with irregular motions and similar appearances? Make it easier by buffering the matching space", 2023): an object
 * that moved more than its own size between two detect frames (a motorcycle at 5 fps) still overlaps itself.
 */
export function bufferBox(box: Box, buffer: number): Box {
  const dx = (box[2] - box[0]) * buffer;
  const dy = (box[3] - box[1]) * buffer;
  return [box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy];
}
