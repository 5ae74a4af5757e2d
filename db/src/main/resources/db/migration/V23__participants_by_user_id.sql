-- Who charged a lot and who raised a note, by user id: segregation of duties counts everyone who
-- took part in a step or a batch (a verifier, a releaser), and a printed name is not an identity.
-- Rows written before keep null (the audit trail's revisions still name who wrote them).
ALTER TABLE lot_consumption ADD COLUMN charged_by varchar(255);
ALTER TABLE lot_consumption_aud ADD COLUMN charged_by varchar(255);
ALTER TABLE batch_exception ADD COLUMN raised_by_id varchar(255);
ALTER TABLE batch_exception_aud ADD COLUMN raised_by_id varchar(255);
