/**
 * Integration tests of the shipped EAR on the real stack: the WildFly built by this module (started
 * once per run by Arquillian), PostgreSQL, the Keycloak realm started by {@code ./batchtrace test},
 * and headless Chromium. Each test names the requirement it proves with {@code @Tag("URS-nnn")};
 * the traceability matrix is generated from these tags.
 */
package com.batchtrace.it;
