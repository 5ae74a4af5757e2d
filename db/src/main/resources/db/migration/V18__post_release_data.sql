-- Machine data that arrives for a batch after QA decided it never changes the signed record; it is
-- listed as data after the decision, and QA acknowledges it with a signed review. When QA decided
-- is kept on the batch (decided_at) so the late data can be told from the rest.
ALTER TABLE batch ADD COLUMN decided_at timestamptz;
ALTER TABLE batch_aud ADD COLUMN decided_at timestamptz;
CREATE INDEX process_value_batch_received_idx ON process_value (batch_id, received_at)
    WHERE batch_id IS NOT NULL;

CREATE SEQUENCE post_release_review_seq INCREMENT BY 50;
CREATE TABLE post_release_review (
    id               bigint        PRIMARY KEY,
    batch_id         bigint        NOT NULL REFERENCES batch (id),
    received_after   timestamptz   NOT NULL,
    received_up_to   timestamptz   NOT NULL,
    value_count      bigint        NOT NULL CHECK (value_count > 0),
    conclusion       varchar(2000) NOT NULL,
    reviewed_at      timestamptz   NOT NULL,
    reviewed_by      varchar(255)  NOT NULL,
    reviewed_by_name varchar(255)  NOT NULL,
    version          bigint        NOT NULL,
    CHECK (received_after < received_up_to)
);
CREATE INDEX post_release_review_batch_idx ON post_release_review (batch_id, received_up_to);
CREATE TABLE post_release_review_aud (
    id               bigint   NOT NULL,
    rev              bigint   NOT NULL REFERENCES audit_revision (id),
    revtype          smallint NOT NULL,
    revend           bigint   REFERENCES audit_revision (id),
    batch_id         bigint,
    received_after   timestamptz,
    received_up_to   timestamptz,
    value_count      bigint,
    conclusion       varchar(2000),
    reviewed_at      timestamptz,
    reviewed_by      varchar(255),
    reviewed_by_name varchar(255),
    PRIMARY KEY (id, rev)
);
SELECT audited_record_register('PostReleaseReview', 'post_release_review_aud');

GRANT USAGE ON SEQUENCE post_release_review_seq TO ${appRole};
GRANT SELECT, INSERT ON post_release_review TO ${appRole};
GRANT SELECT, INSERT ON post_release_review_aud TO ${appRole};
GRANT UPDATE (revend) ON post_release_review_aud TO ${appRole};
