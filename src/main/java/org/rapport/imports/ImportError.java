package org.rapport.imports;

/** A row that was not imported: its number in the file, the column at fault (if one is) and why. */
record ImportError(int row, String column, String reason) {
}
