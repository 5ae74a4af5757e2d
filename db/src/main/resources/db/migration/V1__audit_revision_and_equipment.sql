-- Foundation schema: the Envers revision table and the first audited GxP entity (equipment).
-- Runs as the schema owner; ${appRole} is the application's runtime role.

-- Revision entity: one row per audited transaction (who, when, why, from where).
CREATE SEQUENCE audit_revision_seq INCREMENT BY 50;
CREATE TABLE audit_revision (
    id             bigint        PRIMARY KEY,
    revision_time  timestamptz   NOT NULL,
    user_id        varchar(255)  NOT NULL,
    user_name      varchar(255)  NOT NULL,
    reason         varchar(2000) NOT NULL,
    client_address varchar(255)
);
CREATE INDEX audit_revision_time_idx ON audit_revision (revision_time);
CREATE INDEX audit_revision_user_idx ON audit_revision (user_id, revision_time);

-- Equipment hierarchy (ISA-95): enterprise > site > area > line > unit. Never deleted:
-- a node that is no longer used is deactivated.
CREATE SEQUENCE equipment_seq INCREMENT BY 50;
CREATE TABLE equipment (
    id          bigint        PRIMARY KEY,
    parent_id   bigint        REFERENCES equipment (id),
    level       varchar(16)   NOT NULL CHECK (level IN ('ENTERPRISE', 'SITE', 'AREA', 'LINE', 'UNIT')),
    code        varchar(64)   NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name        varchar(200)  NOT NULL,
    description varchar(1000),
    uns_path    varchar(512)  NOT NULL UNIQUE,
    active      boolean       NOT NULL,
    version     bigint        NOT NULL
);
CREATE INDEX equipment_parent_idx ON equipment (parent_id);

-- Envers audit table (validity strategy: revend marks the revision that superseded the row).
CREATE TABLE equipment_aud (
    id          bigint       NOT NULL,
    rev         bigint       NOT NULL REFERENCES audit_revision (id),
    revtype     smallint     NOT NULL,
    revend      bigint       REFERENCES audit_revision (id),
    parent_id   bigint,
    level       varchar(16),
    code        varchar(64),
    name        varchar(200),
    description varchar(1000),
    uns_path    varchar(512),
    active      boolean,
    PRIMARY KEY (id, rev)
);
CREATE INDEX equipment_aud_rev_idx ON equipment_aud (rev);

-- Audit rows are append-only. The one exception Envers' validity strategy needs: closing a
-- row by setting revend once, from NULL to a revision. Anything else is refused, for every
-- role, so a correction can never obscure the original.
CREATE FUNCTION audit_row_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit records are never deleted (table %)', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.revend IS NOT NULL OR (to_jsonb(NEW) - 'revend') <> (to_jsonb(OLD) - 'revend') THEN
        RAISE EXCEPTION 'audit records are never changed (table %, only revend may be set once)', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER equipment_aud_append_only BEFORE UPDATE OR DELETE ON equipment_aud
    FOR EACH ROW EXECUTE FUNCTION audit_row_append_only();

CREATE FUNCTION revision_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit revisions are never changed or deleted (table %)', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_revision_immutable BEFORE UPDATE OR DELETE ON audit_revision
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();

-- Least privilege for the runtime role: read and append; UPDATE only where a record may
-- legitimately change (the current state tables, and revend on audit rows); no DELETE anywhere.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${appRole};
GRANT USAGE ON SEQUENCE audit_revision_seq, equipment_seq TO ${appRole};
GRANT SELECT, INSERT ON audit_revision TO ${appRole};
GRANT SELECT, INSERT ON equipment_aud TO ${appRole};
GRANT UPDATE (revend) ON equipment_aud TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON equipment TO ${appRole};
