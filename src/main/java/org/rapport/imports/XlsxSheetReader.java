package org.rapport.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.rapport.shared.InvalidFieldException;

/** Reads the first visible sheet of an XLSX workbook as it streams out of the zip, never the whole sheet at once. */
final class XlsxSheetReader implements SheetReader {

    /** Literal text, colours and conditions, and escaped characters of a number format: not part of the date. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|\\[[^\\]]*]|\\\\.|_.|\\*.");

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;

    XlsxSheetReader(byte[] content) {
        try {
            workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false));
            Sheet sheet = workbook.getSheets().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).findFirst()
                    .orElseGet(workbook::getFirstSheet);
            stream = sheet.openStream();
            rows = stream.iterator();
        } catch (IOException | RuntimeException e) {
            throw new InvalidFieldException("file", "This file is not an Excel workbook (.xlsx) that can be read");
        }
        SheetRow first = next();
        if (first == null) {
            close();
            throw new InvalidFieldException("file", "The file is empty");
        }
        header = first.cells();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SheetRow next() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                int count = Math.min(row.getCellCount(), MAX_COLUMNS);
                List<String> cells = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    cells.add(text(row.getCell(i)));
                }
                SheetRow sheetRow = new SheetRow(row.getRowNum(), cells);
                if (!sheetRow.blank()) {
                    return sheetRow;
                }
            }
            return null;
        } catch (RuntimeException e) {
            throw new InvalidFieldException("file", "The workbook could not be read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
            workbook.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A cell as text; numbers in plain notation without trailing zeros, so that 4155550123 stays 4155550123, and
     * numbers formatted as dates as ISO dates (2024-02-29, or 2024-02-29T10:30 with a time of day).
     */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> {
                if (isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
                    LocalDateTime date = cell.asDate();
                    yield date.toLocalTime().equals(LocalTime.MIDNIGHT) ? date.toLocalDate().toString() : date.toString();
                }
                BigDecimal number = cell.asNumber();
                yield number == null ? "" : number.stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case ERROR, EMPTY -> "";
            default -> cell.getText();
        };
    }

    /** Whether a number format shows a date: a built-in date format, or one with days, months or years. */
    static boolean isDate(Integer formatId, String format) {
        if (formatId != null && (formatId >= 14 && formatId <= 22 || formatId >= 45 && formatId <= 47)) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String shown = QUOTED.matcher(format).replaceAll("").toLowerCase(Locale.ROOT);
        return shown.contains("d") || shown.contains("y") || shown.contains("m") && !shown.contains("0")
                && !shown.contains("#");
    }
}
