package com.batchtrace.masterdata.boundary;

/**
 * A material to create.
 *
 * @param code upper-case letters, digits, hyphens (e.g. API-0001)
 * @param name what people call it
 * @param kind RAW, INTERMEDIATE, FINISHED or PACKAGING
 * @param unit unit of measure of its lots (kg, L, pcs)
 * @param shelfLifeDays days from receipt or production to expiry
 * @param reason optional for a creation
 */
public record NewMaterial(
    String code, String name, String kind, String unit, Integer shelfLifeDays, String reason) {}
