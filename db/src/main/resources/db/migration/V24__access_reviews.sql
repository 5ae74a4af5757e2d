-- Periodic access review (EU Annex 11 §12, 21 CFR 11.10(d), (g)): QA reads who has which access
-- (every account with its roles, lines, last sign-in, last signature, disabled or not) and signs
-- the review ("reviewed"). What was reviewed is kept with the review as it was read, so the
-- signature covers exactly that list.
CREATE SEQUENCE access_review_seq INCREMENT BY 50;
CREATE TABLE access_review (
    id               bigint         PRIMARY KEY,
    reviewed_at      timestamptz    NOT NULL,
    reviewed_by      varchar(255)   NOT NULL,
    reviewed_by_name varchar(255)   NOT NULL,
    account_count    integer        NOT NULL CHECK (account_count >= 0),
    accounts         text           NOT NULL,
    accounts_sha256  char(64)       NOT NULL CHECK (accounts_sha256 ~ '^[0-9a-f]{64}$'),
    conclusion       varchar(4000)  NOT NULL,
    version          bigint         NOT NULL
);
CREATE INDEX access_review_time_idx ON access_review (reviewed_at);
CREATE TABLE access_review_aud (
    id               bigint   NOT NULL,
    rev              bigint   NOT NULL REFERENCES audit_revision (id),
    revtype          smallint NOT NULL,
    revend           bigint   REFERENCES audit_revision (id),
    reviewed_at      timestamptz,
    reviewed_by      varchar(255),
    reviewed_by_name varchar(255),
    account_count    integer,
    accounts         text,
    accounts_sha256  char(64),
    conclusion       varchar(4000),
    PRIMARY KEY (id, rev)
);
SELECT audited_record_register('AccessReview', 'access_review_aud');

GRANT USAGE ON SEQUENCE access_review_seq TO ${appRole};
GRANT SELECT, INSERT ON access_review TO ${appRole};
GRANT SELECT, INSERT ON access_review_aud TO ${appRole};
GRANT UPDATE (revend) ON access_review_aud TO ${appRole};
