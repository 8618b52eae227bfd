// The demo fleet file ($TOC_DATA_DIR/demo-devices.json, mode 0600): each simulated bus's device id, key and binding.
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';

export interface DemoDevice {
  uniqueId: string;
  key: string;
  vehicleId: number;
  vehicleLabel: string;
  electric: boolean;
  feed: string;
  feedId: number;
  routeId: string | null;
  blockId: string | null;
}

export interface DemoDevicesFile {
  devices: DemoDevice[];
}

export async function readDevicesFile(path: string): Promise<DemoDevicesFile> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<DemoDevicesFile>;
    return { devices: Array.isArray(parsed.devices) ? parsed.devices : [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { devices: [] };
    throw error;
  }
}

/** Written to a temporary file first and renamed, so a reader never sees half a file; keys make it 0600. */
export async function writeDevicesFile(path: string, file: DemoDevicesFile): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
