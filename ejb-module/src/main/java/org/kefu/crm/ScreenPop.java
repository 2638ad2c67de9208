package org.kefu.crm;

import org.kefu.platform.PhoneRegion;
import org.kefu.tickets.Ticket;

import java.io.Serializable;
import java.util.List;

/**
 * What the agent sees when a call rings: the customer (found by caller number or by the
 * account entered in the IVR) with VIP level, accounts, last contacts and open tickets; for an
 * unknown caller the number and its region. Getters for EL.
 */
public class ScreenPop implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String phone;
    private final Long customerId;
    private final String name;
    private final int vipLevel;
    private final String foundBy;
    private final PhoneRegion region;
    private final List<AccountLine> accounts;
    private final List<ContactLine> contacts;
    private final List<Ticket> openTickets;

    public ScreenPop(String phone, Long customerId, String name, int vipLevel, String foundBy, PhoneRegion region,
                     List<AccountLine> accounts, List<ContactLine> contacts, List<Ticket> openTickets) {
        this.phone = phone;
        this.customerId = customerId;
        this.name = name;
        this.vipLevel = vipLevel;
        this.foundBy = foundBy;
        this.region = region;
        this.accounts = List.copyOf(accounts);
        this.contacts = List.copyOf(contacts);
        this.openTickets = List.copyOf(openTickets);
    }

    public boolean isKnown() {
        return customerId != null;
    }

    public String getPhone() {
        return phone == null ? "" : phone;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getName() {
        return name;
    }

    public int getVipLevel() {
        return vipLevel;
    }

    /** PHONE, IVR (an account number the caller entered) or CALL (the ACD's customer id). */
    public String getFoundBy() {
        return foundBy;
    }

    /** Null when the number's region is not in the table. */
    public PhoneRegion getRegion() {
        return region;
    }

    public List<AccountLine> getAccounts() {
        return accounts;
    }

    public List<ContactLine> getContacts() {
        return contacts;
    }

    public List<Ticket> getOpenTickets() {
        return openTickets;
    }
}
