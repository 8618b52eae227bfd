// One counting line on the picture (its "forward" crossing arrow, draggable ends) and its settings form.
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountingLineInput } from '@toc/server/schemas';
import type { SceneError } from '@toc/server/geometry/scene-validation';
import type { Language } from '../i18n/i18n';
import { DragHandle } from './drag-handle';
import { useSurface } from './frame-surface';
import { arrowHead, forwardNormal, svgPoints, toPixel, type Pixel } from './geometry';
import { hasProblem, localName, reversed, type DraftLine } from './scene-draft';
import type { EditorAction } from './scene-editor.state';
import { ProblemList } from './zone-editor';

export const LINE_COLOR = '#facc15';
const FORWARD_PX = 36;

interface LineShapeProps {
  line: DraftLine | CountingLineInput;
  language: Language;
  selected?: boolean;
  problem?: boolean;
  onSelect?: () => void;
  dispatch?: Dispatch<EditorAction>;
}

export function LineShape({ line, language, selected = false, problem = false, onSelect, dispatch }: LineShapeProps) {
  const { t } = useTranslation();
  const { size } = useSurface();
  const [a, b] = line.points;
  const pa = toPixel(a, size);
  const pb = toPixel(b, size);
  const along = (f: number): Pixel => [pa[0] + (pb[0] - pa[0]) * f, pa[1] + (pb[1] - pa[1]) * f];
  const normal = forwardNormal(a, b, size);
  // Arrow and name sit off the middle, where a roadway's own arrow (at the zone's centre) is often drawn.
  const base = along(0.7);
  const tip: Pixel | null = normal ? [base[0] + normal[0] * FORWARD_PX, base[1] + normal[1] * FORWARD_PX] : null;
  const head = tip ? arrowHead(base, tip, 12) : null;
  // The name sits on the side the arrow does not use.
  const nameAt = along(0.3);
  const labelAt: Pixel = normal ? [nameAt[0] - normal[0] * 16, nameAt[1] - normal[1] * 16] : nameAt;
  const key = 'key' in line ? line.key : null;
  const editable = selected && dispatch && key !== null;

  return (
    <g
      className={`line-shape${selected ? ' selected' : ''}${problem ? ' problem' : ''}${onSelect ? ' selectable' : ''}`}
      style={{ color: LINE_COLOR }}
      data-testid="line-shape"
      data-name={line.name}
    >
      {/* A wide invisible stroke makes the thin line easy to click. */}
      <line
        className="hit-area"
        x1={pa[0]}
        y1={pa[1]}
        x2={pb[0]}
        y2={pb[1]}
        onClick={(e) => {
          if (!onSelect) return;
          e.stopPropagation();
          onSelect();
        }}
      />
      <line className="count-line" x1={pa[0]} y1={pa[1]} x2={pb[0]} y2={pb[1]} />
      {tip && head && (
        <g className="direction-arrow" data-testid="line-forward">
          <line x1={base[0]} y1={base[1]} x2={tip[0]} y2={tip[1]} />
          <polygon points={svgPoints(head)} />
        </g>
      )}
      <text className="shape-label" x={labelAt[0]} y={labelAt[1]} dy="0.35em" textAnchor="middle">
        {localName(line, language) || t('setup.line.unnamed')}
      </text>
      {editable &&
        ([0, 1] as const).map((index) => (
          <DragHandle
            key={index}
            point={line.points[index]}
            label={index === 0 ? 'A' : 'B'}
            radius={9}
            testId="line-end"
            onMove={(p) => dispatch({ type: 'moveLineEnd', lineKey: key, index, point: p })}
          />
        ))}
    </g>
  );
}

interface LineFormProps {
  line: DraftLine;
  problems: readonly SceneError[] | undefined;
  language: Language;
  dispatch: Dispatch<EditorAction>;
}

export function LineForm({ line, problems, language, dispatch }: LineFormProps) {
  const { t } = useTranslation();
  const change = (next: DraftLine) => dispatch({ type: 'changeLine', line: next });
  const invalid = (field: string) => (hasProblem(problems, field) ? true : undefined);
  return (
    <div className="setup-form" data-testid="line-form">
      <label>
        {t('setup.nameTh')}
        <input value={line.nameTh} lang="th" aria-invalid={invalid('nameTh')} onChange={(e) => change({ ...line, nameTh: e.target.value })} data-testid="line-name-th" />
      </label>
      <label>
        {t('setup.nameEn')}
        <input value={line.name} lang="en" aria-invalid={invalid('name')} onChange={(e) => change({ ...line, name: e.target.value })} data-testid="line-name" />
      </label>
      <p className="setup-hint">{t('setup.line.forwardHelp')}</p>
      <button type="button" className="button secondary" onClick={() => change(reversed(line))} data-testid="line-reverse">
        {t('setup.line.reverse')}
      </button>
      <ProblemList problems={problems} language={language} />
      <button type="button" className="button secondary danger" onClick={() => dispatch({ type: 'delete', group: 'lines', key: line.key })} data-testid="line-delete">
        {t('setup.line.delete')}
      </button>
    </div>
  );
}
