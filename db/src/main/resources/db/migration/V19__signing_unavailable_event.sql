-- A password check the identity provider could not answer for a reason other than a wrong
-- password (direct grants off, wrong client secret, account needing action, outage) is an
-- operations problem in the security event log; it never counts toward the signing lock.
ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check
    CHECK (kind IN ('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'SIGNATURE_FAILED',
                    'SIGNING_LOCKED', 'EXPORT', 'INTEGRITY_VERIFIED', 'INTEGRITY_BROKEN',
                    'BROKER_CONNECTED', 'BROKER_DISCONNECTED', 'SIGNING_UNAVAILABLE'));
