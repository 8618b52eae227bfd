// Elephants page (being built).
import type { Role } from '@toc/server/schemas';

export default function ElephantsPage({ role }: { role: Role }) {
  return <main data-testid="elephants-page" data-role={role} />;
}
