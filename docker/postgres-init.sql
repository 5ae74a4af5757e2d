-- Initialisation of the postgres container of the local demo stack (docker/compose.yaml).
-- The postgres image runs this file once, as its superuser, when the data volume is empty.
--
-- It does not repeat the role and database set-up: it feeds the passwords from the container
-- environment into db/bootstrap/create-roles-and-database.sql (mounted read-only at
-- /opt/batchtrace-db/bootstrap), the same script every other installation runs, so the roles
-- batchtrace_owner and batchtrace_app and the database batchtrace (owned by batchtrace_owner)
-- are created exactly as in a qualified installation.
-- \getenv needs psql 15 or later; the postgres:15 image has it.
\set ON_ERROR_STOP on

\getenv owner_password BATCHTRACE_DB_OWNER_PASSWORD
\getenv app_password BATCHTRACE_DB_PASSWORD
\set db_name batchtrace

\if :{?owner_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'BATCHTRACE_DB_OWNER_PASSWORD is not set in the postgres container'; END $$;
\endif
\if :{?app_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'BATCHTRACE_DB_PASSWORD is not set in the postgres container'; END $$;
\endif

\i /opt/batchtrace-db/bootstrap/create-roles-and-database.sql
