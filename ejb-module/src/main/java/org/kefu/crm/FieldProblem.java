package org.kefu.crm;

import java.io.Serializable;
import java.util.List;

/**
 * One thing wrong with one field of a customer record: a code the screens translate
 * ({@code crm.problem.<code>}), with the values the message shows. Row is the file's line for
 * an import, 0 in the editor.
 */
public final class FieldProblem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int row;
    private final String field;
    private final String code;
    private final List<String> args;

    public FieldProblem(int row, String field, String code, List<String> args) {
        this.row = row;
        this.field = field;
        this.code = code;
        this.args = List.copyOf(args);
    }

    public static FieldProblem of(String field, String code, String... args) {
        return new FieldProblem(0, field, code, List.of(args));
    }

    public FieldProblem atRow(int newRow) {
        return new FieldProblem(newRow, field, code, args);
    }

    public int getRow() {
        return row;
    }

    public String getField() {
        return field;
    }

    public String getCode() {
        return code;
    }

    public List<String> getArgs() {
        return args;
    }

    @Override
    public String toString() {
        return (row > 0 ? "row " + row + " " : "") + field + ": " + code + " " + args;
    }
}
