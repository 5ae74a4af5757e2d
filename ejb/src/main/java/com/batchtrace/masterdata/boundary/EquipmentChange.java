package com.batchtrace.masterdata.boundary;

/**
 * A request to change an existing equipment node. Code and place in the hierarchy are fixed.
 *
 * @param name new name
 * @param description new description (blank clears it)
 * @param active whether the node stays in use
 * @param expectedVersion the version the requester saw, so a concurrent change is not overwritten
 * @param reason required: why the record changes
 */
public record EquipmentChange(
    String name, String description, boolean active, Long expectedVersion, String reason) {}
