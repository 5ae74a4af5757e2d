-- Master batch records (recipes): a product's versioned instructions, steps in order, with the
-- materials each step consumes and the parameters it records. Lifecycle draft -> in review ->
-- approved (QA signature, never by the author) -> retired; an approved version never changes
-- (a change is a new version). All four tables are audited.

CREATE SEQUENCE master_batch_record_seq INCREMENT BY 50;
CREATE TABLE master_batch_record (
    id          bigint        PRIMARY KEY,
    product_id  bigint        NOT NULL REFERENCES material (id),
    mbr_version integer       NOT NULL CHECK (mbr_version > 0),
    status      varchar(16)   NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'RETIRED')),
    author_id   varchar(255)  NOT NULL,
    created_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL,
    UNIQUE (product_id, mbr_version)
);
-- At most one approved version per product: approving a new one retires the old one.
CREATE UNIQUE INDEX master_batch_record_one_approved_idx ON master_batch_record (product_id)
    WHERE status = 'APPROVED';

CREATE SEQUENCE mbr_step_seq INCREMENT BY 50;
CREATE TABLE mbr_step (
    id                    bigint        PRIMARY KEY,
    record_id             bigint        NOT NULL REFERENCES master_batch_record (id),
    position              integer       NOT NULL CHECK (position > 0),
    operation             varchar(100)  NOT NULL,
    name                  varchar(200)  NOT NULL,
    instructions          varchar(4000) NOT NULL,
    requires_verification boolean       NOT NULL,
    UNIQUE (record_id, position)
);

CREATE SEQUENCE mbr_material_seq INCREMENT BY 50;
CREATE TABLE mbr_material (
    id                bigint         PRIMARY KEY,
    step_id           bigint         NOT NULL REFERENCES mbr_step (id),
    material_id       bigint         NOT NULL REFERENCES material (id),
    quantity          numeric(18, 6) NOT NULL CHECK (quantity > 0),
    tolerance_percent numeric(6, 3)  NOT NULL CHECK (tolerance_percent >= 0 AND tolerance_percent <= 100)
);
CREATE INDEX mbr_material_step_idx ON mbr_material (step_id);

CREATE SEQUENCE mbr_parameter_seq INCREMENT BY 50;
CREATE TABLE mbr_parameter (
    id         bigint         PRIMARY KEY,
    step_id    bigint         NOT NULL REFERENCES mbr_step (id),
    name       varchar(100)   NOT NULL,
    source     varchar(16)    NOT NULL CHECK (source IN ('MACHINE', 'MANUAL')),
    tag        varchar(200),
    unit       varchar(16)    NOT NULL,
    low_limit  numeric(18, 6),
    high_limit numeric(18, 6),
    critical   boolean        NOT NULL,
    CHECK (source = 'MANUAL' OR tag IS NOT NULL),
    CHECK (low_limit IS NULL OR high_limit IS NULL OR low_limit <= high_limit)
);
CREATE INDEX mbr_parameter_step_idx ON mbr_parameter (step_id);

CREATE TABLE master_batch_record_aud (
    id          bigint   NOT NULL,
    rev         bigint   NOT NULL REFERENCES audit_revision (id),
    revtype     smallint NOT NULL,
    revend      bigint   REFERENCES audit_revision (id),
    product_id  bigint,
    mbr_version integer,
    status      varchar(16),
    author_id   varchar(255),
    created_at  timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE TABLE mbr_step_aud (
    id                    bigint   NOT NULL,
    rev                   bigint   NOT NULL REFERENCES audit_revision (id),
    revtype               smallint NOT NULL,
    revend                bigint   REFERENCES audit_revision (id),
    record_id             bigint,
    position              integer,
    operation             varchar(100),
    name                  varchar(200),
    instructions          varchar(4000),
    requires_verification boolean,
    PRIMARY KEY (id, rev)
);
CREATE TABLE mbr_material_aud (
    id                bigint   NOT NULL,
    rev               bigint   NOT NULL REFERENCES audit_revision (id),
    revtype           smallint NOT NULL,
    revend            bigint   REFERENCES audit_revision (id),
    step_id           bigint,
    material_id       bigint,
    quantity          numeric(18, 6),
    tolerance_percent numeric(6, 3),
    PRIMARY KEY (id, rev)
);
CREATE TABLE mbr_parameter_aud (
    id         bigint   NOT NULL,
    rev        bigint   NOT NULL REFERENCES audit_revision (id),
    revtype    smallint NOT NULL,
    revend     bigint   REFERENCES audit_revision (id),
    step_id    bigint,
    name       varchar(100),
    source     varchar(16),
    tag        varchar(200),
    unit       varchar(16),
    low_limit  numeric(18, 6),
    high_limit numeric(18, 6),
    critical   boolean,
    PRIMARY KEY (id, rev)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['master_batch_record_aud', 'mbr_step_aud', 'mbr_material_aud', 'mbr_parameter_aud'] LOOP
        EXECUTE format('CREATE INDEX %I ON %I (rev)', t || '_rev_idx', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION audit_row_append_only()', t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION chain_record_immutable()', t || '_no_truncate', t);
        PERFORM audit_chain_attach(t, 'revision', ARRAY['id', 'rev']);
    END LOOP;
END $$;

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
FROM lot_consumption_aud a
UNION ALL
SELECT a.rev, 'MasterBatchRecord'::varchar, a.id, a.revtype
FROM master_batch_record_aud a;

-- Steps, materials and parameters of a draft are replaced as a whole when the draft is edited:
-- the application deletes the draft's old rows (never an approved version's, see the trigger).
GRANT USAGE ON SEQUENCE master_batch_record_seq, mbr_step_seq, mbr_material_seq, mbr_parameter_seq TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON master_batch_record TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON mbr_step, mbr_material, mbr_parameter TO ${appRole};
GRANT SELECT, INSERT ON master_batch_record_aud, mbr_step_aud, mbr_material_aud, mbr_parameter_aud TO ${appRole};
GRANT UPDATE (revend) ON master_batch_record_aud, mbr_step_aud, mbr_material_aud, mbr_parameter_aud TO ${appRole};

-- Defence in depth for "an approved version is immutable": the database refuses any change to
-- the content of a record that is not a draft, whatever the application does.
CREATE FUNCTION mbr_content_frozen() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT
    AS $$
DECLARE
    record_status varchar;
    step_record bigint;
BEGIN
    IF TG_TABLE_NAME = 'mbr_step' THEN
        step_record := coalesce(NEW.record_id, OLD.record_id);
    ELSE
        SELECT s.record_id INTO step_record FROM mbr_step s
        WHERE s.id = coalesce(NEW.step_id, OLD.step_id);
    END IF;
    SELECT status INTO record_status FROM master_batch_record WHERE id = step_record;
    IF record_status IS DISTINCT FROM 'DRAFT' THEN
        RAISE EXCEPTION 'master batch record % is %: only a draft can be changed', step_record, record_status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN coalesce(NEW, OLD);
END $$;
CREATE TRIGGER mbr_step_frozen BEFORE INSERT OR UPDATE OR DELETE ON mbr_step
    FOR EACH ROW EXECUTE FUNCTION mbr_content_frozen();
CREATE TRIGGER mbr_material_frozen BEFORE INSERT OR UPDATE OR DELETE ON mbr_material
    FOR EACH ROW EXECUTE FUNCTION mbr_content_frozen();
CREATE TRIGGER mbr_parameter_frozen BEFORE INSERT OR UPDATE OR DELETE ON mbr_parameter
    FOR EACH ROW EXECUTE FUNCTION mbr_content_frozen();
