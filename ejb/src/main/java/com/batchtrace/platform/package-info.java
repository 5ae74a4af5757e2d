/**
 * What every bounded context shares and nothing more: the one clock (inject {@link
 * java.time.Clock}, so tests and replays can set time), the site's time zone, settings, the
 * exception that names a broken business rule (the web layer turns it into a clear message that
 * changes nothing), and what every export has in common: the checksum of its rows and the PDF
 * layout.
 */
package com.batchtrace.platform;
