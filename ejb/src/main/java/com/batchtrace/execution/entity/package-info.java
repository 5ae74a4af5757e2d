/** What ran where and when: batch steps allocated to equipment over time. */
package com.batchtrace.execution.entity;
