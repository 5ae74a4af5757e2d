/**
 * What every bounded context shares and nothing more: the one clock (inject {@link
 * java.time.Clock}, so tests and replays can set time) and the exception that names a broken
 * business rule, which the web layer turns into a clear message that changes nothing.
 */
package com.batchtrace.platform;
