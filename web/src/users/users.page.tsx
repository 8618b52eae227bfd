// `#/users` (admins): the user list, a new user, changes of name, role, station or districts, disabling and enabling,
// and password resets whose temporary password is shown once.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagedUser, NewUserBody, UserChangeBody } from '@toc/server/schemas';
import { failureOf, failureText, type Failure } from '../account/api-failure';
import { changeUser, createUser, fetchUsers, resetUserPassword, setUserDisabled } from '../api/users.api';
import { useLanguage } from '../i18n/use-language';
import { useDistricts } from '../state/use-districts';
import { TemporaryPasswordNotice, type IssuedPassword } from './temporary-password-notice';
import { UserForm } from './user-form';
import { UserRow } from './user-row';
import './users.css';

export default function UsersPage({ selfId }: { selfId: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const districts = useDistricts()?.districts ?? [];
  const [users, setUsers] = useState<ManagedUser[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const load = useCallback((signal?: AbortSignal) => {
    fetchUsers(signal).then(
      (list) => setUsers(list),
      (error: unknown) => !signal?.aborted && setFailure(failureOf(error, 'users.error.load')),
    );
  }, []);
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal);
    return () => abort.abort();
  }, [load]);

  const replace = (user: ManagedUser) =>
    setUsers((list) => (list ?? []).map((u) => (u.id === user.id ? user : u)));

  /** Runs an action from a row; its refusal (the last admin, say) is shown above the list. */
  const act = async (action: () => Promise<void>) => {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(failureOf(error, 'users.error.generic'));
    }
  };

  const create = async (body: NewUserBody) => {
    const reply = await createUser(body); // a refusal is shown in the form
    setUsers((list) => [...(list ?? []), reply.user].sort((a, b) => a.username.localeCompare(b.username)));
    setIssued({ username: reply.user.username, password: reply.temporaryPassword, reason: 'created' });
    setCreating(false);
  };

  const save = async (id: number, body: UserChangeBody) => {
    replace(await changeUser(id, body));
    setEditingId(null);
    // Changing one's own role ends one's own session: the app then returns to sign-in by itself.
  };

  return (
    <main className="users-page" data-testid="users-page">
      <div className="users-title">
        <h2>{t('users.title')}</h2>
        {!creating && (
          <button type="button" className="button" onClick={() => setCreating(true)} data-testid="user-new">
            {t('users.new')}
          </button>
        )}
      </div>
      <p className="users-intro">{t('users.intro')}</p>
      {issued && <TemporaryPasswordNotice issued={issued} onDismiss={() => setIssued(null)} />}
      {failure && (
        <div className="users-error" role="alert" data-testid="users-error">
          {failureText(failure, t, language)}
        </div>
      )}
      {creating && (
        <UserForm mode="create" districts={districts} onSubmit={create} onCancel={() => setCreating(false)} />
      )}
      {users === null && !failure && <p className="users-intro">{t('common.loading')}</p>}
      {users && (
        <table className="users-table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('users.username')}</th>
              <th>{t('users.displayName')}</th>
              <th>{t('users.role')}</th>
              <th>{t('users.scope')}</th>
              <th>{t('users.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((user) =>
              editingId === user.id ? (
                <tr key={user.id} data-testid="user-row-editing">
                  <td colSpan={6}>
                    <UserForm
                      mode="edit"
                      user={user}
                      districts={districts}
                      onSubmit={(body) => save(user.id, body)}
                      onCancel={() => setEditingId(null)}
                    />
                  </td>
                </tr>
              ) : (
                <UserRow
                  key={user.id}
                  user={user}
                  districts={districts}
                  isSelf={user.id === selfId}
                  onEdit={() => setEditingId(user.id)}
                  onSetDisabled={(disabled) =>
                    act(async () => replace(await setUserDisabled(user.id, disabled)))
                  }
                  onResetPassword={() =>
                    act(async () => {
                      const reply = await resetUserPassword(user.id);
                      replace(reply.user);
                      setIssued({
                        username: reply.user.username,
                        password: reply.temporaryPassword,
                        reason: 'reset',
                      });
                    })
                  }
                />
              ),
            )}
          </tbody>
        </table>
      )}
    </main>
  );
}
