/** Global search: one box in every page's navigation and one API endpoint across accounts and contacts. */
package org.rapport.search;
