-- Part 11 core: hash chains over everything that is append-only (audit revisions and history
-- rows, electronic signatures, security events), the signature and security event tables, and
-- the integrity check that walks the chains.
--
-- How the chains work: every row inserted into a chained table gets one link in audit_chain.
-- A link stores the SHA-256 of the row's canonical content (its JSON form, without the one
-- column Envers may set later, revend) and its own hash = SHA-256(previous link's hash ||
-- content hash). A chain's head (last position and hash) lives in audit_chain_head; appending
-- locks that row, so links form one line in commit order. There is one chain per kind of
-- record, so writing a security event in its own transaction never waits for a business
-- transaction that is appending revisions.
--
-- Why in the database: a link is written by the same statement that writes the row, whatever
-- wrote it, and the application role cannot touch the chain tables at all.

CREATE TABLE audit_chain_head (
    chain     varchar(32) PRIMARY KEY,
    position  bigint      NOT NULL,
    sha256    bytea       NOT NULL
);

CREATE TABLE audit_chain (
    chain           varchar(32)  NOT NULL REFERENCES audit_chain_head (chain),
    position        bigint       NOT NULL,
    table_name      varchar(63)  NOT NULL,
    row_key         varchar(255) NOT NULL,
    content_sha256  bytea        NOT NULL,
    previous_sha256 bytea        NOT NULL,
    sha256          bytea        NOT NULL,
    recorded_at     timestamptz  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (chain, position)
);
CREATE UNIQUE INDEX audit_chain_row_idx ON audit_chain (table_name, row_key);

-- Which tables belong to which chain, and the columns that identify a row (joined by '/').
CREATE TABLE audit_chain_member (
    table_name  varchar(63) PRIMARY KEY,
    chain       varchar(32) NOT NULL REFERENCES audit_chain_head (chain),
    key_columns text[]      NOT NULL
);

-- The genesis hash of every chain is SHA-256 of its name, so chains cannot be swapped.
INSERT INTO audit_chain_head (chain, position, sha256)
SELECT c, 0, sha256(convert_to('batchtrace:' || c, 'UTF8'))
FROM unnest(ARRAY['revision', 'signature', 'security_event']) AS c;

-- The canonical content of a row: its JSON form without revend and without null fields, so a
-- later migration that adds a nullable column leaves the hashes of existing rows valid. Times
-- render in UTC and floats in shortest exact form, whatever the session settings (see the SET
-- clauses below).
CREATE FUNCTION audit_chain_content(row_json jsonb) RETURNS bytea
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT sha256(convert_to(jsonb_strip_nulls(row_json - 'revend')::text, 'UTF8')) $$;

