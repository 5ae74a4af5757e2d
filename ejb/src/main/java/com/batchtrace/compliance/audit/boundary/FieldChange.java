package com.batchtrace.compliance.audit.boundary;

import java.io.Serializable;

/**
 * One field of a record changed by a revision.
 *
 * @param field the field (column) name
 * @param oldValue the value before, or null when the record was created
 * @param newValue the value after
 */
public record FieldChange(String field, String oldValue, String newValue) implements Serializable {}
