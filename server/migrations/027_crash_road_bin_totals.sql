-- The road bins summed over years, severities and sources, for the ranking with no filter (a planner's first look at
-- the whole period): a million crashes make 310,000 bins of crash_road_bins and 50,000 of these, and summing the
-- former per request took 0.2 s of a country-wide ranking. Crashes are kept per severity class so any EPDO weights
-- apply. Kept by the same function as the bins, so both change in the statement that changes the crashes.

CREATE TABLE crash_road_bin_totals (
  basis               text COLLATE "C" NOT NULL CHECK (basis IN ('km', 'osm_line', 'unplaced')),
  road_key            text COLLATE "C" NOT NULL,
  bin                 integer NOT NULL,
  crashes             integer NOT NULL,
  deaths              integer NOT NULL,
  serious             integer NOT NULL,
  minor               integer NOT NULL,
  fatal_crashes       integer NOT NULL,
  serious_crashes     integer NOT NULL,
  minor_crashes       integer NOT NULL,
  damage_only_crashes integer NOT NULL,
  PRIMARY KEY (basis, road_key, bin)
);

-- As in 026, and the same counts added to (or taken from) the totals; totals left with no crash are removed.
CREATE OR REPLACE FUNCTION crash_road_bins_apply(
  counts integer[], road_codes text[], kms double precision[], road_ids integer[], offsets double precision[],
  years smallint[], deaths smallint[], serious smallint[], minor smallint[], sources text[]
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- One statement: the change is grouped once and added to both tables.
  WITH change AS MATERIALIZED (
    SELECT p.basis, p.road_key, p.bin, r.year, crash_severity(r.deaths, r.serious, r.minor) AS severity, r.source,
           sum(r.n)::int AS crashes, sum(r.n * r.deaths)::int AS deaths, sum(r.n * r.serious)::int AS serious,
           sum(r.n * r.minor)::int AS minor
    FROM unnest(counts, road_codes, kms, road_ids, offsets, years, deaths, serious, minor, sources)
           AS r (n, road_code, km, road_id, road_offset_m, year, deaths, serious, minor, source)
      CROSS JOIN LATERAL (
        SELECT CASE WHEN r.road_code IS NOT NULL AND r.km IS NOT NULL THEN 'km'
                    WHEN r.road_id IS NOT NULL AND r.road_offset_m IS NOT NULL THEN 'osm_line'
                    ELSE 'unplaced' END COLLATE "C" AS basis,
               CASE WHEN r.road_code IS NOT NULL AND r.km IS NOT NULL THEN r.road_code
                    WHEN r.road_id IS NOT NULL AND r.road_offset_m IS NOT NULL THEN r.road_id::text
                    ELSE '' END COLLATE "C" AS road_key,
               CASE WHEN r.road_code IS NOT NULL AND r.km IS NOT NULL THEN floor(r.km::numeric * 1000 / 100)::int
                    WHEN r.road_id IS NOT NULL AND r.road_offset_m IS NOT NULL
                      THEN floor(r.road_offset_m::numeric / 100)::int
                    ELSE 0 END AS bin
      ) p
    GROUP BY 1, 2, 3, 4, 5, 6
  ),
  binned AS (
    INSERT INTO crash_road_bins AS b (basis, road_key, bin, year, severity, source, crashes, deaths, serious, minor)
    SELECT ch.* FROM change ch
    ON CONFLICT (basis, road_key, bin, year, severity, source) DO UPDATE
      SET crashes = b.crashes + excluded.crashes, deaths = b.deaths + excluded.deaths,
          serious = b.serious + excluded.serious, minor = b.minor + excluded.minor
  )
  INSERT INTO crash_road_bin_totals AS t (basis, road_key, bin, crashes, deaths, serious, minor, fatal_crashes,
                                          serious_crashes, minor_crashes, damage_only_crashes)
  -- Qualified: deaths, serious and minor are also the function's parameters.
  SELECT ch.basis, ch.road_key, ch.bin, sum(ch.crashes), sum(ch.deaths), sum(ch.serious), sum(ch.minor),
         coalesce(sum(ch.crashes) FILTER (WHERE ch.severity = 'fatal'), 0),
         coalesce(sum(ch.crashes) FILTER (WHERE ch.severity = 'serious'), 0),
         coalesce(sum(ch.crashes) FILTER (WHERE ch.severity = 'minor'), 0),
         coalesce(sum(ch.crashes) FILTER (WHERE ch.severity = 'damage_only'), 0)
  FROM change ch
  GROUP BY ch.basis, ch.road_key, ch.bin
  ON CONFLICT (basis, road_key, bin) DO UPDATE
    SET crashes = t.crashes + excluded.crashes, deaths = t.deaths + excluded.deaths,
        serious = t.serious + excluded.serious, minor = t.minor + excluded.minor,
        fatal_crashes = t.fatal_crashes + excluded.fatal_crashes,
        serious_crashes = t.serious_crashes + excluded.serious_crashes,
        minor_crashes = t.minor_crashes + excluded.minor_crashes,
        damage_only_crashes = t.damage_only_crashes + excluded.damage_only_crashes;

  IF EXISTS (SELECT 1 FROM unnest(counts) AS n WHERE n < 0) THEN
    DELETE FROM crash_road_bins WHERE crashes = 0;
    DELETE FROM crash_road_bin_totals WHERE crashes = 0;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION crashes_road_bins_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE crash_road_bins, crash_road_bin_totals;
  RETURN NULL;
END
$$;

-- The bins already counted.
INSERT INTO crash_road_bin_totals (basis, road_key, bin, crashes, deaths, serious, minor, fatal_crashes,
                                   serious_crashes, minor_crashes, damage_only_crashes)
SELECT basis, road_key, bin, sum(crashes), sum(deaths), sum(serious), sum(minor),
       coalesce(sum(crashes) FILTER (WHERE severity = 'fatal'), 0),
       coalesce(sum(crashes) FILTER (WHERE severity = 'serious'), 0),
       coalesce(sum(crashes) FILTER (WHERE severity = 'minor'), 0),
       coalesce(sum(crashes) FILTER (WHERE severity = 'damage_only'), 0)
FROM crash_road_bins
GROUP BY basis, road_key, bin;

-- A road line's geodesic length, kept with it: every ranking sizes its Empirical Bayes population from the lengths
-- of the roads it screens (a country's 2,000 lines measured 30–50 ms per request).
ALTER TABLE roads ADD COLUMN length_m double precision GENERATED ALWAYS AS (ST_Length(geom::geography)) STORED;

-- A ranking of some years or severity classes reads only their bins (a country's three years of fatal crashes are
-- 21,000 of 310,000 bins: a scan of all of them took most of that ranking's 0.2 s).
CREATE INDEX crash_road_bins_year_severity_idx ON crash_road_bins (year, severity);
