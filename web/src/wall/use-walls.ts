// The walls this screen may show, loaded once, and the one chosen (remembered on this screen).
import { useCallback, useEffect, useState } from 'react';
import type { Wall } from '@toc/server/schemas';
import { fetchWalls } from './wall.api';
import { rememberedWallId, rememberWallId } from './wall-preferences';

export type WallsState = 'loading' | 'ready' | 'failed';

export function useWalls() {
  const [walls, setWalls] = useState<readonly Wall[]>([]);
  const [state, setState] = useState<WallsState>('loading');
  const [chosenId, setChosenId] = useState<number | null>(rememberedWallId);

  useEffect(() => {
    const abort = new AbortController();
    fetchWalls(abort.signal).then(
      (list) => {
        setWalls(list);
        setState('ready');
      },
      () => !abort.signal.aborted && setState('failed'),
    );
    return () => abort.abort();
  }, []);

  const choose = useCallback((id: number) => {
    rememberWallId(id);
    setChosenId(id);
  }, []);

  /** After a save: the server's copy replaces ours. */
  const replace = useCallback((wall: Wall) => setWalls((list) => list.map((w) => (w.id === wall.id ? wall : w))), []);

  // A remembered wall that no longer exists falls back to the first one.
  const wall = walls.find((w) => w.id === chosenId) ?? walls[0] ?? null;
  return { walls, state, wall, choose, replace };
}
