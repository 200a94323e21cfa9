/** Value types and errors every module shares; depends on nothing else in Rapport. */
package org.rapport.shared;
