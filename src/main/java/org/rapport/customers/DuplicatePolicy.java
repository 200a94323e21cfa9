package org.rapport.customers;

/**
 * What a bulk write does with a row that matches a stored contact (same email, else same phone) or an earlier row:
 * leave the stored contact alone, update it with the row's values, or create another contact anyway.
 */
public enum DuplicatePolicy { SKIP, UPDATE, CREATE }
