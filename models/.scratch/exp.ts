import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { Detector } from '../src/detector';
import { resizeGeometry } from '../src/preprocess/resize-geometry';
import { tensorFromPackedFrame } from '../src/preprocess/packed-frame';
import { iou } from '../src/decoders/nms';
import type { ModelManifest } from '../src/manifest.schema';

const MEDIA: Record<string, string> = { dog: 'darknet_dog.jpg', person: 'darknet_person.jpg', horses: 'darknet_horses.jpg', ctai_african_elephants: 'cameratrapai_african_elephants.jpg', ctai_vehicle: 'cameratrapai_vehicle.jpg', ctai_blank: 'cameratrapai_blank.jpg', odc_001: 'odc_street_frame001.jpg', odc_250: 'odc_street_frame250.jpg', vtest_frame: 'opencv_vtest_frame_t10s.jpg' };

function cv2Linear(src: Buffer, w: number, h: number, dw: number, dh: number): Buffer {
  const out = Buffer.alloc(dw * dh * 3);
  const sx = w / dw, sy = h / dh;
  const xs: [number, number, number][] = [];
  for (let x = 0; x < dw; x++) { let f = (x + 0.5) * sx - 0.5; let i = Math.floor(f); f -= i; if (i < 0) { i = 0; f = 0; } if (i >= w - 1) { i = w - 1; f = 0; } xs.push([i, Math.min(i + 1, w - 1), f]); }
  for (let y = 0; y < dh; y++) {
    let f = (y + 0.5) * sy - 0.5; let j = Math.floor(f); f -= j; if (j < 0) { j = 0; f = 0; } if (j >= h - 1) { j = h - 1; f = 0; }
    const j1 = Math.min(j + 1, h - 1);
    for (let x = 0; x < dw; x++) {
      const [i0, i1, fx] = xs[x]!;
      for (let c = 0; c < 3; c++) {
        const a = src[(j * w + i0) * 3 + c]! * (1 - fx) + src[(j * w + i1) * 3 + c]! * fx;
        const b = src[(j1 * w + i0) * 3 + c]! * (1 - fx) + src[(j1 * w + i1) * 3 + c]! * fx;
        out[(y * dw + x) * 3 + c] = Math.round(a * (1 - f) + b * f);
      }
    }
  }
  return out;
}

type Method = string;
async function resized(file: string, m: ModelManifest, method: Method) {
  const buf = readFileSync('/work/shared/media/' + file);
  const { data, info } = await sharp(buf).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const g = resizeGeometry(m.input, info.width, info.height);
  let rgb: Buffer;
  if (method === 'cv2') rgb = cv2Linear(data, info.width, info.height, g.resizedWidth, g.resizedHeight);
  else if (method.startsWith('round-')) {
    const [, k] = method.split('-');
    const r = Math.min(m.input.width / info.width, m.input.height / info.height);
    const rw = Math.round(info.width * r), rh = Math.round(info.height * r);
    rgb = await sharp(buf).resize(rw, rh, { fit: 'fill', kernel: k as 'linear' }).removeAlpha().raw().toBuffer();
    (g as { resizedWidth: number }).resizedWidth = rw; (g as { resizedHeight: number }).resizedHeight = rh;
  } else if (method.startsWith('contain-')) {
    const [, k, fs] = method.split('-');
    const W = m.input.width, H = m.input.height;
    const p = m.input.padValue ?? 0;
    const out = await sharp(buf).resize(W, H, { fit: m.input.resize === 'stretch' ? 'fill' : 'contain', position: 'left top', background: { r: p, g: p, b: p }, kernel: k as 'linear', fastShrinkOnLoad: fs !== 'slow' }).removeAlpha().raw().toBuffer();
    const bgr = m.input.colorOrder === 'BGR';
    if (bgr) for (let i = 0; i < out.length; i += 3) { const t = out[i]!; out[i] = out[i + 2]!; out[i + 2] = t; }
    return { tensor: tensorFromPackedFrame(out, m), g };
  } else if (method.startsWith('direct-')) {
    const [, k, fs] = method.split('-');
    rgb = await sharp(buf).resize(g.resizedWidth, g.resizedHeight, { fit: 'fill', kernel: k as 'linear', fastShrinkOnLoad: fs === 'fast' }).removeAlpha().raw().toBuffer();
  } else rgb = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).resize(g.resizedWidth, g.resizedHeight, { fit: 'fill', kernel: method as 'linear' }).raw().toBuffer();
  const W = m.input.width, H = m.input.height;
  const frame = Buffer.alloc(W * H * 3, m.input.padValue ?? 0);
  const bgr = m.input.colorOrder === 'BGR';
  for (let y = 0; y < g.resizedHeight; y++) for (let x = 0; x < g.resizedWidth; x++) {
    const s = (y * g.resizedWidth + x) * 3, d = (y * W + x) * 3;
    frame[d] = rgb[s + (bgr ? 2 : 0)]!; frame[d + 1] = rgb[s + 1]!; frame[d + 2] = rgb[s + (bgr ? 0 : 2)]!;
  }
  return { tensor: tensorFromPackedFrame(frame, m), g };
}

const models = process.argv[2]!.split(',');
const methods = process.argv[3]!.split(',');
const verbose = process.argv[4] === 'v';
for (const id of models) {
  const det = await Detector.load(id);
  const expected = JSON.parse(readFileSync(`/work/shared/models/expected/${id}.json`, 'utf8')) as Record<string, { cls: string; score: number; box: number[] }[]>;
  for (const method of methods) {
    let exact = 0, total = 0, maxScoreDiff = 0, minIou = 1, extra = 0, missing = 0;
    const lines: string[] = [];
    for (const [key, exp] of Object.entries(expected)) {
      const { tensor, g } = await resized(MEDIA[key]!, det.manifest, method);
      const { detections } = await det.detect(tensor, g);
      const used = new Set<number>();
      let miss = 0;
      for (const e of exp) {
        let bi = -1, bv = 0;
        detections.forEach((d, i) => { if (!used.has(i) && d.label === e.cls) { const v = iou(d.box, e.box as [number, number, number, number]); if (v > bv) { bv = v; bi = i; } } });
        if (bi >= 0 && bv >= 0.5) { used.add(bi); minIou = Math.min(minIou, bv); maxScoreDiff = Math.max(maxScoreDiff, Math.abs(detections[bi]!.score - e.score)); if (verbose && (Math.abs(detections[bi]!.score - e.score) > 0.0015 || detections[bi]!.box.some((v, k) => Math.abs(Math.round(v) - e.box[k]!) > 0))) lines.push(`  ${key} ${e.cls} exp ${e.score} ${e.box} got ${detections[bi]!.score.toFixed(4)} ${detections[bi]!.box.map((v) => v.toFixed(2))}`); }
        else { miss++; lines.push(`  ${key} MISSING ${e.cls} ${e.score} ${e.box}`); }
      }
      const ex = detections.filter((_, i) => !used.has(i));
      ex.forEach((d) => lines.push(`  ${key} EXTRA ${d.label} ${d.score.toFixed(3)} ${d.box.map((v) => v.toFixed(0))}`));
      total += exp.length; exact += exp.length - miss; missing += miss; extra += ex.length;
    }
    console.log(`${id} ${method}: matched ${exact}/${total} missing ${missing} extra ${extra} maxScoreDiff ${maxScoreDiff.toFixed(4)} minIoU ${minIou.toFixed(4)}`);
    if (verbose || lines.length < 12) lines.forEach((l) => console.log(l));
  }
  await det.close();
}
