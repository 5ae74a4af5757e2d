/**
 * Material lots, the nodes of the genealogy: what was received or produced, how much is left, and
 * QA's disposition (quarantine, released, rejected), decided with an electronic signature.
 */
package com.batchtrace.genealogy.entity;
