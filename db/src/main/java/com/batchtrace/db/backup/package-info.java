/**
 * Backup with pgBackRest and the restore drill that proves it. {@link
 * com.batchtrace.db.backup.PgBackRest} runs the field's backup tool on a stanza (full and
 * incremental backups, point-in-time restore into a new data directory, never over the live one
 * unless asked); {@link com.batchtrace.db.backup.LocalCluster} is a PostgreSQL cluster of its own
 * (initdb, start, stop) for the drill and the local installation; {@link
 * com.batchtrace.db.backup.RestoreDrill} backs up a populated database, changes it further,
 * restores it to a point in between in a separate cluster and checks that the restored records are
 * exactly those of that point. {@code ./batchtrace backup}, {@code restore} and {@code
 * restore-drill} and the test suite all run these classes.
 */
package com.batchtrace.db.backup;
