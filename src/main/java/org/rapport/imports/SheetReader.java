package org.rapport.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads an uploaded CSV or XLSX file row by row: a header row, then data rows (blank rows left out). */
interface SheetReader extends AutoCloseable {

    /** Reads at most this many data rows; a bigger file is refused. */
    int MAX_ROWS = 1_000_000;
    /** Columns beyond this many are ignored. */
    int MAX_COLUMNS = 200;

    static SheetReader open(FileFormat format, byte[] content) {
        return format == FileFormat.XLSX ? new XlsxSheetReader(content) : new CsvSheetReader(content);
    }

    /** The raw cells of the header row. */
    List<String> header();

    /** The next data row, or null after the last one. */
    SheetRow next();

    @Override
    void close();

    default List<SheetRow> next(int count) {
        List<SheetRow> rows = new ArrayList<>(Math.min(count, 10_000));
        SheetRow row;
        while (rows.size() < count && (row = next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    default void skip(int count) {
        for (int i = 0; i < count; i++) {
            if (next() == null) {
                return;
            }
        }
    }

    /** Column names from header cells: a blank one becomes "Column N", a repeated one gets " (2)", " (3)"... */
    static List<String> columnNames(List<String> header) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(header.size(), MAX_COLUMNS); i++) {
            String cell = header.get(i) == null ? "" : header.get(i).strip();
            String base = cell.isEmpty() ? "Column " + (i + 1) : cell.length() > 100 ? cell.substring(0, 100) : cell;
            String name = base;
            for (int n = 2; !seen.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
                name = base + " (" + n + ")";
            }
            names.add(name);
        }
        while (!names.isEmpty() && header.size() >= names.size()
                && (header.get(names.size() - 1) == null || header.get(names.size() - 1).isBlank())) {
            names.removeLast();
        }
        return names;
    }
}
