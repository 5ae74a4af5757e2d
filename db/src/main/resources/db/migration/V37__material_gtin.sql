-- A material's GTIN (GS1 Global Trade Item Number, kept as 14 digits with its check digit): a GS1
-- code scanned at the terminal must carry the GTIN of the material whose lot it charges. Optional:
-- materials without a GS1 label are charged by their lot number alone.
ALTER TABLE material ADD COLUMN gtin varchar(14) CHECK (gtin ~ '^[0-9]{14}$');
CREATE UNIQUE INDEX material_gtin_unique ON material (gtin) WHERE gtin IS NOT NULL;
ALTER TABLE material_aud ADD COLUMN gtin varchar(14);
