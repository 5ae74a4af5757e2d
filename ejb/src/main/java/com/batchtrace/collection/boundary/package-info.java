/**
 * Machine data collection from the plant's Unified Namespace: ingestion of values and events (from
 * MQTT and REST) with their batch context, the tag mapping, and the collector's status.
 */
package com.batchtrace.collection.boundary;
