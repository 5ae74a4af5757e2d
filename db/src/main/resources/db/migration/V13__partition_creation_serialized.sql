-- Two sessions writing the first values of a new month at once used to create its partition at
-- the same moment, and two concurrent CREATE TABLE ... PARTITION OF deadlocked (found by the
-- terminal benchmark: the collector and a gateway writing together). Creators now queue on one
-- transaction-scoped advisory lock and look again once they hold it.
CREATE OR REPLACE FUNCTION process_value_month(p_ts timestamptz) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    first_day date := date_trunc('month', p_ts AT TIME ZONE 'UTC')::date;
    part text := 'process_value_' || to_char(first_day, 'YYYY_MM');
BEGIN
    IF to_regclass(part) IS NOT NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('batchtrace.process_value_month'));
    IF to_regclass(part) IS NOT NULL THEN
        RETURN; -- created by the session this one waited for
    END IF;
    -- Rows of that month already in the default partition would make the new partition fail;
    -- they simply stay in the default partition.
    IF EXISTS (SELECT 1 FROM process_value_default
               WHERE ts >= (first_day::timestamp AT TIME ZONE 'UTC')
                 AND ts < ((first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC')) THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF process_value FOR VALUES FROM (%L) TO (%L)', part,
                   first_day::timestamp AT TIME ZONE 'UTC',
                   (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
EXCEPTION WHEN duplicate_table THEN
    RETURN; -- another node created it at the same moment
END $$;
