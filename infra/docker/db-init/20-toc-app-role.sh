#!/bin/bash
# First-boot init for the postgis/postgis image: the application's own login role, owner of the toc database, not a superuser.
set -eo pipefail  # no -u: the image's entrypoint may source this file

# PostGIS was already created in $POSTGRES_DB by the image's 10_postgis.sh, as the superuser.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="${TOC_DB_PASSWORD:?set TOC_DB_PASSWORD}" <<'SQL'
CREATE ROLE toc LOGIN PASSWORD :'app_password';
ALTER DATABASE toc OWNER TO toc;
ALTER SCHEMA public OWNER TO toc;
SQL
