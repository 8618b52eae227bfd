// Next arrivals at a stop over REST: for the control room, and for the public sign (with the stop's names).
import { Type, type Static } from 'typebox';
import { Id } from './common.schema';
import { StopArrivalsMessage, Translations } from './transit.schema';

export const ArrivalsParams = Type.Object(
  { stopId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type ArrivalsParams = Static<typeof ArrivalsParams>;

export const ArrivalsQuery = Type.Object(
  {
    feed: Type.Optional(Id({ description: 'Feed id; may be left out when only one feed has this stop id' })),
  },
  { additionalProperties: false },
);
export type ArrivalsQuery = Static<typeof ArrivalsQuery>;

/** The sign's reply: the stop's names (Thai and English) and its next arrivals. */
export const PublicStopBoard = Type.Object({
  stop: Type.Object({
    feedId: Type.Integer(),
    stopId: Type.String(),
    name: Type.String(),
    translations: Translations,
  }),
  board: StopArrivalsMessage,
});
export type PublicStopBoard = Static<typeof PublicStopBoard>;
