// A round handle on the drawing layer that can be dragged across the picture (zone corners, line ends, calibration points).
import { useRef, type PointerEvent, type ReactNode } from 'react';
import type { ImagePoint } from '@toc/server/schemas';
import { toPixel } from './geometry';
import { useSurface } from './frame-surface';

interface DragHandleProps {
  point: readonly [number, number];
  /** Called while dragging with the new point; without it the handle is only a marker. */
  onMove?: (point: ImagePoint) => void;
  /** A click without movement (e.g. closing a zone on its first point). */
  onClick?: () => void;
  onDoubleClick?: () => void;
  radius?: number;
  className?: string;
  label?: ReactNode;
  title?: string;
  testId?: string;
}

export function DragHandle({ point, onMove, onClick, onDoubleClick, radius = 7, className = '', label, title, testId }: DragHandleProps) {
  const { size, pointAt } = useSurface();
  const dragging = useRef(false);
  const [x, y] = toPixel(point, size);
  const interactive = Boolean(onMove || onClick || onDoubleClick);

  const down = (e: PointerEvent<SVGGElement>) => {
    if (!onMove) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = true;
  };
  const move = (e: PointerEvent<SVGGElement>) => {
    if (dragging.current && onMove) onMove(pointAt(e.clientX, e.clientY));
  };
  const up = (e: PointerEvent<SVGGElement>) => {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  return (
    <g
      className={`drag-handle ${interactive ? 'interactive' : ''} ${className}`}
      data-testid={testId}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      // Clicks on a handle are the handle's, never a new point on the picture under it.
      onClick={(e) => {
        if (!interactive) return;
        e.stopPropagation();
        onClick?.();
      }}
      onDoubleClick={(e) => {
        if (!interactive) return;
        e.stopPropagation();
        onDoubleClick?.();
      }}
    >
      {title && <title>{title}</title>}
      <circle cx={x} cy={y} r={radius} />
      {label !== undefined && (
        <text x={x} y={y} dy="0.35em" textAnchor="middle">
          {label}
        </text>
      )}
    </g>
  );
}
