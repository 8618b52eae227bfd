// Hand-written structural check of a parsed manifest against the Manifest type (no schema library, runs in browsers).
import { isSafeEntryName } from './entry-name';
import { ENVELOPE_NAMES, PACKAGE_FORMAT, type Manifest } from './manifest';

export interface ShapeProblem {
  /** Where in the manifest, e.g. `files[2].sha256`. */
  field: string;
  expected: string;
  expectedTh: string;
}

type Expect = readonly [en: string, th: string];

const EXPECT = {
  object: ['an object', 'ออบเจ็กต์'],
  string: ['a string', 'ข้อความ'],
  text: ['a non-empty string', 'ข้อความที่ไม่ว่าง'],
  integer: ['an integer', 'จำนวนเต็ม'],
  count: ['a whole number ≥ 0', 'จำนวนเต็มที่ไม่ติดลบ'],
  number: ['a finite number', 'ตัวเลข'],
  boolean: ['true or false', 'true หรือ false'],
  array: ['an array', 'อาร์เรย์'],
  time: ['an RFC 3339 UTC time ending in Z', 'เวลาแบบ RFC 3339 ในเขตเวลา UTC (ลงท้ายด้วย Z)'],
  span: ['a span whose "from" is not after its "to"', 'ช่วงเวลาที่ "from" ไม่อยู่หลัง "to"'],
  sha256: ['a lowercase hex SHA-256', 'ค่า SHA-256 เลขฐานสิบหกตัวพิมพ์เล็ก'],
  entry: [
    'a safe relative entry name that is not an envelope file',
    'ชื่อรายการแบบพาธสัมพัทธ์ที่ปลอดภัยและไม่ใช่ไฟล์ของซองเอกสาร',
  ],
  unique: ['a path not listed twice', 'พาธที่ไม่ซ้ำกับรายการอื่น'],
  listed: ['a path listed in "files"', 'พาธที่มีอยู่ใน "files"'],
  cameraId: ['the id of a camera in "cameras"', 'รหัสของกล้องที่มีอยู่ใน "cameras"'],
} as const satisfies Record<string, Expect>;

const oneOf = (values: readonly string[]): Expect => [
  `one of ${values.join(', ')}`,
  `ค่าใดค่าหนึ่งต่อไปนี้: ${values.join(', ')}`,
];

const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const SHA256 = /^[0-9a-f]{64}$/;

type Obj = Record<string, unknown>;

/** Collects problems; each method returns whether the value had the expected shape. */
class Shape {
  readonly problems: ShapeProblem[] = [];

  fail(field: string, [expected, expectedTh]: Expect): false {
    this.problems.push({ field, expected, expectedTh });
    return false;
  }

  object(value: unknown, field: string): value is Obj {
    return (
      (typeof value === 'object' && value !== null && !Array.isArray(value)) ||
      this.fail(field, EXPECT.object)
    );
  }

  array(value: unknown, field: string): value is unknown[] {
    return Array.isArray(value) || this.fail(field, EXPECT.array);
  }

  string(value: unknown, field: string): value is string {
    return typeof value === 'string' || this.fail(field, EXPECT.string);
  }

  text(value: unknown, field: string): value is string {
    return (typeof value === 'string' && value.trim() !== '') || this.fail(field, EXPECT.text);
  }

  integer(value: unknown, field: string): value is number {
    return Number.isSafeInteger(value) || this.fail(field, EXPECT.integer);
  }

  count(value: unknown, field: string): value is number {
    return (Number.isSafeInteger(value) && (value as number) >= 0) || this.fail(field, EXPECT.count);
  }

  number(value: unknown, field: string): value is number {
    return (typeof value === 'number' && Number.isFinite(value)) || this.fail(field, EXPECT.number);
  }

  boolean(value: unknown, field: string): value is boolean {
    return typeof value === 'boolean' || this.fail(field, EXPECT.boolean);
  }

  time(value: unknown, field: string): value is string {
    const ok = typeof value === 'string' && UTC_TIME.test(value) && !Number.isNaN(Date.parse(value));
    return ok || this.fail(field, EXPECT.time);
  }

