/**
 * Admin pages: the equipment hierarchy and its UNS paths. Every change goes through the master-data
 * service, which audits it with the reason entered here.
 */
package com.batchtrace.web.admin;
