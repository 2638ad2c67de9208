package org.kefu.securities;

/** A branch's answer Kefu cannot apply (unknown order, partial fill, fill beyond the limit…). */
public class BadBranchAnswer extends Exception {

    private static final long serialVersionUID = 1L;

    public BadBranchAnswer(String reason) {
        super(reason);
    }
}
