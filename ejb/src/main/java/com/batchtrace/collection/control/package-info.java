/**
 * The collector's parts: the MQTT client that acknowledges only committed data, the payload decoder
 * (JSON, Sparkplug B), the bulk SQL for values and context, the exception detector and the watch
 * for silent tags.
 */
package com.batchtrace.collection.control;
