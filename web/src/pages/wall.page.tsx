// Wall page (being built).
import type { Role } from '@toc/server/schemas';

export default function WallPage({ role }: { role: Role }) {
  return <main data-testid="wall-page" data-role={role} />;
}