  sha256(value: unknown, field: string): value is string {
    return (typeof value === 'string' && SHA256.test(value)) || this.fail(field, EXPECT.sha256);
  }

  oneOf<T extends string>(value: unknown, field: string, values: readonly T[]): value is T {
    return (
      (typeof value === 'string' && (values as readonly string[]).includes(value)) ||
      this.fail(field, oneOf(values))
    );
  }

  optionalString(parent: Obj, key: string, field: string): void {
    if (parent[key] !== undefined) this.string(parent[key], `${field}.${key}`);
  }

  /** Checks each element with `each`; returns the elements when `value` is an array. */
  list(value: unknown, field: string, each: (item: unknown, field: string) => void): unknown[] {
    if (!this.array(value, field)) return [];
    value.forEach((item, i) => each(item, `${field}[${i}]`));
    return value;
  }
}

function lonLat(s: Shape, value: unknown, field: string): void {
  if (!s.object(value, field)) return;
  s.number(value.lon, `${field}.lon`);
  s.number(value.lat, `${field}.lat`);
}

function span(s: Shape, value: unknown, field: string): void {
  if (!s.object(value, field)) return;
  const from = s.time(value.from, `${field}.from`);
  const to = s.time(value.to, `${field}.to`);
  if (from && to && Date.parse(value.from as string) > Date.parse(value.to as string))
    s.fail(field, EXPECT.span);
}

function person(s: Shape, value: unknown, field: string): void {
  if (!s.object(value, field)) return;
  s.string(value.name, `${field}.name`);
  for (const key of ['rank', 'officerId', 'phone', 'username']) s.optionalString(value, key, field);
}

function request(s: Shape, value: unknown, field: string): void {
  if (!s.object(value, field)) return;
  s.integer(value.id, `${field}.id`);
  s.text(value.reference, `${field}.reference`);
  s.string(value.caseNumber, `${field}.caseNumber`);
  s.string(value.station, `${field}.station`);
  s.oneOf(value.kind, `${field}.kind`, ['online', 'walk_in']);
  person(s, value.requester, `${field}.requester`);
  person(s, value.approver, `${field}.approver`);
  s.string(value.legalBasis, `${field}.legalBasis`);
  s.string(value.reason, `${field}.reason`);
  if (s.object(value.place, `${field}.place`)) {
    lonLat(s, value.place, `${field}.place`);
    if (value.place.label !== null) s.string(value.place.label, `${field}.place.label`);
  }
  span(s, value.window, `${field}.window`);
  s.list(value.steps, `${field}.steps`, (step, at) => {
    if (!s.object(step, at)) return;
    s.string(step.status, `${at}.status`);
    s.time(step.at, `${at}.at`);
    if (step.by !== null) s.string(step.by, `${at}.by`);
    s.optionalString(step, 'note', at);
  });
}

function camera(s: Shape, value: unknown, field: string, listed: ReadonlySet<string>): void {
  if (!s.object(value, field)) return;
  s.integer(value.id, `${field}.id`);
  s.string(value.name, `${field}.name`);
  s.string(value.nameTh, `${field}.nameTh`);
  lonLat(s, value.position, `${field}.position`);
  s.number(value.headingDeg, `${field}.headingDeg`);
  s.number(value.fovDeg, `${field}.fovDeg`);
  const calibration = value.calibration;
  if (calibration !== null && s.object(calibration, `${field}.calibration`)) {
    s.list(calibration.homography, `${field}.calibration.homography`, (n, at) => s.number(n, at));
    lonLat(s, calibration.origin, `${field}.calibration.origin`);
    s.number(calibration.meanErrorM, `${field}.calibration.meanErrorM`);
  }
  span(s, value.window, `${field}.window`);
  if (value.covered !== null) span(s, value.covered, `${field}.covered`);
  s.list(value.gaps, `${field}.gaps`, (gap, at) => {
    span(s, gap, at);
    if (s.object(gap, at)) s.string(gap.reason, `${at}.reason`);
  });
  s.list(value.segments, `${field}.segments`, (segment, at) => {
    if (!s.object(segment, at)) return;
    s.text(segment.path, `${at}.path`);
    s.time(segment.startedAt, `${at}.startedAt`);
    s.time(segment.endedAt, `${at}.endedAt`);
    s.count(segment.bytes, `${at}.bytes`);
    s.sha256(segment.sha256, `${at}.sha256`);
    s.boolean(segment.interrupted, `${at}.interrupted`);
  });
  s.list(value.files, `${field}.files`, (path, at) => {
    if (s.string(path, at) && !listed.has(path)) s.fail(at, EXPECT.listed);
  });
  const cut = value.cut;
  if (cut !== null && s.object(cut, `${field}.cut`)) {
    s.text(cut.tool, `${field}.cut.tool`);
    s.list(cut.arguments, `${field}.cut.arguments`, (arg, at) => s.string(arg, at));
    s.list(cut.inputs, `${field}.cut.inputs`, (input, at) => {
      if (!s.object(input, at)) return;
      s.text(input.name, `${at}.name`);
      s.string(input.text, `${at}.text`);
    });
  }
}

