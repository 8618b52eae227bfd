-- Administrative areas for the planners' filters and hot-spot maps: the country (the provinces' union: the study
-- region of a national hot-spot map), provinces, districts (national, the province's own detailed outlines where the
-- data has them) and the province's sub-districts.
CREATE TABLE areas (
  code      text PRIMARY KEY,
  level     text NOT NULL CHECK (level IN ('country', 'province', 'district', 'subdistrict')),
  name_th   text NOT NULL,
  name_en   text NOT NULL,
  -- The enclosing area's code (a district's province, a sub-district's district); NULL for a province.
  parent    text,
  geom      geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX areas_geom_gix ON areas USING gist (geom);
CREATE INDEX areas_level_idx ON areas (level, parent);
