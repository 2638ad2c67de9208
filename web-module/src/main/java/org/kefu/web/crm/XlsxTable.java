package org.kefu.web.crm;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The first sheet of an Excel workbook (.xlsx) as a table of texts, and back. */
public final class XlsxTable {

    private XlsxTable() {
    }

    public static List<List<String>> read(byte[] bytes) throws MalformedFileException {
        if (!ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            throw new MalformedFileException("file.notXlsx");
        }
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) sheet::iterator) {
                // Skipped empty rows are absent from the stream; keep row numbers as Excel shows them.
                while (rows.size() < row.getRowNum() - 1) {
                    rows.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(text(row.getCell(c)));
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw new MalformedFileException("file.notXlsx");
        }
        return rows;
    }

    /** A number typed into a cell (a phone, a VIP level) reads as the digits typed, not 1.38E10. */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal n = cell.asNumber();
            return n.stripTrailingZeros().toPlainString();
        }
        String raw = cell.getText();
        return raw == null ? "" : raw;
    }

    public static byte[] write(String sheetName, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Kefu", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    // Always text: an ID number or account number as a number would lose digits.
                    sheet.value(r, c, row.get(c) == null ? "" : row.get(c));
                }
            }
            if (!rows.isEmpty()) {
                for (int c = 0; c < rows.get(0).size(); c++) {
                    sheet.style(0, c).bold().set();
                    sheet.width(c, c == 4 ? 40 : 22);
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
