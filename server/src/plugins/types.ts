// Fastify type extensions: decorations and the per-route role declaration.
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Pool } from '../db/pool';
import type { ChannelNames } from '../realtime/channel-names';
import type { Role, SessionUser } from '../schemas';
import type { RequestJobs } from '../services/footage-requests/request-context';
import type { EventStore } from '../services/event-store.service';
import type { SecretKeyring } from '../secrets/secret-box';

/** Who may call a route: a list of roles, or 'public' for routes that need no login. */
export type RouteRoles = readonly Role[] | 'public';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** The Redis pub/sub channels of this deployment (under `config.queuePrefix`). */
    channels: ChannelNames;
    /** The wall clock: session expiry and other instants read it here, so tests can pin it. */
    now: () => Date;
    /** CAMERA_SECRET_KEY (seals camera credentials at rest) and, during a rotation, the keys before it. */
    cameraKeys: SecretKeyring;
    db: Pool;
    redis: Redis;
    eventStore: EventStore;
    /** Exports and notices started by footage-request steps. */
    requestJobs: RequestJobs;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    roles?: RouteRoles;
    /** Open to a session whose user must change a temporary password first (only /api/me, its password, logout). */
    allowedBeforePasswordChange?: true;
  }
}

export const ALL_ROLES: readonly Role[] = ['admin', 'operator', 'police', 'planner', 'viewer'];
export const OPERATORS: readonly Role[] = ['admin', 'operator'];
export const ADMINS: readonly Role[] = ['admin'];
/** Live camera pictures are for the control room (PDPA): police get recorded evidence, planners figures. */
export const LIVE_VIDEO_ROLES: readonly Role[] = ['admin', 'operator', 'viewer'];
/** The live crash layer (last 24 hours): the control room and planners; police have their own tools. */
export const CRASHES_LIVE_ROLES: readonly Role[] = ['admin', 'operator', 'planner', 'viewer'];
