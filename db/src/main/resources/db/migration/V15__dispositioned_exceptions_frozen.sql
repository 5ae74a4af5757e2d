-- An exception QA has dispositioned never changes again: frozen_at is set with the disposition, the
-- detector no longer extends or ends it, and a later out-of-limit value or silence opens a new
-- exception. Nullable, so the hash chain of existing history rows stays as it was.
ALTER TABLE batch_exception ADD COLUMN frozen_at timestamptz;
ALTER TABLE batch_exception_aud ADD COLUMN frozen_at timestamptz;

-- The one open excursion or gap per batch, step and tag is the one not yet frozen.
DROP INDEX batch_exception_one_open_idx;
CREATE UNIQUE INDEX batch_exception_one_open_idx ON batch_exception (batch_id, step_position, tag_id, kind)
    WHERE ended_at IS NULL AND frozen_at IS NULL AND kind IN ('CPP_EXCURSION', 'DATA_GAP');
