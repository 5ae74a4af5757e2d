/**
 * The web boundary of Batchtrace: Faces views per user (terminal, review, audit, admin), the REST
 * API and the bridge from the signed-in OIDC principal to the business core's {@code Actor}.
 * Nothing here decides a business rule; views and resources translate between HTTP and the services
 * of the ejb module, and show the services' messages.
 */
package com.batchtrace.web;
