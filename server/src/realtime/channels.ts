// Publishing to the Redis channels that the socket relay listens on (after the row is durable in PostGIS).
import type { Redis } from 'ioredis';
import { CHANNELS, type CameraStatusMessage, type Event } from '../schemas';

export const CAMERA_CONFIG_CHANNEL = 'toc:camera-config';

export async function publishEvent(redis: Redis, event: Event): Promise<void> {
  await redis.publish(CHANNELS.events, JSON.stringify(event));
}

export async function publishCameraStatus(redis: Redis, status: CameraStatusMessage): Promise<void> {
  await redis.publish(CHANNELS.cameraStatus, JSON.stringify(status));
}

/** Tells camera workers that camera definitions changed, so they reconcile without a restart. */
export async function publishCameraConfigChanged(redis: Redis, cameraId: number): Promise<void> {
  await redis.publish(CAMERA_CONFIG_CHANNEL, JSON.stringify({ cameraId }));
}

/** A session (by token hash, hex) or all sessions of a user ended: servers drop the sockets that rode on them. */
export const SESSION_ENDED_CHANNEL = 'toc:session-ended';
export type SessionEnd = { tokenHash: string } | { userId: number };

export async function publishSessionEnded(redis: Redis, end: SessionEnd): Promise<void> {
  await redis.publish(SESSION_ENDED_CHANNEL, JSON.stringify(end));
}
