// The zones and lines of a camera by name and kind, with their settings; a warning mark where the draft has a problem.
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/i18n';
import { localName, type DraftProblems, type SceneDraft } from './scene-draft';
import { ZONE_COLORS, zoneKindKey } from './zone-editor';

interface SceneListsProps {
  draft: SceneDraft;
  language: Language;
  selectedKey: number | null;
  problems: DraftProblems;
  onSelect: ((group: 'zones' | 'lines', key: number) => void) | null;
}

export function SceneLists({ draft, language, selectedKey, problems, onSelect }: SceneListsProps) {
  const { t } = useTranslation();
  return (
    <div className="scene-lists">
      <h3 className="setup-subtitle">{t('setup.zones', { n: draft.zones.length })}</h3>
      {draft.zones.length === 0 && <p className="setup-hint">{t('setup.zones.none')}</p>}
      <ul className="setup-list" data-testid="zone-list">
        {draft.zones.map((zone, index) => (
          <li key={zone.key} className={selectedKey === zone.key ? 'selected' : ''} data-testid="zone-item" data-problem={problems.zones.has(index)}>
            <button type="button" disabled={!onSelect} onClick={() => onSelect?.('zones', zone.key)}>
              <span className="dot" style={{ background: ZONE_COLORS[zone.kind] }} aria-hidden="true" />
              <span className="item-name">{localName(zone, language) || t('setup.zone.unnamed')}</span>
              <span className="item-detail">
                {t(zoneKindKey(zone.kind))}
                {zone.kind === 'crowd_area' &&
                  zone.alertAbove !== undefined &&
                  ` · ${t('setup.zone.thresholds', { alert: zone.alertAbove, clear: zone.clearBelow ?? '–' })}`}
              </span>
              {problems.zones.has(index) && <span className="item-warning">{t('setup.needsAttention')}</span>}
            </button>
          </li>
        ))}
      </ul>
      <h3 className="setup-subtitle">{t('setup.lines', { n: draft.lines.length })}</h3>
      {draft.lines.length === 0 && <p className="setup-hint">{t('setup.lines.none')}</p>}
      <ul className="setup-list" data-testid="line-list">
        {draft.lines.map((line, index) => (
          <li key={line.key} className={selectedKey === line.key ? 'selected' : ''} data-testid="line-item" data-problem={problems.lines.has(index)}>
            <button type="button" disabled={!onSelect} onClick={() => onSelect?.('lines', line.key)}>
              <span className="dot line" aria-hidden="true" />
              <span className="item-name">{localName(line, language) || t('setup.line.unnamed')}</span>
              {problems.lines.has(index) && <span className="item-warning">{t('setup.needsAttention')}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
