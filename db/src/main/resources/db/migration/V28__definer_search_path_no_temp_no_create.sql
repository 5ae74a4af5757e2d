-- Hardening of the database against the runtime role (${appRole}).
--
-- 1. Every SECURITY DEFINER function runs with a fixed search path that ends in pg_temp. Without
--    pg_temp named last, PostgreSQL searches the caller's temporary schema FIRST, so a caller
--    able to create temporary objects could make a function running with the owner's rights
--    call its own code. (They were created with "SET search_path FROM CURRENT", which omits it.)
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
