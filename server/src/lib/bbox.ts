// A bounding box from a query string, "west,south,east,north" in WGS 84 degrees: each value in range, west < east and
// south < north, or a 400 with the reason.
import { HttpError } from './http-error';

export type Bbox = [west: number, south: number, east: number, north: number];

export function parseBbox(text: string): Bbox {
  const values = text.split(',').map(Number);
  const [west, south, east, north] = values as Bbox;
  const valid =
    values.length === 4 &&
    values.every(Number.isFinite) &&
    west >= -180 &&
    east <= 180 &&
    south >= -90 &&
    north <= 90 &&
    west < east &&
    south < north;
  if (valid) return [west, south, east, north];
  throw new HttpError(
    400,
    'bbox must be west,south,east,north with longitudes in -180..180, latitudes in -90..90, west < east and south < north',
    'bbox ต้องเป็น ตะวันตก,ใต้,ตะวันออก,เหนือ โดยลองจิจูดอยู่ในช่วง -180..180 ละติจูดอยู่ในช่วง -90..90 และค่าต่ำสุดน้อยกว่าค่าสูงสุด',
  );
}
