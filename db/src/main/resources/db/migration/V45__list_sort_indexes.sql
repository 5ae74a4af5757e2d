-- The office lists page through lots and batches newest first, or sorted by a column, in the
-- database (LotService.page, BatchService.page). These indexes let a page of a large table be
-- read in order instead of sorting every row for each page. Lot and batch numbers are already
-- indexed by their unique constraints.
CREATE INDEX material_lot_received_idx ON material_lot (received_at, id);
CREATE INDEX material_lot_expiry_idx ON material_lot (expiry, id);
CREATE INDEX batch_created_idx ON batch (created_at, id);
CREATE INDEX batch_status_created_idx ON batch (status, created_at, id);
