/**
 * Web forms: an admin defines a form whose fields map to contact (or lead) fields and embeds its HTML on any site; each
 * public submission creates or updates the contact, or for a form that creates leads the lead (through
 * {@link org.rapport.webforms.WebFormLeads}, which sales implements), and logs a web-form interaction on its timeline.
 */
package org.rapport.webforms;
