package org.rapport.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Writes a table row by row straight to a stream: CSV (UTF-8 with a byte order mark, cells that a spreadsheet
 * would run as formulas escaped) or XLSX (every cell an inline string, never a formula; flushed every thousand rows).
 */
abstract sealed class TableWriter {

    private static final int FLUSH_EVERY = 1_000;

    static TableWriter open(FileFormat format, String sheetName, List<String> header, OutputStream out)
            throws IOException {
        TableWriter writer = format == FileFormat.CSV ? new Csv(out) : new Xlsx(out, sheetName);
        writer.header(header);
        return writer;
    }

    abstract void header(List<String> names) throws IOException;

    /** One row; null cells are empty. */
    abstract void row(List<String> cells) throws IOException;

    abstract void finish() throws IOException;

    /** {@link #row} as a callback for sources that hand over rows one by one. */
    Consumer<List<String>> rows() {
        return cells -> {
            try {
                row(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static final class Csv extends TableWriter {
        private final CsvWriter csv;

        Csv(OutputStream out) throws IOException {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            csv = CsvWriter.builder().build(out, StandardCharsets.UTF_8);
        }

        @Override
        void header(List<String> names) {
            row(names);
        }

        @Override
        void row(List<String> cells) {
            csv.writeRecord(cells.stream().map(SafeCells::csv).toList());
        }

        @Override
        void finish() throws IOException {
            csv.flush();
        }
    }

    private static final class Xlsx extends TableWriter {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            workbook = new Workbook(out, "Rapport", "1.0");
            sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        void header(List<String> names) {
            for (int c = 0; c < names.size(); c++) {
                sheet.value(0, c, names.get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
            next = 1;
        }

        @Override
        void row(List<String> cells) throws IOException {
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                if (cell != null && !cell.isEmpty()) {
                    sheet.inlineString(next, c, cell);
                }
            }
            if (next++ % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        void finish() throws IOException {
            workbook.finish();
        }
    }
}
