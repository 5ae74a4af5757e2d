/**
 * Master data as a plant person knows it. The equipment hierarchy (ISA-95: enterprise > site > area
 * > line > unit) gives every node a UNS path, the MQTT topic prefix under which its machines
 * publish. The rules of the hierarchy live here, guarded in the entity itself.
 */
package com.batchtrace.masterdata.entity;
