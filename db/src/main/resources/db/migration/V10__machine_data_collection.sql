-- Machine data collection from the Unified Namespace (issue 5): the tags the plant publishes,
-- what ran where and when (allocations: they give every value its batch, step and product),
-- the process values themselves (time-partitioned, append-only, idempotent), the payloads that
-- could not be read (dead letters), topics nobody mapped, and the exceptions the data raises
-- (CPP excursions, data gaps, refused lot charges from a scale or scanner).

-- One place that makes an Envers table tamper-evident and lists it in the audit trail search,
-- instead of repeating the same statements in every migration that adds an audited record.
CREATE TABLE audited_record_table (
    record_type varchar(64) PRIMARY KEY,
    table_name  varchar(64) NOT NULL UNIQUE
);
INSERT INTO audited_record_table (record_type, table_name) VALUES
    ('Equipment', 'equipment_aud'),
    ('AuditTrailReview', 'audit_trail_review_aud'),
    ('Material', 'material_aud'),
    ('MaterialLot', 'material_lot_aud'),
    ('Batch', 'batch_aud'),
    ('LotConsumption', 'lot_consumption_aud'),
    ('MasterBatchRecord', 'master_batch_record_aud');

CREATE FUNCTION audited_record_register(p_record_type text, p_table text) RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    branches text;
BEGIN
    EXECUTE format('CREATE INDEX %I ON %I (rev)', p_table || '_rev_idx', p_table);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                   'EXECUTE FUNCTION audit_row_append_only()', p_table || '_append_only', p_table);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                   'EXECUTE FUNCTION chain_record_immutable()', p_table || '_no_truncate', p_table);
    PERFORM audit_chain_attach(p_table, 'revision', ARRAY['id', 'rev']);
    INSERT INTO audited_record_table (record_type, table_name) VALUES (p_record_type, p_table);
    SELECT string_agg(format('SELECT a.rev, %L::varchar AS record_type, a.id AS record_id, a.revtype FROM %I a',
                             record_type, table_name), ' UNION ALL ' ORDER BY record_type)
      INTO branches FROM audited_record_table;
    EXECUTE 'CREATE OR REPLACE VIEW audit_trail_entry AS ' || branches;
END $$;

-- The tags the plant publishes: topic = the equipment's UNS path + '/' + tag.
CREATE SEQUENCE uns_tag_seq INCREMENT BY 50;
CREATE TABLE uns_tag (
    id                        bigint        PRIMARY KEY,
    equipment_id              bigint        NOT NULL REFERENCES equipment (id),
    tag                       varchar(100)  NOT NULL,
    topic                     varchar(700)  NOT NULL UNIQUE,
    unit                      varchar(16),
    expected_interval_seconds integer       CHECK (expected_interval_seconds > 0),
    active                    boolean       NOT NULL,
    version                   bigint        NOT NULL,
    UNIQUE (equipment_id, tag)
);
CREATE TABLE uns_tag_aud (
    id                        bigint   NOT NULL,
    rev                       bigint   NOT NULL REFERENCES audit_revision (id),
    revtype                   smallint NOT NULL,
    revend                    bigint   REFERENCES audit_revision (id),
    equipment_id              bigint,
    tag                       varchar(100),
    topic                     varchar(700),
    unit                      varchar(16),
    expected_interval_seconds integer,
    active                    boolean,
    PRIMARY KEY (id, rev)
);

