// The wall choices this screen remembers: the last wall shown and whether the alert sound is on.
const LAST_WALL_KEY = 'toc.wall.last';
const SOUND_KEY = 'toc.wall.sound';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or a full quota: the choice holds for this page only.
  }
}

export const rememberedWallId = (): number | null => {
  const value = Number(read(LAST_WALL_KEY));
  return Number.isInteger(value) && value > 0 ? value : null;
};
export const rememberWallId = (id: number) => write(LAST_WALL_KEY, String(id));

export const rememberedSound = (): boolean => read(SOUND_KEY) === 'on';
export const rememberSound = (on: boolean) => write(SOUND_KEY, on ? 'on' : 'off');
