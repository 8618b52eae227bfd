// Small drawn icons for the player's buttons (font glyphs such as ▶ or ⏮ are missing on some control-room PCs).
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  focusable: false,
} as const;

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
  </svg>
);

export const PauseIcon = () => (
  <svg {...common}>
    <rect x="3.5" y="2.5" width="3" height="11" fill="currentColor" />
    <rect x="9.5" y="2.5" width="3" height="11" fill="currentColor" />
  </svg>
);

/** A bar and a triangle pointing away from it: one frame that way. */
export const FrameIcon = ({ direction }: { direction: 1 | -1 }) => (
  <svg {...common} style={direction < 0 ? { transform: 'scaleX(-1)' } : undefined}>
    <path d="M3 3v10l7-5z" fill="currentColor" />
    <rect x="11" y="3" width="2" height="10" fill="currentColor" />
  </svg>
);
