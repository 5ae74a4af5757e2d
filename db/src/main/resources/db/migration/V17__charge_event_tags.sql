-- What a mapped topic carries: process values, or the charge events of a scale or scanner. A charge
-- event is taken only from a topic mapped as charge events of its equipment; on any other topic it
-- is a dead letter with the reason, so a device cannot charge a lot into a batch by naming a topic.
ALTER TABLE uns_tag ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'VALUES'
    CHECK (kind IN ('VALUES', 'CHARGE_EVENTS'));
ALTER TABLE uns_tag_aud ADD COLUMN kind varchar(16);
