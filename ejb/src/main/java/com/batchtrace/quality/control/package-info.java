/** What a batch release or rejection signature is linked to: the batch record's content. */
package com.batchtrace.quality.control;
