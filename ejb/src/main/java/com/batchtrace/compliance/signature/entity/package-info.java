/**
 * Electronic signatures (21 CFR 11.50, 11.70): who signed, the printed name, what the signature
 * means, why, when (UTC), and the SHA-256 of the signed record's canonical content, which links the
 * signature to exactly the content that was signed. Append-only and hash-chained.
 */
package com.batchtrace.compliance.signature.entity;
