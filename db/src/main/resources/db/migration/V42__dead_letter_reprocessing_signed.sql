-- Re-processing a dead letter is a signed admin action: the signature is linked to what the admin
-- signed, the dead letter (its payload's SHA-256 as taken) and the reason, so both are kept with the
-- attempt. Attempts made before signing was required have neither (NULL); they carry no signature.
ALTER TABLE dead_letter_reprocessing ADD COLUMN reason varchar(2000);
ALTER TABLE dead_letter_reprocessing ADD COLUMN payload_sha256 char(64);
ALTER TABLE dead_letter_reprocessing_aud ADD COLUMN reason varchar(2000);
ALTER TABLE dead_letter_reprocessing_aud ADD COLUMN payload_sha256 char(64);
