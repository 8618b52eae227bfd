// Camera detail and setup page (being built).
import type { Role } from '@toc/server/schemas';

export default function CameraPage({ role, cameraId }: { role: Role; cameraId: number }) {
  return <main data-testid="camera-page" data-role={role} data-camera-id={cameraId} />;
}
