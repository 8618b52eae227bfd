// The verdict on a package: pass or fail in large type, every problem and check with its file name in the current
// language, the signer's fingerprint against the trusted key, the manifest's SHA-256 for the letter, and its contents.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { ManifestSummary } from './manifest-summary';
import { ReportLines } from './report-lines';
import type { Verification } from './run-verification';

export function VerifyResult({ result }: { result: Verification }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report, files } = result;
  return (
    <section
      className={`page-card verify-card verify-result ${report.ok ? 'ok' : 'failed'}`}
      data-testid="verify-result"
      data-ok={report.ok}
      data-trusted={report.trusted}
    >
      <p className="verify-verdict" role="status">
        {report.ok
          ? report.trusted === 'matched'
            ? t('verify.okTrusted')
            : t('verify.ok')
          : t('verify.notOk', { n: formatNumber(report.failures.length, language) })}
      </p>
      <ReportLines title={t('verify.failures')} lines={report.failures} language={language} kind="failure" />
      <dl className="verify-facts">
        <dt>{t('verify.manifestSha256')}</dt>
        <dd>
          <code className="verify-hash" data-testid="verify-manifest-sha256">
            {report.manifestSha256 ?? '–'}
          </code>
          <span className="panel-note">{t('verify.manifestSha256Hint')}</span>
        </dd>
        <dt>{t('verify.signer')}</dt>
        <dd>
          <code className="verify-hash" data-testid="verify-signer">
            {report.signerFingerprint ?? '–'}
          </code>
          <span className={report.trusted === 'mismatch' ? 'panel-note error' : 'panel-note'}>
            {t(`verify.trust.${report.trusted}`)}
          </span>
        </dd>
      </dl>
      {report.manifest && <ManifestSummary summary={report.manifest} files={files} />}
      <ReportLines title={t('verify.warnings')} lines={report.warnings} language={language} kind="warning" />
      <ReportLines title={t('verify.checks')} lines={report.checks} language={language} kind="check" />
    </section>
  );
}
