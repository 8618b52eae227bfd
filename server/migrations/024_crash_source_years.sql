-- The (source, year) pairs the road-section ranking lists as each window's years: found by skipping along this index
-- in a few probes instead of reading every crash.
CREATE INDEX crashes_source_year_idx ON crashes (source, year);
