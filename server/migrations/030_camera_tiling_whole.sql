-- A tiled camera may also detect on the whole picture ("whole+2x2"): the tiles find far objects, the whole picture
-- keeps the near ones that every tile cuts.
ALTER TABLE cameras DROP CONSTRAINT cameras_tiling_check;
ALTER TABLE cameras
  ADD CONSTRAINT cameras_tiling_check
  CHECK (tiling IN ('none', '2x1', '2x2', '3x2', 'whole+2x1', 'whole+2x2', 'whole+3x2'));
