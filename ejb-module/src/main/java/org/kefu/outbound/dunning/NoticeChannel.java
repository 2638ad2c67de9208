package org.kefu.outbound.dunning;

import org.kefu.crm.Customer;
import org.kefu.crm.CustomerPhone;

import java.util.Optional;

/** How a reminder reaches the customer: written (SMS, e-mail) or a call that an IVR flow speaks (VOICE). */
public enum NoticeChannel {
    SMS, EMAIL, VOICE;

    /**
     * @param escalate the written reminders have not helped: call, where the customer has a phone
     */
    static Optional<Address> addressOf(Customer customer, boolean escalate) {
        String mobile = customer.getPhones().stream().filter(p -> "MOBILE".equals(p.getKind()))
                .map(CustomerPhone::getPhone).findFirst().orElse(null);
        String phone = mobile != null ? mobile : customer.getPhones().stream().map(CustomerPhone::getPhone).findFirst().orElse(null);
        return choose(customer.getNoticeChannel(), mobile, customer.getEmail(), phone, escalate);
    }

    /**
     * Where to, by the customer's choice where it can be carried out (CALL: a voice reminder to the
     * mobile, else another phone); none chosen: SMS to a mobile, else e-mail. After the written
     * reminders that a bill may have before a call ({@code escalate}), a call where there is a phone.
     */
    static Optional<Address> choose(String chosen, String mobile, String email, String phone, boolean escalate) {
        boolean hasPhone = phone != null && !phone.isBlank();
        if (hasPhone && ("CALL".equals(chosen) || escalate)) {
            return Optional.of(new Address(VOICE, phone.strip()));
        }
        return choose(chosen, mobile, email);
    }

    /** A written reminder: SMS or e-mail as chosen; none chosen: SMS to a mobile, else e-mail. */
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
