-- The heatmap's hexagon cells, counted ahead: a tile at a low zoom covers hundreds of thousands of crashes, too many
-- to count per request. Each crash belongs, at every zoom up to CELL_MAX_ZOOM (13, crash-cells.sql.ts),
-- to the hexagon of ST_HexagonGrid's layout (EPSG:3857, origin 0,0) whose centre is nearest; the cells keep the counts
-- per year, severity class and source, which is what the filters a country-wide map is looked at with can select,
-- and the sums of their crashes' coordinates (a cluster of crash points is drawn at their centroid).
-- Triggers on crashes keep them equal to the crashes at the end of every statement.

-- A crash's severity class, from its worst outcome (the filters' and EPDO's one definition).
CREATE FUNCTION crash_severity(deaths integer, serious integer, minor integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN deaths > 0 THEN 'fatal' WHEN serious > 0 THEN 'serious'
              WHEN minor > 0 THEN 'minor' ELSE 'damage_only' END
$$;

-- Hexagon circumradius (metres in EPSG:3857) at a zoom: about 12 hexagons across a tile, halving with each zoom.
CREATE FUNCTION crash_hex_size(z integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 2 * 20037508.342789244 / 2 ^ z / 24
$$;

-- The cell (column i, row j of ST_Hexagon) whose centre is nearest to a point: columns 1.5·size apart, odd columns
-- half a row up; the candidates are the column left of the point and the next, each at its nearest row. A point as
-- near to both goes to the left one, so every point has exactly one cell. Float arithmetic only (inlined into the
-- query, it runs per crash: pass plain coordinates, not ST_X of a geometry, which would be repeated in each term).
CREATE FUNCTION crash_hex_cell(px double precision, py double precision, size double precision)
RETURNS TABLE (i bigint, j bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN d0 <= d1 THEN i0 ELSE i0 + 1 END, CASE WHEN d0 <= d1 THEN j0 ELSE j1 END
  FROM (
    SELECT i0, j0, j1,
           (px - 1.5 * size * i0) ^ 2 + (py - h * (j0 + 0.5::float8 * (abs(i0) % 2))) ^ 2 AS d0,
           (px - 1.5 * size * (i0 + 1)) ^ 2 + (py - h * (j1 + 0.5::float8 * (abs(i0 + 1) % 2))) ^ 2 AS d1
    FROM (
      SELECT i0, h,
             round((py - h * 0.5::float8 * (abs(i0) % 2)) / h)::bigint AS j0,
             round((py - h * 0.5::float8 * (abs(i0 + 1) % 2)) / h)::bigint AS j1
      FROM (SELECT floor(px / (1.5 * size))::bigint AS i0, size * sqrt(3) AS h) base
    ) rows
  ) candidates
$$;

CREATE TABLE crash_heatmap_cells (
  z        smallint NOT NULL,
  i        bigint NOT NULL,
  j        bigint NOT NULL,
  year     smallint NOT NULL,
  severity text NOT NULL,
  source   text NOT NULL,
  crashes  integer NOT NULL,
  deaths   integer NOT NULL,
  serious  integer NOT NULL,
  minor    integer NOT NULL,
  -- Sums of the crashes' x and y in EPSG:3857, metres.
  sum_x    double precision NOT NULL,
  sum_y    double precision NOT NULL,
  PRIMARY KEY (z, i, j, year, severity, source)
);
-- Cells emptied by a delete are removed right after; this keeps finding them cheap.
CREATE INDEX crash_heatmap_cells_empty_idx ON crash_heatmap_cells (z) WHERE crashes = 0;

-- Adds crashes to the cells (a count of 1 per crash) or takes them away (-1), given column by column: each crash's
-- cell at zooms 0–13. Cells left with no crash are removed.
CREATE FUNCTION crash_heatmap_apply(
  counts integer[], lons double precision[], lats double precision[], years smallint[], deaths smallint[],
  serious smallint[], minor smallint[], sources text[]
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO crash_heatmap_cells AS h (z, i, j, year, severity, source, crashes, deaths, serious, minor, sum_x, sum_y)
  SELECT zoom.z, cell.i, cell.j, r.year, crash_severity(r.deaths, r.serious, r.minor), r.source,
         sum(r.n), sum(r.n * r.deaths), sum(r.n * r.serious), sum(r.n * r.minor), sum(r.n * m.x), sum(r.n * m.y)
  FROM unnest(counts, lons, lats, years, deaths, serious, minor, sources)
         AS r (n, lon, lat, year, deaths, serious, minor, source)
    CROSS JOIN LATERAL (
      SELECT ST_X(g) AS x, ST_Y(g) AS y FROM ST_Transform(ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), 3857) AS g
      OFFSET 0
    ) m
    CROSS JOIN generate_series(0, 13) AS zoom (z)
    CROSS JOIN LATERAL crash_hex_cell(m.x, m.y, crash_hex_size(zoom.z)) cell
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (z, i, j, year, severity, source) DO UPDATE
    SET crashes = h.crashes + excluded.crashes, deaths = h.deaths + excluded.deaths,
        serious = h.serious + excluded.serious, minor = h.minor + excluded.minor,
        sum_x = h.sum_x + excluded.sum_x, sum_y = h.sum_y + excluded.sum_y;
  IF EXISTS (SELECT 1 FROM unnest(counts) AS n WHERE n < 0) THEN
    DELETE FROM crash_heatmap_cells WHERE crashes = 0;
  END IF;
END
$$;

CREATE FUNCTION crashes_heatmap_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM crash_heatmap_apply(array_agg(1), array_agg(ST_X(location)), array_agg(ST_Y(location)), array_agg(year),
                              array_agg(deaths), array_agg(serious_injuries), array_agg(minor_injuries),
                              array_agg(source))
  FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE FUNCTION crashes_heatmap_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM crash_heatmap_apply(array_agg(-1), array_agg(ST_X(location)), array_agg(ST_Y(location)), array_agg(year),
                              array_agg(deaths), array_agg(serious_injuries), array_agg(minor_injuries),
                              array_agg(source))
  FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END
$$;

-- The rows before (-1) and after (+1), summed by everything the cells depend on: an update that changes none of it
-- (snapping to a road) cancels out before any cell is worked out. No join of the two transition tables, which have
-- no statistics (a planned nested loop over a 15,000-row snap took 45 s).
CREATE FUNCTION crashes_heatmap_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM crash_heatmap_apply(array_agg(d.n), array_agg(d.lon), array_agg(d.lat), array_agg(d.year),
                              array_agg(d.deaths), array_agg(d.serious), array_agg(d.minor), array_agg(d.source))
  FROM (
    SELECT sum(n)::int AS n, lon, lat, year, deaths, serious, minor, source
    FROM (
      SELECT -1 AS n, ST_X(location) AS lon, ST_Y(location) AS lat, year, deaths, serious_injuries AS serious,
             minor_injuries AS minor, source
      FROM old_rows
      UNION ALL
      SELECT 1, ST_X(location), ST_Y(location), year, deaths, serious_injuries, minor_injuries, source
      FROM new_rows
    ) change
    GROUP BY lon, lat, year, deaths, serious, minor, source
    HAVING sum(n) <> 0
  ) d
  HAVING count(*) > 0;
  RETURN NULL;
END
$$;

CREATE FUNCTION crashes_heatmap_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE crash_heatmap_cells;
  RETURN NULL;
END
$$;

CREATE TRIGGER crashes_heatmap_insert AFTER INSERT ON crashes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crashes_heatmap_inserted();
CREATE TRIGGER crashes_heatmap_delete AFTER DELETE ON crashes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crashes_heatmap_deleted();
CREATE TRIGGER crashes_heatmap_update AFTER UPDATE ON crashes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crashes_heatmap_updated();
CREATE TRIGGER crashes_heatmap_truncate AFTER TRUNCATE ON crashes
  FOR EACH STATEMENT EXECUTE FUNCTION crashes_heatmap_truncated();

-- The crashes already stored.
SELECT crash_heatmap_apply(array_agg(1), array_agg(ST_X(location)), array_agg(ST_Y(location)), array_agg(year),
                           array_agg(deaths), array_agg(serious_injuries), array_agg(minor_injuries),
                           array_agg(source))
FROM crashes HAVING count(*) > 0;
