// While a package is checked: which file is being hashed, how far (bytes and files), and a way to stop.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { fileSize } from './file-size';
import type { HashProgress } from './hash-progress';

export function VerifyProgress({ progress, onStop }: { progress: HashProgress | null; onStop: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const percent = progress ? Math.floor(progress.fraction * 100) : 0;
  return (
    <section
      className="page-card verify-card verify-progress"
      data-testid="verify-progress"
      data-percent={percent}
      aria-busy="true"
    >
      <p>{progress?.file ? t('verify.hashing', { file: progress.file }) : t('verify.reading')}</p>
      <progress max={100} value={progress ? percent : undefined} />
      {progress && progress.filesTotal > 0 && (
        <p className="panel-note">
          {formatNumber(percent, language)} % ·{' '}
          {t('verify.progress', {
            done: fileSize(progress.bytesDone, language),
            total: fileSize(progress.bytesTotal, language),
            files: formatNumber(Math.min(progress.filesDone + 1, progress.filesTotal), language),
            n: formatNumber(progress.filesTotal, language),
          })}
        </p>
      )}
      <button type="button" className="button secondary compact" onClick={onStop} data-testid="verify-stop">
        {t('verify.stop')}
      </button>
    </section>
  );
}
