package org.rapport.sales;

/**
 * One row of a bulk write (an import) of leads, already split into fields; null means "not given": a new lead gets
 * the default, a stored lead the row updates keeps its value.
 *
 * @param rowNumber  the row's number in its file, returned with the row's outcome
 * @param email      a lower-case address; the key that finds open leads and contacts with it
 * @param phone      a number in E.164 form
 * @param country    an ISO 3166 alpha-2 code
 * @param source     for a new lead, IMPORT when not given
 * @param ownerEmail the owner's email; a new lead without one is placed by the assignment rules
 */
public record LeadBulkRow(int rowNumber, String firstName, String lastName, String email, String phone,
                          String company, String title, String country, LeadSource source, String ownerEmail) {
}
