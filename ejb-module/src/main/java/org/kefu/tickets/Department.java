package org.kefu.tickets;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.Set;
import java.util.TreeSet;

/** A handling department (承办单位) of the organisation tree, with its head and its handlers' logins. */
@Entity
@Table(name = "department")
public class Department {

    @Id
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "parent_code", length = 32)
    private String parentCode;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 100)
    private String nameEn;

    /** Warned first when one of its tickets runs late; may be null. */
    @Column(name = "head_login", length = 32)
    private String headLogin;

    /** Y: works in its own OA system, which hears of its tickets over JMS and reports back. */
    @Column(name = "works_in_oa", nullable = false, length = 1)
    private String worksInOa = "N";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "department_member", joinColumns = @JoinColumn(name = "department_code"))
    @Column(name = "login", length = 32)
    private Set<String> members = new TreeSet<>();

    protected Department() {
    }

    public String getCode() { return code; }
    public String getParentCode() { return parentCode; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public String getHeadLogin() { return headLogin; }
    public Set<String> getMembers() { return new TreeSet<>(members); }

    public boolean worksInOa() {
        return "Y".equals(worksInOa);
    }

    public boolean hasMember(String login) {
        return members.contains(login);
    }
}
