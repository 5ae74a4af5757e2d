-- Failed sign-ins happen at Keycloak, not in the application. The application mirrors them from
-- Keycloak's event store into the security event log; source_id is Keycloak's event id, so a
-- mirrored event is stored once however often it is fetched (and by however many nodes).
-- Rows that existed before keep their chain hashes: the chain's canonical content leaves out
-- null fields (V2).
ALTER TABLE security_event ADD COLUMN source_id varchar(64);
CREATE UNIQUE INDEX security_event_source_idx ON security_event (source_id);
