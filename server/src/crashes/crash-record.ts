// One crash as every importer hands it to the crash store, whatever its source; and a row an importer refused.

/** Where a crash came from; with its source key it is the crash's identity, so a re-import changes nothing. */
export type CrashSource = 'doh_csv' | 'fatal_points' | 'camera';

/** A value of a Thai vocabulary (cause, crash type, weather, road feature): its code, and the text as the source wrote it. */
export interface CodedValue {
  /** A code of the vocabulary (see doh-vocabulary.ts), or 'unknown' when the text is not one the vocabulary knows. */
  code: string;
  raw: string;
}

export interface VehicleCount {
  /** A vehicle code of the vocabulary, e.g. 'motorcycle', 'car', 'pickup', 'truck_6_wheels'. */
  code: string;
  count: number;
}

export interface CrashRecord {
  source: CrashSource;
  sourceKey: string;
  /** ISO 8601 in UTC (the source's local time is Bangkok's); null when the source gives only the year. */
  occurredAt: string | null;
  /** Gregorian year. */
  year: number;
  lon: number;
  lat: number;
  province: string | null;
  /** The agency's road number (รหัสสายทาง) and kilometre post (ก.ม.), when the source has them. */
  roadCode: string | null;
  roadName: string | null;
  km: number | null;
  agency: string | null;
  cause: CodedValue | null;
  crashType: CodedValue | null;
  weather: CodedValue | null;
  roadFeature: CodedValue | null;
  /** The vehicle types involved with how many of each (vehicle 1's type counted at least once). */
  vehicles: VehicleCount[];
  pedestrians: number;
  deaths: number;
  seriousInjuries: number;
  minorInjuries: number;
  /** Fixes the importer made and kept, e.g. latitude and longitude swapped back. */
  notes: string[];
}

/** A source row the importer could not take: its 1-based line in the file (the header is line 1) and why. */
export interface RowRejection {
  line: number;
  reason: string;
  reasonTh: string;
}

/** A file the importer cannot read at all (e.g. a header it cannot map): nothing of it is imported. */
export class CrashImportError extends Error {
  constructor(
    message: string,
    readonly messageTh: string,
  ) {
    super(message);
    this.name = 'CrashImportError';
  }
}
