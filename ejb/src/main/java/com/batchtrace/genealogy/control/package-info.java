/** Internal work of the genealogy context: the demo lots. */
package com.batchtrace.genealogy.control;
