// Entry page for roles whose own tools come later (the planner): what is coming, and the map. The police land on their
// footage requests instead.
import { useTranslation } from 'react-i18next';
import type { Role } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';

const CONTENT_KEYS = {
  planner: { title: 'home.planner.title', body: 'home.planner.body' },
} as const;

function isToolRole(role: Role): role is keyof typeof CONTENT_KEYS {
  return role in CONTENT_KEYS;
}

export function RoleHomePage({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <main className="role-home" data-testid="role-home" data-role={role}>
      {isToolRole(role) && (
        <>
          <h2>{t(CONTENT_KEYS[role].title)}</h2>
          <p>{t(CONTENT_KEYS[role].body)}</p>
        </>
      )}
      <a className="button primary" href={routeHref('map')} data-testid="open-map">
        {t('home.openMap')}
      </a>
    </main>
  );
}
