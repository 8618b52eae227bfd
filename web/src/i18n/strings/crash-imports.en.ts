// English strings of the crash file import page: choosing the file, progress, the report, the rejected rows, the list.
export const crashImportsEn = {
  'crashImports.title': 'Import crash files',
  'crashImports.intro':
    'Upload a Department of Highways / Ministry of Transport accident table (CSV) or the national fatal-crash points (GeoJSON). Readable rows are stored, and importing the same file again changes nothing; rows that cannot be read are listed with their line. Files over 128 MB are imported on the server with the command-line tool (npm run import:crashes).',
  'crashImports.choose': 'Choose a file (.csv, .geojson)',
  'crashImports.drop': 'or drop it here',
  'crashImports.dropActive': 'Drop the file to choose it',
  'crashImports.chosen': '{{name}} · {{size}}',
  'crashImports.none': 'No file chosen yet.',
  'crashImports.problem.type': 'Choose a .csv, .geojson or .json file.',
  'crashImports.problem.empty': 'This file is empty.',
  'crashImports.problem.tooLarge':
    'This file is over 128 MB, the most the server takes: import it on the server with the command-line tool.',
  'crashImports.problem.name':
    "The file's name is too long or holds characters the server does not take: rename it (at most 120 characters).",
  'crashImports.source': 'Source',
  'crashImports.source.auto': 'Automatic (by the file type)',
  'crashImports.source.doh_csv': 'DOH/MOT accident table (CSV)',
  'crashImports.source.fatal_points': 'Fatal-crash points (GeoJSON)',
  'crashImports.upload': 'Upload and import',
  'crashImports.cancel': 'Cancel',

  'crashImports.sending': 'Sending {{name}}…',
  'crashImports.sent': '{{percent}} % · {{sent}} of {{total}} MB sent',
  'crashImports.importing': 'The server is importing {{name}}… a large table can take a few minutes.',
  'crashImports.importingCancel':
    'Cancel only stops waiting: the server may still finish the import, which then shows in the list below.',
  'crashImports.progressLabel': 'Upload progress',

  'crashImports.result.title': 'Imported: {{name}}',
  'crashImports.result.source': 'Read as: {{source}}',
  'crashImports.result.snapped': '{{n}} of the crashes lie on a major road (matched to the road network).',
  'crashImports.count.read': 'Rows read',
  'crashImports.count.added': 'Added',
  'crashImports.count.updated': 'Updated',
  'crashImports.count.same': 'Unchanged',
  'crashImports.count.rejected': 'Rejected',
  'crashImports.rejected.title': 'Rejected rows',
  'crashImports.rejected.first': 'The first {{shown}} of the {{total}} rejected rows, by line.',
  'crashImports.rejected.none': 'No row was rejected.',
  'crashImports.rejected.line': 'Line',
  'crashImports.rejected.reason': 'Reason',

  'crashImports.error.refused': 'The server did not import the file: {{reason}}',
  'crashImports.error.network':
    'The server could not be reached, so the upload did not finish. Check the connection and try again.',
  'crashImports.error.cancelled':
    'The upload was cancelled. If the whole file had been sent, the server may still have imported it: see the list below.',
  'crashImports.error.tooLarge':
    'The file is too large for the server (at most 128 MB): import it on the server with the command-line tool.',
  'crashImports.error.wrongType':
    'The server does not take this type of file: send a .csv table or a .geojson file.',
  'crashImports.error.signedOut': 'Your session has ended: sign in again, then upload the file again.',
  'crashImports.error.unknown': 'The server did not import the file (HTTP {{status}}).',

  'crashImports.list.title': 'Past imports',
  'crashImports.list.note': 'The latest 50, newest first; times in Bangkok time.',
  'crashImports.list.empty': 'No crash file has been imported yet.',
  'crashImports.list.failed': 'The list of imports could not be loaded: {{reason}}',
  'crashImports.list.offline': 'the server could not be reached',
  'crashImports.list.refresh': 'Refresh',
  'crashImports.col.file': 'File',
  'crashImports.col.source': 'Source',
  'crashImports.col.by': 'By',
  'crashImports.col.when': 'Started',
  'crashImports.col.status': 'Status',
  'crashImports.status.running': 'Importing',
  'crashImports.status.done': 'Done',
  'crashImports.status.failed': 'Failed',
} as const;
