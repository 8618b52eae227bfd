// The past imports: file, source, who, when (Bangkok time, BE years in Thai), the counts and the status.
import { useTranslation } from 'react-i18next';
import type { CrashImport } from '@toc/server/schemas';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { COUNT_KEYS } from './import-counts';
import type { ImportList } from './use-crash-imports';

function ImportRow({ item }: { item: CrashImport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const error = item.error && (language === 'th' ? item.error.messageTh : item.error.message);
  return (
    <tr data-testid="crash-import-row" data-id={item.id} data-status={item.status}>
      <td className="crash-import-file">{item.fileName}</td>
      <td>{t(`crashImports.source.${item.source}`)}</td>
      <td>{item.username}</td>
      <td className="nowrap">{formatDateTime(item.createdAt, language)}</td>
      {COUNT_KEYS.map((key) => (
        <td key={key} className="num">
          {formatNumber(item.counts[key], language)}
        </td>
      ))}
      <td>
        <span className={`pill crash-status-${item.status}`}>{t(`crashImports.status.${item.status}`)}</span>
        {error && <div className="panel-note error">{error}</div>}
      </td>
    </tr>
  );
}

export function ImportListCard({ list, onRefresh }: { list: ImportList; onRefresh: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const imports = list.imports;
  return (
    <section className="page-card crash-import-list" aria-busy={list.kind === 'loading'}>
      <div className="crash-list-head">
        <h3>{t('crashImports.list.title')}</h3>
        <button
          type="button"
          className="button secondary compact"
          onClick={onRefresh}
          disabled={list.kind === 'loading'}
          data-testid="crash-imports-refresh"
        >
          {t('crashImports.list.refresh')}
        </button>
      </div>
      <p className="panel-note">{t('crashImports.list.note')}</p>
      {list.kind === 'failed' && (
        <p className="alert-box" role="alert" data-testid="crash-imports-list-error">
          {t('crashImports.list.failed', {
            reason: list.error ? list.error.localizedMessage(language) : t('crashImports.list.offline'),
          })}
        </p>
      )}
      {imports === null && list.kind === 'loading' && <p className="panel-note">{t('common.loading')}</p>}
      {imports?.length === 0 && <p className="panel-note">{t('crashImports.list.empty')}</p>}
      {imports && imports.length > 0 && (
        <div className="table-scroll">
          <table className="data-table crash-imports-table" data-testid="crash-imports-list">
            <thead>
              <tr>
                <th>{t('crashImports.col.file')}</th>
                <th>{t('crashImports.col.source')}</th>
                <th>{t('crashImports.col.by')}</th>
                <th>{t('crashImports.col.when')}</th>
                {COUNT_KEYS.map((key) => (
                  <th key={key} className="num">
                    {t(`crashImports.count.${key}`)}
                  </th>
                ))}
                <th>{t('crashImports.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((item) => (
                <ImportRow key={item.id} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