CREATE FUNCTION audit_chain_key(row_json jsonb, key_columns text[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT string_agg(row_json ->> k, '/' ORDER BY ord)
          FROM unnest(key_columns) WITH ORDINALITY AS u(k, ord) $$;

-- Statement-level trigger: one head lock per INSERT statement, whatever its row count, so bulk
-- loads stay fast. Rows of one statement are linked in key order.
CREATE FUNCTION audit_chain_append() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT
    SET timezone = 'UTC'
    SET extra_float_digits = 1
    AS $$
DECLARE
    member   audit_chain_member;
    head     audit_chain_head;
    link     record;
BEGIN
    SELECT * INTO STRICT member FROM audit_chain_member WHERE table_name = TG_TABLE_NAME;
    SELECT * INTO STRICT head FROM audit_chain_head WHERE chain = member.chain FOR UPDATE;
    FOR link IN
        SELECT audit_chain_key(j, member.key_columns) AS row_key, audit_chain_content(j) AS content
        FROM (SELECT to_jsonb(i) AS j FROM inserted i) AS rows
        ORDER BY 1
    LOOP
        head.position := head.position + 1;
        INSERT INTO audit_chain (chain, position, table_name, row_key, content_sha256,
                                 previous_sha256, sha256)
        VALUES (member.chain, head.position, TG_TABLE_NAME, link.row_key, link.content,
                head.sha256, sha256(head.sha256 || link.content));
        head.sha256 := sha256(head.sha256 || link.content);
    END LOOP;
    UPDATE audit_chain_head SET position = head.position, sha256 = head.sha256
    WHERE chain = member.chain;
    RETURN NULL;
END $$;

-- Makes a table part of a chain: links on insert, and no UPDATE or DELETE for any role but a
-- superuser (audit rows may only have revend set once, which Envers' validity strategy needs).
-- Later migrations call this for every new audit table.
CREATE FUNCTION audit_chain_attach(p_table text, p_chain text, p_key_columns text[])
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_chain_member (table_name, chain, key_columns)
    VALUES (p_table, p_chain, p_key_columns);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS inserted '
                   'FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_append()',
                   p_table || '_chain', p_table);
END $$;

CREATE FUNCTION chain_record_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_chain_immutable BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION chain_record_immutable();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();

-- Electronic signatures (21 CFR 11.50, 11.70): who, what it means, when, and the SHA-256 of the
-- signed record's canonical content, so a later change of the record shows the signature INVALID.
CREATE SEQUENCE electronic_signature_seq INCREMENT BY 50;
CREATE TABLE electronic_signature (
    id              bigint        PRIMARY KEY,
    signed_at       timestamptz   NOT NULL,
    signer_id       varchar(255)  NOT NULL,
    signer_name     varchar(255)  NOT NULL,
    meaning         varchar(16)   NOT NULL
        CHECK (meaning IN ('PERFORMED', 'VERIFIED', 'REVIEWED', 'APPROVED', 'RELEASED', 'REJECTED')),
    reason          varchar(2000),
    record_type     varchar(100)  NOT NULL,
    record_id       varchar(100)  NOT NULL,
    content_sha256  char(64)      NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    client_address  varchar(255)
);
CREATE INDEX electronic_signature_record_idx ON electronic_signature (record_type, record_id);
CREATE INDEX electronic_signature_time_idx ON electronic_signature (signed_at);
CREATE INDEX electronic_signature_signer_idx ON electronic_signature (signer_id, signed_at);

-- Security events (Annex 11 §12, 21 CFR 11.300(d)): sign-in, sign-out, failed sign-in, failed
-- signature, signing lock, export, integrity verification. Append-only.
CREATE SEQUENCE security_event_seq INCREMENT BY 50;
CREATE TABLE security_event (
    id              bigint        PRIMARY KEY,
    occurred_at     timestamptz   NOT NULL,
    kind            varchar(32)   NOT NULL
        CHECK (kind IN ('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'SIGNATURE_FAILED',
                        'SIGNING_LOCKED', 'EXPORT', 'INTEGRITY_VERIFIED', 'INTEGRITY_BROKEN')),
    user_id         varchar(255)  NOT NULL,
    user_name       varchar(255)  NOT NULL,
    client_address  varchar(255),
    detail          varchar(4000) NOT NULL
);
CREATE INDEX security_event_time_idx ON security_event (occurred_at);
CREATE INDEX security_event_user_idx ON security_event (user_id, kind, occurred_at);

CREATE TRIGGER electronic_signature_immutable BEFORE UPDATE OR DELETE ON electronic_signature
    FOR EACH ROW EXECUTE FUNCTION chain_record_immutable();
CREATE TRIGGER security_event_immutable BEFORE UPDATE OR DELETE ON security_event
    FOR EACH ROW EXECUTE FUNCTION chain_record_immutable();
CREATE TRIGGER audit_revision_no_truncate BEFORE TRUNCATE ON audit_revision
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();
CREATE TRIGGER equipment_aud_no_truncate BEFORE TRUNCATE ON equipment_aud
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();
CREATE TRIGGER electronic_signature_no_truncate BEFORE TRUNCATE ON electronic_signature
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();
CREATE TRIGGER security_event_no_truncate BEFORE TRUNCATE ON security_event
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();

SELECT audit_chain_attach('audit_revision', 'revision', ARRAY['id']);
SELECT audit_chain_attach('equipment_aud', 'revision', ARRAY['id', 'rev']);
SELECT audit_chain_attach('electronic_signature', 'signature', ARRAY['id']);
SELECT audit_chain_attach('security_event', 'security_event', ARRAY['id']);

-- Rows written before the chains existed (version 1 data) are linked now, in key order.
DO $$
DECLARE
    m audit_chain_member;
    head audit_chain_head;
    link record;
BEGIN
    SET LOCAL timezone = 'UTC';
    SET LOCAL extra_float_digits = 1;
    FOR m IN SELECT * FROM audit_chain_member WHERE table_name IN ('audit_revision', 'equipment_aud')
             ORDER BY table_name LOOP
        SELECT * INTO head FROM audit_chain_head WHERE chain = m.chain FOR UPDATE;
        FOR link IN EXECUTE format(
            'SELECT audit_chain_key(j, $1) AS row_key, audit_chain_content(j) AS content
             FROM (SELECT to_jsonb(t) AS j FROM %I t) s ORDER BY 1', m.table_name)
            USING m.key_columns LOOP
            head.position := head.position + 1;
            INSERT INTO audit_chain VALUES (m.chain, head.position, m.table_name, link.row_key,
                link.content, head.sha256, sha256(head.sha256 || link.content));
            head.sha256 := sha256(head.sha256 || link.content);
        END LOOP;
        UPDATE audit_chain_head SET position = head.position, sha256 = head.sha256
        WHERE chain = m.chain;
    END LOOP;
END $$;

-- The integrity check: walks every chain and returns each broken link, earliest first per
-- chain. Three things are checked, set-based so a million links take seconds, not hours:
--   1. the links themselves: contiguous positions, each previous hash = the prior link's hash,
--      each hash = SHA-256(previous || content), and the head = the last link;
--   2. each linked row still exists and still has the content it was linked with;
--   3. every row of a chained table has a link (a row slipped in with triggers disabled).
-- An empty result means every chain is intact.
CREATE FUNCTION audit_chain_verify()
    RETURNS TABLE (chain varchar, chain_position bigint, table_name varchar, row_key varchar,
                   problem text)
    LANGUAGE plpgsql STABLE
    SET search_path FROM CURRENT
    SET timezone = 'UTC'
    SET extra_float_digits = 1
    AS $$
#variable_conflict use_column
DECLARE
    m audit_chain_member;
    key_expression text;
BEGIN
    RETURN QUERY
    WITH walked AS (
        SELECT c.chain, c.position, c.table_name, c.row_key, c.content_sha256,
               c.previous_sha256, c.sha256,
               lag(c.sha256) OVER w AS prior_sha256,
               lag(c.position) OVER w AS prior_position
        FROM audit_chain c
        WINDOW w AS (PARTITION BY c.chain ORDER BY c.position)
    )
    SELECT w.chain, w.position, w.table_name, w.row_key,
           CASE
               WHEN w.position <> coalesce(w.prior_position, 0) + 1
                   THEN format('link(s) %s to %s are missing', coalesce(w.prior_position, 0) + 1,
                               w.position - 1)
               WHEN w.previous_sha256 <> coalesce(w.prior_sha256,
                                                  sha256(convert_to('batchtrace:' || w.chain, 'UTF8')))
                   THEN 'does not continue the previous link'
               ELSE 'link hash does not match its content'
           END
    FROM walked w
    WHERE w.position <> coalesce(w.prior_position, 0) + 1
       OR w.previous_sha256 <> coalesce(w.prior_sha256,
                                        sha256(convert_to('batchtrace:' || w.chain, 'UTF8')))
       OR w.sha256 <> sha256(w.previous_sha256 || w.content_sha256);

    RETURN QUERY
    SELECT h.chain, h.position, NULL::varchar, NULL::varchar,
           'chain head does not match the last link'::text
    FROM audit_chain_head h
    LEFT JOIN LATERAL (SELECT c.position, c.sha256 FROM audit_chain c
                       WHERE c.chain = h.chain ORDER BY c.position DESC LIMIT 1) last ON true
    WHERE coalesce(last.position, 0) <> h.position
       OR (last.position IS NOT NULL AND last.sha256 <> h.sha256);

    -- One full join per table finds changed, deleted and unlinked rows in a single pass. The
    -- key expression is built from the member's key columns (concat_ws renders them exactly as
    -- the trigger's audit_chain_key does), so the join runs on plain columns.
    FOR m IN SELECT * FROM audit_chain_member ORDER BY audit_chain_member.table_name LOOP
        SELECT string_agg(format('t.%I', k), ', ' ORDER BY ord) INTO key_expression
        FROM unnest(m.key_columns) WITH ORDINALITY AS u(k, ord);
        RETURN QUERY EXECUTE format(
            'SELECT $1::varchar, c.position, $2::varchar, coalesce(c.row_key, r.k)::varchar,
                    CASE WHEN r.k IS NULL THEN ''row was deleted''
                         WHEN c.row_key IS NULL THEN ''row is not in the chain''
                         ELSE ''row content was changed after it was recorded'' END
             FROM (SELECT position, row_key, content_sha256 FROM audit_chain
                   WHERE table_name = $2) c
             FULL JOIN (SELECT concat_ws(''/'', %s) AS k, audit_chain_content(to_jsonb(t)) AS h
                        FROM %I t) r ON r.k = c.row_key
             WHERE r.k IS NULL OR c.row_key IS NULL OR r.h <> c.content_sha256',
            key_expression, m.table_name) USING m.chain, m.table_name;
    END LOOP;
END $$;

-- Least privilege: the application appends signatures and security events and reads the
-- chains; it never writes a chain row itself (the SECURITY DEFINER trigger does, as owner).
GRANT USAGE ON SEQUENCE electronic_signature_seq, security_event_seq TO ${appRole};
GRANT SELECT, INSERT ON electronic_signature, security_event TO ${appRole};
GRANT SELECT ON audit_chain, audit_chain_head, audit_chain_member TO ${appRole};
GRANT EXECUTE ON FUNCTION audit_chain_verify() TO ${appRole};
REVOKE EXECUTE ON FUNCTION audit_chain_append(), audit_chain_attach(text, text, text[]) FROM PUBLIC;
