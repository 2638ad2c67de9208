package org.kefu.crm;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer record as a person edits it or a file row carries it: plain values, checked by
 * {@link CustomerRules} before anything is stored. The id is null for a new customer.
 */
public class CustomerDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private String name;
    private String idNumber;
    private Integer vipLevel = 0;
    private String language = "zh-CN";
    private String address;
    private List<PhoneEntry> phones = new ArrayList<>();
    private List<AccountEntry> accounts = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public Integer getVipLevel() {
        return vipLevel;
    }

    public void setVipLevel(Integer vipLevel) {
        this.vipLevel = vipLevel;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public List<PhoneEntry> getPhones() {
        return phones;
    }

    public void setPhones(List<PhoneEntry> phones) {
        this.phones = phones;
    }

    public List<AccountEntry> getAccounts() {
        return accounts;
    }

    public void setAccounts(List<AccountEntry> accounts) {
        this.accounts = accounts;
    }

    /** Trimmed copies; blank texts become null and empty phone or account lines are dropped. */
    public CustomerDraft normalized() {
        CustomerDraft n = new CustomerDraft();
        n.id = id;
        n.name = blankToNull(name);
        n.idNumber = blankToNull(ResidentIdNumber.normalize(idNumber));
        n.vipLevel = vipLevel;
        n.language = blankToNull(language);
        n.address = blankToNull(address);
        for (PhoneEntry p : phones) {
            String number = blankToNull(p.getNumber() == null ? null : p.getNumber().replace(" ", "").replace("-", ""));
            if (number != null) {
                n.phones.add(new PhoneEntry(number, blankToNull(p.getKind()) == null ? "MOBILE" : p.getKind().strip().toUpperCase()));
            }
        }
        for (AccountEntry a : accounts) {
            String number = blankToNull(a.getNumber() == null ? null : a.getNumber().replace(" ", ""));
            if (number != null) {
                String kind = blankToNull(a.getKind());
                n.accounts.add(new AccountEntry(number, kind == null ? null : kind.toUpperCase(),
                        blankToNull(a.getBranch() == null ? null : a.getBranch().toUpperCase())));
            }
        }
        return n;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
