package org.rapport.customers;

/** What a party is to the company; a party can be several at once. */
public enum RelationshipType { CUSTOMER, PROSPECT, PAST_CUSTOMER, VENDOR, PARTNER }
