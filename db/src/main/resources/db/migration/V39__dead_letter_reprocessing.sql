-- Dead letters re-processed after their cause is fixed (a tag mapped, a batch step started).
-- The dead letter itself stays as it arrived (append-only, V10); each attempt to take it again is a
-- record of its own, linked to the dead letter: who, when, with which reason (the revision), and
-- the outcome (re-processed, or failed again with the reason). A dead letter is re-processed at
-- most once: the unique index keeps a second success out even when two admins click at once, so a
-- message's values are never taken twice. Attempts are never changed or deleted.
CREATE SEQUENCE dead_letter_reprocessing_seq INCREMENT BY 50;
CREATE TABLE dead_letter_reprocessing (
    id                bigint        PRIMARY KEY,
    dead_letter_id    bigint        NOT NULL REFERENCES dead_letter (id),
    attempted_at      timestamptz   NOT NULL,
    attempted_by      varchar(255)  NOT NULL,
    attempted_by_name varchar(255)  NOT NULL,
    outcome           varchar(12)   NOT NULL CHECK (outcome IN ('REPROCESSED', 'FAILED')),
    detail            varchar(1000) NOT NULL,
    version           bigint        NOT NULL
);
CREATE INDEX dead_letter_reprocessing_letter_idx ON dead_letter_reprocessing (dead_letter_id, attempted_at);
CREATE UNIQUE INDEX dead_letter_reprocessed_once_idx ON dead_letter_reprocessing (dead_letter_id)
    WHERE outcome = 'REPROCESSED';
CREATE TRIGGER dead_letter_reprocessing_append_only BEFORE UPDATE OR DELETE ON dead_letter_reprocessing
    FOR EACH ROW EXECUTE FUNCTION process_value_append_only();
CREATE TABLE dead_letter_reprocessing_aud (
    id                bigint   NOT NULL,
    rev               bigint   NOT NULL REFERENCES audit_revision (id),
    revtype           smallint NOT NULL,
    revend            bigint   REFERENCES audit_revision (id),
    dead_letter_id    bigint,
    attempted_at      timestamptz,
    attempted_by      varchar(255),
    attempted_by_name varchar(255),
    outcome           varchar(12),
    detail            varchar(1000),
    PRIMARY KEY (id, rev)
);
SELECT audited_record_register('DeadLetterReprocessing', 'dead_letter_reprocessing_aud');

GRANT USAGE ON SEQUENCE dead_letter_reprocessing_seq TO ${appRole};
GRANT SELECT, INSERT ON dead_letter_reprocessing TO ${appRole};
GRANT SELECT, INSERT ON dead_letter_reprocessing_aud TO ${appRole};
GRANT UPDATE (revend) ON dead_letter_reprocessing_aud TO ${appRole};
