-- Optional tiling per camera: detect on a grid of tiles to find small, distant objects (costs one inference per tile).
ALTER TABLE cameras
  ADD COLUMN tiling text NOT NULL DEFAULT 'none' CHECK (tiling IN ('none', '2x1', '2x2', '3x2'));
