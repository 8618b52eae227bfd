// A route's short name on its own colour, with black or white text, whichever reads better on it.
import { readableTextColor } from './route-colors';

const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;
const FALLBACK = '#64748b';

export function RouteBadge({ name, color }: { name: string; color: string | null }) {
  const background = color && COLOR_PATTERN.test(color) ? color : FALLBACK;
  return (
    <span className="route-badge" style={{ background, color: readableTextColor(background) }}>
      {name}
    </span>
  );
}
