-- A zone kind for object masks: whatever stands in it (a statue, a billboard, a poster) is not an object to the rules.
ALTER TABLE camera_zones DROP CONSTRAINT camera_zones_kind_check;
ALTER TABLE camera_zones ADD CONSTRAINT camera_zones_kind_check
  CHECK (kind IN ('roadway', 'sidewalk', 'crowd_area', 'elephant_watch', 'mask'));
