package org.rapport.sales;

/** How the sales-activity report groups its rows. */
public enum SalesActivityGrouping {
    /** By user: the rep an interaction is credited to, the user who generated a lead, a deal's owner. */
    REP,
    /** By department: the rep's department when the interaction happened, a lead's or a deal's department. */
    DEPARTMENT,
    /** By origin: a call's country and region; a lead's country; the country of a won deal's account. */
    ORIGIN
}
