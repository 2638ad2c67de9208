package org.kefu.crm;

import java.io.Serializable;

/**
 * What the customer list shows: a text matched against name, phone, ID number and linked account;
 * filters on VIP level and language; one sort column. Null means "any".
 */
public class CustomerSearch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The columns the list may be sorted by (entity attribute names). */
    public enum SortField { name, idNumber, vipLevel, language, createdAt, id }

    private String text;
    private Integer vipLevel;
    private String language;
    private SortField sortField = SortField.id;
    private boolean ascending = true;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
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

    public SortField getSortField() {
        return sortField;
    }

    public void setSortField(SortField sortField) {
        this.sortField = sortField == null ? SortField.id : sortField;
    }

    public boolean isAscending() {
        return ascending;
    }

    public void setAscending(boolean ascending) {
        this.ascending = ascending;
    }
}
