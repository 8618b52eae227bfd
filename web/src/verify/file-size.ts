// A file's size as people read it: KB below a megabyte (a scanned form), else MB/GB/TB as the recordings page counts.
import { formatNumber } from '../i18n/format';
import type { Language } from '../i18n/i18n';
import { formatBytes } from '../recordings/recording-figures';

const KIB = 1024;
const MIB = 1024 ** 2;

export function fileSize(bytes: number, language: Language): string {
  const b = Math.max(0, Number(bytes) || 0);
  if (b < KIB) return `${formatNumber(b, language)} B`;
  if (b < MIB) return `${formatNumber(Math.ceil(b / KIB), language)} KB`;
  return formatBytes(b, language);
}
