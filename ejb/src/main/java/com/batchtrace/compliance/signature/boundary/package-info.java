/**
 * The one signature service every signing action goes through: it checks both components (user id
 * and password) with the identity provider at the moment of signing, applies the signing lock after
 * repeated failures, enforces who may sign (the signed-in user, or a different person with the
 * required role as verifier), and writes the signature in the transaction of the signed action.
 */
package com.batchtrace.compliance.signature.boundary;
