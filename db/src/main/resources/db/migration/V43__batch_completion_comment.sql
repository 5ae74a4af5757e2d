-- The operator's comment on a batch's completion (needed outside the master record's yield limits,
-- allowed within them): part of the completion record that the operator's "performed" signature
-- is linked to, and shown with that signature on QA's review page and in the batch report.
-- Null when the operator wrote none (and for batches completed before the comment was kept).
ALTER TABLE batch ADD COLUMN completion_comment varchar(2000);
ALTER TABLE batch_aud ADD COLUMN completion_comment varchar(2000);
