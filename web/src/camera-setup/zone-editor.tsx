// One zone on the picture (outline, name, travel arrow, draggable corners) and its settings form.
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { ZONE_KINDS, type ZoneInput, type ZoneKind } from '@toc/server/schemas';
import type { SceneError } from '@toc/server/geometry/scene-validation';
import type { Language } from '../i18n/i18n';
import { DragHandle } from './drag-handle';
import { useSurface } from './frame-surface';
import { arrowHead, centroid, directionArrow, svgPoints, toPixel } from './geometry';
import { hasProblem, localName, withKind, type DraftZone } from './scene-draft';
import type { EditorAction } from './scene-editor.state';

export const ZONE_COLORS: Record<ZoneKind, string> = {
  roadway: '#38bdf8',
  sidewalk: '#a3e635',
  crowd_area: '#f472b6',
  elephant_watch: '#f59e0b',
  mask: '#9ca3af',
};

const ARROW_PX = 70;

export const zoneKindKey = (kind: ZoneKind) => `setup.kind.${kind}` as const;

interface ZoneShapeProps {
  zone: DraftZone | ZoneInput;
  language: Language;
  selected?: boolean;
  problem?: boolean;
  /** Clicking the outline selects the zone (only when no tool is drawing). */
  onSelect?: () => void;
  /** With a dispatch and `selected`, the corners can be dragged, added and removed. */
  dispatch?: Dispatch<EditorAction>;
}

export function ZoneShape({ zone, language, selected = false, problem = false, onSelect, dispatch }: ZoneShapeProps) {
  const { t } = useTranslation();
  const { size } = useSurface();
  const color = ZONE_COLORS[zone.kind];
  const pixels = zone.polygon.map((p) => toPixel(p, size));
  const centre = centroid(zone.polygon);
  const [lx, ly] = toPixel(centre, size);
  const arrow = zone.kind === 'roadway' && zone.direction ? directionArrow(centre, zone.direction, size, ARROW_PX) : null;
  const head = arrow ? arrowHead(arrow.tail, arrow.tip, 14) : null;
  const key = 'key' in zone ? zone.key : null;
  const editable = selected && dispatch && key !== null;

  return (
    <g
      className={`zone-shape${selected ? ' selected' : ''}${problem ? ' problem' : ''}${onSelect ? ' selectable' : ''}`}
      style={{ color }}
      data-testid="zone-shape"
      data-kind={zone.kind}
      data-name={zone.name}
      data-problem={problem}
    >
      <polygon
        points={svgPoints(pixels)}
        onClick={(e) => {
          if (!onSelect) return;
          e.stopPropagation();
          onSelect();
        }}
      />
      {arrow && head && (
        <g className="direction-arrow" data-testid="zone-direction">
          <line x1={arrow.tail[0]} y1={arrow.tail[1]} x2={arrow.tip[0]} y2={arrow.tip[1]} />
          <polygon points={svgPoints(head)} />
        </g>
      )}
      {/* With an arrow through the centre, the name sits above it, clear of lines drawn across the zone. */}
      <text className="shape-label" x={lx} y={ly} dy={arrow ? -(ARROW_PX / 2 + 14) : 0} textAnchor="middle">
        {localName(zone, language) || t('setup.zone.unnamed')}
      </text>
      {editable &&
        zone.polygon.map((point, index) => {
          const next = zone.polygon[(index + 1) % zone.polygon.length]!;
          return (
            <g key={index}>
              <DragHandle
                point={[(point[0] + next[0]) / 2, (point[1] + next[1]) / 2]}
                radius={5}
                className="midpoint"
                title={t('setup.zone.addCorner')}
                onClick={() => dispatch({ type: 'insertVertex', zoneKey: key, after: index })}
              />
              <DragHandle
                point={point}
                testId="zone-vertex"
                title={t('setup.zone.cornerHelp')}
                onMove={(p) => dispatch({ type: 'moveVertex', zoneKey: key, index, point: p })}
                onDoubleClick={() => dispatch({ type: 'removeVertex', zoneKey: key, index })}
              />
            </g>
          );
        })}
    </g>
  );
}

