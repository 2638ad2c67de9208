package org.kefu.web.crm;

import org.kefu.crm.AccountEntry;
import org.kefu.crm.CustomerDraft;
import org.kefu.crm.FieldProblem;
import org.kefu.crm.ImportRow;
import org.kefu.crm.PhoneEntry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Customer records as rows of a file (CSV or Excel), both ways. Phones are written
 * {@code 13800138000/MOBILE; 02088886666/HOME}, accounts {@code 6222020000000001/BANK;
 * S0100001/SECURITIES/GZ01}; a phone without a kind is a mobile. Row numbers are those a
 * spreadsheet shows: the heading is row 1.
 */
public final class CustomerFile {

    private CustomerFile() {
    }

    /** The rows of a file named {@code fileName} (.csv or .xlsx). */
    public static List<ImportRow> read(String fileName, byte[] content) throws MalformedFileException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content == null || content.length == 0) {
            throw new MalformedFileException("file.empty");
        }
        List<List<String>> table;
        if (name.endsWith(".csv")) {
            table = CsvTable.read(content);
        } else if (name.endsWith(".xlsx")) {
            table = XlsxTable.read(content);
        } else {
            throw new MalformedFileException("file.unknownFormat", fileName);
        }
        return rows(table);
    }

    static List<ImportRow> rows(List<List<String>> table) throws MalformedFileException {
        if (table.isEmpty() || table.get(0).stream().allMatch(String::isBlank)) {
            throw new MalformedFileException("file.noHeading");
        }
        List<String> heading = table.get(0);
        Map<CustomerColumn, Integer> columns = new EnumMap<>(CustomerColumn.class);
        for (int c = 0; c < heading.size(); c++) {
            String h = heading.get(c).replace("\uFEFF", "");
            if (h.isBlank()) {
                continue;
            }
            CustomerColumn column = CustomerColumn.byHeading(h)
                    .orElseThrow(() -> new MalformedFileException("file.unknownColumn", h.strip()));
            if (columns.put(column, c) != null) {
                throw new MalformedFileException("file.repeatedColumn", h.strip());
            }
        }
        if (!columns.containsKey(CustomerColumn.NAME)) {
            throw new MalformedFileException("file.nameColumnMissing");
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(row(r + 1, cells, columns));
        }
        return rows;
    }

    private static ImportRow row(int line, List<String> cells, Map<CustomerColumn, Integer> columns) {
        List<FieldProblem> problems = new ArrayList<>();
        CustomerDraft d = new CustomerDraft();
        d.setName(cell(cells, columns, CustomerColumn.NAME));
        d.setIdNumber(cell(cells, columns, CustomerColumn.ID_NUMBER));
        d.setAddress(cell(cells, columns, CustomerColumn.ADDRESS));
        String language = cell(cells, columns, CustomerColumn.LANGUAGE);
        d.setLanguage(language.isBlank() ? "zh-CN" : language.strip());
        String vip = cell(cells, columns, CustomerColumn.VIP_LEVEL).strip();
        if (vip.isEmpty()) {
            d.setVipLevel(0);
        } else if (vip.matches("[0-9]{1,3}")) {
            d.setVipLevel(Integer.parseInt(vip));
        } else {
            d.setVipLevel(0);
            problems.add(FieldProblem.of("vipLevel", "vipLevel.notNumber", vip));
        }
        for (String part : parts(cell(cells, columns, CustomerColumn.PHONES))) {
            String[] p = part.split("/", -1);
            if (p.length > 2) {
                problems.add(FieldProblem.of("phones", "phone.cell", part));
            } else {
                d.getPhones().add(new PhoneEntry(p[0], p.length == 2 ? p[1] : "MOBILE"));
            }
        }
        for (String part : parts(cell(cells, columns, CustomerColumn.ACCOUNTS))) {
            String[] a = part.split("/", -1);
            if (a.length < 2 || a.length > 3) {
                problems.add(FieldProblem.of("accounts", "account.cell", part));
            } else {
                d.getAccounts().add(new AccountEntry(a[0], a[1], a.length == 3 ? a[2] : null));
            }
        }
        return new ImportRow(line, d, problems);
    }

    private static List<String> parts(String cell) {
        List<String> parts = new ArrayList<>();
        for (String part : cell.split("[;；\\n]")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private static String cell(List<String> cells, Map<CustomerColumn, Integer> columns, CustomerColumn column) {
        Integer c = columns.get(column);
        if (c == null || c >= cells.size()) {
            return "";
        }
        String value = cells.get(c);
        // Undo the export's protection against formulas (CsvTable.defuse).
        if (CsvTable.defused(value)) {
            value = value.substring(1);
        }
        return value;
    }

    /** The table an export writes: the heading in {@code locale}, then one row per customer. */
    public static List<List<String>> table(List<CustomerDraft> customers, Locale locale) {
        List<List<String>> table = new ArrayList<>();
        List<String> heading = new ArrayList<>();
        for (CustomerColumn c : CustomerColumn.values()) {
            heading.add(c.heading(locale));
        }
        table.add(heading);
        for (CustomerDraft d : customers) {
            List<String> row = new ArrayList<>();
            row.add(nullToEmpty(d.getName()));
            row.add(nullToEmpty(d.getIdNumber()));
            row.add(String.valueOf(d.getVipLevel()));
            row.add(nullToEmpty(d.getLanguage()));
            row.add(nullToEmpty(d.getAddress()));
            row.add(String.join("; ", d.getPhones().stream().map(p -> p.getNumber() + "/" + p.getKind()).toList()));
            row.add(String.join("; ", d.getAccounts().stream()
                    .map(a -> a.getNumber() + "/" + a.getKind() + (a.getBranch() == null ? "" : "/" + a.getBranch())).toList()));
            table.add(row);
        }
        return table;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