function files(s: Shape, value: unknown, cameraIds: ReadonlySet<number>): void {
  const seen = new Set<string>();
  s.list(value, 'files', (file, at) => {
    if (!s.object(file, at)) return;
    if (s.string(file.path, `${at}.path`)) {
      if (!isSafeEntryName(file.path) || ENVELOPE_NAMES.includes(file.path))
        s.fail(`${at}.path`, EXPECT.entry);
      else if (seen.has(file.path)) s.fail(`${at}.path`, EXPECT.unique);
      seen.add(file.path);
    }
    s.count(file.bytes, `${at}.bytes`);
    s.sha256(file.sha256, `${at}.sha256`);
    s.oneOf(file.role, `${at}.role`, ['master', 'working-copy', 'attachment']);
    s.text(file.mediaType, `${at}.mediaType`);
    if (
      file.cameraId !== undefined &&
      s.integer(file.cameraId, `${at}.cameraId`) &&
      !cameraIds.has(file.cameraId)
    ) {
      s.fail(`${at}.cameraId`, EXPECT.cameraId);
    }
  });
}

/** The paths in `files` that are strings, to check camera references against. */
function listedPaths(value: unknown): Set<string> {
  const paths = new Set<string>();
  if (Array.isArray(value)) {
    for (const file of value) {
      if (typeof file === 'object' && file !== null && typeof (file as Obj).path === 'string')
        paths.add((file as Obj).path as string);
    }
  }
  return paths;
}

/**
 * Every place where `value` (parsed manifest.json) departs from the Manifest type, including the references
 * between its parts (camera files listed in `files`, file cameras in `cameras`). Empty means it is a Manifest.
 * The `format` field is checked by the caller first (another format has another shape).
 */
export function checkManifestShape(value: unknown): ShapeProblem[] {
  const s = new Shape();
  if (!s.object(value, '(root)')) return s.problems;
  s.oneOf(value.format, 'format', [PACKAGE_FORMAT]);
  s.text(value.packageId, 'packageId');
  s.time(value.createdAt, 'createdAt');
  if (s.object(value.software, 'software')) {
    s.text(value.software.name, 'software.name');
    s.string(value.software.version, 'software.version');
    s.string(value.software.ffmpeg, 'software.ffmpeg');
  }
  s.string(value.clockSource, 'clockSource');
  if (s.object(value.signer, 'signer')) {
    s.oneOf(value.signer.algorithm, 'signer.algorithm', ['Ed25519']);
    s.sha256(value.signer.publicKeyFingerprint, 'signer.publicKeyFingerprint');
  }
  request(s, value.request, 'request');
  const listed = listedPaths(value.files);
  const cameras = s.list(value.cameras, 'cameras', (cam, at) => camera(s, cam, at, listed));
  const cameraIds = new Set(
    cameras.map((cam) => (cam as Obj | null)?.id).filter((id): id is number => typeof id === 'number'),
  );
  files(s, value.files, cameraIds);
  return s.problems;
}

/** Narrowing form of checkManifestShape. */
export function isManifest(value: unknown): value is Manifest {
  return checkManifestShape(value).length === 0;
}
