package com.batchtrace.collection.control;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A scale or scanner reports that a lot was charged on a piece of equipment.
 *
 * @param topic the event's topic
 * @param equipmentPath the UNS path of the equipment (the topic without its last level)
 * @param lotNumber the lot
 * @param quantity how much
 * @param ts the source's time of the event
 * @param payload the message as it came, kept when the event cannot be acted on
 */
public record ChargeEvent(
    String topic,
    String equipmentPath,
    String lotNumber,
    BigDecimal quantity,
    Instant ts,
    byte[] payload) {}
