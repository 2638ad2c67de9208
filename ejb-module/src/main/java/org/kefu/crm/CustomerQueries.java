package org.kefu.crm;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The customer list's query, built with JPA criteria so that the database pages, sorts and
 * filters (standard SQL: LIKE, IN subqueries, ORDER BY with OFFSET/FETCH by Hibernate's dialect).
 */
final class CustomerQueries {

    private final EntityManager em;

    CustomerQueries(EntityManager em) {
        this.em = em;
    }

    long count(CustomerSearch search) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<Customer> c = q.from(Customer.class);
        q.select(cb.count(c)).where(matching(cb, q, c, search));
        return em.createQuery(q).getSingleResult();
    }

    List<Customer> page(CustomerSearch search, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Customer> q = cb.createQuery(Customer.class);
        Root<Customer> c = q.from(Customer.class);
        q.select(c).where(matching(cb, q, c, search));
        String attribute = search.getSortField().name();
        // The id breaks ties, so that a page boundary never shows a customer twice or never.
        q.orderBy(search.isAscending() ? cb.asc(c.get(attribute)) : cb.desc(c.get(attribute)),
                search.isAscending() ? cb.asc(c.get("id")) : cb.desc(c.get("id")));
        TypedQuery<Customer> typed = em.createQuery(q).setFirstResult(first);
        if (max > 0) {
            typed.setMaxResults(max);
        }
        return typed.getResultList();
    }

    private static Predicate matching(CriteriaBuilder cb, CriteriaQuery<?> q, Root<Customer> c, CustomerSearch s) {
        List<Predicate> all = new ArrayList<>();
        if (s.getVipLevel() != null) {
            all.add(cb.equal(c.get("vipLevel"), s.getVipLevel()));
        }
        if (s.getLanguage() != null && !s.getLanguage().isBlank()) {
            all.add(cb.equal(c.get("language"), s.getLanguage()));
        }
        String text = s.getText() == null ? "" : s.getText().strip();
        if (!text.isEmpty()) {
            String contains = "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
            String digits = text.replace(" ", "").replace("-", "");
            String digitsContain = "%" + escape(digits.toUpperCase(Locale.ROOT)) + "%";

            Subquery<Long> byPhone = q.subquery(Long.class);
            Root<Customer> p = byPhone.from(Customer.class);
            Join<Customer, CustomerPhone> phone = p.join("phones");
            byPhone.select(p.get("id")).where(cb.like(phone.get("phone"), digitsContain, '\\'));

            Subquery<Long> byAccount = q.subquery(Long.class);
            Root<Customer> a = byAccount.from(Customer.class);
            Join<Customer, LinkedAccount> account = a.join("accounts");
            byAccount.select(a.get("id")).where(cb.like(cb.upper(account.get("accountNumber")), digitsContain, '\\'));

            all.add(cb.or(
                    cb.like(cb.lower(c.get("name")), contains, '\\'),
                    cb.like(c.get("idNumber"), digitsContain, '\\'),
                    c.get("id").in(byPhone),
                    c.get("id").in(byAccount)));
        }
        return cb.and(all.toArray(new Predicate[0]));
    }

    /** The user's % and _ are letters, not wildcards. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
