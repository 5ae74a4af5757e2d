/**
 * How an audited write gets its context: the reason for change is held for the current transaction,
 * and the Envers revision listener stamps every revision with it, the actor and the time from the
 * application's clock.
 */
package com.batchtrace.compliance.audit.control;
