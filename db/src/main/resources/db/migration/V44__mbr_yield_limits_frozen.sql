-- The yield limits are part of a master batch record's approved content (QA's approval signature
-- is linked to them, as to the steps): like the steps, the database refuses to change them once the
-- record is no longer a draft, whatever the application does. A change of the limits is a new
-- version, which QA compares with the approved one and approves with its own signature.
CREATE FUNCTION mbr_yield_limits_frozen() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT
    AS $$
BEGIN
    IF OLD.status IS DISTINCT FROM 'DRAFT'
       AND (NEW.yield_low_percent IS DISTINCT FROM OLD.yield_low_percent
            OR NEW.yield_high_percent IS DISTINCT FROM OLD.yield_high_percent) THEN
        RAISE EXCEPTION 'master batch record % is %: only a draft can be changed', OLD.id, OLD.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER mbr_yield_limits_frozen BEFORE UPDATE ON master_batch_record
    FOR EACH ROW EXECUTE FUNCTION mbr_yield_limits_frozen();
