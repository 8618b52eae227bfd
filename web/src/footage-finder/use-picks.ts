// The cameras being picked for a request and saving them: starts from the request's saved cameras, follows a newer
// saved set while nothing is being edited, and keeps the server's refusal (bilingual) or the draft's problem.
import { useState } from 'react';
import type { FootageRequest } from '@toc/server/schemas';
import { failureOf, type Failure } from '../account/api-failure';
import { saveRequestCameras } from './finder.api';
import {
  isProblem,
  picksInput,
  picksOf,
  setTrim,
  togglePick,
  windowOf,
  type PickProblem,
  type Picks,
  type Trim,
} from './pick-draft';

interface Draft {
  /** The request's saved cameras this draft last followed. */
  savedKey: string;
  picks: Picks;
  dirty: boolean;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'problem'; problem: PickProblem }
  | { kind: 'failed'; failure: Failure };

const savedKeyOf = (request: FootageRequest) =>
  JSON.stringify(request.cameras.map((c) => [c.cameraId, c.from, c.to]));

export function usePicks(
  requestId: number,
  request: FootageRequest,
  onPicked: (updated: FootageRequest) => void,
) {
  const savedKey = savedKeyOf(request);
  const [draft, setDraft] = useState<Draft>(() => ({ savedKey, picks: picksOf(request), dirty: false }));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const window = windowOf(request);

  let current = draft;
  if (draft.savedKey !== savedKey) {
    // Saved again (by us or someone else): an untouched draft follows, an edited one is kept.
    current = draft.dirty ? { ...draft, savedKey } : { savedKey, picks: picksOf(request), dirty: false };
    setDraft(current);
  }

  const edit = (change: (picks: Picks) => Picks) => {
    setDraft((d) => ({ ...d, picks: change(d.picks), dirty: true }));
    setSave({ kind: 'idle' });
  };

  const submit = async () => {
    const input = picksInput(current.picks, window);
    if (isProblem(input)) {
      setSave({ kind: 'problem', problem: input });
      return;
    }
    setSave({ kind: 'saving' });
    try {
      const updated = await saveRequestCameras(requestId, input);
      setDraft((d) => ({ ...d, picks: picksOf(updated), dirty: false }));
      setSave({ kind: 'saved' });
      onPicked(updated);
    } catch (error) {
      setSave({ kind: 'failed', failure: failureOf(error, 'finder.failedUnknown') });
    }
  };

  return {
    picks: current.picks,
    dirty: current.dirty,
    save,
    toggle: (cameraId: number) => edit((picks) => togglePick(picks, cameraId, window)),
    trim: (cameraId: number, part: Partial<Trim>) => edit((picks) => setTrim(picks, cameraId, part)),
    submit,
  };
}
