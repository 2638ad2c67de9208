package org.kefu.crm;

import java.io.Serializable;

/** A wrap-up code with its names in both languages (getters for EL). */
public class WrapUpCode implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String nameZh;
    private final String nameEn;

    public WrapUpCode(String code, String nameZh, String nameEn) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }
}
