// The authored Chachoengsao demo network: real places, the routes between them, colours, names and headways.
import type { LonLat } from '../geodesy';

export interface DemoPlace {
  key: string;
  nameTh: string;
  nameEn: string;
  /** Where the place is (approximate to ~100 m); the route passes the nearest point of a major road. */
  at: LonLat;
}

export interface DemoRoute {
  id: string;
  shortName: string;
  nameTh: string;
  nameEn: string;
  color: string;
  /** Places the bus passes in the outbound direction; each gets a stop, with more stops every 600–1500 m between. */
  via: string[];
  headwayMin: number;
}

/** Landmarks and terminals. Sub-district stops between them are named from the OCHA boundary polygons. */
export const DEMO_PLACES: DemoPlace[] = [
  {
    key: 'station',
    nameTh: 'สถานีรถไฟฉะเชิงเทรา',
    nameEn: 'Chachoengsao Railway Station',
    at: [101.0664, 13.6887],
  },
  {
    key: 'sothon',
    nameTh: 'วัดโสธรวรารามวรวิหาร',
    nameEn: 'Wat Sothon Wararam Worawihan',
    at: [101.0878, 13.677],
  },
  { key: 'wangtakhian', nameTh: 'วังตะเคียน', nameEn: 'Wang Takhian', at: [101.0453, 13.7199] },
  { key: 'phanom', nameTh: 'พนมสารคาม', nameEn: 'Phanom Sarakham', at: [101.3497, 13.7458] },
  { key: 'phanat', nameTh: 'พนัสนิคม', nameEn: 'Phanat Nikhom', at: [101.1844, 13.4466] },
  {
    key: 'khlongnakhon',
    nameTh: 'คลองนครเนื่องเขต',
    nameEn: 'Khlong Nakhon Nueang Khet',
    at: [100.9755, 13.771],
  },
];

export const DEMO_ROUTES: DemoRoute[] = [
  {
    id: 'CCS1',
    shortName: '1',
    nameTh: 'วังตะเคียน – สถานีรถไฟ – วัดโสธรฯ',
    nameEn: 'Wang Takhian – Railway Station – Wat Sothon',
    color: 'E53935',
    via: ['wangtakhian', 'station', 'sothon'],
    headwayMin: 15,
  },
  {
    id: 'CCS2',
    shortName: '2',
    nameTh: 'ฉะเชิงเทรา – พนมสารคาม',
    nameEn: 'Chachoengsao – Phanom Sarakham',
    color: '1E88E5',
    via: ['station', 'phanom'],
    headwayMin: 20,
  },
  {
    id: 'CCS3',
    shortName: '3',
    nameTh: 'ฉะเชิงเทรา – พนัสนิคม',
    nameEn: 'Chachoengsao – Phanat Nikhom',
    color: '43A047',
    via: ['station', 'sothon', 'phanat'],
    headwayMin: 30,
  },
  {
    id: 'CCS4',
    shortName: '4',
    nameTh: 'ฉะเชิงเทรา – คลองนครเนื่องเขต',
    nameEn: 'Chachoengsao – Khlong Nakhon Nueang Khet',
    color: 'FB8C00',
    via: ['station', 'khlongnakhon'],
    headwayMin: 30,
  },
];

/** Bus running speeds (km/h, between stops) by road class: town traffic on primary roads, faster on highways. */
export const SPEED_KMH = { motorway: 55, trunk: 42, primary: 28 } as const;
export const SERVICE_START_S = 5 * 3600 + 30 * 60;
/** The day headways end here; after it a bus leaves each terminal every NIGHT_HEADWAY_S until the next morning. */
export const SERVICE_END_S = 21 * 3600;
export const NIGHT_HEADWAY_S = 60 * 60;
/** A bus rests at least this long at a terminal before its next trip. */
export const MIN_LAYOVER_S = 6 * 60;
