package com.batchtrace.compliance.integrity.boundary;

import java.io.Serializable;

/**
 * The last link of a chain: quoting it in an export or a review pins the audit trail as it was.
 *
 * @param chain revision, signature or security_event
 * @param position how many links the chain has
 * @param sha256 the last link's hash, hex
 */
public record ChainHead(String chain, long position, String sha256) implements Serializable {}
