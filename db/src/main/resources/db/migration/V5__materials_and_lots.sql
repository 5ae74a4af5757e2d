-- Materials (master data) and material lots (the nodes of the genealogy). Both audited by Envers;
-- their history rows join the revision chain and the audit trail search.

CREATE SEQUENCE material_seq INCREMENT BY 50;
CREATE TABLE material (
    id              bigint        PRIMARY KEY,
    code            varchar(64)   NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    name            varchar(200)  NOT NULL,
    kind            varchar(16)   NOT NULL CHECK (kind IN ('RAW', 'INTERMEDIATE', 'FINISHED', 'PACKAGING')),
    unit            varchar(16)   NOT NULL,
    shelf_life_days integer       NOT NULL CHECK (shelf_life_days > 0),
    active          boolean       NOT NULL,
    version         bigint        NOT NULL
);

CREATE TABLE material_aud (
    id              bigint   NOT NULL,
    rev             bigint   NOT NULL REFERENCES audit_revision (id),
    revtype         smallint NOT NULL,
    revend          bigint   REFERENCES audit_revision (id),
    code            varchar(64),
    name            varchar(200),
    kind            varchar(16),
    unit            varchar(16),
    shelf_life_days integer,
    active          boolean,
    PRIMARY KEY (id, rev)
);
CREATE INDEX material_aud_rev_idx ON material_aud (rev);

-- A lot's disposition is QA's decision (quarantine until released or rejected, with a signature);
-- whether it is expired or used up follows from its expiry date and what is left, so those are
-- computed, never stored: a date passing cannot leave a stale status behind.
CREATE SEQUENCE material_lot_seq INCREMENT BY 50;
CREATE TABLE material_lot (
    id                 bigint         PRIMARY KEY,
    lot_number         varchar(64)    NOT NULL UNIQUE,
    material_id        bigint         NOT NULL REFERENCES material (id),
    received_quantity  numeric(18, 6) NOT NULL CHECK (received_quantity > 0),
    remaining_quantity numeric(18, 6) NOT NULL CHECK (remaining_quantity >= 0),
    disposition        varchar(16)    NOT NULL CHECK (disposition IN ('QUARANTINE', 'RELEASED', 'REJECTED')),
    expiry             date           NOT NULL,
    supplier_lot       varchar(64),
    received_at        timestamptz    NOT NULL,
    version            bigint         NOT NULL,
    CHECK (remaining_quantity <= received_quantity)
);
CREATE INDEX material_lot_material_idx ON material_lot (material_id);
CREATE INDEX material_lot_disposition_idx ON material_lot (disposition, received_at);

CREATE TABLE material_lot_aud (
    id                 bigint   NOT NULL,
    rev                bigint   NOT NULL REFERENCES audit_revision (id),
    revtype            smallint NOT NULL,
    revend             bigint   REFERENCES audit_revision (id),
    lot_number         varchar(64),
    material_id        bigint,
    received_quantity  numeric(18, 6),
    remaining_quantity numeric(18, 6),
    disposition        varchar(16),
    expiry             date,
    supplier_lot       varchar(64),
    received_at        timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX material_lot_aud_rev_idx ON material_lot_aud (rev);

CREATE TRIGGER material_aud_append_only BEFORE UPDATE OR DELETE ON material_aud
    FOR EACH ROW EXECUTE FUNCTION audit_row_append_only();
CREATE TRIGGER material_lot_aud_append_only BEFORE UPDATE OR DELETE ON material_lot_aud
    FOR EACH ROW EXECUTE FUNCTION audit_row_append_only();
CREATE TRIGGER material_aud_no_truncate BEFORE TRUNCATE ON material_aud
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();
CREATE TRIGGER material_lot_aud_no_truncate BEFORE TRUNCATE ON material_lot_aud
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();
SELECT audit_chain_attach('material_aud', 'revision', ARRAY['id', 'rev']);
SELECT audit_chain_attach('material_lot_aud', 'revision', ARRAY['id', 'rev']);

CREATE OR REPLACE VIEW audit_trail_entry AS
SELECT a.rev, 'Equipment'::varchar AS record_type, a.id AS record_id, a.revtype
FROM equipment_aud a
UNION ALL
SELECT a.rev, 'AuditTrailReview'::varchar, a.id, a.revtype
FROM audit_trail_review_aud a
UNION ALL
SELECT a.rev, 'Material'::varchar, a.id, a.revtype
FROM material_aud a
UNION ALL
SELECT a.rev, 'MaterialLot'::varchar, a.id, a.revtype
FROM material_lot_aud a;

-- Current-state tables may change (never be deleted); history rows only get revend once.
GRANT USAGE ON SEQUENCE material_seq, material_lot_seq TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON material, material_lot TO ${appRole};
GRANT SELECT, INSERT ON material_aud, material_lot_aud TO ${appRole};
GRANT UPDATE (revend) ON material_aud, material_lot_aud TO ${appRole};
