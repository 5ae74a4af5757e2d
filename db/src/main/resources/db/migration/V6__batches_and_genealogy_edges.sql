-- The genealogy: batches, the lots they consume (input edges) and the lots they produce (output
-- edges). Forward trace (where did this lot go) and backward trace (what went into it) follow
-- these two edge kinds; the queries are in GenealogyQueries, the one place for them.

CREATE SEQUENCE batch_seq INCREMENT BY 50;
CREATE TABLE batch (
    id               bigint         PRIMARY KEY,
    batch_number     varchar(64)    NOT NULL UNIQUE,
    product_id       bigint         NOT NULL REFERENCES material (id),
    line_id          bigint         REFERENCES equipment (id),
    status           varchar(16)    NOT NULL
        CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'IN_REVIEW', 'RELEASED', 'REJECTED')),
    planned_quantity numeric(18, 6) NOT NULL CHECK (planned_quantity > 0),
    created_at       timestamptz    NOT NULL,
    version          bigint         NOT NULL
);

CREATE TABLE batch_aud (
    id               bigint   NOT NULL,
    rev              bigint   NOT NULL REFERENCES audit_revision (id),
    revtype          smallint NOT NULL,
    revend           bigint   REFERENCES audit_revision (id),
    batch_number     varchar(64),
    product_id       bigint,
    line_id          bigint,
    status           varchar(16),
    planned_quantity numeric(18, 6),
    created_at       timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX batch_aud_rev_idx ON batch_aud (rev);

-- Output edge: the batch that produced a lot (null for received lots). Splits and merges are
-- batches too (a repack batch consumes one lot and produces several; a blend the reverse).
ALTER TABLE material_lot ADD COLUMN produced_by_batch_id bigint REFERENCES batch (id);
ALTER TABLE material_lot_aud ADD COLUMN produced_by_batch_id bigint;
CREATE INDEX material_lot_produced_by_idx ON material_lot (produced_by_batch_id);

-- Input edge: a quantity of a lot consumed by a batch.
CREATE SEQUENCE lot_consumption_seq INCREMENT BY 50;
CREATE TABLE lot_consumption (
    id          bigint         PRIMARY KEY,
    batch_id    bigint         NOT NULL REFERENCES batch (id),
    lot_id      bigint         NOT NULL REFERENCES material_lot (id),
    quantity    numeric(18, 6) NOT NULL CHECK (quantity > 0),
    consumed_at timestamptz    NOT NULL,
    version     bigint         NOT NULL
);
CREATE INDEX lot_consumption_lot_idx ON lot_consumption (lot_id, batch_id);
CREATE INDEX lot_consumption_batch_idx ON lot_consumption (batch_id, lot_id);

CREATE TABLE lot_consumption_aud (
    id          bigint   NOT NULL,
    rev         bigint   NOT NULL REFERENCES audit_revision (id),
    revtype     smallint NOT NULL,
    revend      bigint   REFERENCES audit_revision (id),
    batch_id    bigint,
    lot_id      bigint,
    quantity    numeric(18, 6),
    consumed_at timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX lot_consumption_aud_rev_idx ON lot_consumption_aud (rev);

CREATE TRIGGER batch_aud_append_only BEFORE UPDATE OR DELETE ON batch_aud
    FOR EACH ROW EXECUTE FUNCTION audit_row_append_only();
CREATE TRIGGER lot_consumption_aud_append_only BEFORE UPDATE OR DELETE ON lot_consumption_aud
    FOR EACH ROW EXECUTE FUNCTION audit_row_append_only();
CREATE TRIGGER batch_aud_no_truncate BEFORE TRUNCATE ON batch_aud
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();
CREATE TRIGGER lot_consumption_aud_no_truncate BEFORE TRUNCATE ON lot_consumption_aud
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();
SELECT audit_chain_attach('batch_aud', 'revision', ARRAY['id', 'rev']);
SELECT audit_chain_attach('lot_consumption_aud', 'revision', ARRAY['id', 'rev']);

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
FROM material_lot_aud a
UNION ALL
SELECT a.rev, 'Batch'::varchar, a.id, a.revtype
FROM batch_aud a
UNION ALL
SELECT a.rev, 'LotConsumption'::varchar, a.id, a.revtype
FROM lot_consumption_aud a;

GRANT USAGE ON SEQUENCE batch_seq, lot_consumption_seq TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON batch, lot_consumption TO ${appRole};
GRANT SELECT, INSERT ON batch_aud, lot_consumption_aud TO ${appRole};
GRANT UPDATE (revend) ON batch_aud, lot_consumption_aud TO ${appRole};
