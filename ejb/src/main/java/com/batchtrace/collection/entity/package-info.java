/**
 * What machine data leaves behind besides the values: the tags the plant publishes (mapped to
 * equipment) and the exceptions the data raises on a batch.
 */
package com.batchtrace.collection.entity;
