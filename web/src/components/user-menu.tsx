// The signed-in user in the header (name and role) as a menu: their own account actions, such as changing the password.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { roleKey } from '../format/labels';
import './user-menu.css';

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => menu.current?.removeAttribute('open');
  return (
    <details
      className="user-badge user-menu"
      data-testid="user-badge"
      ref={menu}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <summary className="user-menu-toggle" aria-label={t('header.userMenu')} data-testid="user-menu">
        <span className="user-name">{user.displayName || user.username}</span>
        <span className={`role-tag role-${user.role}`} data-testid="user-role" data-role={user.role}>
          {t(roleKey(user.role))}
        </span>
      </summary>
      <div className="user-menu-items">
        <a href={routeHref('password')} onClick={close} data-testid="menu-change-password">
          {t('account.changePassword')}
        </a>
      </div>
    </details>
  );
}
