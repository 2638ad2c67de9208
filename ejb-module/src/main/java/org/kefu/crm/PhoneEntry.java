package org.kefu.crm;

import java.io.Serializable;

/** A phone number with its kind (MOBILE, HOME, WORK, OTHER), as the editor and files carry it. */
public class PhoneEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private String number;
    private String kind = "MOBILE";

    public PhoneEntry() {
    }

    public PhoneEntry(String number, String kind) {
        this.number = number;
        this.kind = kind;
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
}
