/**
 * What every page shares: who is signed in (from the OIDC principal), role-aware navigation,
 * sign-out and the idle timeout, and how times and service messages are shown.
 */
package com.batchtrace.web.shell;
