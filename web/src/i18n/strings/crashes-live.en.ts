// English strings of the control room's live crash layer (crashes and camera traffic incidents, last 24 hours).
export const crashesLiveEn = {
  'mapLayers.group.crashes24h': 'Crashes, last 24 h',
  'crashesLive.class.fatal': 'Crash: fatal',
  'crashesLive.class.serious': 'Crash: serious injury',
  'crashesLive.class.minor': 'Crash: minor injury',
  'crashesLive.class.damage_only': 'Crash: damage only',
  'crashesLive.incident': 'Camera incident, not confirmed (white ring)',
} as const;
