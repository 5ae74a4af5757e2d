package com.batchtrace.collection.boundary;

import java.time.Instant;

/**
 * The collector's connection to the broker, as the admin page and the API show it.
 *
 * @param broker the broker's address
 * @param clientId the collector's MQTT client id (its persistent session)
 * @param topics the topic filters it subscribes to
 * @param state CONNECTED, CONNECTING, DISCONNECTED or DISABLED
 * @param since when it entered that state
 * @param lastError the last connection problem, if any
 * @param received messages received since start
 * @param acknowledged messages acknowledged after their data was committed
 */
public record CollectionStatus(
    String broker,
    String clientId,
    String topics,
    String state,
    Instant since,
    String lastError,
    long received,
    long acknowledged) {}
