/** Infrastructure every module stands on: database start-up, API error format, request limits and the audit trail. */
package org.rapport.platform;
