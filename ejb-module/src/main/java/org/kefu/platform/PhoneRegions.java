package org.kefu.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Caller number → region (table {@code phone_region}, sql/kefu/V9_1): a landline by its area code
 * (010, 0755 …), a mobile by its 7-digit 号段, else by its 3-digit carrier prefix. The longest
 * prefix that is in the table wins.
 */
@Stateless
@PermitAll // local only
public class PhoneRegions {

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    public Optional<PhoneRegion> regionOf(String number) {
        List<String> prefixes = prefixesOf(number);
        if (prefixes.isEmpty()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT prefix, kind, province, city, carrier FROM phone_region WHERE prefix IN (:p)")
                .setParameter("p", prefixes)
                .getResultList();
        Object[] best = null;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if (best == null || r[0].toString().length() > best[0].toString().length()) {
                best = r;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new PhoneRegion((String) best[1], (String) best[2], (String) best[3], (String) best[4]));
    }

    /** The prefixes worth looking up for a number, longest first; none for something that is no number. */
    static List<String> prefixesOf(String number) {
        if (number == null) {
            return List.of();
        }
        String n = number.replaceAll("[\\s()+-]", "");
        if (n.startsWith("0086")) {
            n = n.substring(4);
        } else if (n.startsWith("86") && n.length() == 13) {
            n = n.substring(2);
        }
        if (!n.matches("[0-9]{3,20}")) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>();
        if (n.length() == 11 && n.startsWith("1")) {
            prefixes.add(n.substring(0, 7));
            prefixes.add(n.substring(0, 3));
        } else if (n.startsWith("0") && n.length() >= 4) {
            prefixes.add(n.substring(0, 4)); // 0755
            prefixes.add(n.substring(0, 3)); // 010, 020–029
        }
        return prefixes;
    }
}
