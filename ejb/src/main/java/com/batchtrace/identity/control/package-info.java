/**
 * The identity provider (Keycloak) as the application talks to it directly, over its back channel:
 * password checks at signing, and reading its event store.
 */
package com.batchtrace.identity.control;
