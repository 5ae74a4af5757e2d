package com.batchtrace.collection.boundary;

import java.time.Instant;

/**
 * The collector's connection to the broker, as the admin page and the API show it.
 *
 * @param broker the broker's address
 * @param username the user the collector logs in to the broker as
 * @param clientId the collector's MQTT client id (its persistent session)
 * @param topics the topic filters it subscribes to
 * @param state CONNECTED, CONNECTING, DISCONNECTED or DISABLED
 * @param since when it entered that state
 * @param lastError the last connection problem, if any
 * @param received messages received since start
 * @param acknowledged messages acknowledged after their data was committed
 * @param queued messages received and waiting to be stored
 * @param lastCommit when the writer last committed
 * @param deadLettered messages the writer kept as dead letters because they could not be stored
 * @param writerRunning whether the writer thread is alive
 * @param lastWriterError the writer's last problem (it goes on after any), if any
 * @param lastWriterErrorAt when that was
 */
public record CollectionStatus(
    String broker,
    String username,
    String clientId,
    String topics,
    String state,
    Instant since,
    String lastError,
    long received,
    long acknowledged,
    int queued,
    Instant lastCommit,
    long deadLettered,
    boolean writerRunning,
    String lastWriterError,
    Instant lastWriterErrorAt) {}
