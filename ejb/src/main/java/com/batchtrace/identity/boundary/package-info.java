/**
 * Who is acting: the signed-in person (identified by Keycloak, roles from the token) or the named
 * system principal for background work. Users and roles live in Keycloak; this package only carries
 * the identity of the current request to the services and the audit trail.
 */
package com.batchtrace.identity.boundary;
