-- A second, different value for a tag and source time that already has one is evidence, not
-- noise: it is kept here with where it came from, and raises a data conflict on the batch the
-- value belongs to. A redelivery of the same value is still stored once and kept nowhere else.
CREATE SEQUENCE process_value_conflict_seq INCREMENT BY 50;
CREATE TABLE process_value_conflict (
    id             bigint           PRIMARY KEY,
    tag_id         bigint           NOT NULL REFERENCES uns_tag (id),
    ts             timestamptz      NOT NULL,
    stored_value   double precision NOT NULL,
    value          double precision NOT NULL,
    quality        varchar(9)       NOT NULL,
    source         varchar(8)       NOT NULL CHECK (source IN ('MQTT', 'REST')),
    batch_id       bigint,
    received_at    timestamptz      NOT NULL
);
CREATE INDEX process_value_conflict_tag_idx ON process_value_conflict (tag_id, ts);
CREATE TRIGGER process_value_conflict_append_only BEFORE UPDATE OR DELETE ON process_value_conflict
    FOR EACH ROW EXECUTE FUNCTION process_value_append_only();
GRANT USAGE ON SEQUENCE process_value_conflict_seq TO ${appRole};
GRANT SELECT, INSERT ON process_value_conflict TO ${appRole};

ALTER TABLE batch_exception DROP CONSTRAINT batch_exception_kind_check;
ALTER TABLE batch_exception ADD CONSTRAINT batch_exception_kind_check CHECK (kind IN (
    'CPP_EXCURSION', 'DATA_GAP', 'LOT_REFUSED', 'DATA_CONFLICT',
    'OUT_OF_LIMITS', 'LATE_ENTRY', 'CORRECTION', 'COMMENT', 'DEVIATION'));
