package org.kefu.web.workplace;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;
import org.kefu.acd.AcdException;
import org.kefu.acd.SoftPhoneException;
import org.kefu.assisted.AssistedBankingException;
import org.kefu.crm.ContactRecordException;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalsTest {

    @Test
    void eachDomainRefusalHasItsOwnMessage() {
        assertThat(Refusals.messageKey(new AcdException(AcdException.Kind.CONFLICT, "desk taken"))).isEqualTo("workplace.acd.CONFLICT");
        assertThat(Refusals.messageKey(new SoftPhoneException("NO_CALL", "idle"))).isEqualTo("workplace.phone.NO_CALL");
        assertThat(Refusals.messageKey(new ContactRecordException("UNKNOWN_CODE", "X9"))).isEqualTo("workplace.record.UNKNOWN_CODE");
        assertThat(Refusals.messageKey(new AssistedBankingException("NOT_VERIFIED"))).isEqualTo("workplace.bank.NOT_VERIFIED");
        assertThat(Refusals.messageKey(new EJBAccessException("no role"))).isEqualTo("workplace.error.forbidden");
    }

    @Test
    void anythingElseIsTheGeneralMessage() {
        assertThat(Refusals.messageKey(new IllegalStateException("bug"))).isEqualTo(Refusals.GENERAL);
    }

    @Test
    void theRefusalIsUnwrappedFromTheEjbException() {
        AcdException refusal = new AcdException(AcdException.Kind.NOT_FOUND, "no such agent");
        assertThat(Refusals.cause(new EJBException(refusal))).isSameAs(refusal);
        EJBException bare = new EJBException("no cause");
        assertThat(Refusals.cause(bare)).isSameAs(bare);
        IllegalArgumentException plain = new IllegalArgumentException();
        assertThat(Refusals.cause(plain)).isSameAs(plain);
    }

    @Test
    void everyAcdRefusalHasATextInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle bundle = ResourceBundle.getBundle("org.kefu.web.messages", locale);
            for (AcdException.Kind kind : AcdException.Kind.values()) {
                assertThat(bundle.containsKey(Refusals.messageKey(new AcdException(kind, "")))).as(locale + " " + kind).isTrue();
            }
            assertThat(bundle.containsKey(Refusals.GENERAL)).isTrue();
            assertThat(bundle.containsKey("workplace.error.forbidden")).isTrue();
        }
    }
}
