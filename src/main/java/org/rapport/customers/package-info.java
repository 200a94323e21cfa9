/** Customer records: accounts (organizations) and, later, contacts, custom fields, duplicates and imports. */
package org.rapport.customers;
