-- QA's review by exception and batch release (issue 7): QA's decision on each exception of a
-- batch (accepted with a justification, or linked to a deviation), signed; and when a batch went
-- into review, so the review queue can order by age.

ALTER TABLE batch ADD COLUMN completed_at timestamptz;
ALTER TABLE batch_aud ADD COLUMN completed_at timestamptz;

CREATE SEQUENCE exception_disposition_seq INCREMENT BY 50;
CREATE TABLE exception_disposition (
    id                  bigint        PRIMARY KEY,
    exception_id        bigint        NOT NULL UNIQUE REFERENCES batch_exception (id),
    decision            varchar(16)   NOT NULL CHECK (decision IN ('ACCEPTED', 'DEVIATION')),
    justification       varchar(2000) NOT NULL,
    deviation_reference varchar(64),
    decided_at          timestamptz   NOT NULL,
    decided_by          varchar(255)  NOT NULL,
    decided_by_name     varchar(255)  NOT NULL,
    version             bigint        NOT NULL,
    CHECK (decision <> 'DEVIATION' OR deviation_reference IS NOT NULL)
);
CREATE TABLE exception_disposition_aud (
    id                  bigint   NOT NULL,
    rev                 bigint   NOT NULL REFERENCES audit_revision (id),
    revtype             smallint NOT NULL,
    revend              bigint   REFERENCES audit_revision (id),
    exception_id        bigint,
    decision            varchar(16),
    justification       varchar(2000),
    deviation_reference varchar(64),
    decided_at          timestamptz,
    decided_by          varchar(255),
    decided_by_name     varchar(255),
    PRIMARY KEY (id, rev)
);
SELECT audited_record_register('ExceptionDisposition', 'exception_disposition_aud');

GRANT USAGE ON SEQUENCE exception_disposition_seq TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON exception_disposition TO ${appRole};
GRANT SELECT, INSERT ON exception_disposition_aud TO ${appRole};
GRANT UPDATE (revend) ON exception_disposition_aud TO ${appRole};
