package org.kefu.outbound.dunning;

import org.kefu.crm.Customer;
import org.kefu.crm.CustomerPhone;

import java.util.Optional;

/** How a written reminder reaches the customer. */
public enum NoticeChannel {
    SMS, EMAIL;

    static Optional<Address> addressOf(Customer customer) {
        return choose(customer.getNoticeChannel(), customer.getPhones().stream().filter(p -> "MOBILE".equals(p.getKind()))
                .map(CustomerPhone::getPhone).findFirst().orElse(null), customer.getEmail());
    }

    /** Where to, by the customer's choice where it can be carried out; none chosen: SMS to a mobile, else e-mail. */
    static Optional<Address> choose(String chosen, String mobile, String email) {
        boolean hasMobile = mobile != null && !mobile.isBlank();
        boolean hasEmail = email != null && !email.isBlank();
        if ("EMAIL".equals(chosen) && hasEmail || !hasMobile && hasEmail) {
            return Optional.of(new Address(EMAIL, email.strip()));
        }
        return hasMobile ? Optional.of(new Address(SMS, mobile.strip())) : Optional.empty();
    }

    /** A channel and the number or address on it. */
    record Address(NoticeChannel channel, String to) {
    }
}
