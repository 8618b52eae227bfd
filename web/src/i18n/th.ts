// Thai UI strings (the default language of the control room), one file per area; must cover every English key.
import type { Translations } from './en';
import { coreTh } from './strings/core.th';
import { mapTh } from './strings/map.th';
import { alarmsTh } from './strings/alarms.th';
import { setupTh } from './strings/setup.th';
import { elephantsTh } from './strings/elephants.th';
import { busesTh } from './strings/buses.th';
import { wallTh } from './strings/wall.th';
import { auditTh } from './strings/audit.th';
import { usersTh } from './strings/users.th';
import { validationTh } from './strings/validation.th';
import { shiftTh } from './strings/shift.th';
import { playbackTh } from './strings/playback.th';
import { recordingsTh } from './strings/recordings.th';
import { requestsTh } from './strings/requests.th';
import { finderTh } from './strings/finder.th';
import { verifyTh } from './strings/verify.th';
import { analysisTh } from './strings/analysis.th';
import { analysisToolsTh } from './strings/analysis-tools.th';
import { analysisMapTh } from './strings/analysis-map.th';
import { analysisChartsTh } from './strings/analysis-charts.th';
import { crashesLiveTh } from './strings/crashes-live.th';
import { crashImportsTh } from './strings/crash-imports.th';

export const th: Translations = {
  ...coreTh,
  ...mapTh,
  ...alarmsTh,
  ...setupTh,
  ...elephantsTh,
  ...busesTh,
  ...wallTh,
  ...auditTh,
  ...usersTh,
  ...validationTh,
  ...shiftTh,
  ...playbackTh,
  ...recordingsTh,
  ...requestsTh,
  ...finderTh,
  ...verifyTh,
  ...analysisTh,
  ...analysisToolsTh,
  ...analysisMapTh,
  ...analysisChartsTh,
  ...crashesLiveTh,
  ...crashImportsTh,
};
