package org.kefu.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where tickets of a category (and its sub-categories) go, perhaps only for callers of a province or city. */
@Entity
@Table(name = "ticket_dispatch_rule")
public class DispatchRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "category_code", nullable = false, length = 32)
    private String categoryCode;

    /** Null: any province. */
    @Column(name = "province", length = 32)
    private String province;

    /** Null: any city (of the province, if one is set). */
    @Column(name = "city", length = 32)
    private String city;

    @Column(name = "department_code", nullable = false, length = 32)
    private String departmentCode;

    protected DispatchRule() {
    }

    DispatchRule(String categoryCode, String province, String city, String departmentCode) {
        this.categoryCode = categoryCode;
        this.province = province;
        this.city = city;
        this.departmentCode = departmentCode;
    }

    public Long getId() { return id; }
    public String getCategoryCode() { return categoryCode; }
    public String getProvince() { return province; }
    public String getCity() { return city; }
    public String getDepartmentCode() { return departmentCode; }
}
