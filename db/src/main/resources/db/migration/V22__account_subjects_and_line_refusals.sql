-- People by immutable id: the identity provider's account id (the token's "sub") beside the user
-- name, on every signature, audit revision and security event from now on. A user name can be
-- given again after an account is deleted; the account id never is, so two people with one user
-- name stay apart in the signature register, the audit trail and exports. The columns are
-- nullable: rows written before stay as they were (their chain hashes leave out null fields).
ALTER TABLE electronic_signature ADD COLUMN signer_subject varchar(64);
ALTER TABLE audit_revision ADD COLUMN user_subject varchar(64);
ALTER TABLE security_event ADD COLUMN user_subject varchar(64);
CREATE INDEX electronic_signature_subject_idx ON electronic_signature (signer_subject);

-- An operator refused a batch of a line they are not assigned to.
ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check
    CHECK (kind IN ('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'SIGNATURE_FAILED',
                    'SIGNING_LOCKED', 'EXPORT', 'INTEGRITY_VERIFIED', 'INTEGRITY_BROKEN',
                    'BROKER_CONNECTED', 'BROKER_DISCONNECTED', 'SIGNING_UNAVAILABLE',
                    'SIGNATURE_REFUSED', 'IDENTITY_ADMINISTRATION', 'LINE_REFUSED'));
