// Running an operator action on an event: which one is in flight, and the reason when it fails, in the UI language.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import type { EventActionName } from '../api/events.api';
import { useLanguage } from '../i18n/use-language';

export type EventActionHandler = (event: Event, action: EventActionName, note?: string) => Promise<unknown>;

export function useEventAction(event: Event, onAction: EventActionHandler) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [pending, setPending] = useState<EventActionName | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Resolves true when the action went through. */
  const run = async (action: EventActionName, note?: string): Promise<boolean> => {
    setPending(action);
    setError(null);
    try {
      await onAction(event, action, note);
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.localizedMessage(language) : t('events.actionFailed'));
      return false;
    } finally {
      setPending(null);
    }
  };

  return { pending, error, run };
}
