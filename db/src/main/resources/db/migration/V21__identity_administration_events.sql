-- Who changed whose access in the identity provider: users created, changed, deleted, roles and
-- groups granted or removed, passwords reset, copied from Keycloak's admin events into the
-- security event log (each once: its Keycloak id is the row's source_id).
ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check
    CHECK (kind IN ('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED', 'SIGNATURE_FAILED',
                    'SIGNING_LOCKED', 'EXPORT', 'INTEGRITY_VERIFIED', 'INTEGRITY_BROKEN',
                    'BROKER_CONNECTED', 'BROKER_DISCONNECTED', 'SIGNING_UNAVAILABLE',
                    'SIGNATURE_REFUSED', 'IDENTITY_ADMINISTRATION'));
