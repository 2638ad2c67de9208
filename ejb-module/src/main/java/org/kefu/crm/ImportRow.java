package org.kefu.crm;

import java.io.Serializable;
import java.util.List;

/**
 * One data row of an import file: its line in the file (the header is line 1), the customer it
 * describes, and what could not even be read (say, a VIP level that is no number).
 */
public final class ImportRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final CustomerDraft draft;
    private final List<FieldProblem> readProblems;

    public ImportRow(int line, CustomerDraft draft, List<FieldProblem> readProblems) {
        this.line = line;
        this.draft = draft;
        this.readProblems = List.copyOf(readProblems);
    }

    public int getLine() {
        return line;
    }

    public CustomerDraft getDraft() {
        return draft;
    }

    public List<FieldProblem> getReadProblems() {
        return readProblems;
    }
}
