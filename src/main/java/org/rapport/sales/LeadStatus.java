package org.rapport.sales;

/** Where a lead stands: NEW, being worked, qualified, disqualified (with a reason) or converted into a customer. */
public enum LeadStatus { NEW, WORKING, QUALIFIED, DISQUALIFIED, CONVERTED }
