/** QA's records on a batch in review: the disposition of each exception. */
package com.batchtrace.quality.entity;
