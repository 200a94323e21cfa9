package org.rapport.sales;

/** How a lead reached us. */
public enum LeadSource { WEB_FORM, EMAIL, PHONE, IMPORT, API, REFERRAL, CAMPAIGN, OTHER }
