-- Hardening of the database against the runtime role (${appRole}).
--
-- 1. Every SECURITY DEFINER function runs with a fixed search path that ends in pg_temp. Without
--    pg_temp named last, PostgreSQL searches the caller's temporary schema FIRST, so a caller
--    able to create temporary objects could make a function running with the owner's rights
--    call its own code. (They were created with "SET search_path FROM CURRENT", which omits it.)
--    With pg_catalog first, an unqualified CREATE TABLE would aim at pg_catalog: the partition
--    creator (V13) names its schema from now on.
CREATE OR REPLACE FUNCTION process_value_month(p_ts timestamptz) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    first_day date := date_trunc('month', p_ts AT TIME ZONE 'UTC')::date;
    part text := 'process_value_' || to_char(first_day, 'YYYY_MM');
    qualified text := format('%I.%I', '${flyway:defaultSchema}', part);
BEGIN
    IF to_regclass(qualified) IS NOT NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('batchtrace.process_value_month'));
    IF to_regclass(qualified) IS NOT NULL THEN
        RETURN; -- created by the session this one waited for
    END IF;
    -- Rows of that month already in the default partition would make the new partition fail;
    -- they simply stay in the default partition.
    IF EXISTS (SELECT 1 FROM ${flyway:defaultSchema}.process_value_default
               WHERE ts >= (first_day::timestamp AT TIME ZONE 'UTC')
                 AND ts < ((first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC')) THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE TABLE %s PARTITION OF %I.process_value FOR VALUES FROM (%L) TO (%L)',
                   qualified, '${flyway:defaultSchema}',
                   first_day::timestamp AT TIME ZONE 'UTC',
                   (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
EXCEPTION WHEN duplicate_table THEN
    RETURN; -- another node created it at the same moment
END $$;

DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prosecdef AND n.nspname = '${flyway:defaultSchema}'
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp', f);
    END LOOP;
END
$$;

-- 2. The runtime role creates nothing: no temporary objects in this database, no objects in
--    any schema (the bootstrap script no longer grants TEMPORARY; databases made before had it).
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC, ${appRole}', current_database());
END
$$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA ${flyway:defaultSchema} FROM PUBLIC, ${appRole};
