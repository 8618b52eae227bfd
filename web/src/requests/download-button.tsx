// "Download package": asks for a personal link that expires, then sends the browser to it (a GET with the session
// cookie; the server audits the download and streams the zip as an attachment, so the page stays).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { createDownloadLink } from '../api/footage-requests.api';
import { useLanguage } from '../i18n/use-language';

/** The server gives '/api/…'; resolved against the page, so the app still works behind a path prefix. */
export const downloadHref = (url: string): string =>
  new URL(url.replace(/^\/(?!\/)/, ''), document.baseURI).href;

export function DownloadButton({ requestId, compact = false }: { requestId: number; compact?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const download = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const link = await createDownloadLink(requestId);
      window.location.assign(downloadHref(link.url));
    } catch (error) {
      setFailure(failureOf(error, 'requests.offline'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="request-download">
      <button
        type="button"
        className={compact ? 'button compact' : 'button'}
        disabled={busy}
        onClick={() => void download()}
        data-testid="request-download"
      >
        {t('requests.download')}
      </button>
      {failure && (
        <span className="panel-note error" role="alert" data-testid="request-download-error">
          {failureText(failure, t, language)}
        </span>
      )}
    </span>
  );
}
