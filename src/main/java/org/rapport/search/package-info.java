/** Global search: one box in every page's navigation and one API endpoint across accounts, contacts, leads and deals. */
package org.rapport.search;
