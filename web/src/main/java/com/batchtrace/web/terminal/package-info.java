/** The shop-floor terminal: large, scanner-friendly pages for operators on the lines. */
package com.batchtrace.web.terminal;
