/** Background work of the security event log: mirroring the identity provider's failed sign-ins. */
package com.batchtrace.compliance.security.control;
