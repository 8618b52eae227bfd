// Before/after study for planners: crashes at a site in equal periods around the day a measure took effect, against
// a comparison group, with the verdict and its warnings. Runs on submit only (a study is asked for, not browsed).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeforeAfterReply } from '@toc/server/schemas';
import { ApiError } from '../../api/api-error';
import { useLanguage } from '../../i18n/use-language';
import type { CrashFilterState, DrawnPolygon } from '../crash-filter-state';
import { fetchBeforeAfter } from '../crashes.api';
import { BeforeAfterFormView } from './before-after-form';
import { beforeAfterExtra, DEFAULT_BEFORE_AFTER_FORM, type BeforeAfterProblem } from './before-after-params';
import { BeforeAfterResult } from './before-after-result';
import './tools.css';

export interface BeforeAfterPanelProps {
  filter: CrashFilterState;
  drawnPolygon: DrawnPolygon | null;
  /** The area chosen on the page: a district (TH2401) or sub-district (TH240101) can be the site. */
  areaCode: string;
}

type Study =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'loaded'; reply: BeforeAfterReply }
  | { kind: 'failed'; error: unknown };

export function BeforeAfterPanel({ filter, drawnPolygon, areaCode }: BeforeAfterPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form, setForm] = useState(DEFAULT_BEFORE_AFTER_FORM);
  const [problem, setProblem] = useState<BeforeAfterProblem | null>(null);
  const [study, setStudy] = useState<Study>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);

  // A study still running when the panel closes is not wanted any more.
  useEffect(() => () => running.current?.abort(), []);

  const submit = () => {
    const checked = beforeAfterExtra(form, drawnPolygon, areaCode);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    running.current?.abort();
    const abort = new AbortController();
    running.current = abort;
    setStudy({ kind: 'loading' });
    fetchBeforeAfter(filter, checked.extra, abort.signal).then(
      (reply) => {
        if (!abort.signal.aborted) setStudy({ kind: 'loaded', reply });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setStudy({ kind: 'failed', error });
      },
    );
  };

  return (
    <section className="tools-panel" data-testid="before-after-panel">
      <h3>{t('analysis-tools.beforeAfter.title')}</h3>
      <p className="tools-hint">{t('analysis-tools.beforeAfter.intro')}</p>
      <BeforeAfterFormView
        form={form}
        drawnPolygon={drawnPolygon}
        areaCode={areaCode}
        busy={study.kind === 'loading'}
        onChange={setForm}
        onSubmit={submit}
      />
      {problem && (
        <p className="tools-error" role="alert" data-testid="before-after-problem">
          {t(`analysis-tools.beforeAfter.problem.${problem}`)}
        </p>
      )}
      {study.kind === 'failed' && (
        <p className="tools-error" role="alert" data-testid="before-after-error">
          {t('analysis-tools.beforeAfter.failed', {
            reason:
              study.error instanceof ApiError
                ? study.error.localizedMessage(language)
                : t('analysis-tools.offline'),
          })}
        </p>
      )}
      {study.kind === 'loaded' && <BeforeAfterResult reply={study.reply} />}
    </section>
  );
}
