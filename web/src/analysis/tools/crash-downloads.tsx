// The filtered crashes as files (CSV with Thai and English headers, GeoJSON) and the OGC API – Features address for
// QGIS and other GIS clients.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrashFilterState } from '../crash-filter-state';
import { crashExportUrl, ogcLandingUrl } from '../crashes.api';
import './tools.css';

type Copy = 'idle' | 'copied' | 'failed';

export interface CrashDownloadsProps {
  filter: CrashFilterState;
}

export function CrashDownloads({ filter }: CrashDownloadsProps) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<Copy>('idle');
  const input = useRef<HTMLInputElement>(null);
  const address = ogcLandingUrl();

  // "Copied" fades back to the button's own word after a moment.
  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = window.setTimeout(() => setCopy('idle'), 2_000);
    return () => window.clearTimeout(timer);
  }, [copy]);

  const copyAddress = () => {
    // The clipboard needs a secure context (HTTPS or localhost); elsewhere the address is selected for Ctrl+C.
    const selectForHand = () => {
      input.current?.select();
      setCopy('failed');
    };
    if (!navigator.clipboard) return selectForHand();
    navigator.clipboard.writeText(address).then(() => setCopy('copied'), selectForHand);
  };

  return (
    <section className="tools-panel" data-testid="crash-downloads">
      <h3>{t('analysis-tools.downloads.title')}</h3>
      <p className="tools-hint">{t('analysis-tools.downloads.hint')}</p>
      <div className="tools-downloads">
        <a
          className="button secondary"
          href={crashExportUrl(filter, 'csv')}
          download
          data-testid="download-csv"
        >
          {t('analysis-tools.downloads.csv')}
        </a>
        <a
          className="button secondary"
          href={crashExportUrl(filter, 'geojson')}
          download
          data-testid="download-geojson"
        >
          {t('analysis-tools.downloads.geojson')}
        </a>
      </div>
      <label className="tools-field" htmlFor="crash-downloads-ogc">
        {t('analysis-tools.downloads.ogc')}
      </label>
      <div className="tools-copy">
        <input
          id="crash-downloads-ogc"
          ref={input}
          type="text"
          readOnly
          value={address}
          onFocus={(e) => e.target.select()}
          data-testid="ogc-url"
        />
        <button type="button" className="button secondary" onClick={copyAddress} data-testid="ogc-copy">
          {copy === 'copied' ? t('analysis-tools.downloads.copied') : t('analysis-tools.downloads.copy')}
        </button>
      </div>
      <p className="tools-hint">{t('analysis-tools.downloads.ogcHint')}</p>
      {copy === 'failed' && (
        <p className="tools-note" role="status">
          {t('analysis-tools.downloads.copyFailed')}
        </p>
      )}
    </section>
  );
}
