package com.batchtrace.compliance.qualification.boundary;

import java.time.Instant;

/**
 * What the IQ tool sends to be recorded: the record as executed and the facts it qualified.
 *
 * @param executedAt when the IQ ran (UTC)
 * @param host the host it ran on
 * @param releaseVersion the release the manifest names
 * @param earSha256 the SHA-256 of the deployed EAR
 * @param schemaVersion the schema version found
 * @param checksTotal how many checks ran
 * @param checksFailed how many failed
 * @param record the record in Markdown, as written to the validation package
 */
public record NewInstallationQualification(
    Instant executedAt,
    String host,
    String releaseVersion,
    String earSha256,
    String schemaVersion,
    int checksTotal,
    int checksFailed,
    String record) {}
