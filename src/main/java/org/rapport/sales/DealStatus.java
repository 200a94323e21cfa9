package org.rapport.sales;

/** Whether a deal is still open, won or lost; it follows the kind of the deal's stage. */
public enum DealStatus { OPEN, WON, LOST }
