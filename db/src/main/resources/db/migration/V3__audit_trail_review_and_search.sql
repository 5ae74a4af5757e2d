-- Audit trail review (EU Annex 11 §9: audit trails are reviewed regularly): the reviewer checks
-- the chains, reads the period's changes and signs the review ("reviewed"). The first signed
-- record of the application; later signed records (lot release, recipe approval, step
-- confirmation, batch release) sign through the same signature service.
CREATE SEQUENCE audit_trail_review_seq INCREMENT BY 50;
CREATE TABLE audit_trail_review (
    id                 bigint        PRIMARY KEY,
    period_from        timestamptz   NOT NULL,
    period_to          timestamptz   NOT NULL,
    revisions_reviewed bigint        NOT NULL,
    chain_position     bigint        NOT NULL,
    chain_sha256       char(64)      NOT NULL,
    chains_intact      boolean       NOT NULL,
    conclusion         varchar(4000) NOT NULL,
    reviewed_by        varchar(255)  NOT NULL,
    reviewed_at        timestamptz   NOT NULL,
    version            bigint        NOT NULL,
    CHECK (period_from < period_to)
);
CREATE INDEX audit_trail_review_time_idx ON audit_trail_review (reviewed_at);

CREATE TABLE audit_trail_review_aud (
    id                 bigint   NOT NULL,
    rev                bigint   NOT NULL REFERENCES audit_revision (id),
    revtype            smallint NOT NULL,
    revend             bigint   REFERENCES audit_revision (id),
    period_from        timestamptz,
    period_to          timestamptz,
    revisions_reviewed bigint,
    chain_position     bigint,
    chain_sha256       char(64),
    chains_intact      boolean,
    conclusion         varchar(4000),
    reviewed_by        varchar(255),
    reviewed_at        timestamptz,
    PRIMARY KEY (id, rev)
);
CREATE INDEX audit_trail_review_aud_rev_idx ON audit_trail_review_aud (rev);
CREATE TRIGGER audit_trail_review_aud_append_only BEFORE UPDATE OR DELETE ON audit_trail_review_aud
    FOR EACH ROW EXECUTE FUNCTION audit_row_append_only();
CREATE TRIGGER audit_trail_review_aud_no_truncate BEFORE TRUNCATE ON audit_trail_review_aud
    FOR EACH STATEMENT EXECUTE FUNCTION chain_record_immutable();
SELECT audit_chain_attach('audit_trail_review_aud', 'revision', ARRAY['id', 'rev']);

-- A signed review is never changed: the application may only add reviews.
GRANT USAGE ON SEQUENCE audit_trail_review_seq TO ${appRole};
GRANT SELECT, INSERT ON audit_trail_review, audit_trail_review_aud TO ${appRole};
GRANT UPDATE (revend) ON audit_trail_review_aud TO ${appRole};

-- The audit trail as one list of entries: one row per audited record per revision. Every
-- migration that adds an audited table adds a branch here (CREATE OR REPLACE VIEW), so the
-- search, the history and the export read every record type through one place.
CREATE VIEW audit_trail_entry AS
SELECT a.rev, 'Equipment'::varchar AS record_type, a.id AS record_id, a.revtype
FROM equipment_aud a
UNION ALL
SELECT a.rev, 'AuditTrailReview'::varchar, a.id, a.revtype
FROM audit_trail_review_aud a;
GRANT SELECT ON audit_trail_entry TO ${appRole};
