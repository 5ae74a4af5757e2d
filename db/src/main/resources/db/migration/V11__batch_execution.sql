-- Shop-floor batch execution (issue 6): a step of a batch as the operator runs it (started,
-- performed, verified), the values entered by hand (with corrections that keep the original),
-- which step a charged lot went into, and the exceptions people raise on the floor.

-- What an operator raises or causes on a step: a value out of limits, a late entry, a
-- correction, a comment, a deviation; raised_by names the person (null for machine data).
ALTER TABLE batch_exception DROP CONSTRAINT batch_exception_kind_check;
ALTER TABLE batch_exception ADD CONSTRAINT batch_exception_kind_check CHECK (kind IN (
    'CPP_EXCURSION', 'DATA_GAP', 'LOT_REFUSED',
    'OUT_OF_LIMITS', 'LATE_ENTRY', 'CORRECTION', 'COMMENT', 'DEVIATION'));
ALTER TABLE batch_exception ADD COLUMN raised_by varchar(255);
ALTER TABLE batch_exception_aud ADD COLUMN raised_by varchar(255);

-- The step a scanned lot was charged into (null for charges made outside a step).
ALTER TABLE lot_consumption ADD COLUMN step_position integer CHECK (step_position > 0);
ALTER TABLE lot_consumption_aud ADD COLUMN step_position integer;

-- One row per step of a batch once it is started; status moves IN_PROGRESS -> PERFORMED
-- (signed by the operator, waiting for a second person) -> DONE.
CREATE SEQUENCE step_execution_seq INCREMENT BY 50;
CREATE TABLE step_execution (
    id             bigint       PRIMARY KEY,
    batch_id       bigint       NOT NULL REFERENCES batch (id),
    step_position  integer      NOT NULL CHECK (step_position > 0),
    status         varchar(16)  NOT NULL CHECK (status IN ('IN_PROGRESS', 'PERFORMED', 'DONE')),
    allocation_id  bigint       REFERENCES equipment_allocation (id),
    started_at     timestamptz  NOT NULL,
    started_by     varchar(255) NOT NULL,
    performed_at   timestamptz,
    performed_by   varchar(255),
    verified_at    timestamptz,
    verified_by    varchar(255),
    version        bigint       NOT NULL,
    UNIQUE (batch_id, step_position)
);
CREATE TABLE step_execution_aud (
    id             bigint   NOT NULL,
    rev            bigint   NOT NULL REFERENCES audit_revision (id),
    revtype        smallint NOT NULL,
    revend         bigint   REFERENCES audit_revision (id),
    batch_id       bigint,
    step_position  integer,
    status         varchar(16),
    allocation_id  bigint,
    started_at     timestamptz,
    started_by     varchar(255),
    performed_at   timestamptz,
    performed_by   varchar(255),
    verified_at    timestamptz,
    verified_by    varchar(255),
    PRIMARY KEY (id, rev)
);

-- A value entered by hand for a manual parameter. A correction is a new row pointing at the
-- row it corrects, which stays (superseded_at set), so the original is always visible.
CREATE SEQUENCE step_entry_seq INCREMENT BY 50;
CREATE TABLE step_entry (
    id                bigint         PRIMARY KEY,
    step_execution_id bigint         NOT NULL REFERENCES step_execution (id),
    parameter         varchar(100)   NOT NULL,
    value             numeric(18, 6) NOT NULL,
    unit              varchar(16)    NOT NULL,
    low_limit         numeric(18, 6),
    high_limit        numeric(18, 6),
    within_limits     boolean        NOT NULL,
    comment           varchar(2000),
    taken_at          timestamptz    NOT NULL,
    entered_at        timestamptz    NOT NULL,
    entered_by        varchar(255)   NOT NULL,
    entered_by_name   varchar(255)   NOT NULL,
    late              boolean        NOT NULL,
    correction_of     bigint         REFERENCES step_entry (id),
    correction_reason varchar(2000),
    superseded_at     timestamptz,
    version           bigint         NOT NULL,
    CHECK (correction_of IS NULL OR correction_reason IS NOT NULL)
);
CREATE INDEX step_entry_execution_idx ON step_entry (step_execution_id, entered_at);
CREATE UNIQUE INDEX step_entry_one_correction_idx ON step_entry (correction_of)
    WHERE correction_of IS NOT NULL;
CREATE TABLE step_entry_aud (
    id                bigint   NOT NULL,
    rev               bigint   NOT NULL REFERENCES audit_revision (id),
    revtype           smallint NOT NULL,
    revend            bigint   REFERENCES audit_revision (id),
    step_execution_id bigint,
    parameter         varchar(100),
    value             numeric(18, 6),
    unit              varchar(16),
    low_limit         numeric(18, 6),
    high_limit        numeric(18, 6),
    within_limits     boolean,
    comment           varchar(2000),
    taken_at          timestamptz,
    entered_at        timestamptz,
    entered_by        varchar(255),
    entered_by_name   varchar(255),
    late              boolean,
    correction_of     bigint,
    correction_reason varchar(2000),
    superseded_at     timestamptz,
    PRIMARY KEY (id, rev)
);

SELECT audited_record_register('StepExecution', 'step_execution_aud');
SELECT audited_record_register('StepEntry', 'step_entry_aud');

GRANT USAGE ON SEQUENCE step_execution_seq, step_entry_seq TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON step_execution, step_entry TO ${appRole};
GRANT SELECT, INSERT ON step_execution_aud, step_entry_aud TO ${appRole};
GRANT UPDATE (revend) ON step_execution_aud, step_entry_aud TO ${appRole};
