/**
 * Security events: sign-in, sign-out, failed signatures, signing locks, exports and integrity
 * checks (21 CFR 11.300(d), EU Annex 11 §12). Append-only and hash-chained in the database.
 */
package com.batchtrace.compliance.security.entity;
