package org.kefu.crm;

import java.io.Serializable;
import java.util.List;

/** One line of the customer list. */
public class CustomerSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String name;
    private final String idNumber;
    private final int vipLevel;
    private final String language;
    private final List<String> phones;

    public CustomerSummary(long id, String name, String idNumber, int vipLevel, String language, List<String> phones) {
        this.id = id;
        this.name = name;
        this.idNumber = idNumber;
        this.vipLevel = vipLevel;
        this.language = language;
        this.phones = List.copyOf(phones);
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public int getVipLevel() {
        return vipLevel;
    }

    public String getLanguage() {
        return language;
    }

    public List<String> getPhones() {
        return phones;
    }
}
