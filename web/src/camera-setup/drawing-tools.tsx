// Drawing a new zone, counting line or travel arrow: the toolbar, the shape in progress, and the keyboard keys.
import { useEffect, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImagePoint } from '@toc/server/schemas';
import { DragHandle } from './drag-handle';
import { useSurface } from './frame-surface';
import { arrowHead, svgPoints, toPixel } from './geometry';
import type { EditorAction, Tool } from './scene-editor.state';

/** Escape stops drawing, Enter closes the zone, Backspace takes back the last corner (not while typing in a field). */
export function useDrawingKeys(tool: Tool, dispatch: Dispatch<EditorAction>): void {
  useEffect(() => {
    if (tool.kind === 'idle') return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (e.key === 'Escape') dispatch({ type: 'stopTool' });
      else if (e.key === 'Enter') dispatch({ type: 'finishZone' });
      else if (e.key === 'Backspace') dispatch({ type: 'undoPoint' });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tool.kind, dispatch]);
}

export function DrawingToolbar({ tool, dispatch }: { tool: Tool; dispatch: Dispatch<EditorAction> }) {
  const { t } = useTranslation();
  if (tool.kind === 'idle') {
    return (
      <div className="setup-toolbar">
        <button type="button" className="button secondary" onClick={() => dispatch({ type: 'startZone' })} data-testid="zone-new">
          {t('setup.zone.new')}
        </button>
        <button type="button" className="button secondary" onClick={() => dispatch({ type: 'startLine' })} data-testid="line-new">
          {t('setup.line.new')}
        </button>
        <span className="setup-hint">{t('setup.selectHint')}</span>
      </div>
    );
  }
  const hint =
    tool.kind === 'zone'
      ? t('setup.zone.drawHint', { n: tool.points.length })
      : tool.kind === 'line'
        ? t(tool.points.length === 0 ? 'setup.line.drawFirst' : 'setup.line.drawSecond')
        : t(tool.from ? 'setup.zone.directionHead' : 'setup.zone.directionTail');
  return (
    <div className="setup-toolbar drawing" data-testid="drawing-toolbar">
      <span className="setup-hint strong" role="status">
        {hint}
      </span>
      {tool.kind === 'zone' && (
        <>
          <button type="button" className="button" disabled={tool.points.length < 3} onClick={() => dispatch({ type: 'finishZone' })} data-testid="zone-finish">
            {t('setup.zone.finish')}
          </button>
          <button type="button" className="button secondary" disabled={tool.points.length === 0} onClick={() => dispatch({ type: 'undoPoint' })}>
            {t('setup.zone.undoCorner')}
          </button>
        </>
      )}
      <button type="button" className="button secondary" onClick={() => dispatch({ type: 'stopTool' })} data-testid="drawing-stop">
        {t('setup.stopDrawing')}
      </button>
    </div>
  );
}

/** What is being drawn: the corners so far with a rubber band to the pointer, or the line or arrow in progress. */
export function DrawingPreview({ tool, hover, dispatch }: { tool: Tool; hover: ImagePoint | null; dispatch: Dispatch<EditorAction> }) {
  const { size } = useSurface();
  if (tool.kind === 'idle') return null;
  const points = tool.kind === 'direction' ? (tool.from ? [tool.from] : []) : tool.points;
  const withHover = hover && points.length > 0 ? [...points, hover] : points;
  const pixels = withHover.map((p) => toPixel(p, size));
  const head = tool.kind === 'direction' && pixels.length === 2 ? arrowHead(pixels[0]!, pixels[1]!, 14) : null;
  return (
    <g className="drawing-preview" data-testid="drawing-preview">
      {pixels.length > 1 && <polyline points={svgPoints(pixels)} />}
      {head && <polygon className="preview-head" points={svgPoints(head)} />}
      {tool.kind === 'zone' &&
        tool.points.map((point, index) =>
          index === 0 && tool.points.length >= 3 ? (
            // The first corner closes the zone when clicked.
            <DragHandle key={index} point={point} radius={9} className="close-target" onClick={() => dispatch({ type: 'finishZone' })} />
          ) : (
            <DragHandle key={index} point={point} radius={5} />
          ),
        )}
      {tool.kind !== 'zone' && points.map((point, index) => <DragHandle key={index} point={point} radius={5} />)}
    </g>
  );
}
