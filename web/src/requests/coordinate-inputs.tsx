// The picked place as latitude and longitude, typed by hand when the place is known by its coordinates; taken when the
// field is left or Enter is pressed.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LonLat } from '@toc/server/schemas';

const show = (value: number | undefined) => (value === undefined ? '' : value.toFixed(6));

/** Keyed by the place from outside: a click on the map shows its coordinates here. */
interface CoordinateInputsProps {
  place: LonLat | null;
  onPlace: (place: LonLat) => void;
  /** The id of the note saying a place is missing, when it is. */
  problemId?: string | undefined;
}

export function CoordinateInputs({ place, onPlace, problemId }: CoordinateInputsProps) {
  const { t } = useTranslation();
  const [lat, setLat] = useState(show(place?.lat));
  const [lon, setLon] = useState(show(place?.lon));
  const commit = () => {
    const next = { lat: Number(lat), lon: Number(lon) };
    if (lat.trim() === '' || lon.trim() === '') return;
    if (!(Math.abs(next.lat) <= 90 && Math.abs(next.lon) <= 180)) return;
    if (place && next.lat === Number(show(place.lat)) && next.lon === Number(show(place.lon))) return;
    onPlace(next);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    }
  };
  return (
    <div className="request-coordinates">
      <label>
        {t('requests.place.lat')}
        <input
          type="text"
          inputMode="decimal"
          value={lat}
          onChange={(e) => setLat(e.target.value)}
          onBlur={commit}
          onKeyDown={onKey}
          aria-invalid={problemId !== undefined}
          aria-describedby={problemId}
          data-testid="request-form-lat"
        />
      </label>
      <label>
        {t('requests.place.lon')}
        <input
          type="text"
          inputMode="decimal"
          value={lon}
          onChange={(e) => setLon(e.target.value)}
          onBlur={commit}
          onKeyDown={onKey}
          aria-invalid={problemId !== undefined}
          aria-describedby={problemId}
          data-testid="request-form-lon"
        />
      </label>
    </div>
  );
}
