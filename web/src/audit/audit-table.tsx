// The audit rows as a table: Bangkok time (Buddhist Era in Thai), who, what (named where known), on what, from where.
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '@toc/server/schemas';
import type { TranslationKey } from '../i18n/en';
import { en } from '../i18n/en';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

/** The label key of an action the page knows by name; others show their code alone. */
function actionKey(action: string): TranslationKey | null {
  const key = `audit.action.${action}`;
  return key in en ? (key as TranslationKey) : null;
}

const detailText = (detail: Record<string, unknown>): string =>
  Object.keys(detail).length ? JSON.stringify(detail) : '';

export function AuditTable({ rows }: { rows: readonly AuditRecord[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t('audit.col.time')}</th>
          <th>{t('audit.col.user')}</th>
          <th>{t('audit.col.action')}</th>
          <th>{t('audit.col.target')}</th>
          <th>{t('audit.col.from')}</th>
          <th>{t('audit.col.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const label = actionKey(row.action);
          return (
            <tr
              key={row.id}
              data-testid="audit-row"
              data-id={row.id}
              data-action={row.action}
              data-target={row.target ?? ''}
            >
              <td className="audit-time" data-testid="audit-time">
                {formatDateTime(row.at, language)}
              </td>
              <td data-testid="audit-user">{row.username ?? t('audit.nobody')}</td>
              <td>
                {label && <span className="audit-action-label">{t(label)}</span>}
                <code>{row.action}</code>
              </td>
              <td>{row.target && <code>{row.target}</code>}</td>
              <td title={row.userAgent ?? undefined}>{row.ip}</td>
              <td className="audit-detail">{detailText(row.detail)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
