package org.kefu.knowledge;

import jakarta.ejb.ApplicationException;

import java.util.List;

/** An article refused: each problem is {field, code}; nothing was stored. */
@ApplicationException(rollback = true)
public class FaqException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String[]> problems;

    public FaqException(List<String[]> problems) {
        super("article refused");
        this.problems = List.copyOf(problems);
    }

    public List<String[]> getProblems() {
        return problems;
    }
}
