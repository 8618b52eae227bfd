// Network screening for planners: road sections ranked by a sliding window over the filtered crashes, black spots
// marked; re-ranked on submit and whenever the page's filter changes, the previous request aborted.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoadSection, RoadSectionsReply } from '@toc/server/schemas';
import { ApiError } from '../../api/api-error';
import { useLanguage } from '../../i18n/use-language';
import { crashQueryString, type CrashFilterState } from '../crash-filter-state';
import { fetchRoadSections } from '../crashes.api';
import { SectionsFormView } from './sections-form';
import {
  DEFAULT_SECTIONS_FORM,
  sectionsExtra,
  type SectionsExtra,
  type SectionsProblem,
} from './sections-params';
import { SectionsSummary } from './sections-summary';
import { SectionsTable } from './sections-table';
import { useLatest } from './use-latest';
import './tools.css';

export interface RoadSectionsPanelProps {
  filter: CrashFilterState;
  onSections: (sections: RoadSection[]) => void;
  onSelect: (place: { lon: number; lat: number }) => void;
}

type Status = { kind: 'loading' } | { kind: 'loaded' } | { kind: 'failed'; error: unknown };

const initialExtra = (): SectionsExtra => {
  const checked = sectionsExtra(DEFAULT_SECTIONS_FORM);
  return 'extra' in checked ? checked.extra : {};
};

export function RoadSectionsPanel({ filter, onSections, onSelect }: RoadSectionsPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form, setForm] = useState(DEFAULT_SECTIONS_FORM);
  const [problem, setProblem] = useState<SectionsProblem | null>(null);
  // A new object on every submit, so submitting the same parameters again runs again.
  const [applied, setApplied] = useState<{ extra: SectionsExtra }>(() => ({ extra: initialExtra() }));
  const [reply, setReply] = useState<RoadSectionsReply | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [selectedRank, setSelectedRank] = useState<number | null>(null);
  const latestOnSections = useLatest(onSections);
  // The filter by value: a parent re-creating an equal filter object must not re-run the ranking.
  const filterKey = crashQueryString(filter);

  useEffect(() => {
    const abort = new AbortController();
    setStatus({ kind: 'loading' });
    fetchRoadSections(filter, applied.extra, abort.signal).then(
      (loaded) => {
        if (abort.signal.aborted) return;
        setReply(loaded);
        setSelectedRank(null);
        setStatus({ kind: 'loaded' });
        latestOnSections.current(loaded.sections);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        // The old ranking no longer matches the filter: the table and the map layer are cleared.
        setReply(null);
        setStatus({ kind: 'failed', error });
        latestOnSections.current([]);
      },
    );
    return () => abort.abort();
    // filterKey stands for filter; latestOnSections is a ref.
  }, [filterKey, applied]);

  const submit = () => {
    const checked = sectionsExtra(form);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    setApplied({ extra: checked.extra });
  };

  const choose = (section: RoadSection) => {
    setSelectedRank(section.rank);
    onSelect(section.location);
  };

  const failure =
    status.kind === 'failed'
      ? status.error instanceof ApiError
        ? status.error.localizedMessage(language)
        : t('analysis-tools.offline')
      : null;

  return (
    <section className="tools-panel" data-testid="sections-panel">
      <h3>{t('analysis-tools.sections.title')}</h3>
      <SectionsFormView form={form} onChange={setForm} onSubmit={submit} />
      {problem && (
        <p className="tools-error" role="alert" data-testid="sections-problem">
          {t(`analysis-tools.sections.problem.${problem}`)}
        </p>
      )}
      {failure !== null && (
        <p className="tools-error" role="alert" data-testid="sections-error">
          {t('analysis-tools.sections.failed', { reason: failure })}
        </p>
      )}
      {status.kind === 'loading' && (
        <p className="tools-hint" role="status" data-testid="sections-loading">
          {t('common.loading')}
        </p>
      )}
      {reply && (
        // The previous ranking stays, dimmed, while the next one loads, so the panel does not jump.
        <div
          className={status.kind === 'loading' ? 'tools-stale' : undefined}
          aria-busy={status.kind === 'loading'}
        >
          <SectionsSummary reply={reply} />
          {reply.sections.length === 0 ? (
            <p className="tools-hint" data-testid="sections-empty">
              {t('analysis-tools.sections.empty')}
            </p>
          ) : (
            <>
              <p className="tools-hint">{t('analysis-tools.sections.selectHint')}</p>
              <SectionsTable sections={reply.sections} selectedRank={selectedRank} onChoose={choose} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
