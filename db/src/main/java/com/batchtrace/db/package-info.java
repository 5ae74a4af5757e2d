/**
 * Applies the Flyway migrations in {@code db/migration} as the schema owner. The application's
 * runtime role never runs DDL: it only receives the grants the migrations give it, which is how the
 * audit tables stay append-only for the application.
 */
package com.batchtrace.db;
