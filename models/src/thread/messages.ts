// Messages between the main thread and a detector thread.
import type { BoxScale } from '../detection.schema';

export interface ThreadRequest {
  id: number;
  tensor: Float32Array;
  scale: BoxScale;
}

export type ThreadReply =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; detections: unknown[]; inferenceMs: number }
  /** id 0: loading the model failed. */
  | { kind: 'error'; id: number; message: string };
