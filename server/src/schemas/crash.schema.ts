// The crash store's API: imports of crash files (DOH/MOT accident tables, the fatal-crash points) and their reports.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable } from './common.schema';

export const CrashFileSource = Type.Union([Type.Literal('doh_csv'), Type.Literal('fatal_points')], {
  description:
    'doh_csv: a Department of Highways / Ministry of Transport accident table; fatal_points: the GeoJSON',
});
export type CrashFileSource = Static<typeof CrashFileSource>;

export const CrashRowRejection = Type.Object({
  /** 1-based line of the file (the header is line 1); for GeoJSON, the feature's place. */
  line: Type.Integer(),
  reason: Type.String(),
  reasonTh: Type.String(),
});

export const CrashImportCounts = Type.Object({
  read: Type.Integer(),
  added: Type.Integer(),
  updated: Type.Integer(),
  same: Type.Integer(),
  rejected: Type.Integer(),
});

export const CrashImportReport = Type.Object({
  importId: Type.Integer(),
  source: CrashFileSource,
  counts: CrashImportCounts,
  /** The first rejected rows by line; counts.rejected has the total. */
  rejections: Type.Array(CrashRowRejection),
  /** Crashes of this import that found a major road within the snapping distance. */
  snapped: Type.Integer(),
});
export type CrashImportReport = Static<typeof CrashImportReport>;

/** One import as the list shows it. */
export const CrashImport = Type.Object({
  id: Type.Integer(),
  source: CrashFileSource,
  fileName: Type.String(),
  fileSha256: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  counts: CrashImportCounts,
  error: Nullable(Type.Object({ message: Type.String(), messageTh: Type.String() })),
  username: Type.String(),
  createdAt: IsoDateTime,
  finishedAt: Nullable(IsoDateTime),
});
export type CrashImport = Static<typeof CrashImport>;

export const CrashUploadQuery = Type.Object(
  {
    name: Type.String({
      pattern: '^[^/\\\\\\u0000-\\u001f]{1,120}\\.(csv|CSV|geojson|GEOJSON|json|JSON)$',
      description: "The file's name (its extension tells the source unless `source` is given)",
    }),
    source: Type.Optional(CrashFileSource),
  },
  { additionalProperties: false },
);
export type CrashUploadQuery = Static<typeof CrashUploadQuery>;
