-- Run once per database by a PostgreSQL superuser (the run and test commands do it for you):
--   psql -v db_name=batchtrace -v owner_password=... -v app_password=... -f create-roles-and-database.sql
-- Creates the two roles and the database. Everything inside the database is created by the
-- Flyway migrations, run as the owner role; the application connects as the runtime role.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE batchtrace_owner LOGIN PASSWORD %L', :'owner_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'batchtrace_owner') \gexec
SELECT format('CREATE ROLE batchtrace_app LOGIN PASSWORD %L', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'batchtrace_app') \gexec
-- The runtime role must never own anything or inherit the owner's rights. It may connect,
-- nothing more on the database: no TEMPORARY (a temporary table or function could shadow the
-- schema's objects) and no CREATE (V28 also revokes both from databases made before).
ALTER ROLE batchtrace_app NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
ALTER ROLE batchtrace_owner NOSUPERUSER NOCREATEDB NOCREATEROLE;

SELECT format('CREATE DATABASE %I OWNER batchtrace_owner', :'db_name')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db_name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db_name') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO batchtrace_app', :'db_name') \gexec
