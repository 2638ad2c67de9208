package org.kefu.crm;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A caller we know: name, phones, national ID, VIP level and the language to greet them in. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "id_number", length = 32)
    private String idNumber;

    @Column(name = "vip_level", nullable = false)
    private int vipLevel;

    @Column(name = "lang", nullable = false, length = 16)
    private String language = "zh-CN";

    @Column(name = "address", length = 200)
    private String address;

    @Column(name = "email", length = 254)
    private String email;

    /** The channel the customer chose for written reminders (SMS or EMAIL); null: none chosen. */
    @Column(name = "notice_channel", length = 8)
    private String noticeChannel;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_phone", joinColumns = @JoinColumn(name = "customer_id"))
    private List<CustomerPhone> phones = new ArrayList<>();

    // Lazy: two eager lists on one entity cannot be fetched together; the editor reads them
    // inside its transaction.
    @ElementCollection
    @CollectionTable(name = "customer_account", joinColumns = @JoinColumn(name = "customer_id"))
    private List<LinkedAccount> accounts = new ArrayList<>();

    protected Customer() {
    }

    public Customer(String name, String idNumber, int vipLevel, String language) {
        this.name = name;
        this.idNumber = idNumber;
        this.vipLevel = vipLevel;
        this.language = language;
    }

    public Long getId() {
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

    public String getAddress() {
        return address;
    }

    public String getEmail() {
        return email;
    }

    public String getNoticeChannel() {
        return noticeChannel;
    }

    /** The back office's update of the customer's record; null leaves a field as it is. */
    public void update(String newName, String newAddress, Integer newVipLevel, String newLanguage) {
        if (newName != null) {
            name = newName;
        }
        if (newAddress != null) {
            address = newAddress;
        }
        if (newVipLevel != null) {
            vipLevel = newVipLevel;
        }
        if (newLanguage != null) {
            language = newLanguage;
        }
    }

    public List<CustomerPhone> getPhones() {
        return List.copyOf(phones);
    }

    public void addPhone(CustomerPhone phone) {
        phones.add(phone);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<LinkedAccount> getAccounts() {
        return List.copyOf(accounts);
    }

    /** The editor's change: every field as the agent left it (checked by CustomerRules before). */
    public void edit(String newName, String newIdNumber, int newVipLevel, String newLanguage, String newAddress,
                     List<CustomerPhone> newPhones, List<LinkedAccount> newAccounts) {
        name = newName;
        idNumber = newIdNumber;
        vipLevel = newVipLevel;
        language = newLanguage;
        address = newAddress;
        phones.clear();
        phones.addAll(newPhones);
        accounts.clear();
        accounts.addAll(newAccounts);
    }
}
