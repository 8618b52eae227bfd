// Text colour for a route badge: black on light route colours, white on dark ones (WCAG relative luminance).
// Shared by the control room and the public sign.

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** `#rrggbb` → '#000000' or '#ffffff', whichever contrasts more. */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  const hex = background.replace('#', '');
  const luminance = 0.2126 * channel(hex.slice(0, 2)) + 0.7152 * channel(hex.slice(2, 4)) + 0.0722 * channel(hex.slice(4, 6));
  // Contrast with black (L + 0.05) / 0.05 beats white 1.05 / (L + 0.05) above L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
