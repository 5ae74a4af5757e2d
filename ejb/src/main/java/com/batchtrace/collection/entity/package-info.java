/**
 * The collection context's own records: what became of a dead letter that an admin took again after
 * fixing its cause. Machine values themselves are not entities (they arrive by the thousand and are
 * written by native SQL in {@code collection.control.ProcessData}).
 */
package com.batchtrace.collection.entity;
