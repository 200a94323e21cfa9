/** Customer records: accounts and contacts, custom fields, list views, search, duplicates and merge, privacy. */
package org.rapport.customers;
