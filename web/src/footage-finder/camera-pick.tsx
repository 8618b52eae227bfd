// A camera's pick checkbox with its label and, once it is picked, the trim of its footage.
import type { ReactNode } from 'react';
import type { Trim } from './pick-draft';
import { TrimControls } from './trim-controls';

interface CameraPickProps {
  cameraId: number;
  label: ReactNode;
  /** Its trim when picked. */
  trim: Trim | undefined;
  bounds: Trim;
  onToggle: (cameraId: number) => void;
  onTrim: (cameraId: number, part: Partial<Trim>) => void;
}

export function CameraPick({ cameraId, label, trim, bounds, onToggle, onTrim }: CameraPickProps) {
  return (
    <>
      <label className="finder-pick">
        <input
          type="checkbox"
          checked={trim !== undefined}
          onChange={() => onToggle(cameraId)}
          data-testid="finder-pick"
        />
        {label}
      </label>
      {trim && <TrimControls trim={trim} bounds={bounds} onChange={(part) => onTrim(cameraId, part)} />}
    </>
  );
}
