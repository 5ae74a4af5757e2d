/** The quality reviewer's pages: the review queue and QA's lot release. */
package com.batchtrace.web.review;
