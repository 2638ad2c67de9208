package org.kefu.ivr.admin;

import jakarta.ejb.ApplicationException;

import java.util.List;

/** A flow refused (its problems, each naming the node) or an unknown flow or version. */
@ApplicationException(rollback = true)
public class IvrFlowException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final boolean notFound;

    public IvrFlowException(List<String> problems, boolean notFound) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.notFound = notFound;
    }

    public List<String> problems() {
        return problems;
    }

    public boolean notFound() {
        return notFound;
    }
}
