package org.kefu.crm;

import jakarta.ejb.ApplicationException;

import java.util.List;

/** A customer record (or an import) refused, with every problem found; nothing was stored. */
@ApplicationException(rollback = true)
public class CustomerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<FieldProblem> problems;

    public CustomerException(List<FieldProblem> problems) {
        super("refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> getProblems() {
        return problems;
    }
}
