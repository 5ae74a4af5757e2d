/**
 * Internal master-data work that no user calls directly, such as loading the demo plant into an
 * empty database for the local demo run.
 */
package com.batchtrace.masterdata.control;
