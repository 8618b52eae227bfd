// Test helper: reads every file of a zip into memory and writes a zip (deflate), optionally with one entry cut short.
import { crc32, deflateRawSync } from 'node:zlib';
import { text } from 'node:stream/consumers';
import { openGtfsSource } from '../src/gtfs/gtfs-source';

export async function readZipTexts(zipPath: string): Promise<Map<string, string>> {
  const source = await openGtfsSource(zipPath);
  try {
    const files = new Map<string, string>();
    for (const name of source.files) files.set(name, await text(await source.open(name)));
    return files;
  } finally {
    source.close();
  }
}

/**
 * A minimal PKZIP writer. `truncate` names an entry whose compressed data is cut to half while its header still
 * promises the full size: a reader fails in the middle of that file, as with a damaged download.
 */
export function writeZip(files: Map<string, string>, truncate?: string): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.from(content, 'utf8');
    let compressed = deflateRawSync(data);
    if (name === truncate) compressed = compressed.subarray(0, Math.floor(compressed.length / 2));
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt32LE(0, at + 6); // DOS time/date
      header.writeUInt32LE(crc32(data), at + 10);
      header.writeUInt32LE(compressed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
