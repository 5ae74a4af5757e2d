-- Signed checkpoints: at an interval, on demand and at every audit trail export the
-- server signs each chain's head with an Ed25519 key that is outside the database, writes the
-- checkpoint as a new file into an append-only directory and records it as this security event.
-- The list of kinds is read from the constraint as it stands and this kind added, so the
-- migration keeps every kind an earlier migration allowed.
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
                    FROM unnest(kinds || ARRAY['CHECKPOINT_SIGNED']) AS k));
END $$;

-- What a checkpoint signs, read in one snapshot (a STABLE function sees the snapshot of the query
-- that calls it): each chain's head, how many rows its tables hold, and the hash the chain has now
-- at the position the previous checkpoint recorded (p_chain/p_at; the genesis hash at position 0,
-- null where the chain has no link there any more). The server compares that hash with the
-- previous checkpoint's head, so each checkpoint confirms that the chain up to the previous one
-- is unchanged.
CREATE FUNCTION audit_chain_checkpoint(p_chain varchar[], p_at bigint[])
    RETURNS TABLE (chain varchar, head_position bigint, head_sha256 bytea, row_count bigint,
                   at_position bigint, at_sha256 bytea)
    LANGUAGE plpgsql STABLE
    SET search_path FROM CURRENT
    AS $$
#variable_conflict use_column
DECLARE
    h audit_chain_head;
    m audit_chain_member;
    n bigint;
BEGIN
    FOR h IN SELECT * FROM audit_chain_head ORDER BY audit_chain_head.chain LOOP
        row_count := 0;
        FOR m IN SELECT * FROM audit_chain_member WHERE audit_chain_member.chain = h.chain LOOP
            EXECUTE format('SELECT count(*) FROM %I', m.table_name) INTO n;
            row_count := row_count + n;
        END LOOP;
        chain := h.chain;
        head_position := h.position;
        head_sha256 := h.sha256;
        at_position := (SELECT a.p FROM unnest(p_chain, p_at) AS a(c, p) WHERE a.c = h.chain
                        LIMIT 1);
        at_sha256 := CASE
            WHEN at_position IS NULL THEN NULL
            WHEN at_position = 0 THEN sha256(convert_to('batchtrace:' || h.chain, 'UTF8'))
            ELSE (SELECT c.sha256 FROM audit_chain c
                  WHERE c.chain = h.chain AND c.position = at_position) END;
        RETURN NEXT;
    END LOOP;
END $$;
GRANT EXECUTE ON FUNCTION audit_chain_checkpoint(varchar[], bigint[]) TO ${appRole};
