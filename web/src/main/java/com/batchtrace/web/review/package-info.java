/**
 * The quality reviewer's pages: the review queue, QA's lot release, master batch record approval,
 * and the genealogy trace with its tree and downloads.
 */
package com.batchtrace.web.review;
