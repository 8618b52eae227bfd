// Queue names and the payloads they carry: references and small JSON, never frames.
import { Type, type Static } from 'typebox';

export const QUEUES = {
  /** One long-running job per enabled camera; a worker holds it while the camera runs there. */
  cameras: 'toc-cameras',
  /** One job per still image uploaded by a camera trap. */
  trapImages: 'toc-trap-images',
  /** One job per approved footage request: cut, sign and package its footage. */
  evidenceExports: 'toc-evidence-exports',
  /** One job per step of a footage request: told to the LINE/webhook targets of the request's station. */
  requestNotices: 'toc-request-notices',
} as const;

export const cameraJobId = (cameraId: number) => `camera-${cameraId}`;

/**
 * Redis key where the worker running a camera advertises its live-frame endpoint ({url, token}); the frames
 * themselves go worker → server over HTTP, never through Redis.
 */
export const frameSourceKey = (queuePrefix: string, cameraId: number) => `${queuePrefix}:frame-source:${cameraId}`;

export const FrameSource = Type.Object({
  url: Type.String({ pattern: '^https?://' }),
  token: Type.String({ minLength: 16 }),
  workerId: Type.String(),
});
export type FrameSource = Static<typeof FrameSource>;

export const CameraJob = Type.Object({ cameraId: Type.Integer({ minimum: 1 }) });
export type CameraJob = Static<typeof CameraJob>;

export const TrapImageJob = Type.Object({
  trapId: Type.Integer({ minimum: 1 }),
  /** Path of the stored upload, relative to the snapshot directory. */
  imagePath: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
});
export type TrapImageJob = Static<typeof TrapImageJob>;
