-- User administration (security audit finding 14): a temporary password must be changed at the next sign-in, police
-- users belong to a station, and an operator may be given the districts they watch (stored and returned only; no route
-- narrows what an operator sees by them yet).
ALTER TABLE users
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
  ADD COLUMN station              text CHECK (station IS NULL OR char_length(station) BETWEEN 1 AND 200),
  -- District codes as in the boundary data (ADM2_PCODE, e.g. 'TH2401'); NULL means "not limited".
  ADD COLUMN districts            text[] CHECK (districts IS NULL OR cardinality(districts) <= 50),
  ADD COLUMN password_changed_at  timestamptz,
  ADD COLUMN updated_at           timestamptz NOT NULL DEFAULT now();
