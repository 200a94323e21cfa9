/**
 * Who is who and who may see what: users, departments, roles, sign-in, API tokens, record visibility
 * rules in SQL, record sharing, and the admin pages for them.
 */
package org.rapport.identity;
