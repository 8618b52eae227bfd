// Hides secrets before text is logged or shown as a reason: URL user:password, and key/token query parameters.
export const redactCredentials = (text: string): string => text.replace(/\/\/[^/@\s]*@/g, '//***@');

/** A request URL for the log: device keys sent as `?key=` (OsmAnd clients can only do that) must not land in it. */
export const redactUrlSecrets = (url: string): string => url.replace(/([?&](?:key|token)=)[^&#]*/gi, '$1***');
