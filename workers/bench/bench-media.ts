// The real clips and model the benchmarks run on, and small helpers they share.
import path from 'node:path';
import { sharedDir } from '@toc/models';

export const MODEL = 'yolox_nano_416';
export const STREET = {
  file: path.join(sharedDir(), 'media', 'odc_street_traffic_640x360_30fps.mp4'),
  width: 640,
  height: 360,
};
export const PEDESTRIANS = {
  file: path.join(sharedDir(), 'media', 'opencv_vtest.avi'),
  width: 768,
  height: 576,
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
