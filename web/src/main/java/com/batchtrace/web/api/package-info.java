/**
 * The REST API under {@code /api/v1} for machines and other systems (ERP, LIMS). Bearer tokens from
 * the plant realm; 401 without one, 403 with the wrong role; every error is a JSON body with a
 * message a person can act on. Described by the OpenAPI document at {@code /openapi}.
 */
package com.batchtrace.web.api;
