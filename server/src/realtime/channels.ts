// Publishing to the Redis channels that the socket relay listens on (after the row is durable in PostGIS).
import type { Redis } from 'ioredis';
import type { CameraStatusMessage, Event } from '../schemas';
import type { ChannelNames } from './channel-names';

/** Where announcements go: the Redis connection, and the deployment's channel names (see channelNames). */
export interface Announcer {
  redis: Redis;
  channels: ChannelNames;
}

export async function publishEvent(out: Announcer, event: Event): Promise<void> {
  await out.redis.publish(out.channels.events, JSON.stringify(event));
}

export async function publishCameraStatus(out: Announcer, status: CameraStatusMessage): Promise<void> {
  await out.redis.publish(out.channels.cameraStatus, JSON.stringify(status));
}

/** Tells camera workers that camera definitions changed, so they reconcile without a restart. */
export async function publishCameraConfigChanged(out: Announcer, cameraId: number): Promise<void> {
  await out.redis.publish(out.channels.cameraConfig, JSON.stringify({ cameraId }));
}

/** A session (by token hash, hex) or all sessions of a user ended: servers drop the sockets that rode on them. */
export type SessionEnd = { tokenHash: string } | { userId: number };

export async function publishSessionEnded(out: Announcer, end: SessionEnd): Promise<void> {
  await out.redis.publish(out.channels.sessionEnded, JSON.stringify(end));
}
