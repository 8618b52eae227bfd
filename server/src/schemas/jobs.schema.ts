// Payloads carried by queues: references and small JSON, never frames.
import { Type, type Static } from 'typebox';

export const CameraJob = Type.Object({ cameraId: Type.Integer({ minimum: 1 }) });
export type CameraJob = Static<typeof CameraJob>;
