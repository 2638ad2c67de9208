package org.kefu.crm;

import java.io.Serializable;

/** A linked account (BANK, UTILITY, SECURITIES with its branch), as the editor and files carry it. */
public class AccountEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private String number;
    private String kind = "BANK";
    private String branch;

    public AccountEntry() {
    }

    public AccountEntry(String number, String kind, String branch) {
        this.number = number;
        this.kind = kind;
        this.branch = branch;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }
}
