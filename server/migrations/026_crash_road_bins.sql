-- The road-section ranking's crashes, counted ahead per 100 m of road: a country-wide ranking over a million crashes
-- cannot place each of them on its road and make its windows per request (3.5 s measured). Each crash is placed as
-- the ranking places it — by DOH road code and kilometre post when it has both, else on its snapped OSM line — and
-- counted in the 100 m bin of road holding it (ROAD_BIN_M, crash-road-bins.sql.ts), per year, severity class and
-- source, the filters a country-wide ranking is looked at with; a window of whole bins is then a sum of bins.
-- Crashes with no place on a road are counted too (basis 'unplaced'), so the ranking's coverage comes from here.
-- Triggers on crashes keep the bins equal to the crashes at the end of every statement (as the heatmap cells).

CREATE TABLE crash_road_bins (
  basis    text COLLATE "C" NOT NULL CHECK (basis IN ('km', 'osm_line', 'unplaced')),
  -- The DOH road code, or the OSM line id as text; '' when unplaced.
  road_key text COLLATE "C" NOT NULL,
  -- floor(metres along the road / 100); 0 when unplaced.
  bin      integer NOT NULL,
  year     smallint NOT NULL,
  severity text NOT NULL,
  source   text NOT NULL,
  crashes  integer NOT NULL,
  deaths   integer NOT NULL,
  serious  integer NOT NULL,
  minor    integer NOT NULL,
  PRIMARY KEY (basis, road_key, bin, year, severity, source)
);
CREATE INDEX crash_road_bins_empty_idx ON crash_road_bins (basis) WHERE crashes = 0;

-- The details of a listed window (its crashes' place, road line and name) are read from the crashes on a km basis.
CREATE INDEX crashes_road_km_idx ON crashes (road_code, km) WHERE road_code IS NOT NULL AND km IS NOT NULL;

-- Adds crashes to the bins (a count of 1 per crash) or takes them away (-1), given column by column. Bins left with
-- no crash are removed. The place is the ranking's: km::numeric · 1000 (so 3.3 km is exactly 3300 m) or the offset.
CREATE FUNCTION crash_road_bins_apply(
  counts integer[], road_codes text[], kms double precision[], road_ids integer[], offsets double precision[],
  years smallint[], deaths smallint[], serious smallint[], minor smallint[], sources text[]
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO crash_road_bins AS b (basis, road_key, bin, year, severity, source, crashes, deaths, serious, minor)
  SELECT p.basis, p.road_key, p.bin, r.year, crash_severity(r.deaths, r.serious, r.minor), r.source,
         sum(r.n), sum(r.n * r.deaths), sum(r.n * r.serious), sum(r.n * r.minor)
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
  ON CONFLICT (basis, road_key, bin, year, severity, source) DO UPDATE
    SET crashes = b.crashes + excluded.crashes, deaths = b.deaths + excluded.deaths,
        serious = b.serious + excluded.serious, minor = b.minor + excluded.minor;
  IF EXISTS (SELECT 1 FROM unnest(counts) AS n WHERE n < 0) THEN
    DELETE FROM crash_road_bins WHERE crashes = 0;
  END IF;
END
$$;

CREATE FUNCTION crashes_road_bins_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM crash_road_bins_apply(array_agg(1), array_agg(road_code), array_agg(km), array_agg(road_id),
                                array_agg(road_offset_m), array_agg(year), array_agg(deaths),
                                array_agg(serious_injuries), array_agg(minor_injuries), array_agg(source))
  FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE FUNCTION crashes_road_bins_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM crash_road_bins_apply(array_agg(-1), array_agg(road_code), array_agg(km), array_agg(road_id),
                                array_agg(road_offset_m), array_agg(year), array_agg(deaths),
                                array_agg(serious_injuries), array_agg(minor_injuries), array_agg(source))
  FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;

-- The rows before (-1) and after (+1), summed by everything the bins depend on: an update that changes none of it
-- (a new note, a vocabulary code) cancels out before any bin is touched. No join of the transition tables (see 025).
CREATE FUNCTION crashes_road_bins_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM crash_road_bins_apply(array_agg(d.n), array_agg(d.road_code), array_agg(d.km), array_agg(d.road_id),
                                array_agg(d.road_offset_m), array_agg(d.year), array_agg(d.deaths),
                                array_agg(d.serious), array_agg(d.minor), array_agg(d.source))
  FROM (
    SELECT sum(n)::int AS n, road_code, km, road_id, road_offset_m, year, deaths, serious, minor, source
    FROM (
      SELECT -1 AS n, road_code, km, road_id, road_offset_m, year, deaths, serious_injuries AS serious,
             minor_injuries AS minor, source
      FROM old_rows
      UNION ALL
      SELECT 1, road_code, km, road_id, road_offset_m, year, deaths, serious_injuries, minor_injuries, source
      FROM new_rows
    ) change
    GROUP BY road_code, km, road_id, road_offset_m, year, deaths, serious, minor, source
    HAVING sum(n) <> 0
  ) d
  HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE FUNCTION crashes_road_bins_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE crash_road_bins;
  RETURN NULL;
END
$$;

CREATE TRIGGER crashes_road_bins_insert AFTER INSERT ON crashes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crashes_road_bins_inserted();
CREATE TRIGGER crashes_road_bins_delete AFTER DELETE ON crashes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crashes_road_bins_deleted();
CREATE TRIGGER crashes_road_bins_update AFTER UPDATE ON crashes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crashes_road_bins_updated();
CREATE TRIGGER crashes_road_bins_truncate AFTER TRUNCATE ON crashes
  FOR EACH STATEMENT EXECUTE FUNCTION crashes_road_bins_truncated();

-- The crashes already stored.
SELECT crash_road_bins_apply(array_agg(1), array_agg(road_code), array_agg(km), array_agg(road_id),
                             array_agg(road_offset_m), array_agg(year), array_agg(deaths), array_agg(serious_injuries),
                             array_agg(minor_injuries), array_agg(source))
FROM crashes HAVING count(*) > 0;
