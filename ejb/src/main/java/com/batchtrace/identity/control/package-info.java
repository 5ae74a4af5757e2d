/** Internal pieces of identity: checking a token the identity provider issued. */
package com.batchtrace.identity.control;
