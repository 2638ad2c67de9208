package org.kefu.web.crm;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a customer file, in export order. An import recognizes a column by its field
 * name or its Chinese or English heading, in any order and case.
 */
public enum CustomerColumn {
    NAME("name", "姓名", "Name"),
    ID_NUMBER("idNumber", "身份证号", "ID number"),
    VIP_LEVEL("vipLevel", "VIP等级", "VIP level"),
    LANGUAGE("language", "语言", "Language"),
    ADDRESS("address", "地址", "Address"),
    PHONES("phones", "电话", "Phones"),
    ACCOUNTS("accounts", "账户", "Accounts");

    private final String field;
    private final String chinese;
    private final String english;

    CustomerColumn(String field, String chinese, String english) {
        this.field = field;
        this.chinese = chinese;
        this.english = english;
    }

    /** The record field it fills (as in FieldProblem.getField()). */
    public String field() {
        return field;
    }

    public String heading(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : chinese;
    }

    public static Optional<CustomerColumn> byHeading(String heading) {
        String h = heading == null ? "" : heading.strip().replace(" ", "").toLowerCase(Locale.ROOT);
        for (CustomerColumn c : values()) {
            if (h.equals(c.field.toLowerCase(Locale.ROOT)) || h.equals(c.chinese.toLowerCase(Locale.ROOT))
                    || h.equals(c.english.replace(" ", "").toLowerCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<CustomerColumn> byField(String field) {
        for (CustomerColumn c : values()) {
            if (c.field.equals(field)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