/** Number inputs: an empty box is "not set", not zero. */
const numberOrUndefined = (value: string): number | undefined => (value.trim() === '' || !Number.isFinite(Number(value)) ? undefined : Number(value));

interface ZoneFormProps {
  zone: DraftZone;
  problems: readonly SceneError[] | undefined;
  language: Language;
  drawingDirection: boolean;
  dispatch: Dispatch<EditorAction>;
}

export function ZoneForm({ zone, problems, language, drawingDirection, dispatch }: ZoneFormProps) {
  const { t } = useTranslation();
  const change = (next: DraftZone) => dispatch({ type: 'changeZone', zone: next });
  const invalid = (field: string) => (hasProblem(problems, field) ? true : undefined);

  return (
    <div className="setup-form" data-testid="zone-form">
      <label>
        {t('setup.zone.kind')}
        <select value={zone.kind} onChange={(e) => change(withKind(zone, e.target.value as ZoneKind))} data-testid="zone-kind">
          {ZONE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(zoneKindKey(kind))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('setup.nameTh')}
        <input value={zone.nameTh} lang="th" aria-invalid={invalid('nameTh')} onChange={(e) => change({ ...zone, nameTh: e.target.value })} data-testid="zone-name-th" />
      </label>
      <label>
        {t('setup.nameEn')}
        <input value={zone.name} lang="en" aria-invalid={invalid('name')} onChange={(e) => change({ ...zone, name: e.target.value })} data-testid="zone-name" />
      </label>
      {zone.kind === 'roadway' && (
        <div className="setup-field">
          <span>{t('setup.zone.direction')}</span>
          <span className={zone.direction ? '' : 'setup-missing'}>{zone.direction ? t('setup.zone.directionSet') : t('setup.zone.directionMissing')}</span>
          <button
            type="button"
            className="button secondary"
            aria-pressed={drawingDirection}
            onClick={() => dispatch(drawingDirection ? { type: 'stopTool' } : { type: 'startDirection', zoneKey: zone.key })}
            data-testid="zone-direction-draw"
          >
            {drawingDirection ? t('setup.stopDrawing') : t('setup.zone.drawDirection')}
          </button>
        </div>
      )}
      {zone.kind === 'crowd_area' && (
        <>
          <label>
            {t('setup.zone.alertAbove')}
            <input
              type="number"
              min={0}
              step="any"
              value={zone.alertAbove ?? ''}
              aria-invalid={invalid('alertAbove')}
              onChange={(e) => change({ ...zone, alertAbove: numberOrUndefined(e.target.value) })}
              data-testid="zone-alert-above"
            />
          </label>
          <label>
            {t('setup.zone.clearBelow')}
            <input
              type="number"
              min={0}
              step="any"
              value={zone.clearBelow ?? ''}
              aria-invalid={invalid('clearBelow')}
              onChange={(e) => change({ ...zone, clearBelow: numberOrUndefined(e.target.value) })}
              data-testid="zone-clear-below"
            />
          </label>
          <p className="setup-hint">{t('setup.zone.thresholdUnit')}</p>
        </>
      )}
      <p className="setup-hint">{t('setup.zone.cornerHelp')}</p>
      <ProblemList problems={problems} language={language} />
      <button type="button" className="button secondary danger" onClick={() => dispatch({ type: 'delete', group: 'zones', key: zone.key })} data-testid="zone-delete">
        {t('setup.zone.delete')}
      </button>
    </div>
  );
}

/** Instant feedback under a form, in the chosen language (the same rules the server applies on save). */
export function ProblemList({ problems, language }: { problems: readonly SceneError[] | undefined; language: Language }) {
  if (!problems?.length) return null;
  return (
    <ul className="setup-problems" data-testid="draft-problems">
      {problems.map((problem) => (
        <li key={`${problem.path}:${problem.reason}`}>{language === 'th' ? problem.reasonTh : problem.reason}</li>
      ))}
    </ul>
  );
}
