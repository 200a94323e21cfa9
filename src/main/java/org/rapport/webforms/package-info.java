/**
 * Web forms: an admin defines a form whose fields map to contact fields and embeds its HTML on any site; each
 * public submission creates or updates the contact and logs a web-form interaction on its timeline.
 */
package org.rapport.webforms;
