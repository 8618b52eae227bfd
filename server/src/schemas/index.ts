// The single source of every schema: REST bodies and replies, socket events, job payloads.
export * from './common.schema';
export * from './camera.schema';
export * from './event.schema';
export * from './auth.schema';
export * from './realtime.schema';
export * from './jobs.schema';
export * from './analytics.schema';
export * from './places.schema';
export * from './traps.schema';
export * from './counts.schema';
export * from './evidence.schema';
export * from './crowd-zones.schema';
export * from './wall.schema';
export * from './gps.schema';
export * from './transit.schema';
export * from './transit-api.schema';
