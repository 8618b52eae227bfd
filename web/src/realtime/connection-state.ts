// Connection states of the realtime link, as shown in the header and the banner.
export const CONNECTION_STATES = ['connecting', 'connected', 'reconnecting', 'disconnected'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];
