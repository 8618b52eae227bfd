// Redis pub/sub channel names under QUEUE_PREFIX, so deployments sharing one Redis hear only their own.
export const channelNames = (prefix: string) => ({
  /** Event (stored in PostGIS first): relayed to the rooms of its type. */
  events: `${prefix}:events`,
  /** CameraStatusMessage: a camera's live status. */
  cameraStatus: `${prefix}:camera-status`,
  /** TrackedObjectsMessage from the camera workers, about once a second per calibrated camera. */
  objects: `${prefix}:objects`,
  /** BusDelta from the GPS worker (and from a deleted vehicle). */
  buses: `${prefix}:buses`,
  /** StopArrivalsMessage per stop whose predictions changed. */
  stopArrivals: `${prefix}:stop-arrivals`,
  /** FootageRequestChange: a request moved a step, or its export progressed. */
  footageRequests: `${prefix}:footage-requests`,
  /** CrashesChangedMessage: the live crash layer (last 24 hours) may have changed. */
  crashesChanged: `${prefix}:crashes-changed`,
  /** `{ cameraId }`: camera definitions changed, camera workers reconcile without a restart. */
  cameraConfig: `${prefix}:camera-config`,
  /** SessionEnd: a session (or all of a user's) ended, servers re-check the sockets that rode on it. */
  sessionEnded: `${prefix}:session-ended`,
});
export type ChannelNames = ReturnType<typeof channelNames>;
