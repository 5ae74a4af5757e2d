/**
 * The demo plant from outside the server: {@link com.batchtrace.demo.DemoSeed} gives the demo a
 * batch to run on the terminal (through the REST API, as the demo users would), {@link
 * com.batchtrace.demo.LineSimulator} publishes the demo lines' machine data to MQTT as their
 * gateways would. {@code ./batchtrace run} runs both; {@code ./batchtrace simulate} runs the
 * simulator in the foreground with fault switches. LOCAL DEMO ONLY: nothing here is part of the
 * installation.
 */
package com.batchtrace.demo;
