-- Signed content in a numbered format. Format 2 is canonical JSON built from the record's entities;
-- signatures made before it have no number (null, read as format 1, plain text lines) and are
-- checked against that format, so they stay VALID while their records are unchanged. Nullable on
-- purpose: the hash chain leaves null fields out of a row's content, so the existing signature
-- rows keep their chain hashes.
ALTER TABLE electronic_signature ADD COLUMN content_format integer;
ALTER TABLE electronic_signature ADD CONSTRAINT electronic_signature_content_format_known
    CHECK (content_format IS NULL OR content_format BETWEEN 2 AND 9);
