-- Archive packages: at a batch's release or rejection, and on demand, the server writes an archive
-- package (PDF/A-3b record, JSON record, signed manifest) into the archive directory and records
-- it as a security event; a package that could not be written is recorded too, so QA sees it and
-- writes it again. The list of kinds is read from the constraint as it stands and these kinds
-- added, so the migration keeps every kind an earlier migration allowed.
DO $$
DECLARE
    kinds text[];
BEGIN
    SELECT array_agg(DISTINCT m[1] ORDER BY m[1]) INTO STRICT kinds
    FROM pg_constraint c,
         regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') AS m
    WHERE c.conname = 'security_event_kind_check'
      AND c.conrelid = 'security_event'::regclass;
    IF kinds IS NULL OR NOT 'SIGN_IN' = ANY (kinds) THEN
        RAISE EXCEPTION 'security_event_kind_check not found or not a list of kinds';
    END IF;
    ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
    EXECUTE format('ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check'
                   ' CHECK (kind IN (%s))',
                   (SELECT string_agg(DISTINCT quote_literal(k), ', ' ORDER BY quote_literal(k))
                    FROM unnest(kinds || ARRAY['ARCHIVE_WRITTEN', 'ARCHIVE_FAILED']) AS k));
END $$;
