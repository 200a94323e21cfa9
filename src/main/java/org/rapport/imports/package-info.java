/**
 * Bulk data in and out: the CSV/XLSX import of contacts and of leads (wizard, API, background job with progress,
 * error report, undo) and the export of the contacts and accounts a user may see as CSV or XLSX.
 */
package org.rapport.imports;
