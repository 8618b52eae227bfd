// Small tests for what the browser checks and sends about a crash file.
import { describe, expect, it } from 'vitest';
import { fileProblem, MAX_UPLOAD_BYTES, uploadContentType, uploadName } from './upload-file';

describe('fileProblem', () => {
  it('takes a CSV or GeoJSON table of a sensible size and name', () => {
    expect(fileProblem({ name: 'doh-2567.csv', size: 1000 })).toBeNull();
    expect(fileProblem({ name: 'จุดเสียชีวิต.GEOJSON', size: 1000 })).toBeNull();
    expect(fileProblem({ name: 'points.Json', size: 1000 })).toBeNull();
  });

  it('refuses other types, empty files, files over the limit and names the server refuses', () => {
    expect(fileProblem({ name: 'table.xlsx', size: 1000 })).toBe('type');
    expect(fileProblem({ name: 'table.csv', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'table.csv', size: MAX_UPLOAD_BYTES + 1 })).toBe('tooLarge');
    expect(fileProblem({ name: 'table.csv', size: MAX_UPLOAD_BYTES })).toBeNull();
    expect(fileProblem({ name: `${'a'.repeat(121)}.csv`, size: 10 })).toBe('name');
    expect(fileProblem({ name: '.csv', size: 10 })).toBe('name');
    expect(fileProblem({ name: 'a\tb.csv', size: 10 })).toBe('name');
  });
});

describe('uploadName', () => {
  it('keeps names the server takes and lowers a mixed-case extension', () => {
    expect(uploadName('doh.csv')).toBe('doh.csv');
    expect(uploadName('DOH.CSV')).toBe('DOH.CSV');
    expect(uploadName('DOH.Csv')).toBe('DOH.csv');
    expect(uploadName('points.GeoJSON')).toBe('points.geojson');
  });
});

describe('uploadContentType', () => {
  it('goes by the extension, whatever type the browser guessed', () => {
    expect(uploadContentType('a.csv')).toBe('text/csv');
    expect(uploadContentType('a.GEOJSON')).toBe('application/geo+json');
    expect(uploadContentType('a.json')).toBe('application/geo+json');
    expect(uploadContentType('a.txt')).toBe('application/octet-stream');
  });
});
