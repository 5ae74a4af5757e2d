package com.batchtrace.collection.boundary;

/**
 * A message as it arrived, before anything was read from it.
 *
 * @param source MQTT or REST
 * @param topic the topic it was published on (for REST, the topic the gateway names)
 * @param payload the bytes, JSON or a Sparkplug B protobuf
 */
public record InboundMessage(String source, String topic, byte[] payload) {}
