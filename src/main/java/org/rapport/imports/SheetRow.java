package org.rapport.imports;

import java.util.List;

/** One data row of an uploaded file: its number as a spreadsheet shows it (the header is row 1) and its cells. */
record SheetRow(int number, List<String> cells) {

    String cell(int index) {
        if (index >= cells.size()) {
            return "";
        }
        String value = cells.get(index);
        return value == null ? "" : value.strip();
    }

    boolean blank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
