-- Completion with a yield reconciliation: a master batch record may set the yield limits, in % of
-- the planned quantity (e.g. 95 to 102); a batch completed outside them needs the operator's
-- comment and raises a YIELD_OUT_OF_LIMITS exception for QA. Both limits or none.
ALTER TABLE master_batch_record ADD COLUMN yield_low_percent numeric(7,2);
ALTER TABLE master_batch_record ADD COLUMN yield_high_percent numeric(7,2);
ALTER TABLE master_batch_record ADD CONSTRAINT master_batch_record_yield_limits CHECK (
    (yield_low_percent IS NULL) = (yield_high_percent IS NULL)
    AND (yield_low_percent IS NULL
         OR (yield_low_percent > 0 AND yield_low_percent <= yield_high_percent AND yield_high_percent <= 1000)));
ALTER TABLE master_batch_record_aud ADD COLUMN yield_low_percent numeric(7,2);
ALTER TABLE master_batch_record_aud ADD COLUMN yield_high_percent numeric(7,2);

ALTER TABLE batch_exception DROP CONSTRAINT batch_exception_kind_check;
ALTER TABLE batch_exception ADD CONSTRAINT batch_exception_kind_check CHECK (kind IN (
    'CPP_EXCURSION', 'DATA_GAP', 'LOT_REFUSED', 'DATA_CONFLICT',
    'OUT_OF_LIMITS', 'LATE_ENTRY', 'CORRECTION', 'COMMENT', 'DEVIATION', 'YIELD_OUT_OF_LIMITS'));

-- Every print of a produced lot's label, the first and each reprint: who, when, at what size.
-- Append-only, like the other records of what happened.
CREATE SEQUENCE lot_label_print_seq INCREMENT BY 50;
CREATE TABLE lot_label_print (
    id               bigint        PRIMARY KEY,
    lot_id           bigint        NOT NULL REFERENCES material_lot (id),
    printed_at       timestamptz   NOT NULL,
    printed_by       varchar(255)  NOT NULL,
    printed_by_name  varchar(255)  NOT NULL,
    reprint          boolean       NOT NULL,
    label_size       varchar(32)   NOT NULL
);
CREATE INDEX lot_label_print_lot_idx ON lot_label_print (lot_id, printed_at);
CREATE TRIGGER lot_label_print_append_only BEFORE UPDATE OR DELETE ON lot_label_print
    FOR EACH ROW EXECUTE FUNCTION process_value_append_only();
GRANT USAGE ON SEQUENCE lot_label_print_seq TO ${appRole};
GRANT SELECT, INSERT ON lot_label_print TO ${appRole};
