package com.batchtrace.masterdata.boundary;

/**
 * A request to create an equipment node.
 *
 * @param parentId the node to create it under, or {@code null} for a new enterprise
 * @param code the UNS segment (lower-case letters, digits, hyphens)
 * @param name the name people use
 * @param description optional
 * @param reason optional for a creation
 */
public record NewEquipment(
    Long parentId, String code, String name, String description, String reason) {}
