-- A signature refused before any password was checked (the named signer may not sign this: not
-- the signed-in user, without the role, or took part in the work) is a security event of the
-- signed-in user that names the signer; it never counts toward anybody's signing lock.
ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check
    CHECK (kind IN ('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'SIGNATURE_FAILED',
                    'SIGNING_LOCKED', 'EXPORT', 'INTEGRITY_VERIFIED', 'INTEGRITY_BROKEN',
                    'BROKER_CONNECTED', 'BROKER_DISCONNECTED', 'SIGNING_UNAVAILABLE',
                    'SIGNATURE_REFUSED'));