-- What ran where and when: a batch step on a piece of equipment from start to end (open while
-- running). A value's context is the allocation of its equipment at the value's own time, so a
-- value that arrives late still lands with the batch that ran then.
CREATE SEQUENCE equipment_allocation_seq INCREMENT BY 50;
CREATE TABLE equipment_allocation (
    id            bigint       PRIMARY KEY,
    equipment_id  bigint       NOT NULL REFERENCES equipment (id),
    batch_id      bigint       NOT NULL REFERENCES batch (id),
    step_position integer      NOT NULL CHECK (step_position > 0),
    started_at    timestamptz  NOT NULL,
    ended_at      timestamptz,
    version       bigint       NOT NULL,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX equipment_allocation_when_idx ON equipment_allocation (equipment_id, started_at);
CREATE INDEX equipment_allocation_batch_idx ON equipment_allocation (batch_id);
CREATE TABLE equipment_allocation_aud (
    id            bigint   NOT NULL,
    rev           bigint   NOT NULL REFERENCES audit_revision (id),
    revtype       smallint NOT NULL,
    revend        bigint   REFERENCES audit_revision (id),
    equipment_id  bigint,
    batch_id      bigint,
    step_position integer,
    started_at    timestamptz,
    ended_at      timestamptz,
    PRIMARY KEY (id, rev)
);

-- Exceptions raised by the data: one per excursion or gap (not one per sample), each on its
-- batch and step, for QA to disposition before release (issue 7).
CREATE SEQUENCE batch_exception_seq INCREMENT BY 50;
CREATE TABLE batch_exception (
    id            bigint        PRIMARY KEY,
    batch_id      bigint        NOT NULL REFERENCES batch (id),
    step_position integer,
    kind          varchar(24)   NOT NULL CHECK (kind IN ('CPP_EXCURSION', 'DATA_GAP', 'LOT_REFUSED')),
    tag_id        bigint        REFERENCES uns_tag (id),
    parameter     varchar(100),
    started_at    timestamptz   NOT NULL,
    ended_at      timestamptz,
    worst_value   double precision,
    detail        varchar(1000) NOT NULL,
    version       bigint        NOT NULL
);
CREATE INDEX batch_exception_batch_idx ON batch_exception (batch_id, started_at);
-- At most one open excursion or gap per batch, step and tag: the detector extends it.
CREATE UNIQUE INDEX batch_exception_one_open_idx ON batch_exception (batch_id, step_position, tag_id, kind)
    WHERE ended_at IS NULL AND kind IN ('CPP_EXCURSION', 'DATA_GAP');
CREATE TABLE batch_exception_aud (
    id            bigint   NOT NULL,
    rev           bigint   NOT NULL REFERENCES audit_revision (id),
    revtype       smallint NOT NULL,
    revend        bigint   REFERENCES audit_revision (id),
    batch_id      bigint,
    step_position integer,
    kind          varchar(24),
    tag_id        bigint,
    parameter     varchar(100),
    started_at    timestamptz,
    ended_at      timestamptz,
    worst_value   double precision,
    detail        varchar(1000),
    PRIMARY KEY (id, rev)
);

SELECT audited_record_register('UnsTag', 'uns_tag_aud');
SELECT audited_record_register('EquipmentAllocation', 'equipment_allocation_aud');
SELECT audited_record_register('BatchException', 'batch_exception_aud');

-- Process values: machine data at volume, so not one Envers revision per value. Append-only
-- (the application may insert, never change or delete), idempotent by (tag, source time): a
-- message the broker redelivers is stored once. Partitioned by month; values for a month
-- without a partition land in the default partition, never lost.
CREATE TABLE process_value (
    tag_id        bigint           NOT NULL,
    ts            timestamptz      NOT NULL,
    value         double precision NOT NULL,
    quality       varchar(9)       NOT NULL CHECK (quality IN ('GOOD', 'BAD', 'UNCERTAIN')),
    equipment_id  bigint           NOT NULL,
    batch_id      bigint,
    step_position integer,
    product       varchar(64),
    shift         varchar(32),
    received_at   timestamptz      NOT NULL,
    PRIMARY KEY (tag_id, ts)
) PARTITION BY RANGE (ts);
CREATE TABLE process_value_default PARTITION OF process_value DEFAULT;
CREATE INDEX process_value_batch_idx ON process_value (batch_id, tag_id, ts) WHERE batch_id IS NOT NULL;

-- Creates the month's partition when it does not exist yet (called by the collector before it
-- writes a month for the first time). SECURITY DEFINER: the runtime role cannot create tables.
CREATE FUNCTION process_value_month(p_ts timestamptz) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    first_day date := date_trunc('month', p_ts AT TIME ZONE 'UTC')::date;
    part text := 'process_value_' || to_char(first_day, 'YYYY_MM');
BEGIN
    IF to_regclass(part) IS NOT NULL THEN
        RETURN;
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

CREATE FUNCTION process_value_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'process values are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER process_value_append_only BEFORE UPDATE OR DELETE ON process_value
    FOR EACH ROW EXECUTE FUNCTION process_value_append_only();

-- Payloads that could not be read, with the reason; the stream goes on. Append-only.
CREATE SEQUENCE dead_letter_seq INCREMENT BY 50;
CREATE TABLE dead_letter (
    id          bigint        PRIMARY KEY,
    received_at timestamptz   NOT NULL,
    source      varchar(8)    NOT NULL CHECK (source IN ('MQTT', 'REST')),
    topic       varchar(700)  NOT NULL,
    payload     bytea         NOT NULL,
    reason      varchar(1000) NOT NULL
);
CREATE INDEX dead_letter_received_idx ON dead_letter (received_at DESC);
CREATE TRIGGER dead_letter_append_only BEFORE UPDATE OR DELETE ON dead_letter
    FOR EACH ROW EXECUTE FUNCTION process_value_append_only();

-- Topics seen that no tag maps: how often, and the last payload, for the admin to map them.
CREATE TABLE unmapped_topic (
    topic        varchar(700) PRIMARY KEY,
    first_seen   timestamptz  NOT NULL,
    last_seen    timestamptz  NOT NULL,
    seen         bigint       NOT NULL,
    last_payload bytea        NOT NULL
);

GRANT USAGE ON SEQUENCE uns_tag_seq, equipment_allocation_seq, batch_exception_seq, dead_letter_seq TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON uns_tag, equipment_allocation, batch_exception TO ${appRole};
GRANT SELECT, INSERT ON uns_tag_aud, equipment_allocation_aud, batch_exception_aud TO ${appRole};
GRANT UPDATE (revend) ON uns_tag_aud, equipment_allocation_aud, batch_exception_aud TO ${appRole};
GRANT SELECT, INSERT ON process_value, dead_letter TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON unmapped_topic TO ${appRole};
GRANT EXECUTE ON FUNCTION process_value_month(timestamptz) TO ${appRole};

-- The collector's broker connection is an operations event in the same append-only log.
ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check
    CHECK (kind IN ('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'SIGNATURE_FAILED',
                    'SIGNING_LOCKED', 'EXPORT', 'INTEGRITY_VERIFIED', 'INTEGRITY_BROKEN',
                    'BROKER_CONNECTED', 'BROKER_DISCONNECTED'));

-- Events from the line (a scale's or scanner's material-charged) are acted on once: the first
-- delivery inserts its key, a redelivery finds it and changes nothing.
CREATE TABLE collected_event (
    topic       varchar(700) NOT NULL,
    ts          timestamptz  NOT NULL,
    received_at timestamptz  NOT NULL,
    PRIMARY KEY (topic, ts)
);
CREATE TRIGGER collected_event_append_only BEFORE UPDATE OR DELETE ON collected_event
    FOR EACH ROW EXECUTE FUNCTION process_value_append_only();
GRANT SELECT, INSERT ON collected_event TO ${appRole};
