-- A batch is made by one approved master batch record version, frozen into the batch: later
-- versions never change what a running or finished batch follows. Nullable only for rows that
-- predate it (the genealogy benchmark's generated plant); the application always sets it.
ALTER TABLE batch ADD COLUMN master_batch_record_id bigint REFERENCES master_batch_record (id);
ALTER TABLE batch_aud ADD COLUMN master_batch_record_id bigint;
CREATE INDEX batch_record_idx ON batch (master_batch_record_id);
