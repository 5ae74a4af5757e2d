/**
 * What the signature service relies on: the password check against Keycloak, the signing lock
 * policy and the canonical-content hash.
 */
package com.batchtrace.compliance.signature.control;
